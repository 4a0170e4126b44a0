import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { DatedMapProperties } from '../domain/drawing/dated-drawing';

/** Most features a record tile may hold before the features of lower rank are left to deeper zooms. */
const TILE_FEATURE_BUDGET = 2000;

export type ThinningPlan = {
  /** From this zoom on, every tile holds every feature in it (0: never thinned). */
  completeFromZoom: number;
  /** Below it, per zoom: the ids of the features kept (a pair's sides follow their pair). */
  keptAt: ReadonlyMap<number, ReadonlySet<string>>;
};

/** Web Mercator position in pixels of a 256-pixel world at zoom 0. */
function worldPixel([lon, lat]: Position): [number, number] {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [((lon + 180) / 360) * 256, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * 256];
}

function firstPosition(geometry: Geometry): Position | null {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates;
    case 'LineString':
    case 'MultiPoint':
      return geometry.coordinates[0] ?? null;
    case 'Polygon':
    case 'MultiLineString':
      return geometry.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return geometry.coordinates[0]?.[0]?.[0] ?? null;
    default:
      return null;
  }
}

type Candidate = { id: string; rank: number; at: [number, number]; main: boolean };

/**
 * Which features the record's tiles hold at each zoom. Where a zoom's densest tile would hold more
 * than `budget` features (100 000 features along the border put ~25 000 in one zoom-6 tile, 26 MB),
 * the map at that zoom keeps, per grid cell of a few pixels, the feature that matters most (gate
 * pairs before channels before the rest: `rank`, then id), with the cell as small as the budget
 * allows — the same choice in every tile, so a line is whole or absent. A feature kept at one zoom is
 * kept at every deeper one. The real record (68 features) is never thinned. The lists, counts and
 * legend (GET /api/view) always count every feature; the map says when it shows fewer.
 */
export function thinningPlan(
  drawn: FeatureCollection<Geometry, DatedMapProperties>,
  maxZoom: number,
  budget = TILE_FEATURE_BUDGET,
): ThinningPlan {
  // One candidate per record feature: a pair's side points go with the pair.
  const byId = new Map<string, Candidate>();
  for (const feature of drawn.features) {
    const { id, parent, rank } = feature.properties;
    const key = typeof parent === 'string' ? parent : id;
    const position = firstPosition(feature.geometry);
    if (!position) continue;
    const main = typeof parent !== 'string';
    const existing = byId.get(key);
    // Placed where the feature itself is drawn (a side stands in only until its pair is seen).
    if (!existing || (main && !existing.main)) {
      byId.set(key, { id: key, rank: typeof rank === 'number' ? rank : 99, at: worldPixel(position), main });
    }
  }
  const candidates = [...byId.values()].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const densestTile = (kept: Iterable<Candidate>, zoom: number) => {
    const counts = new Map<string, number>();
    let most = 0;
    for (const { at } of kept) {
      const key = `${Math.floor((at[0] * 2 ** zoom) / 256)}/${Math.floor((at[1] * 2 ** zoom) / 256)}`;
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > most) most = count;
    }
    return most;
  };

  // From the deepest zoom up: find the first zoom (going up) that needs thinning.
  let completeFromZoom = 0;
  for (let zoom = maxZoom; zoom >= 0; zoom -= 1) {
    if (densestTile(candidates, zoom) > budget) {
      completeFromZoom = zoom + 1;
      break;
    }
  }
  const keptAt = new Map<number, ReadonlySet<string>>();
  if (completeFromZoom === 0) return { completeFromZoom, keptAt };

  // Going down from the first thinned zoom, each zoom keeps a subset of the one below it.
  let pool = candidates;
  for (let zoom = completeFromZoom - 1; zoom >= 0; zoom -= 1) {
    const scale = 2 ** zoom;
    let kept: Candidate[] = pool;
    for (let cell = 1; cell <= 256; cell *= 2) {
      const taken = new Set<string>();
      kept = [];
      for (const candidate of pool) {
        const key = `${Math.floor((candidate.at[0] * scale) / cell)}/${Math.floor((candidate.at[1] * scale) / cell)}`;
        if (taken.has(key)) continue;
        taken.add(key);
        kept.push(candidate);
      }
      if (densestTile(kept, zoom) <= budget) break;
    }
    keptAt.set(zoom, new Set(kept.map((candidate) => candidate.id)));
    pool = kept;
  }
  return { completeFromZoom, keptAt };
}
