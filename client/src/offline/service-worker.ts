/// <reference lib="webworker" />
/**
 * The app without a network (issue 21): once opened online, the page, its scripts, the embedded basemap and
 * its fonts are kept in the browser (precached at install, replaced when a new deployment's revisions differ),
 * and every answer of the record's API is kept as last seen. With no network the page opens from the cache,
 * the record's answers come from it marked with when they were saved (OFFLINE_HEADER: the page says so), and
 * nothing is written: changes are not routed here and fail at once, never queued.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { keptForOffline, OFFLINE_HEADER, SAVED_AT_HEADER } from './offline-rules';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// A new deployment's worker takes over at once: its revisions replace the cached files on this visit.
self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);

/** How long the network may keep a request waiting before the kept answer is used. */
const NETWORK_TIMEOUT_SECONDS = 8;

/** The page in the reader's language: the server's when it answers, else the kept one for `?lang=`. */
registerRoute(
  new NavigationRoute(async ({ request, url }) => {
    try {
      return await fetch(request);
    } catch {
      const lang = url.searchParams.get('lang');
      const page = lang === 'en' || lang === 'zh' ? `/index.${lang}.html` : '/index.html';
      return (await matchPrecache(page)) ?? Response.error();
    }
  }),
);

/** Answers kept with the time they were saved; given from the cache, marked so the page can say so. */
const markedWhenSaved = {
  cacheWillUpdate: async ({ response }: { response: Response }) => {
    if (!response.ok) return null;
    const headers = new Headers(response.headers);
    headers.set(SAVED_AT_HEADER, new Date().toISOString());
    return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
  },
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) => {
    if (!cachedResponse) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.set(OFFLINE_HEADER, cachedResponse.headers.get(SAVED_AT_HEADER) ?? '');
    return new Response(await cachedResponse.blob(), { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
  },
};

registerRoute(
  ({ request, url }) => request.method === 'GET' && url.origin === self.location.origin && keptForOffline(url.pathname),
  new NetworkFirst({
    cacheName: 'border-atlas-record',
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [markedWhenSaved, new ExpirationPlugin({ maxEntries: 2_000, purgeOnQuotaError: true })],
  }),
);
