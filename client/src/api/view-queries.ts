import {
  changesResponse,
  type FeatureCollectionResponse,
  featureCollectionResponse,
  type RecordViewResponse,
  recordViewResponse,
} from '@domain/api';
import { agreementDatesOf, indexEvents, type RecordIndex } from '@domain/record-on-date';
import { keepPreviousData, type QueryClient, queryOptions, replaceEqualDeep, useQuery } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { type Filters, writeFilters } from '../filters/filters';
import { fetchJson } from './fetch-json';
import { agreementsQuery, eventsQuery, provincesQuery } from './record-queries';

/** The query of the planner's screen for a date and filters (GET /api/view), shared by the hook and prefetching. */
function viewQuery(filters: Filters, limit: number) {
  const params = new URLSearchParams();
  writeFilters(filters, params);
  params.set('limit', String(limit));
  const url = `/api/view?${params}`;
  return queryOptions({
    queryKey: ['view', url],
    queryFn: ({ signal }) => fetchJson(url, recordViewResponse, signal),
  });
}

/**
 * What the planner's screen shows for the date and filters — counts, legend, progress tables and the
 * first `limit` rows of the list — computed by the server (GET /api/view), so the browser never
 * holds the whole record. The previous answer stays on screen while the next one comes; an answer
 * already held (prefetched: `prefetchViews`) is shown in the render of the input itself.
 */
export function useRecordView(filters: Filters, limit: number, enabled = true) {
  // What did not change from the answer shown before keeps its objects (rows by id, tables, legend), so
  // the lists' parts an answer leaves as they were are not rendered again (memo).
  const shown = useRef<RecordViewResponse | undefined>(undefined);
  const keepUnchanged = useCallback((next: RecordViewResponse) => {
    shown.current = sharedWith(shown.current, next);
    return shown.current;
  }, []);
  return useQuery({ ...viewQuery(filters, limit), enabled, placeholderData: keepPreviousData, select: keepUnchanged });
}

/** `next`, with every part equal to `previous`'s — a row of the same feature wherever it stands — being `previous`'s own. */
export function sharedWith(previous: RecordViewResponse | undefined, next: RecordViewResponse): RecordViewResponse {
  if (!previous) return next;
  const { rows: previousRows, ...previousRest } = previous;
  const { rows: nextRows, ...nextRest } = next;
  const rest = replaceEqualDeep(previousRest, nextRest);
  const rowsById = new Map(previousRows.map((row) => [row.id, row]));
  const rows = nextRows.map((row) => {
    const before = rowsById.get(row.id);
    return before ? replaceEqualDeep(before, row) : row;
  });
  const sameRows = rows.length === previousRows.length && rows.every((row, index) => row === previousRows[index]);
  if (rest === previousRest && sameRows) return previous;
  return { ...rest, rows: sameRows ? previousRows : rows };
}

/**
 * Asks for the answers of screens the planner may go to next (the slider's neighbouring dates, a
 * playing slider's next dates, a briefing's next step), so that going there is answered from what the
 * client holds, without a request. Answers held and fresh are not asked again.
 */
export function prefetchViews(client: QueryClient, screens: readonly Filters[], limit: number) {
  for (const filters of screens) void client.prefetchQuery(viewQuery(filters, limit));
}

/** What changed between two dates (GET /api/changes), the first `limit` changes. */
export function useChanges(from: string, to: string, limit: number) {
  const url = `/api/changes?${new URLSearchParams({ from, to, limit: String(limit) })}`;
  return useQuery({
    queryKey: ['changes', url],
    queryFn: ({ signal }) => fetchJson(url, changesResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** A few features by id, with their positions (to bring a selection or a clause's features into view). */
export function useFeaturesById(ids: readonly string[]) {
  const wanted = [...new Set(ids)].sort();
  const url = `/api/features?${new URLSearchParams({ id: wanted.join(',') })}`;
  return useQuery({
    queryKey: ['features-by-id', url],
    enabled: wanted.length > 0,
    queryFn: ({ signal }) => fetchJson(url, featureCollectionResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** The routes of the record (to compare one with another). */
export function useRoutes() {
  return useQuery({
    queryKey: ['features', 'route'],
    queryFn: ({ signal }) => fetchJson('/api/features?kind=route', featureCollectionResponse, signal),
  });
}

/**
 * The whole record — every feature and step — for what is drawn in the browser from many dates at
 * once (the PNG caption's citations, the briefing pack). Loaded on demand only, and kept once loaded.
 */
export async function loadWholeRecord(client: QueryClient): Promise<{ collection: FeatureCollectionResponse; index: RecordIndex }> {
  const [collection, events, provinces, agreements] = await Promise.all([
    client.fetchQuery({
      queryKey: ['features'],
      queryFn: ({ signal }) => fetchJson('/api/features', featureCollectionResponse, signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
    client.fetchQuery({ ...eventsQuery, staleTime: Number.POSITIVE_INFINITY }),
    client.fetchQuery(provincesQuery),
    client.fetchQuery(agreementsQuery),
  ]);
  return { collection, index: { eventsByFeature: indexEvents(events), provinces, agreementDates: agreementDatesOf(agreements) } };
}
