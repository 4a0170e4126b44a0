import { apiErrorResponse, type SessionResponse, sessionResponse } from '@domain/api';
import { bodyProblem } from '@domain/request-bodies';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { noteNoNetwork } from '../offline/offline-state';
import { fetchJson } from './fetch-json';

/** The code of a change refused because there is no network (never queued). */
export const OFFLINE = 'offline';

const SESSION_KEY = ['session'] as const;

/** Who is signed in; the CSRF token stays in memory (this query's cache), never in storage. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: ({ signal }) => fetchJson('/api/session', sessionResponse, signal),
    staleTime: 5 * 60_000,
  });
}

/** The signed-in editor's CSRF token, or null for a visitor. */
export function csrfTokenOf(session: SessionResponse | undefined): string | null {
  return session?.user ? session.csrfToken : null;
}

/** A refusal from the API: its status, code and message, and whatever it sent beside (a 409's current state). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(message);
  }

  /** The field a 400 names (`error.field`: "quote", "steps.3.quote"), to show the message beside it. */
  get field(): string | null {
    const field = (this.body as { error?: { field?: unknown } } | null)?.error?.field;
    return typeof field === 'string' ? field : null;
  }
}

/**
 * A request body checked with the server's own schema (domain/request-bodies.ts) before it is sent: a
 * refusal is the ApiError the server would give (400 `invalid_body` naming the field), without a round trip.
 */
export function checkedBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const { message, field } = bodyProblem(parsed.error);
  throw new ApiError(400, 'invalid_body', message, { error: { code: 'invalid_body', message, ...(field ? { field } : {}) } });
}

/**
 * A change to the record, with the session's CSRF token: a JSON body (or a file, sent as it is with its
 * type), JSON back parsed by `schema`; refusals become ApiError.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'DELETE',
  url: string,
  csrfToken: string | null,
  body: unknown,
  schema: z.ZodType<T>,
): Promise<T | null> {
  const headers: Record<string, string> = {};
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let sent: BodyInit | undefined;
  if (body instanceof Blob) {
    headers['Content-Type'] = body.type;
    sent = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    sent = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: sent });
  } catch {
    // No network: the service worker routes no change, so nothing is kept to be sent later.
    noteNoNetwork();
    throw new ApiError(0, OFFLINE, 'No network: the change was not saved, and nothing is kept to send later', null);
  }
  if (response.status === 204) return null;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorResponse.safeParse(json);
    throw error.success
      ? new ApiError(response.status, error.data.error.code, error.data.error.message, json)
      : new ApiError(response.status, 'http_error', `${url}: HTTP ${response.status}`, json);
  }
  return schema.parse(json);
}

/** The code of the refusal when the server signed the editor in but the browser did not keep the cookie. */
export const SESSION_NOT_KEPT = 'session_not_kept';

/**
 * Signs in, then asks the server who is signed in: the page says "signed in" only when the session cookie
 * came back (a browser drops a Secure cookie over plain HTTP, a proxy may strip it) — else ApiError
 * `session_not_kept`.
 */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { username: string; password: string }) => {
      await sendJson('POST', '/api/session', null, credentials, sessionResponse);
      const session = await fetchJson('/api/session', sessionResponse);
      if (!session.user) {
        throw new ApiError(0, SESSION_NOT_KEPT, 'Signed in, but the browser did not keep the session cookie', session);
      }
      return session;
    },
    onSuccess: (session) => client.setQueryData(SESSION_KEY, session),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (csrfToken: string | null) => sendJson('DELETE', '/api/session', csrfToken, undefined, sessionResponse),
    onSettled: () => client.setQueryData(SESSION_KEY, { user: null }),
  });
}

/** Queries that never change with the record (the basemap is large): everything else is refetched after a change. */
const UNCHANGING = new Set(['basemap', 'vocabulary', 'session']);

/** After a change to the record: lists, counts, panels, documents and the map's tiles are asked for again. */
export function refreshRecord(client: QueryClient) {
  return client.invalidateQueries({ predicate: (query) => !UNCHANGING.has(String(query.queryKey[0])) });
}
