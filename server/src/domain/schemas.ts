/**
 * Runtime schemas for the record (data files) and the API, shared by server and client.
 * Parse once at each boundary: the server when it loads data files and reads query strings,
 * the client inside each react-query `queryFn`.
 */
import { z } from 'zod';
import { AGREEMENT_KIND_IDS, EVIDENCE_IDS, KIND_IDS, LEVEL_IDS, PRECISION_IDS, PROGRESS_MOVE_IDS, STATUS_IDS } from './vocabulary';

export const isoDate = z.iso.date();
/** A date known to the year, month or day, as the documents give it (e.g. the MoU "agreed February 2022"). */
/** A target's period: 2025, 2026-H1, 2029-Q4, 2025-06, 2025-06-30. */
export const TARGET_PERIOD_PATTERN = /^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?$/;
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

const countryCode = z.enum(['VN', 'CN', 'LA']);

export const multilingualName = z.strictObject({
  vi: z.string().min(1),
  /** null: no Chinese name found in the documents or the gazetteer. */
  zh: z.string().min(1).nullable(),
  en: z.string().min(1),
});
export type MultilingualName = z.infer<typeof multilingualName>;

export const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** Every coordinate says where it comes from and how far to trust it. */
export const located = z.strictObject({
  coordinates: lonLat,
  precision: z.enum(PRECISION_IDS),
  /** `sourced`: a published coordinate; `estimate`: derived by us from descriptions (always approximate). */
  provenance: z.enum(['sourced', 'estimate']),
  source: z.string().min(1),
  /** Row of shared/reference/gazetteer.json this point comes from: geodata:check compares them. */
  gazetteerId: z.string().min(1).optional(),
  /** What the published point marks (e.g. "爱店口岸, the Chinese port's inspection building"). */
  marks: z.string().min(1).optional(),
  /**
   * Other published points for the same place that disagree with this one by more than its precision:
   * kept, not overwritten, and the map draws the disagreement.
   */
  alsoReported: z
    .array(
      z.strictObject({
        coordinates: lonLat,
        precision: z.enum(PRECISION_IDS),
        source: z.string().min(1),
        marks: z.string().min(1).optional(),
      }),
    )
    .min(1)
    .optional(),
  note: z.string().min(1).optional(),
});
export type Located = z.infer<typeof located>;

const agreementKind = z.enum(AGREEMENT_KIND_IDS);

export const agreementSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: agreementKind,
  draft: z.boolean(),
  title: z.strictObject({ vi: z.string().min(1), en: z.string().min(1), zh: z.string().min(1).nullable() }),
  /** Date written on the document (null when the documents do not give it). */
  documentDate: partialDate.nullable(),
  /** Date signed or agreed, where it differs or is known; null for drafts and unknowns. */
  signedDate: partialDate.nullable(),
  place: z.string().min(1).nullable(),
  parties: z.array(z.strictObject({ country: countryCode, name: multilingualName })),
  period: z.strictObject({ from: partialDate, to: partialDate }).nullable(),
  /** File under geodata/documents/ holding the full text, or null: referenced, text not held. */
  sourceFile: z.string().min(1).nullable(),
  /** The document this one is attached to or enclosed in (a draft annexed to a submission…). */
  partOf: z.string().min(1).optional(),
  /**
   * The set of documents the texts cite this one in, always together (the "three legal documents" on the
   * land border): a feature cited about the set is linked to each of its members.
   */
  memberOf: z.string().min(1).optional(),
  /** Clauses of held documents that cite this one (for agreements whose text is not held). */
  referencedIn: z.array(z.string().min(1)).optional(),
  /**
   * Where the dates come from when the held documents do not give them (a fact from outside the
   * documents carries its public source; geodata:check refuses a referenced document's date without one).
   */
  datesSource: z.string().min(1).optional(),
  /** A referenced document no feature is cited about: why (the filter says so instead of an empty map). */
  unlinked: z.strictObject({ vi: z.string().min(1), en: z.string().min(1), zh: z.string().min(1) }).optional(),
  note: z.string().min(1).optional(),
});
export type Agreement = z.infer<typeof agreementSchema>;

const clauseId = z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9.]+$/);

export const clauseSchema = z.strictObject({
  id: clauseId,
  agreementId: z.string().min(1),
  /** Position in the document, e.g. ["3", "¶4"]; `label` is how a reader finds it. */
  path: z.array(z.string().min(1)).min(1),
  label: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }),
  /** Verbatim text, line breaks of the source joined by single spaces. */
  text: z.strictObject({ vi: z.string().min(1), zh: z.string().min(1).optional() }),
});
export type Clause = z.infer<typeof clauseSchema>;

const featureSide = z.strictObject({
  country: countryCode,
  name: multilingualName,
  /** The Chinese name is an inference (see note), not read in a source. */
  zhInferred: z.boolean().optional(),
  province: z.string().min(1),
  location: located.nullable(),
  note: z.string().min(1).optional(),
});
export type FeatureSide = z.infer<typeof featureSide>;

const relationType = z.enum([
  'channel_of',
  'road_of',
  'located_by',
  'bridge_at',
  'part_of',
  'crosses_at',
  'variant_of',
  /** Different projects the documents name side by side (e.g. a line's renovation and its standard-gauge successor). */
  'related',
]);

/** "Clause C of a held document cites agreement X about this feature" (a referenced document's text is not held). */
const citationSchema = z.strictObject({
  agreementId: z.string().min(1),
  clauseId,
  note: z.string().min(1).optional(),
});

/** How a route carries people or goods; the map draws each differently. */
export const transportMode = z.enum(['passenger', 'freight', 'rail', 'air', 'tourism', 'ambulance', 'bus']);
export type TransportMode = z.infer<typeof transportMode>;

export const featureRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(KIND_IDS),
  name: multilingualName,
  /** The Chinese name (or its Vietnamese side) is a reading we inferred, not one found in a source: shown as such. */
  zhInferred: z.boolean().optional(),
  /** Other written forms found in sources (e.g. 新青, VNA's Chinese for Tân Thanh, where the Chinese side writes 新清): search finds them; the note says where each is from. */
  aliases: z.array(z.string().min(1)).optional(),
  /** The two sides of a pair (gate, channel, opening, market), each with its own name. */
  sides: z.array(featureSide).max(2).optional(),
  /** Provinces involved (ISO 3166-2), as named when the record was made. */
  provinces: z.array(z.string().min(1)).min(1),
  /** Where the map draws it: a point, or the ordered waypoints of a line. */
  location: located.optional(),
  waypoints: z
    .array(z.strictObject({ name: multilingualName, location: located }))
    .min(2)
    .optional(),
  /** Drawn from waypoints, not surveyed: the line shows connection, not alignment. */
  schematic: z.boolean().optional(),
  /** Neither a point nor waypoints can be justified: kept in the record, not drawn, and this says why. */
  unlocated: z.string().min(1).optional(),
  /** Routes: mode, the route number the documents give, and which variant ("Một là", "Hai là"). */
  route: z
    .strictObject({
      mode: transportMode,
      number: z.string().min(1).optional(),
      variant: z.string().min(1).optional(),
    })
    .optional(),
  /** Pairings and cooperation mechanisms: the administrative level of the two partners. */
  pairingScale: z.enum(['commune', 'district', 'province']).optional(),
  relations: z
    .array(
      z.strictObject({
        type: relationType,
        target: z.string().min(1),
        /** When the relation is not a fact of the documents' dates (e.g. the goal a clause sets). */
        note: z.string().min(1).optional(),
      }),
    )
    .default([]),
  /** Clauses that name it without changing its status. */
  mentionedIn: z.array(clauseId).default([]),
  /** Referenced documents (text not held) that a clause cites about it: "căn cứ" (audit §4). */
  citations: z.array(citationSchema).optional(),
  note: z.string().min(1).optional(),
});
export type FeatureRecord = z.infer<typeof featureRecordSchema>;

/** Names one step of a feature: its date, clause, status and level. */
export const stepKey = z.strictObject({
  date: isoDate,
  clauseId,
  status: z.enum(STATUS_IDS),
  level: z.enum(LEVEL_IDS).nullable(),
  /** The step's subject (English), when it has one: one clause can carry several subject steps alike otherwise. */
  subject: z.string().min(1).optional(),
});
export type StepKey = z.infer<typeof stepKey>;

/**
 * What moved on a commitment at a step that kept its stage: the addressee (a proposal to a committee now made
 * to the two Governments), the deadline (a year given or brought forward), the scope (more of the thing
 * included). `text` says what moved, in the three languages. The "stalled" clock restarts at such a step.
 */
export const stepProgress = z.strictObject({
  moves: z
    .array(z.enum(PROGRESS_MOVE_IDS))
    .min(1)
    .refine((moves) => new Set(moves).size === moves.length, 'each move is named once'),
  text: z.strictObject({ vi: z.string().min(1), en: z.string().min(1), zh: z.string().min(1) }),
});

export const statusEventSchema = z.strictObject({
  featureId: z.string().min(1),
  /** The date of the document the step is read from. */
  date: isoDate,
  status: z.enum(STATUS_IDS).exclude(['unknown']),
  /** The level this step concerns (e.g. `international` for an upgrade); null when the text does not say. */
  level: z.enum(LEVEL_IDS).nullable(),
  /** What the step is about when it is not opening the thing itself (e.g. an expansion). */
  subject: z.strictObject({ vi: z.string().min(1), en: z.string().min(1) }).optional(),
  evidence: z.enum(EVIDENCE_IDS),
  agreementId: z.string().min(1),
  clauseId,
  /** Verbatim words of the clause that carry this step. */
  quote: z.string().min(1),
  /**
   * A commitment's deadline, as the clause words it: by when (a year, half-year, quarter, month or day) the status
   * `reach` is to be reached for this step's level or subject. `cue` is the clause's own words (checked verbatim).
   * The record on a date says whether it is met, due or overdue (domain/targets.ts).
   */
  target: z
    .strictObject({
      by: z.string().regex(TARGET_PERIOD_PATTERN, 'must be YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD'),
      cue: z.string().min(1),
      reach: z.enum(STATUS_IDS).exclude(['unknown', 'proposed']),
    })
    .optional(),
  /**
   * What moved since the commitment's previous step when the status did not: progress, not a restatement
   * (domain/commitments.ts). Never on the first step of a commitment (the record loader refuses it).
   */
  progress: stepProgress.optional(),
  note: z.string().min(1).optional(),
  /**
   * This step's reading belongs to another feature (its id): the clause does not name this one (the 2023 pilot smart
   * gate the minutes pin to no gate). The step stays here and in the history, marked moved; the other feature carries
   * the reading, citing the same clause (the loader checks it); states are computed without it.
   */
  movedTo: z.string().min(1).optional(),
  /**
   * A correction: this step replaces an earlier step of the same feature that misread its source
   * (named by its date, clause, status and level). The earlier step stays in the record and the history,
   * marked corrected; states are computed without it. `note` says why.
   */
  corrects: stepKey.optional(),
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

export const provinceSchema = z.strictObject({
  code: z.string().min(1),
  country: countryCode,
  name: multilingualName,
  /** Province it was merged into, and when (the 2025 Vietnamese mergers). */
  mergedInto: z
    .strictObject({
      code: z.string().min(1),
      date: isoDate,
      /** The documents give only the year: the date is an outside fact and names its public source. */
      source: z.string().min(1),
    })
    .optional(),
});
export type Province = z.infer<typeof provinceSchema>;
