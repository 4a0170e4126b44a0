import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, chromium, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { onDate } from '../../client/src/map/layers/as-of';
import type { SidebarTab } from '../../client/src/shell/sidebar-tabs';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, createTestApp, projectRoot } from '../helpers/app';
import { evaluate } from '../helpers/evaluate-expression';

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

export function requireBuiltClient() {
  if (!existsSync(join(projectRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run "npm run build" before the browser tests');
  }
}

export async function listen(app: ReturnType<typeof createTestApp>): Promise<{ server: Server; baseUrl: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * One app over the real record per basemap setting (`undefined`: the embedded basemap alone), each on its own
 * port: their origins by name, and the servers to close.
 */
export async function startAppsWithBasemaps<Name extends string>(
  settings: Record<Name, NonNullable<Parameters<typeof createTestApp>[0]>['ownBasemap']>,
): Promise<{ origin: Record<Name, string>; servers: Server[] }> {
  requireBuiltClient();
  const origin = {} as Record<Name, string>;
  const servers: Server[] = [];
  for (const [name, ownBasemap] of Object.entries(settings) as [Name, NonNullable<Parameters<typeof createTestApp>[0]>['ownBasemap']][]) {
    const started = await listen(createTestApp({ withClient: true, ownBasemap }));
    servers.push(started.server);
    origin[name] = started.baseUrl;
  }
  return { origin, servers };
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

/**
 * Headless Chromium with CHROMIUM_ARGS and any `extraArgs` (host-resolver rules, certificate errors ignored…). Its
 * pages and contexts run without the app's service worker unless a test asks for it (`serviceWorkers: 'allow'`,
 * test/browser/offline.test.ts): installing it fetches the whole app again in the background, which would count
 * among the requests a test watches.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

export type MapHandle = {
  loaded(): boolean;
  areTilesLoaded(): boolean;
  isMoving(): boolean;
  project(lngLat: [number, number]): { x: number; y: number };
  jumpTo(options: { center: [number, number]; zoom: number }): void;
  getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
  queryRenderedFeatures(options: {
    layers: string[];
  }): { properties: Record<string, unknown>; state: Record<string, unknown>; layer: { layout?: Record<string, unknown> } }[];
  getCanvas(): HTMLCanvasElement;
  getGlobalState(): Record<string, unknown>;
};
declare global {
  interface Window {
    __borderAtlasMap?: MapHandle;
  }
}

/**
 * Opens a page of the app with every request outside our own server (and `allowOrigins`) aborted and recorded in
 * `outsideRequests` (the app must work offline), and waits for the map to be drawn.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  path: string,
  outsideRequests: string[],
  {
    onRequest,
    allowOrigins = [],
  }: {
    onRequest?: (request: Request) => void;
    /** Other loopback servers the page may ask too (an office's tile server), as origins. */
    allowOrigins?: string[];
  } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  if (onRequest) page.on('request', onRequest);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    const allowed = url.startsWith(baseUrl) || allowOrigins.some((origin) => url.startsWith(`${origin}/`));
    if (allowed || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
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

/**
 * A browser and the app over a new embedded store with one editor, for a test file (its own hooks): the
 * fields are filled before the file's tests run. Every request outside the app is recorded in
 * `outsideRequests` (the app must work offline).
 */
export function storeAppInBrowser() {
  const context = {
    outsideRequests: [] as string[],
  } as {
    server: Server;
    baseUrl: string;
    db: Database;
    credentials: { username: string; password: string };
    browser: Browser;
    outsideRequests: string[];
  };
  beforeAll(async () => {
    const started = await startStoreAppServer();
    Object.assign(context, { server: started.server, baseUrl: started.baseUrl, db: started.db });
    context.credentials = { username: started.username, password: started.password };
    context.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await context.browser?.close();
    context.server?.close();
    await context.db?.close();
  });
  return context;
}

/**
 * A browser and the app over the real record, read-only, for a test file (its own hooks): the fields are filled
 * before the file's tests run. Every request outside the app is recorded in `outsideRequests`.
 */
export function appInBrowser() {
  const context = { outsideRequests: [] as string[] } as { server: Server; baseUrl: string; browser: Browser; outsideRequests: string[] };
  beforeAll(async () => {
    Object.assign(context, await startAppServer());
    context.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await context.browser?.close();
    context.server?.close();
  });
  return context;
}

/** Signs in through the header's form, as an editor does. */
export async function signInThroughHeader(page: Page, credentials: { username: string; password: string }) {
  await openTools(page);
  await page.getByRole('button', { name: text('signIn', 'vi') }).click();
  await page.locator('#sign-in-form input[name="username"]').fill(credentials.username);
  await page.locator('#sign-in-form input[name="password"]').fill(credentials.password);
  await page.locator('#sign-in-form button[type="submit"]').click();
  await page.locator('.editor-name').waitFor();
}

/**
 * What the map draws for a feature on its current date — the style's own expression evaluated over the
 * drawn feature's tile properties and the feature state the map gave it — or undefined when it is not drawn.
 */
export async function drawnOnDate(
  page: Page,
  _baseUrl: string,
  id: string,
  property: 'status' | 'upgradeStatus' = 'status',
): Promise<unknown> {
  const drawn = await page.evaluate((featureId) => {
    const map = window.__borderAtlasMap as MapHandle;
    // The selection ring's layer holds every gate, channel, opening and market of the record's source.
    const hit = map.queryRenderedFeatures({ layers: ['record-selection'] }).find((f) => f.properties.id === featureId);
    return hit && { properties: hit.properties, state: hit.state };
  }, id);
  return drawn && evaluate(onDate(property), drawn.properties, {}, 8, drawn.state);
}

/** Unfolds the header's tools menu (exports, downloads, import, sign-in) unless it is open. */
export async function openTools(page: Page) {
  const tools = page.locator('#header-tools');
  if (!(await tools.isVisible())) await page.locator('.tools-toggle').click();
  await tools.waitFor();
}

/** Opens a tab of the sidebar as a planner does, by a click on its name; resolves once its panel shows. */
export async function openTab(page: Page, tab: SidebarTab) {
  await page.locator(`.sidebar-tab[data-tab="${tab}"]`).click();
  await page.locator(`.sidebar-tab-panel[data-tab="${tab}"][data-state="active"]`).waitFor();
}
