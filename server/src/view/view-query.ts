import { z } from 'zod';
import { MAX_LIST_LIMIT } from '../domain/api';
import { KIND_IDS, STATUS_IDS } from '../domain/vocabulary';
import { commaList, listOf, realDate } from '../features/feature-query';

/** A whole number within bounds, given as text. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

const MAX_PAGE = MAX_LIST_LIMIT;
const DEFAULT_PAGE = 100;

const page = {
  /** Rows to send (default 100, at most 1000). */
  limit: wholeNumber(1, MAX_PAGE).default(DEFAULT_PAGE),
  /** Rows to skip. */
  offset: wholeNumber(0, 100_000_000).default(0),
};

export const VIEW_QUERY_PARAMETERS = ['kind', 'status', 'agreement', 'province', 'asOf', 'stalled', 'limit', 'offset'] as const;

/** The planner's filters (the same names and meanings as /api/features) and a page of the list. */
export const viewQuery = z.object({
  kind: listOf(KIND_IDS, 'kind').optional(),
  status: listOf(STATUS_IDS, 'status').optional(),
  agreement: commaList.optional(),
  province: commaList.optional(),
  asOf: realDate.optional(),
  /** Only features with a stalled commitment (leave it out for all). */
  stalled: z.literal('true', { message: 'must be true (leave it out for all features)' }).optional(),
  ...page,
});
export type ViewQuery = z.infer<typeof viewQuery>;

export const CHANGES_QUERY_PARAMETERS = ['from', 'to', 'limit', 'offset'] as const;

export const changesQuery = z
  .object({ from: realDate, to: realDate, ...page })
  .refine((query) => query.from <= query.to, { message: 'must not be after "to"', path: ['from'] });
