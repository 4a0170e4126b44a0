import { featureDetailResponse, recordTileJson } from '@domain/api';
import { useQuery } from '@tanstack/react-query';
import { loadBasemap } from '../map/basemap-data';
import { fetchJson } from './fetch-json';

/** A feature's detail; `asOf` is the date its deadlines are read on (the slider's), today when absent. */
export function useFeatureDetail(id: string | null, asOf: string | null = null) {
  return useQuery({
    queryKey: ['feature', id, asOf],
    enabled: id !== null,
    queryFn: ({ signal }) =>
      fetchJson(`/api/features/${encodeURIComponent(id ?? '')}${asOf ? `?asOf=${asOf}` : ''}`, featureDetailResponse, signal),
    // Moving the slider keeps the panel on screen while the deadlines are read again.
    placeholderData: (previous, query) => (query?.queryKey[1] === id ? previous : undefined),
  });
}

/** What the map needs to know of its record tiles before it builds its style (how many states a feature has). */
export function useRecordTiles() {
  return useQuery({ queryKey: ['record-tiles'], queryFn: ({ signal }) => fetchJson('/api/map/tiles.json', recordTileJson, signal) });
}

export function useBasemap() {
  return useQuery({ queryKey: ['basemap'], queryFn: ({ signal }) => loadBasemap(signal), staleTime: Number.POSITIVE_INFINITY });
}
