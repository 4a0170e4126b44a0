/**
 * What the service worker keeps for use without a network, and how it marks what it gives back from that
 * cache. Shared by the worker (service-worker.ts) and the page (offline-state.ts).
 */

/** Set on an answer given from the cache because the network failed: when it was saved (ISO time). */
export const OFFLINE_HEADER = 'X-Border-Atlas-Offline';

/** Set on every kept answer: when it was saved. */
export const SAVED_AT_HEADER = 'X-Border-Atlas-Saved-At';

/**
 * Paths never kept: who is signed in (a visitor offline is a visitor), downloads made on the server (exports,
 * the province report) and the import reader (editors only, online only).
 */
const NEVER_KEPT = [/^\/api\/session/, /^\/api\/export\//, /^\/api\/imports/, /^\/api\/reports\//];

/** The record's read API (lists, panels, search, the map's tiles): kept as last seen. */
export function keptForOffline(pathname: string): boolean {
  return pathname.startsWith('/api/') && !NEVER_KEPT.some((path) => path.test(pathname));
}
