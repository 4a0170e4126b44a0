import turfBbox from '@turf/bbox';
import type { FeatureCollection, Geometry } from 'geojson';
import type { RecordTileJson } from '../domain/api';
import { type DatedMapProperties, RECORD_TILE_LAYER, RECORD_TILE_MAX_ZOOM, statesOf } from '../domain/drawing/dated-drawing';

const TYPE_NAMES: Record<string, string> = { string: 'String', number: 'Number', boolean: 'Boolean' };

/** TileJSON 3.0.0 for the record's tiles: where they are, their extent, their fields, and how many states a feature has. */
export function tileJson(
  drawn: FeatureCollection<Geometry, DatedMapProperties>,
  tilesUrl: string,
  completeFromZoom: number,
): RecordTileJson {
  const fields: Record<string, string> = {};
  for (const feature of drawn.features) {
    for (const [name, value] of Object.entries(feature.properties)) {
      if (!(name in fields) && value !== null) fields[name] = TYPE_NAMES[typeof value] ?? 'String';
    }
  }
  const [west, south, east, north] = drawn.features.length > 0 ? turfBbox(drawn) : [-180, -85, 180, 85];
  return {
    tilejson: '3.0.0',
    tiles: [tilesUrl],
    minzoom: 0,
    maxzoom: RECORD_TILE_MAX_ZOOM,
    bounds: [west, south, east, north],
    vector_layers: [{ id: RECORD_TILE_LAYER, fields }],
    states: statesOf(drawn),
    completeFromZoom,
  };
}
