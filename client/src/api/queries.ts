import { featureDetailResponse, mapStatesResponse, recordTileJson } from '@domain/api';
import { decodeMapStates } from '@domain/drawing/map-states';
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

/** Where the record's tiles are (their URLs name the revision) and from which zoom they hold every feature. */
export function useRecordTiles() {
  return useQuery({ queryKey: ['record-tiles'], queryFn: ({ signal }) => fetchJson('/api/map/tiles.json', recordTileJson, signal) });
}

/** Each drawn feature's states, for the map to pick the date's and apply the filters itself (domain/drawing/map-states.ts). */
export function useMapStates() {
  return useQuery({
    queryKey: ['map-states'],
    queryFn: async ({ signal }) => decodeMapStates((await fetchJson('/api/map/states', mapStatesResponse, signal)).features),
  });
}

export function useBasemap() {
  return useQuery({ queryKey: ['basemap'], queryFn: ({ signal }) => loadBasemap(signal), staleTime: Number.POSITIVE_INFINITY });
}
