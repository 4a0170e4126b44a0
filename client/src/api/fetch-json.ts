import { apiErrorResponse } from '@domain/api';
import type { z } from 'zod';

/** Fetches JSON and parses it with the shared schema: the client trusts nothing it has not parsed. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorResponse.safeParse(body);
    throw new Error(error.success ? error.data.error.message : `${url}: HTTP ${response.status}`);
  }
  return schema.parse(body);
}
