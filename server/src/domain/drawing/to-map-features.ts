import turfCircle from '@turf/circle';
import type { FeatureCollection, Geometry } from 'geojson';
import type { ApiFeature, FeatureCollectionResponse } from '../api';
import { arcBetween } from './arc';
import { iconName, shapeOf } from './shapes';

/** Only what the style reads: stable id, kind, status, level, precision flags and the three names. */
export type DrawnFeatureProperties = {
  id: string;
  /** For the side points of a pair: the pair they belong to (a click selects it). */
  parent?: string;
  kind: string;
  status: string;
  upgradeStatus: string | null;
  level: string | null;
  approximate: boolean;
  precision: string;
  schematic: boolean;
  /** Routes: passenger, freight, rail, air, tourism, ambulance, bus; null for everything else. */
  mode: string | null;
  name_vi: string;
  name_zh: string | null;
  name_en: string;
  /** One side's name, for labels at overview zooms: the Vietnamese side (vi, en), the Chinese side (zh). */
  short_vi: string;
  short_zh: string | null;
  short_en: string;
  /** The Chinese name is partly our reading, not found in a source (zh labels mark it). */
  zh_inferred: boolean;
  /** Icon for point features: shape by level (or kind), status colour, hollow when approximate. */
  icon: string;
  /** Lower draws first and wins label collisions: gate pairs before channels before the rest. */
  rank: number;
  /** What the planner's filters read (map-states.ts), the same on a pair's drawn parts. */
  filter_kind: string;
  /** The status as of the date, null for kinds without one (drawn as `unknown`). */
  filter_status: string | null;
  /** ",VN-09,VN-07," — provinces as of the date, comma-framed so a code is found as ",VN-09,". */
  filter_provinces: string;
  /** ",003,004," — agreements linked by the date. */
  filter_agreements: string;
  stalled: boolean;
  /** A deadline passed with no document saying it was reached (domain/targets.ts). */
  overdue: boolean;
};

/** "Chi Ma – Ái Điểm" → "Chi Ma"; "Chi Ma—爱店" → "爱店" (the side a reader of that language knows). */
function sideName(pairName: string, side: 'first' | 'last'): string {
  const parts = pairName.split(/\s*[–—]\s*/u);
  return (side === 'first' ? parts[0] : parts.at(-1)) ?? pairName;
}

/** Radius of the area drawn for a zone whose extent no document gives (its outline is dashed). */
const ZONE_RADIUS_KM = 3;

/** Extra drawings of a feature (its two sides and their link, disagreeing positions): not features of their own for counts. */
export const isDrawingPart = (properties: Pick<DrawnFeatureProperties, 'parent'>) => properties.parent !== undefined;

/** Sides closer than this to the pair's own point are not drawn apart (degrees, ≈50 m). */
const SIDE_MIN_SEPARATION = 0.0005;

/**
 * The two sides of a pair, where each has its own position: a dot per side and a link between
 * them, so a planner sees both gates (e.g. Hữu Nghị and Hữu Nghị Quan, 600 m apart).
 */
/** The two sides of a pair drawn apart: a point feature whose first two sides are far enough apart. */
export function drawnSides(feature: Pick<ApiFeature, 'geometry' | 'properties'>) {
  const sides = feature.properties.sidePoints;
  if (sides.length < 2 || feature.geometry?.type !== 'Point') return null;
  const [a, b] = sides;
  if (Math.hypot(a.coordinates[0] - b.coordinates[0], a.coordinates[1] - b.coordinates[1]) < SIDE_MIN_SEPARATION) return null;
  return [a, b] as const;
}

function sideFeatures(feature: ApiFeature, parent: DrawnFeatureProperties) {
  const sides = drawnSides(feature);
  if (!sides) return [];
  const [a, b] = sides;
  const side = (point: (typeof sides)[number]) => ({
    type: 'Feature' as const,
    id: `${feature.id}#${point.country}`,
    geometry: { type: 'Point' as const, coordinates: point.coordinates },
    properties: {
      ...parent,
      id: `${feature.id}#${point.country}`,
      parent: feature.id,
      kind: 'side',
      approximate: point.approximate,
      ...labelsOf(point.name),
      zh_inferred: point.zhInferred,
      rank: 8,
    },
  });
  const link = {
    type: 'Feature' as const,
    id: `${feature.id}#link`,
    geometry: { type: 'LineString' as const, coordinates: [a.coordinates, b.coordinates] },
    properties: { ...parent, id: `${feature.id}#link`, parent: feature.id, kind: 'side_link', rank: 8 },
  };
  return [link, side(a), side(b)];
}

/** A side's name as the label properties the map reads (its full and short names are the same). */
const labelsOf = (name: { vi: string; zh: string | null; en: string }) => ({
  name_vi: name.vi,
  name_zh: name.zh,
  name_en: name.en,
  short_vi: name.vi,
  short_zh: name.zh,
  short_en: name.en,
});

/**
 * Where published sources put a side of the pair elsewhere than the point the record uses (by more
 * than its precision): each other point as a ring, joined to the side's point by a thin line, so a
 * planner sees the disagreement instead of one point drawn as settled. Drawn for every side that has
 * its own position, whether or not the two sides are drawn apart.
 */
function disagreementFeatures(feature: ApiFeature, parent: DrawnFeatureProperties) {
  return feature.properties.sidePoints.flatMap((point) =>
    point.alsoReported.flatMap((other, index) => {
      const id = `${feature.id}#${point.country}#reported-${index}`;
      const part = { ...parent, parent: feature.id, rank: 8, zh_inferred: point.zhInferred };
      const names = labelsOf(point.name);
      return [
        {
          type: 'Feature' as const,
          id: `${id}-link`,
          geometry: { type: 'LineString' as const, coordinates: [point.coordinates, other.coordinates] },
          properties: { ...part, ...names, id: `${id}-link`, kind: 'reported_link' },
        },
        {
          type: 'Feature' as const,
          id,
          geometry: { type: 'Point' as const, coordinates: other.coordinates },
          properties: { ...part, ...names, id, kind: 'reported' },
        },
      ];
    }),
  );
}

const KIND_RANK: Record<string, number> = {
  gate_pair: 0,
  channel: 1,
  opening: 1,
  market: 1,
  special_road: 2,
  bridge: 3,
  zone: 3,
  route: 4,
  marker: 5,
};

/**
 * API features → the slim GeoJSON the map draws. Markers carry no status: they are drawn
 * as `unknown` so one colour expression serves every layer.
 */
export function toMapFeatures(collection: FeatureCollectionResponse): FeatureCollection<Geometry, DrawnFeatureProperties> {
  return { type: 'FeatureCollection', features: collection.features.flatMap(drawnFeatures) };
}

export type DrawnFeature = FeatureCollection<Geometry, DrawnFeatureProperties>['features'][number];
/**
 * What one API feature draws, remembered per feature object: a filter change hands the same objects
 * again (see recordOnDate), so only a new date makes new ones. Arcs and zone circles are remembered
 * per geometry, which never changes.
 */
const drawnByFeature = new WeakMap<ApiFeature, DrawnFeature[]>();
const shapeByGeometry = new WeakMap<object, { kind: string; shape: Geometry }>();

export function drawnFeatures(feature: ApiFeature): DrawnFeature[] {
  let drawn = drawnByFeature.get(feature);
  if (!drawn) {
    drawn = drawFeature(feature);
    drawnByFeature.set(feature, drawn);
  }
  return drawn;
}

function drawnShape(feature: ApiFeature & { geometry: NonNullable<ApiFeature['geometry']> }): Geometry {
  const source = feature.geometry;
  const { kind } = feature.properties;
  // Pairings are relationships, not roads: drawn as arcs between their two ends. Zones have no
  // extent in the documents: drawn as a translucent area of ZONE_RADIUS_KM around their point.
  const arc = (kind === 'pairing' || kind === 'cooperation') && source.type === 'LineString' && source.coordinates.length === 2;
  const area = kind === 'zone' && source.type === 'Point';
  if (!arc && !area) return source;
  const cached = shapeByGeometry.get(source);
  if (cached?.kind === kind) return cached.shape;
  const shape =
    source.type === 'LineString'
      ? { type: 'LineString' as const, coordinates: arcBetween(source.coordinates[0], source.coordinates[1]) }
      : turfCircle((source as { coordinates: number[] }).coordinates, ZONE_RADIUS_KM, { steps: 48 }).geometry;
  shapeByGeometry.set(source, { kind, shape });
  return shape;
}

function drawFeature(feature: ApiFeature): DrawnFeature[] {
  // Features without a position stay in the record and the lists, not on the map.
  if (!feature.geometry) return [];
  const { kind, status, upgrade, level, approximate, precision, schematic, name, route } = feature.properties;
  const geometry = drawnShape(feature as ApiFeature & { geometry: NonNullable<ApiFeature['geometry']> });
  const mapped = {
    type: 'Feature' as const,
    id: feature.id,
    geometry,
    properties: {
      id: feature.id,
      kind,
      status: status ?? 'unknown',
      upgradeStatus: upgrade?.status ?? null,
      level,
      approximate,
      precision: precision ?? 'approximate',
      schematic,
      mode: route?.mode ?? null,
      name_vi: name.vi,
      name_zh: name.zh,
      name_en: name.en,
      short_vi: sideName(name.vi, 'first'),
      short_zh: name.zh === null ? null : sideName(name.zh, 'last'),
      short_en: sideName(name.en, 'first'),
      zh_inferred: feature.properties.zhInferred,
      icon: iconName(shapeOf(kind, level), status ?? 'unknown', approximate),
      rank: KIND_RANK[kind] ?? 9,
      filter_kind: kind,
      filter_status: status,
      filter_provinces: `,${feature.properties.provinces.join(',')},`,
      filter_agreements: `,${feature.properties.agreements.join(',')},`,
      stalled: feature.properties.stalled,
      overdue: feature.properties.overdue,
    },
  };
  return [mapped, ...sideFeatures(feature, mapped.properties), ...disagreementFeatures(feature, mapped.properties)];
}
