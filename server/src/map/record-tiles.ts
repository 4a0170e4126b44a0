import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, Geometry } from 'geojson';
import { type DatedMapProperties, RECORD_TILE_LAYER, RECORD_TILE_MAX_ZOOM } from '../domain/drawing/dated-drawing';
import { SPREAD_FROM_ZOOM, spreadAt, stacksOf } from './spread-stacks';
import { thinningPlan } from './tile-thinning';

/**
 * The drawn record cut into Mapbox vector tiles (the map loads only the tiles in view, each a few
 * kilobytes, instead of the whole record). The index is built once per drawn record; tiles are cut
 * from it on demand. Properties are kept as they are: every value is a string, number or boolean
 * (a null is left out, which the style reads as null again).
 */
const INDEX_OPTIONS = {
  maxZoom: RECORD_TILE_MAX_ZOOM,
  // Tiles down to zoom 5 are cut up front; deeper ones on first request.
  indexMaxZoom: 5,
  indexMaxPoints: 100_000,
  tolerance: 3,
  extent: 4096,
  buffer: 64,
};

/**
 * Features at one point drawn apart from SPREAD_FROM_ZOOM on (spread-stacks.ts): per zoom, an index of just
 * those features moved for it; a tile takes them from there instead of the main index. Made on first use.
 */
function spreadTiles(drawn: FeatureCollection<Geometry, DatedMapProperties>) {
  const stacks = stacksOf(drawn);
  const stacked = new Set(stacks.flat().map((feature) => String(feature.properties.id)));
  const indexes = new Map<number, GeoJSONVT>();
  return {
    stacked,
    /** The spread features of a tile at zoom ≥ SPREAD_FROM_ZOOM (none where nothing is stacked). */
    features(z: number, x: number, y: number): GeoJSONVTFeature[] {
      if (stacked.size === 0 || z < SPREAD_FROM_ZOOM) return [];
      const zoom = Math.min(z, RECORD_TILE_MAX_ZOOM);
      let index = indexes.get(zoom);
      if (!index) {
        index = new GeoJSONVT(spreadAt(stacks, zoom), INDEX_OPTIONS);
        indexes.set(zoom, index);
      }
      return (index.getTile(z, x, y)?.features as GeoJSONVTFeature[] | undefined) ?? [];
    },
  };
}

export function recordTileIndex(drawn: FeatureCollection<Geometry, DatedMapProperties>) {
  const plan = thinningPlan(drawn, RECORD_TILE_MAX_ZOOM);
  const index = new GeoJSONVT(drawn, INDEX_OPTIONS);
  const spread = spreadTiles(drawn);
  return {
    /** The tile's protobuf bytes, or null where the record has nothing. */
    tile(z: number, x: number, y: number): Uint8Array | null {
      const whole = index.getTile(z, x, y);
      const cut = z >= SPREAD_FROM_ZOOM ? withSpread(whole, spread.stacked, spread.features(z, x, y)) : whole;
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

/**
 * A tile at a spreading zoom: its stacked features taken out wherever their copies fall (a copy may lie in the
 * next tile), and the spread copies and links that fall in it put in.
 */
function withSpread(cut: GeoJSONVTTile | null, stacked: ReadonlySet<string>, spread: GeoJSONVTFeature[]): GeoJSONVTTile | null {
  if (stacked.size === 0) return cut;
  const kept = ((cut?.features ?? []) as GeoJSONVTFeature[]).filter((feature) => !stacked.has(String(feature.tags?.id)));
  const features = [...kept, ...spread];
  if (features.length === 0) return null;
  return { ...(cut ?? {}), features } as GeoJSONVTTile;
}
