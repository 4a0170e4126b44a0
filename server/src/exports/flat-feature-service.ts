import { todayIso } from '../domain/dates';
import { type FeatureQuery, selectionOfQuery } from '../domain/request-queries';
import { type CurrentRecordSource, checkReferences, selectFeatures } from '../record/current-record';
import { type FlatFeature, flattenFeature } from './flat-feature';

/** The filtered features of the API (same query, same rules, same read model) as flat rows for exports and OGC. */
export function createFlatFeatureService(record: CurrentRecordSource) {
  return {
    async list(query: FeatureQuery, origin: string): Promise<FlatFeature[]> {
      const { filters, narrowing } = selectionOfQuery(query);
      // One read model for the selection and the rows' own facts: one revision, never two.
      const current = await record.now();
      checkReferences(current, filters, narrowing.ids);
      const asOf = query.asOf ?? todayIso();
      const { eventsByFeature, provinces } = current.index;
      return selectFeatures(current, filters, narrowing).flatMap((feature) => {
        const id = String(feature.id);
        const source = current.recordsById.get(id);
        return source ? [flattenFeature(feature, { record: source, events: eventsByFeature.get(id) ?? [], asOf, provinces, origin })] : [];
      });
    },
  };
}
export type FlatFeatureService = ReturnType<typeof createFlatFeatureService>;
