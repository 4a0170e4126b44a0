import type { FeatureCollectionResponse } from './api';
import { type FeatureState, featureStateAsOf } from './feature-state';
import type { FeatureRecord, StatusEvent } from './schemas';
import { KIND_BY_ID } from './vocabulary';

export type Change = {
  feature: Pick<FeatureRecord, 'id' | 'kind' | 'name'>;
  before: FeatureState;
  after: FeatureState;
  /** The steps dated after `from` and up to `to`: the clauses that changed it. */
  steps: StatusEvent[];
};

const summary = (state: FeatureState) => `${state.status}|${state.level}|${state.upgrade?.level}|${state.upgrade?.status}`;

/** Features whose status, level or pending upgrade differ between two dates, with the steps between. */
export function changesBetween(
  collection: FeatureCollectionResponse,
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>,
  from: string,
  to: string,
): Change[] {
  const changes: Change[] = [];
  for (const feature of collection.features) {
    if (!KIND_BY_ID[feature.properties.kind].hasStatus) continue;
    const events = eventsByFeature.get(feature.id) ?? [];
    const before = featureStateAsOf(events, from);
    const after = featureStateAsOf(events, to);
    if (summary(before) === summary(after)) continue;
    changes.push({
      feature: { id: feature.id, kind: feature.properties.kind, name: feature.properties.name },
      before,
      after,
      steps: events.filter((event) => event.date > from && event.date <= to),
    });
  }
  return changes.sort((a, b) => (a.after.since ?? '').localeCompare(b.after.since ?? '') || a.feature.id.localeCompare(b.feature.id));
}
