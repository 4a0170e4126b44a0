import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { type DatedMapProperties, drawTimelines, RECORD_TILE_LAYER } from '../domain/drawing/dated-drawing';
import { createCurrentRecord } from '../record/current-record';
import { createFileRepository } from '../record/file-repository';
import { recordTileIndex } from './record-tiles';
import { SPREAD_FROM_ZOOM, spreadPosition, stacksOf } from './spread-stacks';

type Drawn = FeatureCollection<Geometry, DatedMapProperties>;
/** Degrees of a tile's pixel (x, y in tiles, fractions allowed) at a zoom. */
function tileToDegrees(x: number, y: number, zoom: number): [number, number] {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** zoom;
  return [(x / 2 ** zoom) * 360 - 180, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}
/** Near Hữu Nghị, at the middle of a zoom-13 tile and well inside its zoom-11 tile: every spread copy and link of the
 * test lies whole in one tile at both zooms (a line crossing a tile edge is clipped there). */
const AT = tileToDegrees(4 * 1631 + 1.5, 4 * 895 + 1.5, 13);
const point = (id: string, kind: string, rank: number, at = AT): Feature<Geometry, DatedMapProperties> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: at },
  properties: { id, kind, rank, fid: 2 * id.length } as unknown as DatedMapProperties,
});

/** What the tiles around `at` at `zoom` draw (a copy may fall in the next tile): id, kind, geometry in degrees, once each. */
function drawnAt(drawn: Drawn, zoom: number, at = AT) {
  const n = 2 ** zoom;
  const x0 = Math.floor(((at[0] + 180) / 360) * n);
  const rad = (at[1] * Math.PI) / 180;
  const y0 = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  const index = recordTileIndex(drawn);
  const found = new Map<string, { id: string; kind: string; fid: unknown; geometry: Geometry }>();
  for (const x of [x0 - 1, x0, x0 + 1])
    for (const y of [y0 - 1, y0, y0 + 1]) {
      const bytes = index.tile(zoom, x, y);
      if (!bytes) continue;
      const layer = new VectorTile(new PbfReader(bytes)).layers[RECORD_TILE_LAYER];
      for (let i = 0; i < layer.length; i += 1) {
        const feature = layer.feature(i).toGeoJSON(x, y, zoom);
        // A feature in a tile's buffer is in its neighbour too: keep it once — a line, its longest (unclipped) copy.
        const id = String(feature.properties?.id);
        const seen = found.get(id);
        if (!seen || spanOf(feature.geometry) > spanOf(seen.geometry))
          found.set(id, { id, kind: String(feature.properties?.kind), fid: feature.properties?.fid, geometry: feature.geometry });
      }
    }
  return [...found.values()];
}

/** How long a line is in degrees (0 for a point): the unclipped copy of a line is its longest. */
function spanOf(geometry: Geometry): number {
  if (geometry.type !== 'LineString') return 0;
  const [first, last] = [geometry.coordinates[0], geometry.coordinates[geometry.coordinates.length - 1]];
  return Math.hypot(first[0] - last[0], first[1] - last[1]);
}

/** Screen pixels between two positions at a zoom (512-pixel tiles). */
function pixels(a: number[], b: number[], zoom: number): number {
  const project = ([lon, lat]: number[]) => {
    const size = 512 * 2 ** zoom;
    const sin = Math.sin((lat * Math.PI) / 180);
    return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
  };
  const [p, q] = [project(a), project(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1]);
}

describe('features at one point, drawn apart close up', () => {
  const drawn: Drawn = {
    type: 'FeatureCollection',
    features: [
      point('gate', 'gate_pair', 0),
      point('channel', 'channel', 3),
      point('market', 'market', 5),
      point('alone', 'gate_pair', 0, [107, 22]),
    ],
  };

  it('stay stacked at the region’s zoom, where a click lists them', () => {
    const region = drawnAt(drawn, SPREAD_FROM_ZOOM - 1).filter((f) => f.kind !== 'spread_link' && f.id !== 'alone');
    expect(region.map((f) => f.id).sort()).toEqual(['channel', 'gate', 'market']);
    for (const feature of region)
      expect(pixels((feature.geometry as { coordinates: number[] }).coordinates, AT, SPREAD_FROM_ZOOM - 1)).toBeLessThan(1);
  });

  it('are drawn apart from zoom 11 on, each once, each joined to the record’s point by a line', () => {
    for (const zoom of [SPREAD_FROM_ZOOM, 13]) {
      const close = drawnAt(drawn, zoom).filter((f) => f.id !== 'alone');
      const points = close.filter((f) => f.geometry.type === 'Point');
      expect(points.map((f) => f.id).sort()).toEqual(['channel', 'gate', 'market']);
      const positions = points.map((f) => (f.geometry as { coordinates: number[] }).coordinates);
      // Each ≈22 px from the true point and well apart from the others, whatever the zoom.
      for (const at of positions) expect(pixels(at, AT, zoom)).toBeGreaterThan(18);
      expect(pixels(positions[0], positions[1], zoom)).toBeGreaterThan(25);
      const links = close.filter((f) => f.kind === 'spread_link');
      expect(links.map((f) => f.id).sort()).toEqual(['channel#spread', 'gate#spread', 'market#spread']);
      // Each link's number is its point's + 1 (domain/drawing/feature-numbers.ts): the map finds it from the point.
      expect(Object.fromEntries(links.map((f) => [f.id, f.fid]))).toEqual(
        Object.fromEntries(points.map((p) => [`${p.id}#spread`, Number(p.fid) + 1])),
      );
      for (const link of links)
        expect(pixels((link.geometry as { coordinates: number[][] }).coordinates[0], AT, zoom), `${link.id} z${zoom}`).toBeLessThan(1);
    }
  });

  it('leaves a feature alone at its point untouched', () => {
    const alone = drawnAt(drawn, 13, [107, 22]).filter((f) => f.id === 'alone');
    expect(alone).toHaveLength(1);
    expect(pixels((alone[0].geometry as { coordinates: number[] }).coordinates, [107, 22], 13)).toBeLessThan(1);
  });

  it('spreads the stacks the record has: A Pa Chải and its market, Km3+4, a gate and the channel drawn at it', async () => {
    const current = createCurrentRecord(createFileRepository(loadRealRecord()));
    const record = drawTimelines((await current.get(await current.key())).timelines.timelines);
    const stacks = stacksOf(record).map((group) => group.map((feature) => String(feature.properties.id)));
    // Every drawn feature (sides and links included) has a number of its own for the map's feature state.
    const numbers = record.features.map((feature) => feature.properties.fid);
    expect(numbers.every((n) => typeof n === 'number' && n % 2 === 0)).toBe(true);
    expect(new Set(numbers).size).toBe(record.features.length);
    expect(stacks.some((group) => group.includes('a-pa-chai') && group.includes('a-pa-chai-market'))).toBe(true);
    expect(stacks.length).toBeGreaterThan(2);
    // The spread never moves a symbol further than a glance: ≈22 px at any zoom.
    expect(pixels(spreadPosition(AT, 1, 3, 12), AT, 12)).toBeCloseTo(22, 0);
  });
});
