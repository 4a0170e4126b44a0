import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createStoreTestApp, createTestApp, projectRoot } from '../helpers/app';

export const artifactsDir = join(projectRoot, 'test', 'artifacts');

/** Flags that keep Debian's Chromium quiet on a machine with no network (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

function requireBuiltClient() {
  if (!existsSync(join(projectRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run "npm run build" before the browser tests');
  }
}

async function listen(app: ReturnType<typeof createTestApp>): Promise<{ server: Server; baseUrl: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The app over the real record, read-only (files). */
export async function startAppServer(): Promise<{ server: Server; baseUrl: string }> {
  requireBuiltClient();
  return listen(createTestApp({ withClient: true }));
}

/** The app over a new embedded store with one editor, as the server runs by default: for editing tests. */
export async function startStoreAppServer() {
  requireBuiltClient();
  const made = await createStoreTestApp({ withClient: true });
  return { ...made, ...(await listen(made.app)) };
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export type MapHandle = {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  project(lngLat: [number, number]): { x: number; y: number };
  queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
  getCanvas(): HTMLCanvasElement;
  getGlobalState(): Record<string, unknown>;
};
declare global {
  interface Window {
    __borderAtlasMap?: MapHandle;
  }
}

/**
 * Opens a page of the app with every request outside our own server aborted and recorded in
 * `outsideRequests` (the app must work offline), and waits for the map to be drawn.
 */
export async function openPage(browser: Browser, baseUrl: string, path: string, outsideRequests: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outsideRequests.push(url);
    return route.abort();
  });
  await page.goto(`${baseUrl}${path}`);
  await waitForMapIdle(page);
  return page;
}

/** Map loaded, not moving, and the record's gates drawn. */
export async function waitForMapIdle(page: Page, { needPoints = true } = {}) {
  await page.waitForFunction(
    (points) => {
      const map = window.__borderAtlasMap;
      return Boolean(
        map?.loaded() &&
          map.areTilesLoaded() &&
          !map.isMoving() &&
          (!points || map.queryRenderedFeatures({ layers: ['record-points'] }).length > 0),
      );
    },
    needPoints,
    { timeout: 45_000, polling: 200 },
  );
}
