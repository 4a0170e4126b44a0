import { agreementDetailResponse, agreementListResponse, eventsResponse, provincesResponse } from '@domain/api';
import { briefingSchema } from '@domain/briefings';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson } from './fetch-json';

export const eventsQuery = queryOptions({
  queryKey: ['events'],
  queryFn: ({ signal }) => fetchJson('/api/events', eventsResponse, signal),
});

export const provincesQuery = queryOptions({
  queryKey: ['provinces'],
  queryFn: ({ signal }) => fetchJson('/api/provinces', provincesResponse, signal),
});

export const agreementsQuery = queryOptions({
  queryKey: ['agreements'],
  queryFn: ({ signal }) => fetchJson('/api/agreements', agreementListResponse, signal),
});

export function useProvinces() {
  return useQuery(provincesQuery);
}

export function useAgreements() {
  return useQuery(agreementsQuery);
}

export function useAgreement(id: string | null) {
  return useQuery({
    queryKey: ['agreement', id],
    enabled: id !== null,
    queryFn: ({ signal }) => fetchJson(`/api/agreements/${encodeURIComponent(id ?? '')}`, agreementDetailResponse, signal),
  });
}

export function useBriefings() {
  return useQuery({ queryKey: ['briefings'], queryFn: ({ signal }) => fetchJson('/api/briefings', z.array(briefingSchema), signal) });
}
