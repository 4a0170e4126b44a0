import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, Geometry } from 'geojson';
import { type DatedMapProperties, RECORD_TILE_LAYER, RECORD_TILE_MAX_ZOOM } from '../domain/drawing/dated-drawing';
import { thinningPlan } from './tile-thinning';

/**
 * The drawn record cut into Mapbox vector tiles (the map loads only the tiles in view, each a few
 * kilobytes, instead of the whole record). The index is built once per drawn record; tiles are cut
 * from it on demand. Properties are kept as they are: every value is a string, number or boolean
 * (a null is left out, which the style reads as null again).
 */
export function recordTileIndex(drawn: FeatureCollection<Geometry, DatedMapProperties>) {
  const plan = thinningPlan(drawn, RECORD_TILE_MAX_ZOOM);
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
      const cut = index.getTile(z, x, y);
      const kept = plan.keptAt.get(z);
      // Where the zoom is thinned (tile-thinning.ts), only its kept features; the index's tile stays whole.
      const tile: GeoJSONVTTile | null =
        cut && kept
          ? ({
              ...cut,
              features: (cut.features as GeoJSONVTFeature[]).filter((f) => kept.has(String(f.tags?.parent ?? f.tags?.id))),
            } as GeoJSONVTTile)
          : cut;
      if (!tile || tile.features.length === 0) return null;
      return fromGeojsonVt({ [RECORD_TILE_LAYER]: tile }, { version: 2, extent: 4096 });
    },
    /** From this zoom on the tiles hold every feature; below it, the most important per area (0: always all). */
    completeFromZoom: plan.completeFromZoom,
  };
}
