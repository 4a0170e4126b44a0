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

/**
 * One array for each list of ids that states hold (a feature's agreements or provinces on a date): the same few
 * lists recur across features and dates, and each state's own copy was 70 MB at 100 000 features.
 */
function sharedLists() {
  const lists = new Map<string, string[]>();
  return (list: string[]): string[] => {
    const key = list.join('\n');
    const known = lists.get(key);
    if (known) return known;
    lists.set(key, list);
    return list;
  };
}
type SharedLists = ReturnType<typeof sharedLists>;

/**
 * A feature's states at each date where they change (consecutive equal states kept once). A state equal to the
 * feature as given (its latest, as the read model makes it) is that object itself: one object, not one per date
 * (at 100 000 features every copy of a state was 30 MB of the server's memory).
 */
function timelineOf(feature: ApiFeature, index: RecordIndex, today: string, shared: SharedLists): Timeline {
  const givenKey = stateKey(feature);
  const latestState = featureOnDate(feature, index, null, today);
  const latest = latestState && stateKey(latestState) === givenKey ? feature : latestState;
  const steps: { from: string; feature: ApiFeature }[] = [];
  let previous = '';
  for (const date of changeDates(feature, index)) {
    const state = featureOnDate(feature, index, date, today);
    if (!state) continue;
    const key = stateKey(state);
    if (key === previous) continue;
    if (key !== givenKey) {
      state.properties.agreements = shared(state.properties.agreements);
      state.properties.provinces = shared(state.properties.provinces);
    }
    steps.push({ from: date, feature: key === givenKey ? feature : state });
    previous = key;
  }
  return { steps, latest };
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
  const shared = sharedLists();
  const timelines = collection.features.map((feature) => timelineOf(feature, index, today, shared));
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
