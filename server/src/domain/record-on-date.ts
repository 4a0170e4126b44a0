import type { ApiFeature, FeatureCollectionResponse } from './api';
import { intersectsBbox } from './api-feature';
import { isStalled } from './commitments';
import { featureStateAsOf } from './feature-state';
import type { Filters } from './filters';
import { provinceAsOf } from './provinces';
import type { Bbox } from './query-params';
import type { Agreement, Province, StatusEvent } from './schemas';
import { isOverdue } from './targets';
import { KIND_BY_ID } from './vocabulary';

export type RecordIndex = {
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>;
  provinces: readonly Province[];
  /** Date each agreement counts from (signed, else written): a feature is not linked to it before then. */
  agreementDates?: ReadonlyMap<string, string>;
};

/** The date from which an agreement counts: signed, else written (possibly partial, "2022-02"); null if neither. */
export const agreementDateOf = (agreement: Pick<Agreement, 'signedDate' | 'documentDate'>) =>
  agreement.signedDate ?? agreement.documentDate;

/** Agreement id → the date it counts from, for the agreements that have one (RecordIndex.agreementDates). */
export function agreementDatesOf(agreements: readonly Pick<Agreement, 'id' | 'signedDate' | 'documentDate'>[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const agreement of agreements) {
    const date = agreementDateOf(agreement);
    if (date) dates.set(agreement.id, date);
  }
  return dates;
}

export function indexEvents(events: readonly StatusEvent[]): Map<string, StatusEvent[]> {
  const byFeature = new Map<string, StatusEvent[]>();
  for (const event of events) byFeature.set(event.featureId, [...(byFeature.get(event.featureId) ?? []), event]);
  return byFeature;
}

/** `list`, or `known` when it holds the same items in the same order. */
const sameOr = (list: string[], known: string[]) =>
  list.length === known.length && list.every((item, i) => item === known[i]) ? known : list;

/**
 * One feature as of a date (null: the latest the record knows): its status, level, province and
 * agreements then; null when the record did not know it yet. The single definition of "as of a date"
 * on the client; record-timeline.ts evaluates it only at the dates where its answer can change.
 */
export function featureOnDate(
  feature: ApiFeature,
  { eventsByFeature, provinces, agreementDates }: RecordIndex,
  asOf: string | null,
  today: string,
): ApiFeature | null {
  const properties = feature.properties;
  if (asOf && (properties.firstRecorded ?? '9999') > asOf) return null;
  const date = asOf ?? today;
  // The feature's own arrays where a date leaves them as they are: a record's timelines hold several states of
  // every feature (record-timeline.ts), and a copy of each list per state was a large part of the server's memory.
  const agreements = asOf
    ? sameOr(
        properties.agreements.filter((id) => (agreementDates?.get(id) ?? '') <= asOf),
        properties.agreements,
      )
    : properties.agreements;
  const codes = sameOr([...new Set(properties.recordedProvinces.map((code) => provinceAsOf(code, date, provinces)))], properties.provinces);
  const events = eventsByFeature.get(feature.id) ?? [];
  const state = featureStateAsOf(events, asOf ?? undefined);
  const hasStatus = KIND_BY_ID[properties.kind].hasStatus;
  return {
    ...feature,
    properties: {
      ...properties,
      status: hasStatus ? state.status : null,
      level: state.level,
      upgrade: state.upgrade,
      since: state.since,
      reportedIn: state.reportedIn,
      stalled: hasStatus && isStalled(events, asOf ?? undefined),
      overdue: hasStatus && isOverdue(events, date),
      agreements,
      provinces: codes,
      province: codes.find((code) => code.startsWith('VN-')) ?? codes[0],
    },
  };
}

/**
 * The record as of one date: every feature known by then, with its status, level, province and
 * agreements as of that date. The app reads it through record-timeline.ts (each feature's states
 * computed once); this direct form serves one-off uses and is the reference the timelines are
 * tested against.
 */
export function recordOnDate(collection: FeatureCollectionResponse, index: RecordIndex, asOf: string | null, today: string): ApiFeature[] {
  const result: ApiFeature[] = [];
  for (const feature of collection.features) {
    const onDate = featureOnDate(feature, index, asOf, today);
    if (onDate) result.push(onDate);
  }
  return result;
}

/** Beyond the planner's filters, an API reader may ask for named features or a box. */
export type Narrowing = {
  ids?: readonly string[];
  /** [minLon, minLat, maxLon, maxLat]: features whose extent touches it. */
  bbox?: Bbox;
};

/**
 * The one predicate "does this feature, on its date, pass these filters" (the date is already applied:
 * `feature` is a state from featureOnDate). The map's copy (domain/drawing/map-states.ts `passesMapFilters`) is the only
 * other copy, held equal to this one by tests.
 */
function passesFilters(feature: ApiFeature, filters: Filters, { ids, bbox }: Narrowing = {}): boolean {
  const { properties } = feature;
  if (ids && !ids.includes(String(feature.id))) return false;
  if (filters.kinds.length > 0 && !filters.kinds.includes(properties.kind)) return false;
  if (filters.agreements.length > 0 && !filters.agreements.some((id) => properties.agreements.includes(id))) return false;
  if (filters.provinces.length > 0 && !filters.provinces.some((code) => properties.provinces.includes(code))) return false;
  if (filters.stalled !== null && properties.stalled !== filters.stalled) return false;
  if (filters.overdue !== null && properties.overdue !== filters.overdue) return false;
  if (
    filters.statuses.length > 0 &&
    !filters.statuses.some((wanted) => wanted === properties.status || wanted === properties.upgrade?.status)
  )
    return false;
  if (bbox && !intersectsBbox(feature, bbox)) return false;
  return true;
}

/** The features of `onDate` (states on one date) that pass the filters other than the date: the same objects. */
export function filterOnDate(onDate: readonly ApiFeature[], filters: Filters, narrowing: Narrowing = {}): ApiFeature[] {
  return onDate.filter((feature) => passesFilters(feature, filters, narrowing));
}

/**
 * The features a planner sees for the chosen date and filters, each with its status, level and
 * province as of that date.
 */
export function visibleFeatures(collection: FeatureCollectionResponse, index: RecordIndex, filters: Filters, today: string): ApiFeature[] {
  return filterOnDate(recordOnDate(collection, index, filters.asOf, today), filters);
}
