import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import { RECORD_TILE_LAYER, RECORD_TILE_MAX_ZOOM } from '../domain/drawing/dated-drawing';

/**
 * The drawn record cut into Mapbox vector tiles (the map loads only the tiles in view, each a few
 * kilobytes, instead of the whole record). The index is built once per drawn record; tiles are cut
 * from it on demand. Properties are kept as they are: every value is a string, number or boolean
 * (a null is left out, which the style reads as null again).
 */
export function recordTileIndex(drawn: FeatureCollection) {
  const index = new GeoJSONVT(drawn, {
    maxZoom: RECORD_TILE_MAX_ZOOM,
    // Tiles down to zoom 5 are cut up front; deeper ones on first request.
    indexMaxZoom: 5,
    indexMaxPoints: 100_000,
    tolerance: 3,
    extent: 4096,
    buffer: 64,
  });
  return {
    /** The tile's protobuf bytes, or null where the record has nothing. */
    tile(z: number, x: number, y: number): Uint8Array | null {
      const tile = index.getTile(z, x, y);
      if (!tile || tile.features.length === 0) return null;
      return fromGeojsonVt({ [RECORD_TILE_LAYER]: tile }, { version: 2, extent: 4096 });
    },
  };
}
export type RecordTileIndex = ReturnType<typeof recordTileIndex>;
