import { apiErrorResponse } from '@domain/api';
import { type Briefing, type BriefingInput, briefingSchema } from '@domain/briefings';
import { useMutation, useQueryClient } from '@tanstack/react-query';

async function send(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<Briefing | null> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = apiErrorResponse.safeParse(json);
    throw new Error(error.success ? error.data.error.message : `HTTP ${response.status}`);
  }
  return briefingSchema.parse(json);
}

/** Create, replace, delete and import briefings; every change refreshes the list. */
export function useBriefingMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['briefings'] });
  return {
    create: useMutation({ mutationFn: (input: BriefingInput | unknown) => send('POST', '/api/briefings', input), onSuccess: refresh }),
    replace: useMutation({
      mutationFn: ({ id, input }: { id: string; input: BriefingInput }) => send('PUT', `/api/briefings/${encodeURIComponent(id)}`, input),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => send('DELETE', `/api/briefings/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
}
