import type { FeatureCollection, Geometry } from 'geojson';
import { firstDayOf } from '../dates';
import type { Filters } from '../filters';
import { asOfNumber, type DatedMapProperties, datedKey, FEATURE_NUMBER } from './dated-drawing';
import { isDrawingPart } from './to-map-features';

/**
 * What the map needs to pick each drawn feature's state for a date and apply the planner's filters to it
 * without laying its tiles out again (GET /api/map/states; client/src/map/record-states.ts): the dates
 * its states start and what the filters and symbols read in each. The tiles carry the same states; the
 * map reads the one chosen here from a feature state (`s`), so a date or a filter change is a repaint.
 */
export type MapState = {
  /** The first day this state holds, as the number YYYYMMDD (the last may be LATEST: no date chosen). */
  from: number;
  status: string | null;
  upgradeStatus: string | null;
  /** ",VN-09,VN-07," as in the tiles. */
  provinces: string;
  stalled: boolean;
  overdue: boolean;
  /** The point's icon and level (symbols are laid out by them). */
  icon: string;
  level: string | null;
};
export type MapFeatureStates = {
  id: string;
  /** The number the map keeps its feature state by (`fid` in the tiles: feature-numbers.ts). */
  number: number;
  kind: string;
  /** ",003,004," as in the tiles. */
  agreements: string;
  /** A feature of its own (not a pair's side, a link, a disagreeing position): it has a symbol and a label. */
  own: boolean;
  /** A point (it may be drawn apart from others at its spot, with a link named `<id>#spread`). */
  point: boolean;
  states: MapState[];
};

/** The states of every drawn feature, from the drawn record (domain/drawing/dated-drawing.ts). */
export function mapStatesOf(drawn: FeatureCollection<Geometry, DatedMapProperties>): MapFeatureStates[] {
  return drawn.features.map((feature) => {
    const properties = feature.properties;
    const states: MapState[] = [];
    for (let i = 0; datedKey('from', i) in properties; i += 1) {
      const read = (property: Parameters<typeof datedKey>[0]) => properties[datedKey(property, i)];
      states.push({
        from: Number(read('from')),
        status: (read('filter_status') as string | null) ?? null,
        upgradeStatus: (read('upgradeStatus') as string | null) ?? null,
        provinces: String(read('filter_provinces') ?? ''),
        stalled: read('stalled') === true,
        overdue: read('overdue') === true,
        icon: String(read('icon') ?? ''),
        level: (read('level') as string | null) ?? null,
      });
    }
    return {
      id: String(properties.id),
      number: Number(properties[FEATURE_NUMBER]),
      kind: String(properties.filter_kind),
      agreements: String(properties.filter_agreements ?? ''),
      own: !isDrawingPart(properties as { parent?: string }),
      point: feature.geometry.type === 'Point',
      states,
    };
  });
}

/** The index of the state holding on `asOf` (a number from asOfNumber): the last starting on or before it; -1 before the first. */
export function stateIndexOn(states: readonly Pick<MapState, 'from'>[], asOf: number): number {
  let low = 0;
  let high = states.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (states[middle].from <= asOf) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Each agreement's first day as a date number, for `passesMapFilters`: a feature counts for an agreement from then. */
export const agreementStarts = (agreementDates: ReadonlyMap<string, string>): ReadonlyMap<string, number> =>
  new Map([...agreementDates].map(([id, date]) => [id, asOfNumber(firstDayOf(date))]));

/**
 * The planner's filters (other than the date) on a feature in one of its states: the same rules as
 * `passesFilters` (domain/record-on-date.ts) over what the map holds, held equal to it by
 * map-states.test.ts and test/api/same-selection.test.ts.
 */
export function passesMapFilters(
  feature: Pick<MapFeatureStates, 'kind' | 'agreements'>,
  state: MapState,
  filters: Filters,
  agreementsFrom: ReadonlyMap<string, number>,
  asOf: number,
): boolean {
  if (filters.kinds.length > 0 && !(filters.kinds as string[]).includes(feature.kind)) return false;
  if (filters.statuses.length > 0) {
    const statuses = filters.statuses as (string | null)[];
    if (!statuses.includes(state.status) && !statuses.includes(state.upgradeStatus)) return false;
  }
  if (filters.provinces.length > 0 && !filters.provinces.some((code) => state.provinces.includes(`,${code},`))) return false;
  if (
    filters.agreements.length > 0 &&
    !filters.agreements.some((id) => feature.agreements.includes(`,${id},`) && asOf >= (agreementsFrom.get(id) ?? 0))
  )
    return false;
  if (filters.stalled !== null && state.stalled !== filters.stalled) return false;
  if (filters.overdue !== null && state.overdue !== filters.overdue) return false;
  return true;
}

/** One state on the wire (GET /api/map/states): [from, status, upgradeStatus, provinces, stalled, overdue, icon, level]. */
type MapStateRow = [number, string | null, string | null, string, boolean, boolean, string, string | null];
/** One feature on the wire: [id, kind, agreements, own, point, states, number] (the number came last, later). */
export type MapStatesRow = [string, string, string, boolean, boolean, MapStateRow[], number];

/** The compact form GET /api/map/states sends (a row per feature, a tuple per state: a fifth of the size of objects). */
export const encodeMapStates = (features: readonly MapFeatureStates[]): MapStatesRow[] =>
  features.map((f) => [
    f.id,
    f.kind,
    f.agreements,
    f.own,
    f.point,
    f.states.map((s): MapStateRow => [s.from, s.status, s.upgradeStatus, s.provinces, s.stalled, s.overdue, s.icon, s.level]),
    f.number,
  ]);

export const decodeMapStates = (rows: readonly MapStatesRow[]): MapFeatureStates[] =>
  rows.map(([id, kind, agreements, own, point, states, number]) => ({
    id,
    number,
    kind,
    agreements,
    own,
    point,
    states: states.map(([from, status, upgradeStatus, provinces, stalled, overdue, icon, level]) => ({
      from,
      status,
      upgradeStatus,
      provinces,
      stalled,
      overdue,
      icon,
      level,
    })),
  }));
