import { apiErrorResponse } from '@domain/api';
import type { z } from 'zod';
import { noteAnswer, noteNoNetwork } from '../offline/offline-state';

/**
 * Fetches JSON and parses it with the shared schema: the client trusts nothing it has not parsed. Every answer
 * tells the offline notice whether it came from the network or from what the service worker kept.
 */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (!signal?.aborted) noteNoNetwork();
    throw error;
  }
  noteAnswer(response);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorResponse.safeParse(body);
    throw new Error(error.success ? error.data.error.message : `${url}: HTTP ${response.status}`);
  }
  return schema.parse(body);
}
