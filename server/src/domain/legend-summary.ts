import type { ApiFeature } from './api';
import { SHAPE_PATHS, type ShapeId, shapeOf } from './drawing/shapes';
import { drawnSides } from './drawing/to-map-features';
import type { TransportMode } from './schemas';
import type { StatusId } from './vocabulary';

/** What the legend explains: how many features carry each status, and which symbols are on the map. */
export type LegendSummary = {
  /** Features drawn per status (markers are not counted; a feature without a status counts as "unknown"). */
  counts: Partial<Record<StatusId, number>>;
  shapes: ShapeId[];
  modes: TransportMode[];
  flags: {
    approximate: boolean;
    upgrade: boolean;
    /** Some feature shown has a commitment past its deadline (the map's red badge). */
    overdue: boolean;
    plannedRoute: boolean;
    routeMode: boolean;
    side: boolean;
    zone: boolean;
    /** Sister communes or districts (kind pairing), drawn dotted. */
    pairing: boolean;
    /** Province-level cooperation mechanisms (kind cooperation), drawn dashed in their own colour. */
    cooperation: boolean;
    /** A side whose position published sources give differently (drawn as a ring joined to it). */
    positionsDisagree: boolean;
    schematic: boolean;
    marker: boolean;
  };
};

/**
 * The legend of the features shown, in one pass over them: the same rules the map draws by
 * (drawing/to-map-features.ts), read from the features themselves rather than from their drawings.
 */
export function summariseLegend(features: readonly ApiFeature[]): LegendSummary {
  const counts: Partial<Record<StatusId, number>> = {};
  const shapes = new Set<ShapeId>();
  const modes = new Set<TransportMode>();
  const flags: LegendSummary['flags'] = {
    approximate: false,
    upgrade: false,
    overdue: false,
    plannedRoute: false,
    routeMode: false,
    side: false,
    zone: false,
    pairing: false,
    cooperation: false,
    positionsDisagree: false,
    schematic: false,
    marker: false,
  };
  for (const { geometry, properties: p } of features) {
    // Features without a position are in the lists, not on the map.
    if (!geometry) continue;
    const status = p.status ?? 'unknown';
    if (p.kind !== 'marker') counts[status] = (counts[status] ?? 0) + 1;
    if (geometry.type === 'Point' && p.kind !== 'marker' && p.kind !== 'zone') shapes.add(shapeOf(p.kind, p.level));
    const mode = p.route?.mode ?? null;
    if (mode) modes.add(mode);
    const sides = drawnSides({ geometry, properties: p });
    flags.approximate ||= p.approximate || (sides?.some((side) => side.approximate) ?? false);
    flags.upgrade ||= p.upgrade !== null;
    flags.overdue ||= p.overdue;
    flags.plannedRoute ||= p.kind === 'route' && status !== 'operating';
    flags.routeMode ||= p.kind === 'route' && mode !== null;
    flags.side ||= sides !== null;
    flags.zone ||= p.kind === 'zone';
    flags.pairing ||= p.kind === 'pairing';
    flags.cooperation ||= p.kind === 'cooperation';
    flags.positionsDisagree ||= p.sidePoints.some((side) => side.alsoReported.length > 0);
    flags.schematic ||= p.schematic;
    flags.marker ||= p.kind === 'marker';
  }
  return { counts, shapes: (Object.keys(SHAPE_PATHS) as ShapeId[]).filter((shape) => shapes.has(shape)), modes: [...modes].sort(), flags };
}
