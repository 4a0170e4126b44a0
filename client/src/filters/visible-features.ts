import type { FeatureCollectionResponse, MapFeature } from '@domain/api';
import { isStalled } from '@domain/commitments';
import { featureStateAsOf } from '@domain/feature-state';
import { provinceAsOf } from '@domain/provinces';
import type { Province, StatusEvent } from '@domain/schemas';
import { KIND_BY_ID } from '@domain/vocabulary';
import type { Filters } from './filters';

export type RecordIndex = {
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>;
  provinces: readonly Province[];
  /** Date each agreement counts from (signed, else written): a feature is not linked to it before then. */
  agreementDates?: ReadonlyMap<string, string>;
};

export function indexEvents(events: readonly StatusEvent[]): Map<string, StatusEvent[]> {
  const byFeature = new Map<string, StatusEvent[]>();
  for (const event of events) byFeature.set(event.featureId, [...(byFeature.get(event.featureId) ?? []), event]);
  return byFeature;
}

/**
 * The record as of one date: every feature known by then, with its status, level, province and
 * agreements as of that date. It depends on the date only, so it is computed once per date and every
 * filter reuses it (a filter change costs a pass over this array, not a recomputation).
 */
export function recordOnDate(
  collection: FeatureCollectionResponse,
  { eventsByFeature, provinces, agreementDates }: RecordIndex,
  asOf: string | null,
  today: string,
): MapFeature[] {
  const date = asOf ?? today;
  const result: MapFeature[] = [];
  for (const feature of collection.features) {
    const properties = feature.properties;
    if (asOf && (properties.firstRecorded ?? '9999') > asOf) continue;
    const agreements = asOf ? properties.agreements.filter((id) => (agreementDates?.get(id) ?? '') <= asOf) : properties.agreements;
    const codes = [...new Set(properties.recordedProvinces.map((code) => provinceAsOf(code, date, provinces)))];
    const events = eventsByFeature.get(feature.id) ?? [];
    const state = featureStateAsOf(events, asOf ?? undefined);
    const hasStatus = KIND_BY_ID[properties.kind].hasStatus;
    result.push({
      ...feature,
      properties: {
        ...properties,
        status: hasStatus ? state.status : null,
        level: state.level,
        upgrade: state.upgrade,
        since: state.since,
        stalled: hasStatus && isStalled(events, asOf ?? undefined),
        agreements,
        provinces: codes,
        province: codes.find((code) => code.startsWith('VN-')) ?? codes[0],
      },
    });
  }
  return result;
}

/** The features of `onDate` (from recordOnDate) that pass the filters other than the date, same objects. */
export function filterOnDate(onDate: readonly MapFeature[], filters: Filters): MapFeature[] {
  return onDate.filter(({ properties }) => {
    if (filters.kinds.length > 0 && !filters.kinds.includes(properties.kind)) return false;
    if (filters.agreements.length > 0 && !filters.agreements.some((id) => properties.agreements.includes(id))) return false;
    if (filters.provinces.length > 0 && !filters.provinces.some((code) => properties.provinces.includes(code))) return false;
    if (filters.stalled && !properties.stalled) return false;
    if (
      filters.statuses.length > 0 &&
      !filters.statuses.some((wanted) => wanted === properties.status || wanted === properties.upgrade?.status)
    )
      return false;
    return true;
  });
}

/**
 * The features a planner sees for the chosen date and filters, each with its status, level and
 * province as of that date.
 */
export function visibleFeatures(collection: FeatureCollectionResponse, index: RecordIndex, filters: Filters, today: string): MapFeature[] {
  return filterOnDate(recordOnDate(collection, index, filters.asOf, today), filters);
}
