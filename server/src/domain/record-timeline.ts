import type { ApiFeature, FeatureCollectionResponse } from './api';
import { firstDayOf } from './dates';
import { featureOnDate, type RecordIndex } from './record-on-date';
import { targetChangeDates } from './targets';

/** One feature's states over time: each holds from its date until the next one's. */
export type Timeline = {
  /** Dated states in date order; before the first the record did not know the feature. */
  steps: readonly { from: string; feature: ApiFeature }[];
  /** The state with no date chosen (the latest the record knows); null for none. */
  latest: ApiFeature | null;
};

/**
 * The dates at which featureOnDate's answer for this feature can change: its steps (status, level,
 * upgrade, stalled), the day after each of its deadlines (overdue), the day the record first knew it, the dates of its agreements and of the province
 * mergers its provinces went through. Between two of them every answer is the same. Partial dates
 * ("2019-03") stand for their first day.
 */
export function changeDates(feature: ApiFeature, { eventsByFeature, provinces, agreementDates }: RecordIndex): string[] {
  const dates = new Set<string>();
  const events = eventsByFeature.get(feature.id) ?? [];
  for (const event of events) dates.add(event.date);
  // A deadline passing changes `overdue` on the day after it, with no document that day.
  for (const date of targetChangeDates(events)) dates.add(date);
  const { firstRecorded, agreements, recordedProvinces } = feature.properties;
  if (firstRecorded) dates.add(firstRecorded);
  for (const id of agreements) {
    const date = agreementDates?.get(id);
    if (date) dates.add(date);
  }
  const seen = new Set<string>();
  const pending = [...recordedProvinces];
  while (pending.length > 0) {
    const code = pending.pop() as string;
    if (seen.has(code)) continue;
    seen.add(code);
    const merged = provinces.find((province) => province.code === code)?.mergedInto;
    if (merged) {
      dates.add(merged.date);
      pending.push(merged.code);
    }
  }
  return [...new Set([...dates].map(firstDayOf))].sort();
}

const stateKey = ({ properties: p }: ApiFeature) =>
  JSON.stringify([p.status, p.level, p.upgrade, p.since, p.reportedIn, p.stalled, p.overdue, p.agreements, p.provinces, p.province]);

/** A feature's states at each date where they change (consecutive equal states kept once). */
function timelineOf(feature: ApiFeature, index: RecordIndex, today: string): Timeline {
  const steps: { from: string; feature: ApiFeature }[] = [];
  let previous = '';
  for (const date of changeDates(feature, index)) {
    const state = featureOnDate(feature, index, date, today);
    if (!state) continue;
    const key = stateKey(state);
    if (key === previous) continue;
    steps.push({ from: date, feature: state });
    previous = key;
  }
  return { steps, latest: featureOnDate(feature, index, null, today) };
}

/** The state of a timeline on a date (null date: the latest); null when not yet recorded. */
function stateOn(timeline: Timeline, asOf: string | null): ApiFeature | null {
  if (asOf === null) return timeline.latest;
  const { steps } = timeline;
  for (let i = steps.length - 1; i >= 0; i -= 1) if (steps[i].from <= asOf) return steps[i].feature;
  return null;
}

/**
 * The record's timelines, computed once: `onDate` then costs a pass that picks a state per feature,
 * and returns the same objects for the same state, so drawings and list rows remembered per object
 * (WeakMaps) survive a date change.
 */
export function recordTimelines(collection: FeatureCollectionResponse, index: RecordIndex, today: string) {
  const timelines = collection.features.map((feature) => timelineOf(feature, index, today));
  return {
    timelines,
    onDate(asOf: string | null): ApiFeature[] {
      const result: ApiFeature[] = [];
      for (const timeline of timelines) {
        const state = stateOn(timeline, asOf);
        if (state) result.push(state);
      }
      return result;
    },
  };
}
export type RecordTimelines = ReturnType<typeof recordTimelines>;
