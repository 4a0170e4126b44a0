import { z } from 'zod';
import { MAX_LIST_LIMIT } from './api';
import { FILTER_PARAMETERS, type Filters, filterQueryShape, filtersOfQuery } from './filters';
import { bbox, commaList, realDate } from './query-params';
import type { Narrowing } from './record-on-date';

/**
 * The query strings of /api/features, /api/view and /api/changes: the one filter (domain/filters.ts)
 * and what each endpoint adds. The server parses with these; the client builds its requests from the
 * same names (writeFilters).
 */

export const FEATURE_QUERY_PARAMETERS = ['id', 'kind', 'status', 'agreement', 'province', 'asOf', 'bbox', 'stalled', 'overdue'] as const;

export const featureQuery = z.object({
  ...filterQueryShape,
  /** Only these features (ids the record does not know are refused). */
  id: commaList.optional(),
  bbox: bbox.optional(),
});
export type FeatureQuery = z.infer<typeof featureQuery>;

/** A parsed /api/features query → the one filter and the narrowing by id or box. */
export const selectionOfQuery = (query: FeatureQuery): { filters: Filters; narrowing: Narrowing } => ({
  filters: filtersOfQuery(query),
  narrowing: { ids: query.id, bbox: query.bbox },
});

/** A whole number within bounds, given as text. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

const DEFAULT_PAGE = 100;

const page = {
  /** Rows to send (default 100, at most 1000). */
  limit: wholeNumber(1, MAX_LIST_LIMIT).default(DEFAULT_PAGE),
  /** Rows to skip. */
  offset: wholeNumber(0, 100_000_000).default(0),
};

export const VIEW_QUERY_PARAMETERS = [...FILTER_PARAMETERS, 'limit', 'offset'] as const;

/** The planner's filters (the same names and meanings as /api/features) and a page of the list. */
export const viewQuery = z.object({ ...filterQueryShape, ...page });

export const CHANGES_QUERY_PARAMETERS = ['from', 'to', 'limit', 'offset'] as const;

export const changesQuery = z
  .object({ from: realDate, to: realDate, ...page })
  .refine((query) => query.from <= query.to, { message: 'must not be after "to"', path: ['from'] });
