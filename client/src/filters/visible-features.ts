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
 * The features a planner sees for the chosen date and filters, each with its status, level and
 * province as of that date. One pure step, run on every change of date or filter: the record is
 * small enough that recomputing everything stays far below a frame.
 */
export function visibleFeatures(
  collection: FeatureCollectionResponse,
  { eventsByFeature, provinces, agreementDates }: RecordIndex,
  filters: Filters,
  today: string,
): MapFeature[] {
  const date = filters.asOf ?? today;
  const result: MapFeature[] = [];
  for (const feature of collection.features) {
    const properties = feature.properties;
    if (filters.asOf && (properties.firstRecorded ?? '9999') > filters.asOf) continue;
    if (filters.kinds.length > 0 && !filters.kinds.includes(properties.kind)) continue;
    const agreements = filters.asOf
      ? properties.agreements.filter((id) => (agreementDates?.get(id) ?? '') <= (filters.asOf as string))
      : properties.agreements;
    if (filters.agreements.length > 0 && !filters.agreements.some((id) => agreements.includes(id))) continue;
    const codes = [...new Set(properties.recordedProvinces.map((code) => provinceAsOf(code, date, provinces)))];
    if (filters.provinces.length > 0 && !filters.provinces.some((code) => codes.includes(code))) continue;
    const events = eventsByFeature.get(feature.id) ?? [];
    const state = featureStateAsOf(events, filters.asOf ?? undefined);
    const hasStatus = KIND_BY_ID[properties.kind].hasStatus;
    const status = hasStatus ? state.status : null;
    const stalled = hasStatus && isStalled(events, filters.asOf ?? undefined);
    if (filters.stalled && !stalled) continue;
    if (filters.statuses.length > 0 && !filters.statuses.some((wanted) => wanted === status || wanted === state.upgrade?.status)) continue;
    result.push({
      ...feature,
      properties: {
        ...properties,
        status,
        level: state.level,
        upgrade: state.upgrade,
        since: state.since,
        stalled,
        agreements,
        provinces: codes,
        province: codes.find((code) => code.startsWith('VN-')) ?? codes[0],
      },
    });
  }
  return result;
}
