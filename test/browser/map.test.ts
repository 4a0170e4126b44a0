import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEA } from '../../client/src/map/palette';
import { indexTranslations, shownIn } from '../../server/src/domain/record-translations';
import { collapseWhitespace } from '../../server/src/domain/text';
import { loadTranslations } from '../../server/src/record/load-record';
import { loadRealRecord, projectRoot } from '../helpers/app';
import { readerIn } from '../helpers/map-canvas';
import { artifactsDir, launchChromium, type MapHandle, openPage, startAppServer, waitForMapIdle } from './chromium';

let server: Server;
let baseUrl: string;
let browser: Browser;
/** Every request the page made to anything but our own server: must stay empty (offline). */
const outsideRequests: string[] = [];
const openMap = (path: string) => openPage(browser, baseUrl, path, outsideRequests);

/** Share of sampled canvas pixels that differ from the sea colour, and how many colours there are. */
/** Feature id → the status its drawn symbol is coloured by (its tile's `status@s`, `s` the state the map gave it for the date). */
async function drawnStatuses(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const map = window.__borderAtlasMap as MapHandle;
    const statuses: Record<string, string> = {};
    for (const feature of map.queryRenderedFeatures({ layers: ['record-points'] }))
      statuses[String(feature.properties.id)] = String(feature.properties[`status@${feature.state.s}`] ?? 'unknown');
    return statuses;
  });
}

/** The basemap's frame [west, south, east, north]: the land, sea and borders it draws end there. */
const basemapFrame = (
  JSON.parse(readFileSync(join(projectRoot, 'geodata', 'basemap', 'output', 'basemap.topojson'), 'utf8')) as { bbox: number[] }
).bbox;

/** The area the map shows, [west, south, east, north]. */
const shownBounds = (page: Page) =>
  page.evaluate(() => {
    const bounds = (window.__borderAtlasMap as MapHandle).getBounds();
    return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
  });

/** Share of the pixels in a 9×9 block, 4 px in from a corner of the map's canvas, that have the sea's colour. */
async function seaShareAtCorner(page: Page, corner: { right: boolean; bottom: boolean }, sea: number[]) {
  return (await readerIn(page)).evaluate(
    async ({ corner, sea }) => {
      const { data, width, height } = await (window.__pixelsOf as NonNullable<Window['__pixelsOf']>)();
      const left = corner.right ? width - 13 : 4;
      const top = corner.bottom ? height - 13 : 4;
      let seaPixels = 0;
      for (let y = top; y < top + 9; y += 1)
        for (let x = left; x < left + 9; x += 1) {
          const index = (y * width + x) * 4;
          if ([0, 1, 2].every((channel) => Math.abs(data[index + channel] - sea[channel]) <= 6)) seaPixels += 1;
        }
      return seaPixels / 81;
    },
    { corner, sea },
  );
}

async function canvasStats(page: Page) {
  return (await readerIn(page)).evaluate(async () => {
    const { data } = await (window.__pixelsOf as NonNullable<Window['__pixelsOf']>)();
    const colours = new Set<string>();
    let opaque = 0;
    let samples = 0;
    for (let index = 0; index < data.length; index += 4 * 97) {
      samples += 1;
      if (data[index + 3] > 0) opaque += 1;
      colours.add(`${data[index] >> 3},${data[index + 1] >> 3},${data[index + 2] >> 3}`);
    }
    return { colours: colours.size, opaqueShare: opaque / samples };
  });
}

beforeAll(async () => {
  ({ server, baseUrl } = await startAppServer());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('the map in Chromium', () => {
  it('draws the offline basemap, borders, place names and coloured gates without the network', async () => {
    const page = await openMap('/');
    const stats = await canvasStats(page);
    expect(stats.opaqueShare).toBeGreaterThan(0.99);
    expect(stats.colours).toBeGreaterThan(25);
    const rendered = await page.evaluate(() => {
      const map = window.__borderAtlasMap as MapHandle;
      const count = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      return {
        borders: count('basemap-borders'),
        provinces: count('basemap-province-lines'),
        places: map.queryRenderedFeatures({ layers: ['basemap-place-labels'] }).map((f) => String(f.properties.name_vi)),
        gates: count('record-points'),
      };
    });
    expect(rendered.borders).toBeGreaterThan(0);
    expect(rendered.provinces).toBeGreaterThan(0);
    expect(rendered.places).toEqual(expect.arrayContaining(['Hà Nội', 'Lạng Sơn', 'Cao Bằng', 'Nam Ninh']));
    expect(rendered.gates).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.legend').textContent()).toContain('Đang hoạt động');
    // Each gate is drawn in the status the server gives it for the day shown — not merely drawn.
    const drawn = await drawnStatuses(page);
    const rows = await page.evaluate(
      async () => (await (await fetch('/api/view?limit=1000')).json()).rows as { id: string; status: string | null }[],
    );
    const statusOf = new Map(rows.map((row) => [row.id, row.status]));
    expect(Object.keys(drawn).length).toBeGreaterThanOrEqual(10);
    for (const [id, status] of Object.entries(drawn)) expect(status, id).toBe(statusOf.get(id));
    expect(drawn['huu-nghi']).toBe('operating');
    await page.screenshot({ path: join(artifactsDir, 'overview.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('cannot be panned past its basemap: in its corners at the least zoom, on a desktop and a phone, land runs to the edge', async () => {
    const page = await openMap('/');
    const [frameWest, frameSouth, frameEast, frameNorth] = basemapFrame;
    const sea = [1, 3, 5].map((start) => Number.parseInt(SEA.slice(start, start + 2), 16));
    // The region's corners are land (Yunnan, Guangxi, northern Thailand, Hainan): a pale band of the sea's colour
    // there would be the edge of the data, not sea. Two opposite corners hold all four edges of the frame.
    const corners = [
      { name: 'north-west', towards: [90, 32], right: false, bottom: false },
      { name: 'south-east', towards: [120, 10], right: true, bottom: true },
    ] as const;
    for (const viewport of [
      { width: 1400, height: 860, look: 'north-west' },
      { width: 390, height: 844, look: 'south-east' },
    ]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const corner of corners) {
        const where = `${viewport.width}×${viewport.height} ${corner.name}`;
        await page.evaluate((towards) => window.__borderAtlasMap?.jumpTo({ center: [...towards], zoom: 0 }), corner.towards);
        await expect
          .poll(
            async () => {
              const [west, south, east, north] = await shownBounds(page);
              return west >= frameWest && south >= frameSouth && east <= frameEast && north <= frameNorth;
            },
            { message: where, timeout: 60_000 },
          )
          .toBe(true);
        if (corner.name !== viewport.look) continue;
        await waitForMapIdle(page, { needPoints: false });
        expect(await seaShareAtCorner(page, corner, sea), where).toBeLessThan(0.5);
        await page.screenshot({ path: join(artifactsDir, `basemap-${viewport.width}-${corner.name}.png`) });
      }
    }
    await page.close();
  }, 180_000);

  it('opens a gate on click and shows the verbatim clause its status rests on', async () => {
    const page = await openMap('/');
    const chiMa = loadRealRecord().features.find((f) => f.id === 'chi-ma');
    const coordinates = chiMa?.location?.coordinates as [number, number];
    const point = await page.evaluate((lngLat) => window.__borderAtlasMap?.project(lngLat), coordinates);
    const box = await page.locator('.map canvas').boundingBox();
    if (!point || !box) throw new Error('map not measurable');
    await page.mouse.click(box.x + point.x, box.y + point.y);
    // At this zoom other features are drawn at the same spot: the click lists them, Chi Ma among them.
    const panel = page.locator('aside.panel[data-feature-id="chi-ma"]');
    await page.locator('aside.panel[data-feature-id="chi-ma"], .stack-picker').first().waitFor({ timeout: 15_000 });
    if ((await page.locator('.stack-picker').count()) > 0) await page.locator('.stack-picker button[data-feature-id="chi-ma"]').click();
    await panel.waitFor({ timeout: 15_000 });
    expect(await panel.locator('h2').textContent()).toBe('Chi Ma – Ái Điểm');
    const quote = loadRealRecord().events.find((e) => e.featureId === 'chi-ma' && e.status === 'proposed')?.quote ?? '';
    const quotes = await panel.locator('blockquote').allTextContents();
    expect(quotes.map(collapseWhitespace)).toContain(`“${collapseWhitespace(quote)}”`);
    const panelText = await panel.textContent();
    expect(panelText).toContain('Biên bản Hội nghị giữa Tỉnh ủy các tỉnh Hà Giang');
    expect(panelText).toContain('爱店口岸');
    // The published point of 爱店口岸 (≈1 km), with its source (in Vietnamese, marked as a translation): no longer an estimate.
    const source = shownIn(
      indexTranslations(loadTranslations(join(projectRoot, 'geodata', 'record'))),
      chiMa?.location?.source ?? '',
      'vi',
    );
    expect(source.translated).toBe(true);
    expect(panelText).toContain(`Sai số ≈1 km · Nguồn: ${source.text} (bản dịch)`);
    expect(source.text).toContain('zh.wikipedia');
    expect(panelText).not.toContain('Vị trí ước lượng');
    expect(new URL(page.url()).searchParams.get('feature')).toBe('chi-ma');
    await waitForMapIdle(page);
    await page.screenshot({ path: join(artifactsDir, 'chi-ma-panel.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('draws A Pa Chải and its border market apart close up, each joined to their one point, each picked by a click', async () => {
    const page = await openMap('/?view=102.1720,22.4310,12.00');
    const market = loadRealRecord().features.find((f) => f.id === 'a-pa-chai-market');
    const at = market?.location?.coordinates as [number, number];
    // Where the map draws each symbol, in screen pixels, and where the record puts them.
    const drawn = await page.evaluate(
      ({ at }) => {
        const map = window.__borderAtlasMap as unknown as {
          project: MapHandle['project'];
          queryRenderedFeatures(options: {
            layers: string[];
          }): { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
        };
        const symbols = map
          .queryRenderedFeatures({ layers: ['record-points'] })
          .filter((f) => String(f.properties.id).startsWith('a-pa-chai'));
        const links = map.queryRenderedFeatures({ layers: ['record-spread-links'] }).map((f) => String(f.properties.id));
        return {
          symbols: Object.fromEntries(symbols.map((f) => [String(f.properties.id), map.project(f.geometry.coordinates)])),
          point: map.project(at),
          links: [...new Set(links)].sort(),
        };
      },
      { at },
    );
    expect(Object.keys(drawn.symbols).sort()).toEqual(['a-pa-chai', 'a-pa-chai-market']);
    const [gate, stall] = [drawn.symbols['a-pa-chai'], drawn.symbols['a-pa-chai-market']];
    expect(Math.hypot(gate.x - stall.x, gate.y - stall.y)).toBeGreaterThan(30);
    for (const symbol of [gate, stall]) expect(Math.hypot(symbol.x - drawn.point.x, symbol.y - drawn.point.y)).toBeGreaterThan(15);
    expect(drawn.links).toEqual(['a-pa-chai#spread', 'a-pa-chai-market#spread']);
    const box = await page.locator('.map canvas').boundingBox();
    if (!box) throw new Error('map not measurable');
    await page.screenshot({ path: join(artifactsDir, 'stacked-spread.png') });
    // A click on the market's own symbol opens it: no list to choose from.
    await page.mouse.click(box.x + stall.x, box.y + stall.y);
    await page.locator('aside.panel[data-feature-id="a-pa-chai-market"]').waitFor();
    expect(await page.locator('.stack-picker').count()).toBe(0);
    await page.close();
  });

  it('lists every feature drawn on the clicked spot (A Pa Chải and its border market) and opens the one chosen', async () => {
    // Below zoom 11 features at one point are drawn on top of each other: a click lists them.
    const page = await openMap('/?view=102.1720,22.4310,10.00');
    const market = loadRealRecord().features.find((f) => f.id === 'a-pa-chai-market');
    const point = await page.evaluate(
      (lngLat) => window.__borderAtlasMap?.project(lngLat),
      market?.location?.coordinates as [number, number],
    );
    const box = await page.locator('.map canvas').boundingBox();
    if (!point || !box) throw new Error('map not measurable');
    await page.mouse.click(box.x + point.x, box.y + point.y);
    const picker = page.locator('.stack-picker');
    await picker.waitFor();
    const listed = await picker
      .locator('button[data-feature-id]')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-feature-id')));
    expect(listed).toEqual(expect.arrayContaining(['a-pa-chai', 'a-pa-chai-market']));
    expect(await picker.locator('button[data-feature-id="a-pa-chai-market"]').textContent()).toContain('Chợ biên giới');
    // Nothing is selected until one is chosen; the list has the focus.
    expect(new URL(page.url()).searchParams.get('feature')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.closest('.stack-picker') !== null)).toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.screenshot({ path: join(artifactsDir, 'stacked-picker.png') });
    await picker.locator('button[data-feature-id="a-pa-chai-market"]').click();
    await page.locator('aside.panel[data-feature-id="a-pa-chai-market"]').waitFor();
    expect(await picker.count()).toBe(0);

    // Escape closes the list only: the panel stays open. (The panel took its width from the map: measured again.)
    const again = await page.evaluate(
      (lngLat) => window.__borderAtlasMap?.project(lngLat),
      market?.location?.coordinates as [number, number],
    );
    const boxAgain = await page.locator('.map canvas').boundingBox();
    if (!again || !boxAgain) throw new Error('map not measurable');
    await page.mouse.click(boxAgain.x + again.x, boxAgain.y + again.y);
    await picker.waitFor();
    await page.keyboard.press('Escape');
    expect(await picker.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('feature')).toBe('a-pa-chai-market');
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('keeps the selection and language across a reload, with Chinese labels drawn from bundled fonts', async () => {
    const page = await openMap('/?feature=huu-nghi&lang=zh');
    await page.locator('aside.panel h2').waitFor();
    expect(await page.locator('aside.panel h2').textContent()).toBe('Hữu Nghị – Hữu Nghị Quan');
    await page.reload();
    await waitForMapIdle(page);
    await page.locator('aside.panel[data-feature-id="huu-nghi"]').waitFor({ timeout: 15_000 });
    const labels = await page.evaluate(() =>
      (window.__borderAtlasMap as MapHandle)
        .queryRenderedFeatures({ layers: ['record-labels'] })
        .map((f) => String(f.properties.name_zh ?? '')),
    );
    expect(labels.join('')).toMatch(/\p{Script=Han}/u);
    const fontRequests = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => name.includes('/basemap/fonts/')),
    );
    expect(fontRequests.some((name) => name.includes('noto-sans-sc-subset'))).toBe(true);
    // The page's own Chinese (panel, legend) is drawn from the bundled font, not a system one.
    const pageFontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((face) => face.family.includes('Border Atlas UI CJK') && face.status === 'loaded');
    });
    expect(pageFontLoaded).toBe(true);
    expect(await page.locator('.legend').textContent()).toContain('运行中');
    // The clauses a step cites are labelled in Chinese too (section, item, paragraph), not in English.
    const citations = await page.locator('aside.panel .timeline-step').allTextContents();
    expect(citations.length).toBeGreaterThan(0);
    expect(citations.join(' ')).toMatch(/第[IVX\d]+部分|第\(?\d+\)?点|第\d+段|序言/);
    expect(citations.join(' ')).not.toMatch(/\b(Section|Item|Paragraph|Preamble)\b/);
    await page.screenshot({ path: join(artifactsDir, 'huu-nghi-zh.png') });
    await page.close();
  });
});
