/**
 * Shapes of the API's responses, shared so the client can parse what it receives.
 */
import { z } from 'zod';
import { SHAPE_PATHS, type ShapeId } from './drawing/shapes';
import { IMPORT_RULES, IMPORT_WARNINGS } from './import/reading-vocabulary';
import {
  agreementSchema,
  clauseSchema,
  featureRecordSchema,
  located,
  lonLat,
  multilingualName,
  provinceSchema,
  statusEventSchema,
  stepKey,
  stepProgress,
  transportMode,
} from './schemas';
import { KIND_IDS, LEVEL_IDS, PRECISION_IDS, STATUS_IDS } from './vocabulary';

const labels = z.object({ vi: z.string(), en: z.string(), zh: z.string() });

export const vocabularyResponse = z.object({
  statuses: z.array(
    z.object({
      id: z.enum(STATUS_IDS),
      order: z.number(),
      operating: z.boolean(),
      color: z.string(),
      label: labels,
      description: labels,
    }),
  ),
  kinds: z.array(z.object({ id: z.enum(KIND_IDS), hasStatus: z.boolean(), label: labels })),
  levels: z.array(z.object({ id: z.enum(LEVEL_IDS), rank: z.number(), label: labels })),
  precisions: z.array(z.object({ id: z.enum(PRECISION_IDS), approximate: z.boolean(), label: labels })),
});
export type VocabularyResponse = z.infer<typeof vocabularyResponse>;

const featureProperties = z.object({
  kind: z.enum(KIND_IDS),
  name: multilingualName,
  /** null for kinds that have no status (boundary markers). */
  status: z.enum(STATUS_IDS).nullable(),
  level: z.enum(LEVEL_IDS).nullable(),
  upgrade: z.object({ level: z.enum(LEVEL_IDS), status: z.enum(STATUS_IDS) }).nullable(),
  /** Date of the document the status is last reported in (its latest step); later documents are silent on it. */
  since: z.string().nullable(),
  /** That document's agreement id: the status is "theo văn bản <since>" (null: no step). */
  reportedIn: z.string().nullable(),
  /** The Chinese name, or part of it, is our reading, not found in a source. */
  zhInferred: z.boolean(),
  /** The Vietnamese province the feature lies in (ISO 3166-2), as it was on `asOf` (today by default). */
  province: z.string(),
  provinces: z.array(z.string()),
  /** Province codes as the record names them (before mergers), for clients that compute `asOf` themselves. */
  recordedProvinces: z.array(z.string()),
  /** The first date the record knows the feature (its first step or mention); features are hidden before it. */
  firstRecorded: z.string().nullable(),
  /** null when the feature has no position (geometry null, see `record.unlocated`). */
  precision: z.enum(PRECISION_IDS).nullable(),
  approximate: z.boolean(),
  located: z.boolean(),
  schematic: z.boolean(),
  route: z.object({ mode: transportMode, number: z.string().optional(), variant: z.string().optional() }).nullable(),
  /** Each side of a pair that has a position of its own (drawn and linked at close zoom). */
  sidePoints: z.array(
    z.object({
      country: z.string(),
      name: multilingualName,
      coordinates: lonLat,
      approximate: z.boolean(),
      /** The Chinese name of this side is our reading, not found in a source. */
      zhInferred: z.boolean(),
      /** Other published points for this side that disagree by more than its precision (drawn as a disagreement). */
      alsoReported: z.array(z.object({ coordinates: lonLat, source: z.string() })),
    }),
  ),
  /** Lines (routes, pairings): their places in order, as the documents list them. null for points. */
  waypoints: z.array(z.object({ name: multilingualName, coordinates: lonLat, precision: z.enum(PRECISION_IDS) })).nullable(),
  /** Length along the drawn line, km (schematic lines: along the straight segments between places). */
  lengthKm: z.number().nullable(),
  /** A promise about it was restated without progress for more than two years (as of the date asked). */
  stalled: z.boolean(),
  /** A commitment's deadline has passed with no document saying it was reached (domain/targets.ts), as of the date asked (today for the latest). */
  overdue: z.boolean(),
  /**
   * Agreements linked to it: through its steps, the clauses naming it, and the referenced documents a
   * clause cites about it (with the set those belong to, e.g. the three legal documents on the land border).
   */
  agreements: z.array(z.string()),
});
export type FeatureProperties = z.infer<typeof featureProperties>;

const pointGeometry = z.object({ type: z.literal('Point'), coordinates: lonLat });
const lineGeometry = z.object({ type: z.literal('LineString'), coordinates: z.array(lonLat).min(2) });

/** GET /api/map/tiles.json: TileJSON 3.0.0 of the map's record tiles, plus how many states a feature has at most. */
export const recordTileJson = z.object({
  tilejson: z.literal('3.0.0'),
  tiles: z.array(z.string()).min(1),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  vector_layers: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.string()) })),
  states: z.number().int().min(1),
  /**
   * From this zoom on, the tiles hold every feature; below it, where a tile would be too dense, the
   * most important per area (map/tile-thinning.ts). 0: every zoom holds every feature.
   */
  completeFromZoom: z.number().int().min(0),
});
export type RecordTileJson = z.infer<typeof recordTileJson>;

/**
 * GET /api/map/states: each drawn feature's states as the map picks and filters them (domain/drawing/map-states.ts),
 * a row per feature [id, kind, agreements, own, point, states], a tuple per state
 * [from, status, upgradeStatus, provinces, stalled, overdue, icon, level].
 */
export const mapStatesResponse = z.object({
  features: z.array(
    z.tuple([
      z.string(),
      z.string(),
      z.string(),
      z.boolean(),
      z.boolean(),
      z.array(
        z.tuple([
          z.number().int(),
          z.string().nullable(),
          z.string().nullable(),
          z.string(),
          z.boolean(),
          z.boolean(),
          z.string(),
          z.string().nullable(),
        ]),
      ),
      // The feature's number (`fid` in the tiles): the map keeps its feature state by it.
      z.number().int().nonnegative(),
    ]),
  ),
});

const apiFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.discriminatedUnion('type', [pointGeometry, lineGeometry]).nullable(),
  properties: featureProperties,
});
export type ApiFeature = z.infer<typeof apiFeature>;

export const featureCollectionResponse = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(apiFeature),
});
export type FeatureCollectionResponse = z.infer<typeof featureCollectionResponse>;

const historyEntry = statusEventSchema.omit({ featureId: true }).extend({
  agreementTitle: z.object({ vi: z.string(), en: z.string(), zh: z.string().nullable() }),
  agreementDate: z.string().nullable(),
  clauseLabel: z.object({ vi: z.string(), en: z.string() }),
  /** Who recorded the step in the app and when (ISO 8601); null for the curated record's steps. */
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
  /** The later step that corrects this one (it no longer counts), or null. */
  correctedBy: stepKey.nullable(),
  /** The name of the feature this step's reading moved to (`movedTo`), or null. */
  movedToName: multilingualName.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const featureDetailResponse = apiFeature.extend({
  /** Raised by every change to the feature: an edit sends the version it read (409 when stale). */
  version: z.number().int().min(1),
  record: featureRecordSchema
    .pick({ sides: true, relations: true, waypoints: true, note: true, unlocated: true, pairingScale: true })
    .extend({
      location: located.optional(),
      mentionedIn: z.array(
        z.object({ clauseId: z.string(), agreementId: z.string(), label: z.object({ vi: z.string(), en: z.string() }) }),
      ),
    }),
  /**
   * "Căn cứ": referenced documents (text not held) that a clause of a held document cites about it,
   * with the citing clause.
   */
  basis: z.array(
    z.object({
      agreementId: z.string(),
      agreementTitle: z.object({ vi: z.string(), en: z.string(), zh: z.string().nullable() }),
      agreementDate: z.string().nullable(),
      clauseId: z.string(),
      clauseAgreementId: z.string(),
      clauseLabel: z.object({ vi: z.string(), en: z.string() }),
      note: z.string().nullable(),
    }),
  ),
  /** Features linked to this one either way: its channels, roads, bridges, markers; the gate it belongs to. */
  related: z.array(
    z.object({ id: z.string(), kind: z.enum(KIND_IDS), name: multilingualName, relation: z.string(), direction: z.enum(['out', 'in']) }),
  ),
  history: z.array(historyEntry),
  /** Its steps grouped into promises: first made, restated, achieved or stalled. */
  commitments: z.array(
    z.object({
      key: z.string(),
      /** What the promise is about when it is not the opening itself (smart gate, expansion…). */
      subject: z.object({ vi: z.string(), en: z.string() }).nullable(),
      clauseIds: z.array(z.string()),
      firstMade: z.string(),
      lastRestated: z.string(),
      achieved: z.string().nullable(),
      /** Its steps that moved it without changing its stage (a new addressee, deadline or scope), and what moved. */
      progressed: z.array(z.object({ date: z.string(), clauseId: z.string(), agreementId: z.string(), progress: stepProgress })),
      /** Restated at the same stage more than two years after reaching it, or after its last progress. */
      stalled: z
        .object({ since: z.string(), restated: z.string(), days: z.number(), sinceClause: z.string(), restatedClause: z.string() })
        .nullable(),
      /** Its deadline as the record reads it on the date asked (the latest reading: today), or null. */
      target: z
        .object({
          by: z.string(),
          due: z.string(),
          reach: z.enum(STATUS_IDS),
          cue: z.string(),
          clauseId: z.string(),
          agreementId: z.string(),
          setOn: z.string(),
          state: z.enum(['met', 'upcoming', 'dueThisYear', 'overdue']),
          daysLate: z.number(),
          moved: z.boolean(),
          metOn: z.string().nullable(),
          restatements: z.array(z.object({ by: z.string(), date: z.string(), clauseId: z.string(), cue: z.string() })),
        })
        .nullable(),
    }),
  ),
});
export type FeatureDetailResponse = z.infer<typeof featureDetailResponse>;

export const agreementListResponse = z.array(agreementSchema.extend({ clauseCount: z.number() }));
export type AgreementListResponse = z.infer<typeof agreementListResponse>;
/** A clause with the features it names or moves, so a reader can jump from text to map. */
const clauseWithFeatures = clauseSchema.extend({
  features: z.array(z.object({ id: z.string(), kind: z.enum(KIND_IDS), name: multilingualName })),
});
export type ClauseWithFeatures = z.infer<typeof clauseWithFeatures>;
export const agreementDetailResponse = agreementSchema.extend({
  clauses: z.array(clauseWithFeatures),
  /** A referenced document (text not held): the features held clauses cite it about, clause by clause. */
  citedAbout: z.array(
    z.object({
      clauseId: z.string(),
      clauseLabel: z.object({ vi: z.string(), en: z.string() }),
      features: z.array(z.object({ id: z.string(), kind: z.enum(KIND_IDS), name: multilingualName })),
    }),
  ),
});
export type AgreementDetailResponse = z.infer<typeof agreementDetailResponse>;

export const eventsResponse = z.array(statusEventSchema);
export const provincesResponse = z.array(provinceSchema);

export const searchResponse = z.array(
  z.object({
    type: z.enum(['province', 'feature', 'agreement', 'clause']),
    id: z.string(),
    agreementId: z.string().optional(),
    title: z.object({ vi: z.string(), zh: z.string().nullable(), en: z.string() }),
    snippet: z.string().optional(),
  }),
);
export type SearchResponse = z.infer<typeof searchResponse>;

const featureReference = z.object({ id: z.string(), kind: z.enum(KIND_IDS), name: multilingualName });

/** A row of the planner's list: what it shows of a feature as of the date asked. */
const featureRow = featureReference.extend({
  status: z.enum(STATUS_IDS).nullable(),
  /** false: in the lists only (no position in the record). */
  located: z.boolean(),
  /** Date and agreement of the document the status is last reported in (see featureProperties). */
  since: z.string().nullable(),
  reportedIn: z.string().nullable(),
  /** Its Chinese name is partly our reading (shown so in Chinese). */
  zhInferred: z.boolean(),
});
export type FeatureRow = z.infer<typeof featureRow>;

const progressRow = z.object({ key: z.string(), counts: z.partialRecord(z.enum(STATUS_IDS), z.number()), total: z.number() });

/** The most rows GET /api/view and GET /api/changes send at once (`limit`). */
export const MAX_LIST_LIMIT = 1000;

/**
 * GET /api/view: what the planner's screen shows for a date and filters (the map draws the same
 * features from its tiles): counts, the legend, the progress tables (as of the date, before the
 * other filters), a page of the list, and what the record holds at all (kinds, step dates).
 */
export const recordViewResponse = z.object({
  asOf: z.string().nullable(),
  /** Features passing the date and filters, on the map and in the lists only. */
  total: z.number(),
  onMap: z.number(),
  notLocated: z.number(),
  legend: z.object({
    counts: z.partialRecord(z.enum(STATUS_IDS), z.number()),
    shapes: z.array(z.enum(Object.keys(SHAPE_PATHS) as [ShapeId, ...ShapeId[]])),
    modes: z.array(transportMode),
    flags: z.object({
      approximate: z.boolean(),
      upgrade: z.boolean(),
      overdue: z.boolean(),
      plannedRoute: z.boolean(),
      routeMode: z.boolean(),
      side: z.boolean(),
      zone: z.boolean(),
      pairing: z.boolean(),
      cooperation: z.boolean(),
      positionsDisagree: z.boolean(),
      schematic: z.boolean(),
      marker: z.boolean(),
    }),
  }),
  progress: z.object({
    byProvince: z.array(progressRow),
    byAgreement: z.array(progressRow),
    stalled: z.number(),
    /** Features with a commitment past its deadline on the date (domain/targets.ts). */
    overdue: z.number(),
  }),
  /** Rows offset … offset + limit of the features passing, in the record's order. */
  rows: z.array(featureRow),
  offset: z.number(),
  limit: z.number(),
  /** The kinds the record holds (whatever the date and filters) and the dates of its steps. */
  record: z.object({ kinds: z.array(z.enum(KIND_IDS)), stepDates: z.array(z.string()) }),
});
export type RecordViewResponse = z.infer<typeof recordViewResponse>;

const featureStateSchema = z.object({
  status: z.enum(STATUS_IDS),
  level: z.enum(LEVEL_IDS).nullable(),
  upgrade: z.object({ level: z.enum(LEVEL_IDS), status: z.enum(STATUS_IDS) }).nullable(),
  since: z.string().nullable(),
  /** The document the status is last reported in (its date is `since`). */
  reportedIn: z.string().nullable(),
});

/** How many changed features GET /api/changes names for the map to mark (beyond them the count says how many more). */
export const MAX_MARKED_CHANGES = 5000;

/** GET /api/changes: features whose status, level or pending upgrade differ between two dates, a page at a time. */
export const changesResponse = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number(),
  offset: z.number(),
  limit: z.number(),
  changes: z.array(
    z.object({ feature: featureReference, before: featureStateSchema, after: featureStateSchema, steps: z.array(statusEventSchema) }),
  ),
  /** The ids of every changed feature (all pages; the first MAX_MARKED_CHANGES), in the order of `changes`. */
  featureIds: z.array(z.string()),
});

export const apiErrorResponse = z.object({
  /**
   * `field`: the query parameter or body field at fault ("agreement", "steps.3.quote"), when one is.
   * `mayBeStored`: a change answered 503 `store_unavailable` — the connection may have dropped after its commit.
   */
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), mayBeStored: z.boolean().optional() }),
});

/** GET/POST /api/session: who is signed in (null: a visitor) and the token every change sends back. */
export const sessionResponse = z.union([
  z.object({ user: z.null() }),
  z.object({
    user: z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string() }),
    csrfToken: z.string().min(1),
  }),
]);
export type SessionResponse = z.infer<typeof sessionResponse>;

/** POST /api/features/:id/steps → 201: the step as stored and the feature's new version. */
export const statusStepResponse = z.object({ version: z.number().int(), step: statusEventSchema });

/** The media type of a Word document: POST /api/imports/read takes one as it is. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Why a suggestion says what it says: character offsets in its clause's text of the name and the cue, and the rule. */
const importEvidence = z.object({
  mention: z.tuple([z.number(), z.number()]),
  cue: z.tuple([z.number(), z.number()]).nullable(),
  rule: z.enum(IMPORT_RULES),
});

/** POST /api/imports/read: the document's text, its clauses and, per clause, the links suggested. */
export const importReadResponse = z.object({
  text: z.string(),
  clauses: z.array(
    z.object({
      path: z.array(z.string()),
      label: z.object({ vi: z.string(), en: z.string() }),
      text: z.string(),
      start: z.number(),
      end: z.number(),
    }),
  ),
  suggestions: z.array(
    z.array(
      z.object({
        clausePath: z.array(z.string()),
        featureId: z.string(),
        matched: z.string(),
        by: z.enum(['name', 'name_folded', 'zh', 'marker']),
        status: z.enum(STATUS_IDS).nullable(),
        level: z.enum(LEVEL_IDS).nullable(),
        statusWords: z.string().nullable(),
        confidence: z.enum(['high', 'medium', 'low']),
        quote: z.string(),
        evidence: importEvidence,
        /** A deadline the quote sets (by when, its words, the status aimed at — null when the verb is not known). */
        target: z
          .object({ by: z.string(), cue: z.string(), reach: z.enum(STATUS_IDS).nullable() })
          .nullable()
          .optional(),
        /** What it would do to the record as of the document's date; absent or null without a date or a status. */
        check: z
          .object({
            date: z.string(),
            before: z.object({ status: z.enum(STATUS_IDS), date: z.string(), clauseId: z.string() }).nullable(),
            warnings: z.array(z.enum(IMPORT_WARNINGS)),
          })
          .nullable()
          .optional(),
      }),
    ),
  ),
  /** Places the text names that the record lacks, one card each, with the step its wording gives. */
  newPlaces: z.array(
    z.object({
      clausePath: z.array(z.string()),
      name: z.string(),
      kind: z.enum(KIND_IDS),
      level: z.enum(LEVEL_IDS).nullable(),
      status: z.enum(STATUS_IDS).nullable(),
      statusWords: z.string().nullable(),
      quote: z.string(),
      key: z.string(),
      evidence: importEvidence,
    }),
  ),
  /** The document's date as the text gives it: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (no year), or null. */
  documentDate: z.string().nullable(),
});
export type ImportReadResponse = z.infer<typeof importReadResponse>;

/** POST /api/imports → 201. */
export const importResultResponse = z.object({
  agreementId: z.string(),
  clauseIds: z.array(z.string()),
  newFeatureIds: z.array(z.string()),
  steps: z.number(),
  mentions: z.number(),
});

/** A 409 from a versioned write: the feature's current version and steps, to review before trying again. */
export const conflictResponse = apiErrorResponse.extend({
  current: z.object({ version: z.number().int(), steps: z.array(statusEventSchema) }),
});

/**
 * GET /api/basemap: which basemap the deployment draws under the record. `embedded` is the one shipped with the
 * app (the default, and the fallback: `problem` says why a configured one is not used); `pmtiles` a vector-tile
 * archive the app serves itself (its URL, the area and zooms it holds, its sources' credit from its metadata);
 * `style` a MapLibre style of the office's own tile server.
 */
export const basemapDescription = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('embedded'), problem: z.string().optional() }),
  z.object({
    kind: z.literal('pmtiles'),
    url: z.string(),
    name: z.string(),
    attribution: z.string(),
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    minzoom: z.number().int().min(0),
    maxzoom: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('style'), url: z.string() }),
]);
export type BasemapDescription = z.infer<typeof basemapDescription>;
