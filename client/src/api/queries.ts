import { featureDetailResponse, recordTileJson } from '@domain/api';
import { useQuery } from '@tanstack/react-query';
import { loadBasemap } from '../map/basemap-data';
import { fetchJson } from './fetch-json';

export function useFeatureDetail(id: string | null) {
  return useQuery({
    queryKey: ['feature', id],
    enabled: id !== null,
    queryFn: ({ signal }) => fetchJson(`/api/features/${encodeURIComponent(id ?? '')}`, featureDetailResponse, signal),
  });
}

/** What the map needs to know of its record tiles before it builds its style (how many states a feature has). */
export function useRecordTiles() {
  return useQuery({ queryKey: ['record-tiles'], queryFn: ({ signal }) => fetchJson('/api/map/tiles.json', recordTileJson, signal) });
}

export function useBasemap() {
  return useQuery({ queryKey: ['basemap'], queryFn: ({ signal }) => loadBasemap(signal), staleTime: Number.POSITIVE_INFINITY });
}
