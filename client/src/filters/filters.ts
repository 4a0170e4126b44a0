import type { Filters } from '@domain/filters';
import { KIND_IDS, STATUS_IDS } from '@domain/vocabulary';

export { type Filters, NO_FILTERS } from '@domain/filters';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function list<T extends string>(value: string | null, allowed?: readonly T[]): T[] {
  if (!value) return [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  return (allowed ? items.filter((item) => (allowed as readonly string[]).includes(item)) : items) as T[];
}

/** Reads filters from URL parameters, dropping anything malformed rather than failing. */
export function readFilters(params: URLSearchParams): Filters {
  const asOf = params.get('asOf');
  return {
    asOf: asOf && DATE.test(asOf) ? asOf : null,
    kinds: list(params.get('kind'), KIND_IDS),
    statuses: list(params.get('status'), STATUS_IDS),
    agreements: list(params.get('agreement')),
    provinces: list(params.get('province')),
    stalled: params.get('stalled') === 'true',
  };
}

/** Writes filters into URL parameters (the same names as the API's query parameters). */
export function writeFilters(filters: Filters, params: URLSearchParams): void {
  const set = (name: string, value: string | null) => (value ? params.set(name, value) : params.delete(name));
  set('asOf', filters.asOf);
  set('kind', filters.kinds.join(','));
  set('status', filters.statuses.join(','));
  set('agreement', filters.agreements.join(','));
  set('province', filters.provinces.join(','));
  set('stalled', filters.stalled ? 'true' : null);
}

export const hasFilters = (filters: Filters) =>
  filters.stalled || filters.kinds.length + filters.statuses.length + filters.agreements.length + filters.provinces.length > 0;

/** Toggles one value in a list filter. */
export function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
