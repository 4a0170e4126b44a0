import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { buildTestArchive, TEST_ARCHIVE_ATTRIBUTION } from '../helpers/basemap-archive';
import { basemapFallbackNotice, canvasSamples, drawnIn, legendBasemap, shareDiffering } from '../helpers/map-canvas';
import { launchChromium, openPage, openTools, startAppsWithBasemaps, waitForMapIdle } from './chromium';

/** Where the screenshots a reviewer looks at are kept. */
const SHOTS = '/tmp/shots-byob';
/** Zoom 12 between Lạng Sơn and the Hữu Nghị gate, inside the test archive. */
const VIEW = '/?view=106.7400,21.9300,12.00';
const ARCHIVE = '/basemap/own.pmtiles';

const folder = mkdtempSync(join(tmpdir(), 'border-atlas-own-basemap-'));
const archivePath = join(folder, 'lang-son.pmtiles');
writeFileSync(archivePath, buildTestArchive());

let browser: Browser;
let servers: Server[] = [];
/** Origins of the app with the archive, with the embedded basemap only, and with an archive path that does not exist. */
let origin: Record<'archive' | 'embedded' | 'broken', string>;
const outsideRequests: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ origin, servers } = await startAppsWithBasemaps({
    archive: { kind: 'pmtiles', path: archivePath },
    embedded: undefined,
    broken: { kind: 'pmtiles', path: join(folder, 'missing.pmtiles') },
  }));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The map saved as a PNG through the header's export button, as a planner does: every 97th pixel, as "r,g,b". */
async function exportedSamples(page: Page): Promise<string[]> {
  await openTools(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: text('exportPng', 'vi') }).click(),
  ]);
  const path = await download.path();
  return canvasSamples(page, `data:image/png;base64,${readFileSync(path).toString('base64')}`);
}

describe("a deployment's own basemap (BORDER_ATLAS_BASEMAP_PMTILES)", () => {
  it('draws the archive’s tiles at zoom 12 under the record, read by ranges from the app, and credits it', async () => {
    const archiveRequests: string[] = [];
    const page = await openPage(browser, origin.archive, VIEW, outsideRequests, {
      onRequest: (request) => {
        if (new URL(request.url()).pathname === ARCHIVE) archiveRequests.push(request.headers().range ?? '');
      },
    });
    // The header first, then directories and tiles: every one a byte range of the one archive.
    await expect.poll(() => archiveRequests.length).toBeGreaterThan(1);
    expect(archiveRequests.every((range) => /^bytes=\d+-\d+$/.test(range))).toBe(true);
    await expect.poll(() => drawnIn(page, 'own-earth')).toBeGreaterThan(0);
    // Its land and its lines (the country border as the archive draws it, under ours).
    await expect.poll(() => drawnIn(page, 'own-boundaries_country')).toBeGreaterThan(0);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain(TEST_ARCHIVE_ATTRIBUTION);
    await expect(basemapFallbackNotice(page).count()).resolves.toBe(0);
    await expect(legendBasemap(page).textContent()).resolves.toBe(`${text('basemapName', 'vi')}: Lạng Sơn test region`);
    await page.screenshot({ path: join(SHOTS, 'own-basemap-z12.png') });
    const withArchive = await canvasSamples(page);

    const embedded = await openPage(browser, origin.embedded, VIEW, outsideRequests);
    await embedded.screenshot({ path: join(SHOTS, 'embedded-z12.png') });
    const embeddedOnly = await canvasSamples(embedded);
    // The archive's land and places cover most of the view: most of its pixels are not the embedded basemap's.
    expect(shareDiffering(withArchive, embeddedOnly)).toBeGreaterThan(0.5);

    // The PNG export draws the same basemap: most of its pixels differ from the embedded-only export's too.
    expect(shareDiffering(await exportedSamples(page), await exportedSamples(embedded))).toBeGreaterThan(0.4);
    expect(outsideRequests).toEqual([]);
    await Promise.all([page.close(), embedded.close()]);
  });

  it('falls back to the embedded basemap, said on the map, when the configured archive cannot be read', async () => {
    const archiveRequests: string[] = [];
    const page = await openPage(browser, origin.broken, VIEW, outsideRequests, {
      onRequest: (request) => {
        if (new URL(request.url()).pathname === ARCHIVE) archiveRequests.push(request.url());
      },
    });
    await expect(basemapFallbackNotice(page).textContent()).resolves.toBe(text('ownBasemapFailed', 'vi'));
    expect(await legendBasemap(page).count()).toBe(0);
    expect(await drawnIn(page, 'basemap-land')).toBeGreaterThan(0);
    expect(await drawnIn(page, 'own-earth')).toBe(0);
    expect(archiveRequests).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'own-basemap-broken-path.png') });
    await page.close();
  });

  it('falls back, said on the map, when the archive’s tiles fail in the browser', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      // The archive answers nothing (a proxy in between, the file gone after start): its reads fail.
      return url.origin === origin.archive && url.pathname !== ARCHIVE ? route.continue() : route.abort();
    });
    await page.goto(`${origin.archive}${VIEW}&lang=en`);
    await waitForMapIdle(page);
    await expect(basemapFallbackNotice(page).textContent()).resolves.toBe(text('ownBasemapFailed', 'en'));
    await expect.poll(() => legendBasemap(page).count()).toBe(0);
    expect(await drawnIn(page, 'own-earth')).toBe(0);
    expect(await drawnIn(page, 'basemap-land')).toBeGreaterThan(0);
    await page.close();
  });
});
