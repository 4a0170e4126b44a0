import { asOfNumber } from '@domain/drawing/dated-drawing';
import { agreementStarts, type MapFeatureStates, type MapState, passesMapFilters, stateIndexOn } from '@domain/drawing/map-states';
import type { Filters } from '../filters/filters';

/**
 * What each drawn feature shows for a date and the planner's filters, kept as MapLibre feature state so
 * that moving the slider or changing a filter repaints the tiles the map holds instead of laying them out
 * again (GET /api/map/states gives each feature's states):
 *   `s`   the index of its state on the date (-1: the record does not know it yet); the layers read
 *         `<property>@<s>` from the tile (layers/record-features.ts);
 *   `out` the planner's filters leave it out on that date.
 * A date step touches only the features with a state starting between the two dates (or an agreement of
 * theirs counting from between them): the others keep the state they have.
 *
 * Symbols and labels are placed against each other, so a hidden one must not take another's room: their
 * layers draw the features listed in the style's global state `symbols` (id → "shape|level" for each
 * feature shown), which changes only when a shown feature's shape or level changes or one comes or goes.
 */
export type FeatureView = { s: number; out: boolean };

/** The style's global state listing the features whose symbols and labels are drawn, with their shape and level. */
export const SYMBOLS_STATE = 'symbols';
/**
 * "international|international" — what a feature's symbol is laid out from: its shape (from its icon's name,
 * "shape:<shape>:<status>:<fill>") and level (the size). Its colours are paint, read for the date from `s`.
 */
const symbolValue = (state: Pick<MapState, 'icon' | 'level'>) => `${state.icon.split(':')[1] ?? ''}|${state.level ?? ''}`;

export type RecordViewChange = {
  /** Features whose view changed, with their new view. */
  views: [string, FeatureView][];
  /**
   * Features of their own whose state on the date changed, with its index: their symbols' colours read it (the
   * symbols' source needs no `out`: it draws the features `symbols` lists).
   */
  symbolStates: [string, number][];
  /** The symbols' global state, when it changed (a new object: MapLibre compares values). */
  symbols: Record<string, string> | null;
};

const filtersKey = (filters: Filters) =>
  JSON.stringify([filters.kinds, filters.statuses, filters.provinces, filters.agreements, filters.stalled, filters.overdue]);

export class RecordStates {
  private readonly s: Int32Array;
  private readonly out: Uint8Array;
  /** Every date a feature's view can change on (its states' and its agreements' first days), sorted, with the feature's index. */
  private readonly eventDates: Float64Array;
  private readonly eventFeatures: Int32Array;
  private readonly byId: Map<string, number>;
  private readonly symbols = new Map<string, string>();
  private asOf: number | null = null;
  private filtersKey = '';
  private agreementsFrom: ReadonlyMap<string, number> = new Map();

  constructor(
    readonly features: readonly MapFeatureStates[],
    private readonly agreementDates: ReadonlyMap<string, string>,
  ) {
    this.s = new Int32Array(features.length).fill(-1);
    this.out = new Uint8Array(features.length);
    this.byId = new Map(features.map((feature, index) => [feature.id, index]));
    this.agreementsFrom = agreementStarts(agreementDates);
    const events: [number, number][] = [];
    features.forEach((feature, index) => {
      for (const state of feature.states) events.push([state.from, index]);
      for (const id of feature.agreements.split(',')) {
        const from = id ? this.agreementsFrom.get(id) : undefined;
        if (from !== undefined) events.push([from, index]);
      }
    });
    events.sort((a, b) => a[0] - b[0]);
    this.eventDates = Float64Array.from(events, (event) => event[0]);
    this.eventFeatures = Int32Array.from(events, (event) => event[1]);
  }

  /** What a feature shows now. */
  viewOf(id: string): FeatureView | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : { s: this.s[index], out: this.out[index] === 1 };
  }

  /** The number the map keeps a feature's state by (`fid` in the tiles), or undefined for an id the record does not draw. */
  numberOf(id: string): number | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.features[index].number;
  }

  /** A feature of its own (it has a symbol or a label). */
  isOwn(id: string): boolean {
    const index = this.byId.get(id);
    return index !== undefined && this.features[index].own;
  }

  /**
   * A feature of its own drawn as a point: drawn apart from others at its spot, it has a link to where the record
   * puts it (server map/spread-stacks.ts; numbered `linkNumber` of its number).
   */
  isOwnPoint(id: string): boolean {
    const index = this.byId.get(id);
    return index !== undefined && this.features[index].own && this.features[index].point;
  }

  /** Every feature's view and the symbols as they stand: for a map that has none of them yet. */
  current(): RecordViewChange & { symbols: Record<string, string> } {
    return {
      views: this.features.map((feature, index): [string, FeatureView] => [feature.id, { s: this.s[index], out: this.out[index] === 1 }]),
      symbolStates: this.features.flatMap((feature, index): [string, number][] => (feature.own ? [[feature.id, this.s[index]]] : [])),
      symbols: Object.fromEntries(this.symbols),
    };
  }

  /** Moves to a date and filters, and says what changed. The first call sets every feature. */
  update(asOf: string | null, filters: Filters): RecordViewChange {
    const date = asOfNumber(asOf);
    const key = filtersKey(filters);
    let candidates: Iterable<number>;
    if (this.asOf === null || key !== this.filtersKey) {
      candidates = this.features.keys();
    } else if (date === this.asOf) {
      candidates = [];
    } else {
      candidates = this.between(Math.min(date, this.asOf), Math.max(date, this.asOf));
    }
    const first = this.asOf === null;
    this.asOf = date;
    this.filtersKey = key;
    const views: [string, FeatureView][] = [];
    const symbolStates: [string, number][] = [];
    let symbolsChanged = first;
    for (const index of candidates) {
      const feature = this.features[index];
      const s = stateIndexOn(feature.states, date);
      const state = feature.states[s];
      const out = state !== undefined && !passesMapFilters(feature, state, filters, this.agreementsFrom, date);
      if (!first && s === this.s[index] && Number(out) === this.out[index]) continue;
      if (feature.own && (first || s !== this.s[index])) symbolStates.push([feature.id, s]);
      this.s[index] = s;
      this.out[index] = Number(out);
      views.push([feature.id, { s, out }]);
      if (!feature.own) continue;
      const symbol = state !== undefined && !out ? symbolValue(state) : undefined;
      if (symbol === this.symbols.get(feature.id)) continue;
      if (symbol === undefined) this.symbols.delete(feature.id);
      else this.symbols.set(feature.id, symbol);
      symbolsChanged = true;
    }
    return { views, symbolStates, symbols: symbolsChanged ? Object.fromEntries(this.symbols) : null };
  }

  /** The features with an event after `low` up to `high`: the only ones whose view can differ between those dates. */
  private between(low: number, high: number): Set<number> {
    const found = new Set<number>();
    for (let i = this.firstAfter(low); i < this.eventDates.length && this.eventDates[i] <= high; i += 1) found.add(this.eventFeatures[i]);
    return found;
  }

  private firstAfter(date: number): number {
    let low = 0;
    let high = this.eventDates.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.eventDates[middle] <= date) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The same features' views for another date and filters, leaving these as they are (maps drawn off screen: exports, the PDF pack). */
  snapshot(asOf: string | null, filters: Filters): RecordViewChange & { symbols: Record<string, string> } {
    const other = new RecordStates(this.features, this.agreementDates);
    other.update(asOf, filters);
    return other.current();
  }
}
