import { z } from 'zod';
import { agreementSchema, isoDate, lonLat, multilingualName, stepKey, TARGET_PERIOD_PATTERN } from './schemas';
import { EVIDENCE_IDS, KIND_IDS, LEVEL_IDS, PRECISION_IDS, STATUS_IDS } from './vocabulary';

/**
 * The request bodies of the record's writes, shared by the server (parseBody) and the client (which
 * checks a body with the same schema before sending it).
 */

/**
 * A body's first problem as the server words it (`Field "steps.3.quote": …`) and the field it names
 * (undefined for the body as a whole): the server's 400 and the client's own check say the same.
 */
export function bodyProblem(error: z.ZodError, label = 'Field'): { message: string; field: string | undefined } {
  const issue = error.issues[0];
  const field = issue.path.join('.');
  return { message: `${label} "${field || '(body)'}": ${issue.message}`, field: field || undefined };
}

/** The most text one import may hold: five times the largest source document (~60 000 characters). */
export const MAX_DOCUMENT_CHARS = 300_000;

/**
 * The most clauses one import may hold: real documents have at most ~150; a text cut into tens of thousands of
 * one-line "clauses" would hold the store and make every later answer about that agreement huge.
 */
export const MAX_DOCUMENT_CLAUSES = 1_000;

/** The 400 for a document cut into more clauses than an import takes (field `text`). */
export const tooManyClausesMessage = (count: number) =>
  `Field "text": the document is cut into ${count} clauses; an import takes at most ${MAX_DOCUMENT_CLAUSES} (real documents have about 150)`;

/** POST /api/imports/read: a document's text, to be segmented and read for suggestions. */
export const importReadBody = z.strictObject({
  text: z.string().trim().min(1).max(MAX_DOCUMENT_CHARS),
  /** The document's date as the editor gives it: suggestions are checked against the record as of it. */
  date: isoDate.optional(),
});

const clausePath = z.array(z.string().regex(/^[A-Za-z0-9]+$/)).min(1);

/** Kinds drawn at one point: routes and pairings need waypoints, markers a number — not made by a click. */
export const NEW_PLACE_KINDS = z
  .enum(KIND_IDS)
  .extract(['gate_pair', 'channel', 'opening', 'market', 'special_road', 'zone', 'bridge']).options;

/** A click on the embedded basemap is never better than ≈5 km (see newFeature.location). */
export const NEW_PLACE_PRECISIONS = z.enum(PRECISION_IDS).extract(['5km', 'approximate']).options;

/** A place the document names that the record does not hold yet, positioned by the editor on the map. */
const newFeature = z.strictObject({
  /** How the steps and mentions of this import refer to it (its id is the server's to choose). */
  ref: z.string().min(1).max(50),
  kind: z.enum(NEW_PLACE_KINDS),
  name: multilingualName,
  provinces: z.array(z.string().min(1)).min(1),
  /** Clicked on the map: always an estimate, with the precision the editor states and how it was placed. */
  location: z.strictObject({
    coordinates: lonLat,
    /**
     * A click on the embedded basemap (no imagery, no surveyed detail) is never better than ≈5 km: the
     * map draws it as approximate. "exact" and "1km" belong to sourced points (the gazetteer).
     */
    precision: z.enum(NEW_PLACE_PRECISIONS),
    source: z.string().trim().min(1).max(500),
  }),
  note: z.string().trim().min(1).max(2000).optional(),
});

const featureRef = z.union([z.strictObject({ featureId: z.string().min(1) }), z.strictObject({ newFeature: z.string().min(1) })]);

/** POST /api/imports: the document, its metadata, and every suggestion the editor accepted (or changed). */
export const importBody = z.strictObject({
  text: z.string().trim().min(1).max(MAX_DOCUMENT_CHARS),
  agreement: agreementSchema.omit({ id: true, sourceFile: true, partOf: true, referencedIn: true }),
  newFeatures: z.array(newFeature).max(200).default([]),
  steps: z
    .array(
      z.strictObject({
        clausePath,
        feature: featureRef,
        status: z.enum(STATUS_IDS).exclude(['unknown']),
        level: z.enum(LEVEL_IDS).nullable(),
        evidence: z.enum(EVIDENCE_IDS),
        quote: z.string().trim().min(1).max(2000),
        /** A deadline the clause sets (domain/targets.ts): its cue must be the clause's words. */
        target: z
          .strictObject({
            by: z.string().regex(TARGET_PERIOD_PATTERN, 'must be YYYY, YYYY-H1|H2, YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD'),
            cue: z.string().trim().min(1).max(2000),
            reach: z.enum(STATUS_IDS).exclude(['unknown', 'proposed']),
          })
          .optional(),
        note: z.string().trim().min(1).max(2000).optional(),
      }),
    )
    .max(1000)
    .default([]),
  /** Features a clause names without changing their status. */
  mentions: z
    .array(z.strictObject({ clausePath, feature: featureRef }))
    .max(1000)
    .default([]),
});
export type ImportBody = z.infer<typeof importBody>;

/** POST /api/features/:id/steps: a new status step, citing the clause it rests on. */
export const statusStepBody = z.strictObject({
  /** The feature's version the editor read (GET /api/features/:id → version): a stale one gets 409. */
  version: z.number().int().min(1),
  /** The date of the document the step is read from. */
  date: isoDate,
  status: z.enum(STATUS_IDS).exclude(['unknown']),
  level: z.enum(LEVEL_IDS).nullable(),
  evidence: z.enum(EVIDENCE_IDS),
  agreementId: z.string().min(1).max(100),
  clauseId: z.string().min(1).max(100),
  /** Verbatim words of the clause that carry the step: must be found in its text. */
  quote: z.string().trim().min(1).max(2000),
  note: z.string().trim().min(1).max(2000).optional(),
  /** A correction: the earlier step of this feature it replaces (which stays, marked corrected). Needs a note saying why. */
  corrects: stepKey.optional(),
});
export type StatusStepBody = z.infer<typeof statusStepBody>;
