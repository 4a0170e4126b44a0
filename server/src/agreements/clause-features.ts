import type { FeatureRecord, StatusEvent } from '../domain/schemas';

/** The features a clause names or moves (a mention, or a status step citing it), as a short reference. */
export function featuresOfClause(
  clauseId: string,
  features: readonly FeatureRecord[],
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>,
): Pick<FeatureRecord, 'id' | 'kind' | 'name'>[] {
  return features
    .filter(
      (feature) =>
        feature.mentionedIn.includes(clauseId) || (eventsByFeature.get(feature.id) ?? []).some((event) => event.clauseId === clauseId),
    )
    .map(({ id, kind, name }) => ({ id, kind, name }));
}
