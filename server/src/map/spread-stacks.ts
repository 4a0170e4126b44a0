import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';
import { type DatedMapProperties, FEATURE_NUMBER } from '../domain/drawing/dated-drawing';
import { linkNumber } from '../domain/drawing/feature-numbers';

/**
 * Features the record places at one point (a channel drawn at its gate's position, a market at its opening's,
 * Km3+4's three features) hide each other. From SPREAD_FROM_ZOOM on, the tiles draw each of them a little apart
 * on a small circle around that point, joined to it by a thin line (kind `spread_link`), as a spiderfier does:
 * the point stays where the record puts it; only the symbols move, by a fixed number of screen pixels at each
 * zoom. Below that zoom (the region's view) they stay stacked, and a click lists them (map/StackPicker.tsx).
 */
export const SPREAD_FROM_ZOOM = 11;
/** Distance of a spread symbol from the true point, in screen pixels (MapLibre's 512-pixel tiles). */
const SPREAD_RADIUS_PX = 22;
/** Drawn at a point by the point symbols layer; markers, zones and a pair's parts (sides, other reports) are not stacked. */
const NOT_STACKED = new Set(['marker', 'zone', 'side', 'reported']);

type DrawnFeature = Feature<Geometry, DatedMapProperties>;

/** Groups of two or more point features at exactly the same position, each group in a stable order (rank, then id). */
export function stacksOf(drawn: FeatureCollection<Geometry, DatedMapProperties>): DrawnFeature[][] {
  const byPosition = new Map<string, DrawnFeature[]>();
  for (const feature of drawn.features) {
    if (feature.geometry.type !== 'Point' || feature.properties.parent !== undefined) continue;
    if (NOT_STACKED.has(String(feature.properties.kind))) continue;
    const key = (feature.geometry as Point).coordinates.join(',');
    const group = byPosition.get(key);
    if (group) group.push(feature);
    else byPosition.set(key, [feature]);
  }
  return [...byPosition.values()]
    .filter((group) => group.length > 1)
    .map((group) =>
      group.sort(
        (a, b) => Number(a.properties.rank) - Number(b.properties.rank) || String(a.properties.id).localeCompare(String(b.properties.id)),
      ),
    );
}

/** Web Mercator: degrees ↔ world pixels at a zoom (512-pixel tiles, as MapLibre draws them). */
function toPixels([lon, lat]: Position, zoom: number): [number, number] {
  const size = 512 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return [((lon + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size];
}
function toDegrees([x, y]: [number, number], zoom: number): Position {
  const size = 512 * 2 ** zoom;
  const n = Math.PI - (2 * Math.PI * y) / size;
  return [(x / size) * 360 - 180, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}

/** Where the i-th of n features at `at` is drawn at `zoom`: on a circle, the first at the top, clockwise. */
export function spreadPosition(at: Position, index: number, count: number, zoom: number): Position {
  const [x, y] = toPixels(at, zoom);
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
  return toDegrees([x + SPREAD_RADIUS_PX * Math.cos(angle), y + SPREAD_RADIUS_PX * Math.sin(angle)], zoom);
}

/**
 * The stacked features as drawn at `zoom`: each moved onto its circle, with a line from the record's point to it.
 * The line carries its feature's properties (so the date and the filters hide it with the feature).
 */
export function spreadAt(stacks: DrawnFeature[][], zoom: number): FeatureCollection<Geometry, DatedMapProperties> {
  const features: DrawnFeature[] = [];
  for (const group of stacks) {
    group.forEach((feature, index) => {
      const at = (feature.geometry as Point).coordinates;
      const moved = spreadPosition(at, index, group.length, zoom);
      features.push({ ...feature, geometry: { type: 'Point', coordinates: moved } });
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [at, moved] },
        properties: {
          ...feature.properties,
          id: `${feature.properties.id}#spread`,
          [FEATURE_NUMBER]: linkNumber(Number(feature.properties[FEATURE_NUMBER])),
          parent: feature.properties.id,
          kind: 'spread_link',
        },
      });
    });
  }
  return { type: 'FeatureCollection', features };
}
