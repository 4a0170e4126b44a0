export { type Filters, hasFilters, NO_FILTERS, readFilters, writeFilters } from '@domain/filters';

/** Toggles one value in a list filter. */
export function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}
