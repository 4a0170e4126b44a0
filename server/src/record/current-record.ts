import type { ApiFeature, FeatureCollectionResponse } from '../domain/api';
import { impliedAgreementsOf, toApiFeature } from '../domain/api-feature';
import { todayIso } from '../domain/dates';
import type { Filters } from '../domain/filters';
import { provinceAsOf } from '../domain/provinces';
import { agreementDatesOf, filterOnDate, type Narrowing, type RecordIndex } from '../domain/record-on-date';
import { type RecordTimelines, recordTimelines } from '../domain/record-timeline';
import type { FeatureRecord, StatusEvent } from '../domain/schemas';
import { KIND_IDS, type KindId } from '../domain/vocabulary';
import { badRequest } from '../http/errors';
import { latestByKey } from '../http/latest-by-key';
import type { RecordRepository } from './repository';

export type CurrentRecord = {
  /** Every feature with what does not depend on the date (geometry, names, links); states come from `timelines`. */
  collection: FeatureCollectionResponse;
  index: RecordIndex;
  /** Each feature's states over time (domain/record-timeline.ts): any date is then one pick per feature. */
  timelines: RecordTimelines;
  /** The kinds the record holds, in vocabulary order. */
  kinds: KindId[];
  /** The dates of the record's status steps, in order, each once. */
  stepDates: string[];
  /** Agreements whose text the record holds (referenced documents' ids are not among them). */
  heldAgreements: ReadonlySet<string>;
  /** Every agreement id the record knows (held or referenced). */
  agreementIds: ReadonlySet<string>;
  /** The record's own features (positions with provenance, sides, notes) by id, from the same snapshot. */
  recordsById: ReadonlyMap<string, FeatureRecord>;
  /** Each feature's latest state (what a list with no date shows) by id. */
  latestById: ReadonlyMap<string, ApiFeature>;
  provinceCodes: ReadonlySet<string>;
};

/** The first date the record knows a feature: its first status step or the first document naming it. */
function firstRecordedOf(record: FeatureRecord, events: readonly StatusEvent[], agreementDates: ReadonlyMap<string, string>) {
  const dates = [
    ...events.map((event) => event.date),
    ...record.mentionedIn.map((clauseId) => agreementDates.get(clauseId.split(':')[0]) ?? null),
  ].filter((date): date is string => date !== null);
  return dates.length > 0 ? dates.sort()[0] : null;
}

/** The record as every date sees it, from one snapshot of the repository. */
async function buildCurrentRecord(repository: RecordRepository): Promise<CurrentRecord> {
  const [records, eventsByFeature, provinces, agreements] = await Promise.all([
    repository.listFeatures(),
    repository.listEventsByFeature(),
    repository.listProvinces(),
    repository.listAgreements(),
  ]);
  const agreementDates = agreementDatesOf(agreements);
  const implied = impliedAgreementsOf(agreements);
  const today = todayIso();
  const features = records.map((record) => {
    const events = eventsByFeature.get(record.id) ?? [];
    const feature = toApiFeature(record, events, undefined, (code, date) => provinceAsOf(code, date, provinces), implied);
    feature.properties.firstRecorded = firstRecordedOf(record, events, agreementDates);
    return feature;
  });
  const collection: FeatureCollectionResponse = { type: 'FeatureCollection', features };
  const index: RecordIndex = { eventsByFeature, provinces, agreementDates };
  const present = new Set(features.map((feature) => feature.properties.kind));
  const stepDates = new Set<string>();
  for (const events of eventsByFeature.values()) for (const event of events) stepDates.add(event.date);
  const timelines = recordTimelines(collection, index, today);
  const latestById = new Map<string, ApiFeature>();
  for (const { latest } of timelines.timelines) if (latest) latestById.set(String(latest.id), latest);
  return {
    collection,
    index,
    timelines,
    kinds: KIND_IDS.filter((kind) => present.has(kind)),
    stepDates: [...stepDates].sort(),
    heldAgreements: new Set(agreements.filter((agreement) => agreement.sourceFile !== null).map((agreement) => agreement.id)),
    agreementIds: new Set(agreements.map((agreement) => agreement.id)),
    recordsById: new Map(records.map((record) => [record.id, record])),
    latestById,
    provinceCodes: new Set(provinces.map((province) => province.code)),
  };
}

/**
 * The features a reader asks for: the record on the filters' date (one pick per feature from the
 * timelines), under the one filter predicate. Every reader of features goes through here: /api/features,
 * /api/view, the exports and /ogc.
 */
export function selectFeatures(current: CurrentRecord, filters: Filters, narrowing: Narrowing = {}): ApiFeature[] {
  return filterOnDate(current.timelines.onDate(filters.asOf), filters, narrowing);
}

/** Refuses feature and agreement ids and province codes the record does not know (400 naming the parameter and value). */
export function checkReferences(current: CurrentRecord, filters: Pick<Filters, 'agreements' | 'provinces'>, ids: readonly string[] = []) {
  const unknownId = ids.find((id) => !current.recordsById.has(id));
  if (unknownId !== undefined) throw badRequest('invalid_parameter', `Query parameter "id": unknown feature "${unknownId}"`, 'id');
  const unknownAgreement = filters.agreements.find((id) => !current.agreementIds.has(id));
  if (unknownAgreement !== undefined)
    throw badRequest('invalid_parameter', `Query parameter "agreement": unknown agreement "${unknownAgreement}"`, 'agreement');
  const unknownProvince = filters.provinces.find((code) => !current.provinceCodes.has(code));
  if (unknownProvince !== undefined)
    throw badRequest('invalid_parameter', `Query parameter "province": unknown province "${unknownProvince}"`, 'province');
}

/**
 * The record as every date sees it, for the current revision and day (the latest state reads today's
 * provinces): computed once, on first use, and shared by every reader of features — the API's lists and
 * details, the planner's view, the changes between dates, the exports, /ogc and the map's tiles. Keys are
 * `revision|day`; a new revision or a new day computes it afresh.
 */
export function createCurrentRecord(source: RecordRepository) {
  // One snapshot for all of it: a write meanwhile cannot mix two revisions.
  const get = latestByKey(async () => buildCurrentRecord(await source.snapshot()));
  const key = async () => `${await source.revision()}|${todayIso()}`;
  return {
    /** Names the record's current revision and day; responses made from it are cached under it. */
    key,
    get,
    /** The current record now (its key looked up first). */
    now: async () => get(await key()),
  };
}
export type CurrentRecordSource = ReturnType<typeof createCurrentRecord>;
