import { firstDayOf } from '@domain/dates';
import { AS_OF_STATE, asOfNumber } from '@domain/drawing/dated-drawing';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Filters } from '../../filters/filters';
import { asOfExpressions } from './as-of';
import { RECORD_SOURCE, recordLayers } from './record-features';

/**
 * The planner's filters (other than the date) as a MapLibre filter expression over the drawn
 * features' filter_* properties on the chosen date (as-of.ts): the same rules as filterOnDate,
 * evaluated by MapLibre, so a filter change restyles the layers instead of sending the features to
 * the map again. A feature counts for an agreement only from the agreement's date (`agreementDates`),
 * which the style compares with the chosen date. null: no filter.
 */
export function recordFilter(
  filters: Filters,
  agreementDates: ReadonlyMap<string, string>,
  states: number,
): ExpressionSpecification | null {
  const { onDate } = asOfExpressions(states);
  const listed = (value: string, list: ExpressionSpecification): ExpressionSpecification => ['in', `,${value},`, list];
  const conditions: ExpressionSpecification[] = [];
  if (filters.kinds.length > 0) conditions.push(['in', ['get', 'filter_kind'], ['literal', filters.kinds]]);
  if (filters.statuses.length > 0)
    conditions.push([
      'any',
      ['in', onDate('filter_status'), ['literal', filters.statuses]],
      ['in', onDate('upgradeStatus'), ['literal', filters.statuses]],
    ]);
  if (filters.provinces.length > 0)
    conditions.push(['any', ...filters.provinces.map((code) => listed(code, onDate('filter_provinces')))] as ExpressionSpecification);
  if (filters.agreements.length > 0)
    conditions.push([
      'any',
      ...filters.agreements.map((id): ExpressionSpecification => {
        const from = agreementDates.get(id);
        const linked = listed(id, ['get', 'filter_agreements']);
        return from ? ['all', linked, ['>=', ['to-number', ['global-state', AS_OF_STATE]], asOfNumber(firstDayOf(from))]] : linked;
      }),
    ] as ExpressionSpecification);
  if (filters.stalled !== null) conditions.push(['==', onDate('stalled'), filters.stalled]);
  if (filters.overdue !== null) conditions.push(['==', onDate('overdue'), filters.overdue]);
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0] : ['all', ...conditions];
}

/** Each record layer's own filter (geometry, kind, known by the date…), before the planner's is added. */
const baseFilterCache = new Map<number, Map<string, FilterSpecification | undefined>>();
function baseFilters(states: number) {
  let filters = baseFilterCache.get(states);
  if (!filters) {
    filters = new Map(
      recordLayers('vi', states).map((layer) => [
        layer.id,
        'filter' in layer ? (layer.filter as FilterSpecification | undefined) : undefined,
      ]),
    );
    baseFilterCache.set(states, filters);
  }
  return filters;
}

/** Every layer drawing the record's features. */
export const RECORD_LAYER_IDS: readonly string[] = [...baseFilters(1).keys()];

/** A record layer's filter with the planner's added; undefined for layers of other sources. */
export function combinedFilter(
  layerId: string,
  filter: ExpressionSpecification | null,
  states: number,
): FilterSpecification | null | undefined {
  const base = baseFilters(states);
  if (!base.has(layerId)) return undefined;
  const own = base.get(layerId);
  if (!filter) return own ?? null;
  return own ? (['all', own, filter] as FilterSpecification) : filter;
}

/** A copy of a style whose record layers apply `filter` (for maps drawn off screen: exports, the PDF pack). */
export function withRecordFilter(style: StyleSpecification, filter: ExpressionSpecification | null, states: number): StyleSpecification {
  return {
    ...style,
    layers: style.layers.map((layer): LayerSpecification => {
      if (!('source' in layer) || layer.source !== RECORD_SOURCE) return layer;
      const combined = combinedFilter(layer.id, filter, states);
      if (combined === undefined) return layer;
      const { filter: _old, ...rest } = layer as LayerSpecification & { filter?: FilterSpecification };
      return (combined ? { ...rest, filter: combined } : rest) as LayerSpecification;
    }),
  };
}
