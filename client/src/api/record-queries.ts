import { agreementDetailResponse, agreementListResponse, eventsResponse, provincesResponse } from '@domain/api';
import { briefingSchema } from '@domain/briefings';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson } from './fetch-json';

export function useEvents() {
  return useQuery({ queryKey: ['events'], queryFn: ({ signal }) => fetchJson('/api/events', eventsResponse, signal) });
}

export function useProvinces() {
  return useQuery({ queryKey: ['provinces'], queryFn: ({ signal }) => fetchJson('/api/provinces', provincesResponse, signal) });
}

export function useAgreements() {
  return useQuery({ queryKey: ['agreements'], queryFn: ({ signal }) => fetchJson('/api/agreements', agreementListResponse, signal) });
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
