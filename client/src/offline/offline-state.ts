/**
 * Whether the page shows the record as kept by the service worker (no network), and since when it was saved:
 * read from the answers the API queries receive (OFFLINE_HEADER), and from the browser's own online/offline
 * events. The notice (OfflineNotice.tsx) and the refusal of changes read it.
 */
import { useSyncExternalStore } from 'react';
import { OFFLINE_HEADER } from './offline-rules';

export type OfflineState = {
  /** No network: the browser says so, or an answer came from the cache. */
  offline: boolean;
  /** When the oldest answer shown from the cache was saved (ISO time), or null when none was. */
  savedAt: string | null;
};

let state: OfflineState = { offline: typeof navigator !== 'undefined' && navigator.onLine === false, savedAt: null };
const listeners = new Set<() => void>();

function set(next: OfflineState) {
  if (next.offline === state.offline && next.savedAt === state.savedAt) return;
  state = next;
  for (const listener of listeners) listener();
}

/** Called with every answer of the API: from the cache (marked), or from the server (the network is back). */
export function noteAnswer(response: Response): void {
  const savedAt = response.headers.get(OFFLINE_HEADER);
  if (savedAt === null) {
    if (state.offline || state.savedAt) set({ offline: false, savedAt: null });
    return;
  }
  // The oldest of what is shown: that is how old the record on screen may be.
  const oldest = state.savedAt && savedAt && state.savedAt < savedAt ? state.savedAt : savedAt || state.savedAt;
  set({ offline: true, savedAt: oldest });
}

/** A request the network refused (no answer at all). */
export function noteNoNetwork(): void {
  if (!state.offline) set({ ...state, offline: true });
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', noteNoNetwork);
  window.addEventListener('online', () => set({ ...state, offline: false }));
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useOfflineState(): OfflineState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}
