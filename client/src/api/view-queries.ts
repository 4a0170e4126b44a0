import { changesResponse, type FeatureCollectionResponse, featureCollectionResponse, recordViewResponse } from '@domain/api';
import { agreementDatesOf, indexEvents, type RecordIndex } from '@domain/record-on-date';
import { keepPreviousData, type QueryClient, useQuery } from '@tanstack/react-query';
import { type Filters, writeFilters } from '../filters/filters';
import { fetchJson } from './fetch-json';
import { agreementsQuery, eventsQuery, provincesQuery } from './record-queries';

/**
 * What the planner's screen shows for the date and filters — counts, legend, progress tables and the
 * first `limit` rows of the list — computed by the server (GET /api/view), so the browser never
 * holds the whole record. The previous answer stays on screen while the next one comes.
 */
export function useRecordView(filters: Filters, limit: number, enabled = true) {
  const params = new URLSearchParams();
  writeFilters(filters, params);
  params.set('limit', String(limit));
  const url = `/api/view?${params}`;
  return useQuery({
    queryKey: ['view', url],
    enabled,
    queryFn: ({ signal }) => fetchJson(url, recordViewResponse, signal),
    placeholderData: keepPreviousData,
  });
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
