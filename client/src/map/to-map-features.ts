import type { FeatureCollection, Geometry } from 'geojson';
import type { FeatureCollectionResponse } from '@domain/api';

/** Only what the style reads: stable id, kind, status, level, precision flags and the three names. */
export type MapFeatureProperties = {
  id: string;
  kind: string;
  status: string;
  upgradeStatus: string | null;
  level: string | null;
  approximate: boolean;
  precision: string;
  schematic: boolean;
  name_vi: string;
  name_zh: string | null;
  name_en: string;
  /** Lower draws first and wins label collisions: gate pairs before channels before the rest. */
  rank: number;
};

const KIND_RANK: Record<string, number> = { gate_pair: 0, channel: 1, opening: 1, market: 1, special_road: 2, bridge: 3, zone: 3, route: 4, marker: 5 };

/**
 * API features → the slim GeoJSON the map draws. Markers carry no status: they are drawn
 * as `unknown` so one colour expression serves every layer.
 */
export function toMapFeatures(collection: FeatureCollectionResponse): FeatureCollection<Geometry, MapFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: collection.features.map((feature) => {
      const { kind, status, upgrade, level, approximate, precision, schematic, name } = feature.properties;
      return {
        type: 'Feature',
        id: feature.id,
        geometry: feature.geometry,
        properties: {
          id: feature.id,
          kind,
          status: status ?? 'unknown',
          upgradeStatus: upgrade?.status ?? null,
          level,
          approximate,
          precision,
          schematic,
          name_vi: name.vi,
          name_zh: name.zh,
          name_en: name.en,
          rank: KIND_RANK[kind] ?? 9,
        },
      };
    }),
  };
}
