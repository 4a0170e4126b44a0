import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Timeline } from '../record-timeline';
import { featureNumbers } from './feature-numbers';
import { type DrawnFeature, type DrawnFeatureProperties, drawnFeatures } from './to-map-features';

/**
 * The map holds each feature once, with every state it goes through, and picks the state for the
 * chosen date itself (the feature state `s`, from map-states.ts; see client/src/map/layers/as-of.ts):
 * moving the time slider sends the map no data.
 *
 * A drawn feature carries its static properties (names, kind, precision…) as they are, its number `fid` (the map
 * keeps its feature state by it: feature-numbers.ts), and for each
 * state i: `from@i` (the first day it holds, as the number YYYYMMDD) and `<property>@i` for every
 * property that changes with the date. States are in date order; the last may be the one with no
 * date chosen, from LATEST.
 */
export const DATED_PROPERTIES = [
  'status',
  'upgradeStatus',
  'level',
  'icon',
  'filter_status',
  'filter_provinces',
  'stalled',
  'overdue',
] as const satisfies readonly (keyof DrawnFeatureProperties)[];
export type DatedProperty = (typeof DATED_PROPERTIES)[number];

/** The tile property holding a drawn feature's number (feature-numbers.ts): the map's `promoteId`. */
export const FEATURE_NUMBER = 'fid';

/** The layer of the record's vector tiles (GET /api/map/tiles/{z}/{x}/{y}.pbf). */
export const RECORD_TILE_LAYER = 'record';
/** Deepest zoom the record's tiles are cut at; the map over-zooms beyond it. */
export const RECORD_TILE_MAX_ZOOM = 14;

/** The state's value when no date is chosen: after every dated state. */
const LATEST = 99_999_999;
/**
 * The most states one drawn feature has: the style's expressions look that far, so the map is told
 * (GET /api/map/tiles.json, "states") before it builds them.
 */
export function statesOf(drawn: FeatureCollection<Geometry, DatedMapProperties>): number {
  let most = 1;
  for (const feature of drawn.features) {
    while (datedKey('from', most) in feature.properties) most += 1;
  }
  return most;
}

export const datedKey = (property: DatedProperty | 'from', state: number) => `${property}@${state}`;
/** "2023-02-22" → 20230222; null (no date chosen) → LATEST. */
export const asOfNumber = (asOf: string | null) => (asOf === null ? LATEST : Number(asOf.replaceAll('-', '')));

export type DatedMapProperties = Omit<DrawnFeatureProperties, DatedProperty> & Record<string, string | number | boolean | null>;
type DatedMapFeature = Feature<Geometry, DatedMapProperties>;

const drawnStateKey = (part: DrawnFeature) => JSON.stringify(DATED_PROPERTIES.map((property) => part.properties[property]));

/** One feature's drawings (the feature, and a pair's two sides and their link) with all its states. */
function drawTimeline(timeline: Timeline): DatedMapFeature[] {
  if (!timeline.latest) return [];
  const latestParts = drawnFeatures(timeline.latest);
  // Features without a position stay in the record and the lists, not on the map.
  if (latestParts.length === 0) return [];
  const states = [
    ...timeline.steps.map((step) => ({ from: asOfNumber(step.from), parts: drawnFeatures(step.feature) })),
    { from: LATEST, parts: latestParts },
  ].filter((state, i, all) => i === 0 || drawnStateKey(state.parts[0]) !== drawnStateKey(all[i - 1].parts[0]));
  return latestParts.map((part, j) => {
    const properties: Record<string, unknown> = { ...part.properties };
    for (const property of DATED_PROPERTIES) delete properties[property];
    states.forEach((state, i) => {
      properties[datedKey('from', i)] = state.from;
      for (const property of DATED_PROPERTIES) properties[datedKey(property, i)] = state.parts[j].properties[property] ?? null;
    });
    return { type: 'Feature', id: part.id, geometry: part.geometry, properties: properties as DatedMapProperties };
  });
}

/** The whole record for the map, every feature with all its states and its number. */
export function drawTimelines(timelines: readonly Timeline[]): FeatureCollection<Geometry, DatedMapProperties> {
  const features = timelines.flatMap(drawTimeline);
  const numbers = featureNumbers(features.map((feature) => String(feature.properties.id)));
  for (const feature of features) feature.properties[FEATURE_NUMBER] = numbers.get(String(feature.properties.id)) as number;
  return { type: 'FeatureCollection', features };
}
