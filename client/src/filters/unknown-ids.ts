import type { Filters } from './filters';

/** Agreement ids and province codes a link's filters name that the record does not hold. */
export type UnknownIds = { agreements: string[]; provinces: string[] };

/**
 * A shared or old link may name an agreement or a province the record lacks (mistyped, or removed): the
 * server refuses such filters (400), so the map would show nothing. They are dropped from the filters
 * and named to the user instead. Null when every one is known (or the record is not loaded yet).
 */
export function dropUnknownIds(
  filters: Filters,
  known: { agreements: readonly string[] | undefined; provinces: readonly string[] | undefined },
): { filters: Filters; unknown: UnknownIds } | null {
  if (!known.agreements || !known.provinces) return null;
  const agreements = new Set(known.agreements);
  const provinces = new Set(known.provinces);
  const unknown = {
    agreements: filters.agreements.filter((id) => !agreements.has(id)),
    provinces: filters.provinces.filter((code) => !provinces.has(code)),
  };
  if (unknown.agreements.length + unknown.provinces.length === 0) return null;
  return {
    filters: {
      ...filters,
      agreements: filters.agreements.filter((id) => agreements.has(id)),
      provinces: filters.provinces.filter((code) => provinces.has(code)),
    },
    unknown,
  };
}
