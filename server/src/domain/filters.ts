import { z } from 'zod';
import { commaList, listOf, realDate, trueOrFalse } from './query-params';
import { KIND_IDS, type KindId, STATUS_IDS, type StatusId } from './vocabulary';

/**
 * What the planner has narrowed the record to — the one filter of the product: the map, /api/features,
 * /api/view, the exports, /ogc and briefings all read it, with the same names and meanings. Empty lists
 * mean "all".
 */
export type Filters = {
  /** Show the record as of this date (YYYY-MM-DD); null = as of the latest step. */
  asOf: string | null;
  kinds: KindId[];
  /** A feature passes when its status, or the status of its upgrade, is one of these. */
  statuses: StatusId[];
  /** A feature passes when it is linked to any of these (steps, clauses naming it, citations, what they imply). */
  agreements: string[];
  /** Province codes as of `asOf` (so "VN-07" after 1 July 2025 includes former Hà Giang). */
  provinces: string[];
  /** true: only features with a commitment restated without progress for over two years; false: only those without; null: all. */
  stalled: boolean | null;
  /** true: only features with a commitment past its deadline and not reported reached (domain/targets.ts); false: only those without; null: all. */
  overdue: boolean | null;
};

export const NO_FILTERS: Filters = { asOf: null, kinds: [], statuses: [], agreements: [], provinces: [], stalled: null, overdue: null };

/** The filters as a JSON object (a saved briefing step). */
export const filtersSchema = z.strictObject({
  asOf: z.iso.date().nullable().default(null),
  kinds: z.array(z.enum(KIND_IDS)).default([]),
  statuses: z.array(z.enum(STATUS_IDS)).default([]),
  agreements: z.array(z.string().min(1)).default([]),
  provinces: z.array(z.string().min(1)).default([]),
  stalled: z.boolean().nullable().default(null),
  overdue: z.boolean().nullable().default(null),
});

/** The filters' query parameters (URL of the app, /api/*, /ogc): name → what it holds. */
export const FILTER_PARAMETERS = ['kind', 'status', 'agreement', 'province', 'asOf', 'stalled', 'overdue'] as const;

/** The filters' query parameters as a strict zod shape (the server's 400s name the parameter at fault). */
export const filterQueryShape = {
  kind: listOf(KIND_IDS, 'kind').optional(),
  status: listOf(STATUS_IDS, 'status').optional(),
  /** Agreement ids are checked against the record by the read model. */
  agreement: commaList.optional(),
  /** Province codes as of `asOf`; checked against the record by the read model. */
  province: commaList.optional(),
  asOf: realDate.optional(),
  /** true: only features with a stalled commitment; false: only those without. */
  stalled: trueOrFalse.optional(),
  /** true: only features with an overdue commitment on the date; false: only those without. */
  overdue: trueOrFalse.optional(),
};
type FilterQuery = { [K in keyof typeof filterQueryShape]?: z.output<(typeof filterQueryShape)[K]> };

/** Parsed filter parameters → Filters. */
export const filtersOfQuery = (query: FilterQuery): Filters => ({
  asOf: query.asOf ?? null,
  kinds: query.kind ?? [],
  statuses: query.status ?? [],
  agreements: query.agreement ?? [],
  provinces: query.province ?? [],
  stalled: query.stalled ?? null,
  overdue: query.overdue ?? null,
});

/**
 * Reads filters from URL parameters with the server's own rules, dropping what they refuse rather than
 * failing (a shared link with a stale value still opens).
 */
export function readFilters(params: URLSearchParams): Filters {
  const read = <K extends keyof typeof filterQueryShape>(name: K) => {
    const value = params.get(name);
    if (value === null) return undefined;
    const parsed = filterQueryShape[name].safeParse(value);
    if (parsed.success) return parsed.data as FilterQuery[K];
    // A list with some unknown values keeps the known ones.
    if (name === 'kind' || name === 'status') {
      const allowed: readonly string[] = name === 'kind' ? KIND_IDS : STATUS_IDS;
      const known = value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => allowed.includes(item));
      return (known.length > 0 ? known : undefined) as FilterQuery[K];
    }
    return undefined;
  };
  const nonEmpty = (items: string[] | undefined) => items?.filter(Boolean);
  return filtersOfQuery({
    kind: read('kind'),
    status: read('status'),
    agreement: nonEmpty(read('agreement')),
    province: nonEmpty(read('province')),
    asOf: read('asOf'),
    stalled: read('stalled'),
    overdue: read('overdue'),
  });
}

/** Writes filters into URL parameters: the same names and values the API reads. */
export function writeFilters(filters: Filters, params: URLSearchParams): void {
  const set = (name: (typeof FILTER_PARAMETERS)[number], value: string | null) => (value ? params.set(name, value) : params.delete(name));
  set('asOf', filters.asOf);
  set('kind', filters.kinds.join(','));
  set('status', filters.statuses.join(','));
  set('agreement', filters.agreements.join(','));
  set('province', filters.provinces.join(','));
  set('stalled', filters.stalled === null ? null : String(filters.stalled));
  set('overdue', filters.overdue === null ? null : String(filters.overdue));
}

/** The filters as query parameters (for an API request or a link). */
export function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  writeFilters(filters, params);
  return params;
}

/** True when anything but the date narrows the record. */
export const hasFilters = (filters: Filters) =>
  filters.stalled !== null ||
  filters.overdue !== null ||
  filters.kinds.length + filters.statuses.length + filters.agreements.length + filters.provinces.length > 0;
