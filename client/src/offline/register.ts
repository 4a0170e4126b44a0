/**
 * Registers the service worker (service-worker.ts) in the production build, so the app opens without a network
 * from then on. A new deployment's worker takes over at once and the page reloads into it (vite-plugin-pwa's
 * autoUpdate): no one keeps an old app beside a new server.
 */
import { registerSW } from 'virtual:pwa-register';
import { keptForOffline } from './offline-rules';
import { notedTileRequests } from './tile-requests';

/**
 * The first time a worker takes this page over, the record's answers and tiles the page already has were fetched
 * before it: fetched again through it, they are kept — the record as this first visit saw it works offline too.
 */
function keepWhatThePageHas(): void {
  const urls = new Set(
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === window.location.origin && keptForOffline(url.pathname))
      .map((url) => url.href),
  );
  for (const url of notedTileRequests()) urls.add(url);
  for (const url of urls) fetch(url).catch(() => undefined);
}

export function registerOfflineApp(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Every tile and answer of a first visit, not the browser's default 250.
  performance.setResourceTimingBufferSize(5_000);
  const firstTakeover = !navigator.serviceWorker.controller;
  if (firstTakeover) navigator.serviceWorker.addEventListener('controllerchange', keepWhatThePageHas, { once: true });
  registerSW({ immediate: true });
}

/**
 * What a briefing's PDF pack reads beside what the screen shows (the whole record: features, steps, provinces,
 * agreements — export/briefing-pack.ts through loadWholeRecord): fetched once in the background while a briefing
 * is open online under the service worker, so the pack can be made in a meeting room with no network.
 */
const BRIEFING_PACK_READS = ['/api/features', '/api/events', '/api/provinces', '/api/agreements'];

export function keepBriefingPackReads(): void {
  if (!navigator.serviceWorker?.controller || navigator.onLine === false) return;
  for (const url of BRIEFING_PACK_READS) fetch(url).catch(() => undefined);
}
