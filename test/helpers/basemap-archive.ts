/**
 * A small vector-tile archive of our own basemap around Lạng Sơn, in the Protomaps schema (layers `earth`,
 * `water`, `boundaries`, `places`), written as PMTiles: what an office's archive of the region is, for tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { projectRoot } from './app';
import { type ArchiveTile, writePmtiles } from './pmtiles-writer';

/** Around Lạng Sơn and the Hữu Nghị gate: [west, south, east, north]. */
export const TEST_ARCHIVE_BOUNDS: [number, number, number, number] = [106.55, 21.75, 106.95, 22.05];
export const TEST_ARCHIVE_ATTRIBUTION = 'Test archive of the Border Atlas basemap';
const MAX_ZOOM = 12;

function collection(topology: Topology, name: string): Feature[] {
  const converted = feature(topology, topology.objects[name]) as FeatureCollection | Feature;
  return converted.type === 'FeatureCollection' ? converted.features : [converted];
}

const withProperties = (features: Feature[], properties: (feature: Feature) => Record<string, unknown>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ ...f, properties: properties(f) })),
});

/** The basemap's objects as the Protomaps schema names them. */
function protomapsLayers(topology: Topology): Record<string, FeatureCollection> {
  return {
    earth: withProperties(collection(topology, 'land'), () => ({ kind: 'earth' })),
    water: withProperties(collection(topology, 'rivers'), () => ({ kind: 'river' })),
    boundaries: {
      type: 'FeatureCollection',
      features: [
        ...withProperties(collection(topology, 'borders'), () => ({ kind: 'country', kind_detail: 2 })).features,
        ...withProperties(collection(topology, 'province_lines'), () => ({ kind: 'region', kind_detail: 4 })).features,
      ],
    },
    places: withProperties(collection(topology, 'places'), (f) => ({
      kind: 'locality',
      name: f.properties?.name_vi,
      'name:vi': f.properties?.name_vi,
      'name:en': f.properties?.name_en,
      'name:zh-Hans': f.properties?.name_zh,
      min_zoom: 6,
      population_rank: 8,
    })),
  };
}

const tileX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
};

/**
 * Our basemap in the Protomaps schema, cut into vector tiles on demand up to zoom `maxZoom`: the tile z/x/y as
 * MVT bytes, or null where the basemap has nothing (what an archive holds, and what an office's tile server answers).
 */
export function basemapTileCutter(maxZoom: number): (z: number, x: number, y: number) => Uint8Array | null {
  const topology = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'basemap', 'output', 'basemap.topojson'), 'utf8')) as Topology;
  const indexes = Object.entries(protomapsLayers(topology)).map(
    ([name, data]) => [name, new GeoJSONVT(data, { maxZoom, indexMaxZoom: 4, extent: 4096, buffer: 64 })] as const,
  );
  return (z, x, y) => {
    const layers: Record<string, GeoJSONVTTile> = {};
    for (const [name, index] of indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) layers[name] = tile;
    }
    return Object.keys(layers).length > 0 ? fromGeojsonVt(layers, { version: 2, extent: 4096 }) : null;
  };
}

/** The archive's bytes: every tile of TEST_ARCHIVE_BOUNDS from zoom 0 to 12. */
export function buildTestArchive(): Uint8Array {
  const cut = basemapTileCutter(MAX_ZOOM);
  const [west, south, east, north] = TEST_ARCHIVE_BOUNDS;
  const tiles: ArchiveTile[] = [];
  for (let z = 0; z <= MAX_ZOOM; z += 1) {
    for (let x = tileX(west, z); x <= tileX(east, z); x += 1) {
      for (let y = tileY(north, z); y <= tileY(south, z); y += 1) {
        const data = cut(z, x, y);
        if (data) tiles.push({ z, x, y, data });
      }
    }
  }
  return writePmtiles(tiles, {
    bounds: TEST_ARCHIVE_BOUNDS,
    minZoom: 0,
    maxZoom: MAX_ZOOM,
    metadata: {
      name: 'Lạng Sơn test region',
      attribution: `<a href="https://example.invalid/">${TEST_ARCHIVE_ATTRIBUTION}</a>`,
      vector_layers: ['earth', 'water', 'boundaries', 'places'].map((id) => ({ id, fields: {} })),
    },
  });
}
