import { todayIso } from '../domain/dates';
import { type FeatureQuery, selectionOfQuery } from '../domain/request-queries';
import type { createFeatureService } from '../features/feature-service';
import type { RecordRepository } from '../record/repository';
import { type FlatFeature, flattenFeature } from './flat-feature';

/** The filtered features of the API (same query, same rules) as flat rows for exports and OGC. */
export function createFlatFeatureService(repository: RecordRepository, features: ReturnType<typeof createFeatureService>) {
  return {
    async list(query: FeatureQuery, origin: string): Promise<FlatFeature[]> {
      const { filters, narrowing } = selectionOfQuery(query);
      const [collection, records, eventsByFeature, provinces] = await Promise.all([
        features.list(filters, narrowing),
        repository.listFeatures(),
        repository.listEventsByFeature(),
        repository.listProvinces(),
      ]);
      const byId = new Map(records.map((record) => [record.id, record]));
      const asOf = query.asOf ?? todayIso();
      return collection.features.flatMap((feature) => {
        const record = byId.get(String(feature.id));
        if (!record) return [];
        return [flattenFeature(feature, { record, events: eventsByFeature.get(String(feature.id)) ?? [], asOf, provinces, origin })];
      });
    },
  };
}
export type FlatFeatureService = ReturnType<typeof createFlatFeatureService>;
