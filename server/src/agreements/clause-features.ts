import type { FeatureRecord, StatusEvent } from '../domain/schemas';

/** The features a clause names, moves or cites a referenced document about (a mention, a step, a citation), as a short reference. */
export function featuresOfClause(
  clauseId: string,
  features: readonly FeatureRecord[],
  eventsByFeature: ReadonlyMap<string, readonly StatusEvent[]>,
): Pick<FeatureRecord, 'id' | 'kind' | 'name'>[] {
  return features
    .filter(
      (feature) =>
        feature.mentionedIn.includes(clauseId) ||
        (feature.citations ?? []).some((citation) => citation.clauseId === clauseId) ||
        (eventsByFeature.get(feature.id) ?? []).some((event) => event.clauseId === clauseId),
    )
    .map(({ id, kind, name }) => ({ id, kind, name }));
}
