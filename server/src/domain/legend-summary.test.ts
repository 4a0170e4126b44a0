import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { createFeatureService } from '../features/feature-service';
import { createFileRepository } from '../record/file-repository';
import { parseIconName } from './drawing/shapes';
import { isDrawingPart, toMapFeatures } from './drawing/to-map-features';
import { summariseLegend } from './legend-summary';
import { indexEvents, recordOnDate } from './record-on-date';

const record = loadRealRecord();

describe('the legend', () => {
  it('explains exactly what the map draws: status counts, shapes, modes and symbols, on every date', async () => {
    const collection = await createFeatureService(createFileRepository(record)).list({});
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces };
    for (const asOf of ['2022-06-01', '2023-06-01', '2024-08-16', '2026-02-11', null]) {
      const features = recordOnDate(collection, index, asOf, '2026-11-29');
      const legend = summariseLegend(features);
      // What the map draws for the same features.
      const drawn = toMapFeatures({ type: 'FeatureCollection', features }).features;
      const counts = new Map<string, number>();
      for (const { properties: p } of drawn)
        if (p.kind !== 'marker' && !isDrawingPart(p)) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
      const shapes = new Set(
        drawn
          .filter((f) => f.geometry.type === 'Point' && f.properties.kind !== 'marker' && f.properties.kind !== 'zone')
          .map((f) => parseIconName(f.properties.icon)?.shape),
      );
      expect(legend.counts, String(asOf)).toEqual(Object.fromEntries(counts));
      expect(new Set(legend.shapes), String(asOf)).toEqual(shapes);
      expect(new Set(legend.modes), String(asOf)).toEqual(new Set(drawn.flatMap((f) => (f.properties.mode ? [f.properties.mode] : []))));
      expect(legend.flags.side, String(asOf)).toBe(drawn.some((f) => f.properties.kind === 'side'));
      expect(legend.flags.approximate, String(asOf)).toBe(drawn.some((f) => f.properties.approximate));
      expect(legend.flags.upgrade, String(asOf)).toBe(drawn.some((f) => f.properties.upgradeStatus !== null));
      expect(legend.flags.plannedRoute, String(asOf)).toBe(
        drawn.some((f) => f.properties.kind === 'route' && f.properties.status !== 'operating'),
      );
    }
    expect(summariseLegend(recordOnDate(collection, index, null, '2026-11-29')).flags.side).toBe(true);
  });
});
