import { type Briefing, type BriefingInput, briefingSchema } from '@domain/briefings';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { csrfTokenOf, sendJson, useSession } from './session';

/**
 * Create, replace, delete and import briefings — a signed-in editor's changes, sent with the session's
 * CSRF token (refusals become ApiError, their message naming the field); every change refreshes the list.
 */
export function useBriefingMutations() {
  const client = useQueryClient();
  const csrfToken = csrfTokenOf(useSession().data);
  const refresh = () => client.invalidateQueries({ queryKey: ['briefings'] });
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<Briefing | null> =>
    sendJson(method, url, csrfToken, body, briefingSchema);
  return {
    create: useMutation({ mutationFn: (input: BriefingInput | unknown) => send('POST', '/api/briefings', input), onSuccess: refresh }),
    replace: useMutation({
      mutationFn: ({ id, input }: { id: string; input: BriefingInput }) => send('PUT', `/api/briefings/${encodeURIComponent(id)}`, input),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => send('DELETE', `/api/briefings/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
}

/** Whether the visitor may change briefings: a signed-in editor (visitors play them and export PDFs). */
export function useCanEditBriefings(): boolean {
  return csrfTokenOf(useSession().data) !== null;
}
