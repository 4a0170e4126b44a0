import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { type DatedMapProperties, drawTimelines, RECORD_TILE_LAYER, RECORD_TILE_MAX_ZOOM } from '../domain/drawing/dated-drawing';
import { createCurrentRecord } from '../record/current-record';
import { createFileRepository } from '../record/file-repository';
import { recordTileIndex } from './record-tiles';
import { thinningPlan } from './tile-thinning';

type Drawn = FeatureCollection<Geometry, DatedMapProperties>;
const point = (id: string, rank: number, lon: number, lat: number, parent?: string): Feature<Geometry, DatedMapProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id, rank, ...(parent ? { parent } : {}) } as unknown as DatedMapProperties,
});

/** `count` features packed along 103–108°E near 22.5°N, every 50th a gate pair (rank 0) with two sides. */
function denseRecord(count: number): Drawn {
  const features: Feature<Geometry, DatedMapProperties>[] = [];
  for (let i = 0; i < count; i += 1) {
    const lon = 103 + (5 * i) / count;
    const lat = 22.5 + 0.2 * Math.sin(i);
    if (i % 50 === 0) {
      features.push(point(`gate-${i}`, 0, lon, lat));
      features.push(point(`gate-${i}#vn`, 8, lon, lat - 0.01, `gate-${i}`), point(`gate-${i}#cn`, 8, lon, lat + 0.01, `gate-${i}`));
    } else if (i % 7 === 0) {
      features.push({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [lon, lat],
            [lon - 0.3, lat - 0.3],
          ],
        },
        properties: { id: `route-${i}`, rank: 6 } as unknown as DatedMapProperties,
      });
    } else features.push(point(`other-${i}`, 3 + (i % 5), lon, lat));
  }
  return { type: 'FeatureCollection', features };
}

const tileOf = (lon: number, lat: number, zoom: number) => {
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = Math.floor(((lon + 180) / 360) * 2 ** zoom);
  const y = Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 2 ** zoom);
  return { x, y };
};

function decode(bytes: Uint8Array | null) {
  if (!bytes) return [];
  const layer = new VectorTile(new PbfReader(bytes)).layers[RECORD_TILE_LAYER];
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer.feature(i).properties);
}

describe('thinning the record tiles where they would be too dense', () => {
  it('never thins the real record: every zoom holds every feature', async () => {
    const repository = createFileRepository(loadRealRecord());
    const current = createCurrentRecord(repository);
    const drawn = drawTimelines((await current.get(await current.key())).timelines.timelines);
    expect(drawn.features.length).toBeGreaterThan(50);
    const plan = thinningPlan(drawn, RECORD_TILE_MAX_ZOOM);
    expect(plan.completeFromZoom).toBe(0);
    expect(plan.keptAt.size).toBe(0);
  });

  it('keeps each thinned tile within the budget, keeps what is kept at every deeper zoom, and the gates first', () => {
    const drawn = denseRecord(30_000);
    const budget = 2000;
    const plan = thinningPlan(drawn, RECORD_TILE_MAX_ZOOM, budget);
    expect(plan.completeFromZoom).toBeGreaterThan(5);
    expect(plan.completeFromZoom).toBeLessThanOrEqual(RECORD_TILE_MAX_ZOOM);
    const gates = drawn.features.filter((f) => f.properties.rank === 0).map((f) => String(f.properties.id));
    for (let zoom = 0; zoom < plan.completeFromZoom; zoom += 1) {
      const kept = plan.keptAt.get(zoom) as ReadonlySet<string>;
      expect(kept, `zoom ${zoom}`).toBeDefined();
      const deeper = plan.keptAt.get(zoom + 1);
      if (deeper) for (const id of kept) expect(deeper.has(id), `${id} kept at ${zoom} but not ${zoom + 1}`).toBe(true);
      // No tile holds more than the budget.
      const perTile = new Map<string, number>();
      for (const feature of drawn.features) {
        if (feature.properties.parent || !kept.has(String(feature.properties.id))) continue;
        const [lon, lat] =
          feature.geometry.type === 'Point'
            ? feature.geometry.coordinates
            : (feature.geometry as { coordinates: number[][] }).coordinates[0];
        const { x, y } = tileOf(lon, lat, zoom);
        perTile.set(`${x}/${y}`, (perTile.get(`${x}/${y}`) ?? 0) + 1);
      }
      expect(Math.max(...perTile.values()), `zoom ${zoom}`).toBeLessThanOrEqual(budget);
      // Gates (rank 0) outrank everything near them: they are kept at least as often as the rest.
      const others = drawn.features.filter((f) => !f.properties.parent && f.properties.rank !== 0);
      const share = (ids: string[]) => ids.filter((id) => kept.has(id)).length / ids.length;
      expect(share(gates), `zoom ${zoom}`).toBeGreaterThanOrEqual(share(others.map((f) => String(f.properties.id))));
    }
  });

  it('sends only the kept features in a thinned tile, a pair with its sides, and everything from the complete zoom on', () => {
    const drawn = denseRecord(30_000);
    const index = recordTileIndex(drawn);
    const zoom = index.completeFromZoom - 1;
    const { x, y } = tileOf(105.5, 22.5, zoom);
    const thinned = decode(index.tile(zoom, x, y));
    expect(thinned.length).toBeGreaterThan(100);
    expect(thinned.length).toBeLessThanOrEqual(2000 * 1.2); // plus the buffer's neighbours
    const kept = thinningPlan(drawn, RECORD_TILE_MAX_ZOOM).keptAt.get(zoom) as ReadonlySet<string>;
    for (const p of thinned) expect(kept.has(String(p.parent ?? p.id)), `${p.id} sent but not kept`).toBe(true);
    // A kept pair's sides come with it (where they fall in the tile).
    expect(thinned.some((p) => p.parent)).toBe(true);
    // From the complete zoom on, a tile holds every feature placed in it.
    const complete = tileOf(105.5, 22.5, index.completeFromZoom);
    const sent = new Set(decode(index.tile(index.completeFromZoom, complete.x, complete.y)).map((p) => String(p.id)));
    const placed = drawn.features.filter((f) => {
      if (f.geometry.type !== 'Point') return false;
      const [lon, lat] = f.geometry.coordinates;
      const at = tileOf(lon, lat, index.completeFromZoom);
      return at.x === complete.x && at.y === complete.y;
    });
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.filter((f) => !sent.has(String(f.properties.id))).map((f) => f.properties.id)).toEqual([]);
  });
});
