import type { MapFeature } from '@domain/api';
import { createExpression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { createFeatureService } from '../../../../server/src/features/feature-service';
import { createFileRepository } from '../../../../server/src/record/file-repository';
import { loadRealRecord } from '../../../../test/helpers/app';
import { type Filters, NO_FILTERS } from '../../filters/filters';
import { filterOnDate, indexEvents, recordOnDate } from '../../filters/visible-features';
import { toMapFeatures } from '../to-map-features';
import { recordLayers } from './record-features';
import { combinedFilter, recordFilter } from './record-filter';

const record = loadRealRecord();
const service = createFeatureService(createFileRepository(record));

/** Evaluates a filter expression on a drawn feature as MapLibre would. */
function passes(filter: unknown, properties: Record<string, unknown>): boolean {
  const parsed = createExpression(filter, {
    type: 'boolean',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature'] },
  } as never);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 8 }, { type: 'Point', properties } as never) as boolean;
}

describe('the planner’s filters as a MapLibre layer filter', () => {
  it('keeps on the map exactly the features the lists show, for every kind of filter', async () => {
    const collection = await service.list({});
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces };
    const onDate = recordOnDate(collection, index, '2026-02-11', '2026-11-29');
    const drawn = toMapFeatures({ type: 'FeatureCollection', features: onDate });
    const cases: Filters[] = [
      { ...NO_FILTERS, kinds: ['gate_pair', 'opening'] },
      { ...NO_FILTERS, statuses: ['proposed'] },
      { ...NO_FILTERS, statuses: ['unknown'] },
      { ...NO_FILTERS, provinces: ['VN-07'] },
      { ...NO_FILTERS, agreements: ['003'], kinds: ['route'] },
      { ...NO_FILTERS, stalled: true },
    ];
    for (const filters of cases) {
      const expected = new Set(
        filterOnDate(onDate, filters)
          .filter((f: MapFeature) => f.geometry)
          .map((f) => f.id),
      );
      const expression = recordFilter(filters);
      const kept = new Set(
        drawn.features
          .filter((feature) => feature.properties.parent === undefined && passes(expression, feature.properties))
          .map((f) => f.id),
      );
      expect([...kept].sort(), JSON.stringify(filters)).toEqual([...expected].sort());
      expect(expected.size, JSON.stringify(filters)).toBeGreaterThan(0);
    }
  });

  it('adds to each record layer’s own filter, and removes nothing when no filter is set', () => {
    expect(recordFilter(NO_FILTERS)).toBeNull();
    const points = recordLayers('vi').find((layer) => layer.id === 'record-points');
    expect(points && 'filter' in points ? points.filter : undefined).toBeDefined();
    expect(combinedFilter('record-points', null)).toEqual(points && 'filter' in points ? points.filter : undefined);
    expect(combinedFilter('basemap-land', null)).toBeUndefined();
    const combined = combinedFilter('record-points', recordFilter({ ...NO_FILTERS, stalled: true }));
    expect((combined as unknown[])[0]).toBe('all');
  });
});
