import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { readConfig } from '../../server/src/config';
import { basemapFallbackNotice, canvasSamples, drawnIn, legendBasemap, shareDiffering } from '../helpers/map-canvas';
import { OFFICE_ATTRIBUTION, type OfficeTileServer, startOfficeTileServer } from '../helpers/office-tile-server';
import { artifactsDir, launchChromium, type MapHandle, openPage, startAppsWithBasemaps, waitForMapIdle } from './chromium';

/** Zoom 12 between Lạng Sơn and the Hữu Nghị gate (a gate of the record in view). */
const VIEW = '/?view=106.7400,21.9300,12.00';
const GATE_VIEW = { center: [106.74, 21.93] as [number, number], zoom: 12 };
/** Zoom 12 west of Lạng Sơn city: tiles the map has not loaded at VIEW. */
const ELSEWHERE = { center: [106.55, 21.8] as [number, number], zoom: 12 };

let browser: Browser;
let office: OfficeTileServer;
let servers: Server[] = [];
/** Origins of the app configured with the office's style, and of the app with the embedded basemap only. */
let origin: Record<'style' | 'embedded', string>;
/** Requests to anything but the two apps and the office's tile server (all on loopback): none may be made. */
const outsideRequests: string[] = [];

beforeAll(async () => {
  office = await startOfficeTileServer();
  // As the deployment configures it: the environment variable, read as the server reads it.
  const { ownBasemap } = readConfig({ BORDER_ATLAS_BASEMAP_STYLE_URL: office.styleUrl });
  expect(ownBasemap).toEqual({ kind: 'style', url: office.styleUrl });
  ({ origin, servers } = await startAppsWithBasemaps({ style: ownBasemap, embedded: undefined }));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.close();
  await office?.close();
});

const openWithOffice = (path: string) => openPage(browser, origin.style, path, outsideRequests, { allowOrigins: [office.origin] });

/** The tiles of zoom `z` the office server was asked for. */
const officeTiles = (z: number) => office.requests.filter((path) => path.startsWith(`/tiles/${z}/`));

/** The ids of the map's layers from the bottom up. */
const layerOrder = (page: Page) =>
  page.evaluate(() => (window.__borderAtlasMap as MapHandle & { getLayersOrder(): string[] }).getLayersOrder());

/** Moves the map and waits until it has drawn what it could load there (record points not required). */
async function jumpTo(page: Page, view: { center: [number, number]; zoom: number }) {
  await page.evaluate((to) => window.__borderAtlasMap?.jumpTo(to), view);
  await waitForMapIdle(page, { needPoints: false });
}

describe("an office's tile server as the basemap (BORDER_ATLAS_BASEMAP_STYLE_URL)", () => {
  it('draws the style’s tiles from the office server at zoom 12, under the record’s gates, and credits it', async () => {
    const page = await openWithOffice(VIEW);
    // The style from the office server, then its tiles at the view's zoom: asked for by the browser, not the app.
    expect(office.requests[0]).toBe('/style.json');
    expect(officeTiles(12).length).toBeGreaterThan(0);
    await expect.poll(() => drawnIn(page, 'own-land')).toBeGreaterThan(0);
    await expect.poll(() => drawnIn(page, 'own-boundaries')).toBeGreaterThan(0);
    // The style's background is not drawn: it would hide the embedded basemap wherever the office has no tiles.
    const order = await layerOrder(page);
    expect(order).not.toContain('own-background');
    // The record on top: its gates drawn, its layers above every layer of the office's style.
    expect(await drawnIn(page, 'record-points')).toBeGreaterThan(0);
    expect(order.findLastIndex((id) => id.startsWith('own-'))).toBeLessThan(order.indexOf('record-points'));
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain(OFFICE_ATTRIBUTION);
    await expect(legendBasemap(page).textContent()).resolves.toBe(`${text('basemapName', 'vi')}: ${new URL(office.origin).host}`);
    expect(await basemapFallbackNotice(page).count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'own-style-z12.png') });
    const withStyle = await canvasSamples(page);

    const embedded = await openPage(browser, origin.embedded, VIEW, outsideRequests);
    await embedded.screenshot({ path: join(artifactsDir, 'own-style-embedded-z12.png') });
    // The office's land covers most of the view in its own colour: most pixels are not the embedded basemap's.
    expect(shareDiffering(withStyle, await canvasSamples(embedded))).toBeGreaterThan(0.5);
    expect(outsideRequests).toEqual([]);
    await Promise.all([page.close(), embedded.close()]);
  });

  it('falls back to the embedded basemap, said on the map, when the office server stops answering tiles', async () => {
    const page = await openWithOffice(VIEW);
    await expect.poll(() => drawnIn(page, 'own-land')).toBeGreaterThan(0);
    const embedded = await openPage(browser, origin.embedded, VIEW, outsideRequests);
    const embeddedOnly = await canvasSamples(embedded);
    await embedded.close();

    // The tile server breaks while the map is open; the user pans on to tiles not loaded yet.
    office.failTiles();
    const asked = officeTiles(12).length;
    await jumpTo(page, ELSEWHERE);
    expect(officeTiles(12).length).toBeGreaterThan(asked);
    await expect.poll(() => basemapFallbackNotice(page).textContent()).toBe(text('ownBasemapFailed', 'vi'));
    await expect.poll(() => legendBasemap(page).count()).toBe(0);
    expect(await drawnIn(page, 'own-land')).toBe(0);
    expect(await drawnIn(page, 'basemap-land')).toBeGreaterThan(0);

    // Back at the gate: the embedded basemap as a deployment without its own draws it, and the record on it.
    await jumpTo(page, GATE_VIEW);
    await waitForMapIdle(page);
    expect(await drawnIn(page, 'own-land')).toBe(0);
    expect(await drawnIn(page, 'record-points')).toBeGreaterThan(0);
    expect(shareDiffering(await canvasSamples(page), embeddedOnly)).toBeLessThan(0.05);
    await page.screenshot({ path: join(artifactsDir, 'own-style-fallback.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('opens on the embedded basemap, said on the map, when the office server takes the request and never answers', async () => {
    office.hang();
    const asked = office.requests.length;
    const page = await openWithOffice(VIEW);
    expect(office.requests.slice(asked)).toContain('/style.json');
    await expect(basemapFallbackNotice(page).textContent()).resolves.toBe(text('ownBasemapFailed', 'vi'));
    expect(await drawnIn(page, 'basemap-land')).toBeGreaterThan(0);
    expect((await layerOrder(page)).filter((id) => id.startsWith('own-'))).toEqual([]);
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('opens on the embedded basemap, said on the map, when the office server is down', async () => {
    await office.close();
    const page = await openWithOffice(VIEW);
    await expect(basemapFallbackNotice(page).textContent()).resolves.toBe(text('ownBasemapFailed', 'vi'));
    expect(await legendBasemap(page).count()).toBe(0);
    expect(await drawnIn(page, 'basemap-land')).toBeGreaterThan(0);
    expect((await layerOrder(page)).filter((id) => id.startsWith('own-'))).toEqual([]);
    expect(outsideRequests).toEqual([]);
    await page.close();
  });
});
