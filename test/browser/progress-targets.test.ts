import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import type { FeatureCollectionResponse } from '../../server/src/domain/api';
import { progressRows } from '../../server/src/domain/progress-timeline';
import type { StatusEvent } from '../../server/src/domain/schemas';
import { KIND_BY_ID } from '../../server/src/domain/vocabulary';
import { appInBrowser, artifactsDir, type MapHandle, openPage, waitForMapIdle } from './chromium';

const app = appInBrowser();

/** Ids of the features the map draws with the overdue badge (on a symbol or a line's middle), on the slider's current date. */
async function badged(page: Awaited<ReturnType<typeof openPage>>): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__borderAtlasMap as MapHandle;
    return [
      ...new Set(map.queryRenderedFeatures({ layers: ['record-overdue', 'record-overdue-lines'] }).map((f) => String(f.properties.id))),
    ].sort();
  });
}

/** The timeline's rows as the domain reads the API's features (this query) and steps on `end`: what it must draw. */
async function expectedRows(query: string, end: string) {
  const [features, events] = await Promise.all([
    (await fetch(`${app.baseUrl}/api/features?${query}`)).json() as Promise<FeatureCollectionResponse>,
    (await fetch(`${app.baseUrl}/api/events`)).json() as Promise<StatusEvent[]>,
  ]);
  const byFeature = new Map<string, StatusEvent[]>();
  for (const event of events) byFeature.set(event.featureId, [...(byFeature.get(event.featureId) ?? []), event]);
  const withStatus = features.features.filter((f) => KIND_BY_ID[f.properties.kind].hasStatus);
  return progressRows(withStatus, byFeature, end).filter((row) => row.spans.length > 0);
}

describe('deadlines on the map and in the panel', () => {
  it('A Pa Chải: due this year on 30/06/2025, overdue on 02/12/2026 with its clause and days late; the badge follows the date', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2025-06-30&feature=a-pa-chai', app.outsideRequests);
    // The Vietnamese draft's bilateral commitment (the Chinese draft's, level unstated, carries the same year).
    const target = page.locator('aside.panel .target', { hasText: '000-vn:II.1' });
    await target.waitFor();
    expect(await target.getAttribute('data-target-state')).toBe('dueThisYear');
    expect(await target.textContent()).toContain(text('targetState_dueThisYear', 'vi'));
    expect(await target.locator('q').textContent()).toContain('trong năm 2025');
    await waitForMapIdle(page);
    expect(await badged(page)).not.toContain('a-pa-chai');
    // The Điện Biên – Pu'er framework agreement, targeted for 2025, is not late yet either.
    expect(await badged(page)).not.toContain('pairing-dien-bien-pu-er');

    await page.goto(`${app.baseUrl}/?asOf=2026-12-02&feature=a-pa-chai`);
    await waitForMapIdle(page);
    const late = page.locator('aside.panel .target[data-target-state="overdue"]', { hasText: '000-vn:II.1' });
    await late.waitFor();
    expect(await late.textContent()).toContain(`336 ${text('daysLate', 'vi')}`);
    await expect.poll(() => badged(page)).toContain('a-pa-chai');
    // A line carries the badge too, at its middle: the pairing's 2025 agreement was not reported signed.
    await expect.poll(() => badged(page)).toContain('pairing-dien-bien-pu-er');
    await expect.poll(() => page.locator('.legend [data-legend="overdue"]').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'overdue-a-pa-chai.png') });
    expect(app.outsideRequests).toEqual([]);
    await page.close();
  });

  it('the progress tab counts what is overdue on the date, and its link filters the map and the list to them (in the URL)', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2024-01-01&lang=zh', app.outsideRequests);
    const link = page.locator('.overdue-count');
    await link.waitFor();
    const api = (await (await fetch(`${app.baseUrl}/api/features?asOf=2024-01-01&overdue=true`)).json()) as { features: { id: string }[] };
    const ids = api.features.map((f) => f.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['hoanh-mo', 'bac-phong-sinh']));
    expect(await link.textContent()).toContain(`${text('overdueCount', 'zh')}: ${ids.length}`);
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await expect.poll(async () => await page.locator('.results .result').count()).toBe(ids.length);
    await waitForMapIdle(page);
    await expect.poll(() => badged(page)).toEqual(ids);
    await expect.poll(() => page.locator('.filter-chips').textContent()).toContain(text('overdueOnly', 'zh'));
    await page.screenshot({ path: join(artifactsDir, 'overdue-filter-zh.png') });
    await page.close();
  });

  it('the progress timeline draws the filtered features’ spans as the record reads them, opens a clause by click or key, in zh too', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2026-12-02&province=VN-09&lang=zh', app.outsideRequests);
    await page.locator('.open-timeline').click();
    const chart = page.locator('.progress-timeline');
    await chart.locator('svg rect[role="button"]').first().waitFor();
    expect(new URL(page.url()).searchParams.get('timeline')).toBe('1');
    // The data first: rows and spans equal the domain's reading of the same features and steps.
    const expected = await expectedRows('asOf=2026-12-02&province=VN-09', '2026-12-02');
    expect(Number(await chart.getAttribute('data-rows'))).toBe(expected.length);
    const drawn = await chart
      .locator('svg rect[role="button"]')
      .evaluateAll((rects) => rects.map((r) => `${r.getAttribute('data-feature-id')}|${r.getAttribute('data-clause-id')}`));
    expect(drawn.sort()).toEqual(expected.flatMap((row) => row.spans.map((span) => `${row.id}|${span.clauseId}`)).sort());
    expect(await chart.locator('h2').textContent()).toContain(text('progressTimeline', 'zh'));
    await page.screenshot({ path: join(artifactsDir, 'progress-timeline-zh.png') });
    // By keyboard: a span takes the focus and Enter opens its clause in the reader.
    const span = chart.locator('svg rect[role="button"]').first();
    const clauseId = await span.getAttribute('data-clause-id');
    await span.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('clause')).toBe(clauseId);
    // Escape closes it and gives the focus back to what opened it.
    await chart.locator('.close').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.progress-timeline').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('open-timeline'))).toBe(true);
    await page.close();
  });

  it('the timeline draws the rows in view and the rest as the reader scrolls; its PNG and SVG hold every row, Chinese in the bundled font', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2026-12-02&lang=zh&timeline=1', app.outsideRequests);
    const chart = page.locator('.progress-timeline');
    await chart.locator('svg rect[role="button"]').first().waitFor();
    const ids = (await expectedRows('asOf=2026-12-02', '2026-12-02')).map((row) => row.id);
    const drawnRows = () =>
      chart.locator('svg rect[role="button"]').evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute('data-feature-id')))]);
    // The window: the first rows in the record's order, not all of them.
    const top = await drawnRows();
    expect(top.length).toBeGreaterThan(5);
    expect(top.length).toBeLessThan(ids.length);
    expect(top).toEqual(ids.slice(0, top.length));
    // Scrolled to the end: the last rows are drawn, the first are not.
    await chart.locator('.progress-timeline-chart').evaluate((node) => {
      node.scrollTop = node.scrollHeight;
    });
    await expect.poll(async () => (await drawnRows()).at(-1)).toBe(ids.at(-1));
    expect(await drawnRows()).not.toContain(ids[0]);
    await page.screenshot({ path: join(artifactsDir, 'progress-timeline-scrolled-zh.png') });

    // The SVG: every row (not the window), the fonts inside it.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), chart.locator('.download-svg').click()]);
    const svg = await readFile((await svgDownload.path()) as string, 'utf8');
    await writeFile(join(artifactsDir, 'progress-timeline-zh-export.svg'), svg);
    const svgRows = [...new Set([...svg.matchAll(/data-feature-id="([^"]+)"/g)].map((m) => m[1]))];
    expect(svgRows).toEqual(ids);
    expect(svg).toContain('data:font/woff2;base64,');
    expect(svg).toContain(text('progressTimeline', 'zh'));
    // The PNG: as tall as every row at twice the pixels, drawn from that SVG.
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), chart.locator('.download-png').click()]);
    const png = await readFile((await pngDownload.path()) as string);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(2400);
    expect(png.readUInt32BE(20)).toBeGreaterThan(ids.length * 22 * 2);
    await writeFile(join(artifactsDir, 'progress-timeline-zh-export.png'), png);
    await page.close();
  });

  it('a province report opens from the progress tab, printable, its Chinese drawn by the bundled font', async () => {
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2026-12-02&lang=zh', app.outsideRequests);
    const link = page.locator('.province-reports a[data-province="VN-71"]');
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe('/api/reports/province/VN-71.html?asOf=2026-12-02&lang=zh');
    const report = await app.browser.newPage();
    await report.goto(`${app.baseUrl}${href}`);
    // Both drafts' deadlines for A Pa Chải (bilateral, and the level the Chinese draft leaves unstated).
    await report.locator('ul.overdue li[data-feature-id="a-pa-chai"]').first().waitFor();
    await report.evaluate(() => document.fonts.ready);
    // The page's Chinese is drawn by the bundled Noto Sans SC, loaded from the app itself (no boxes, no network).
    expect(await report.evaluate(() => document.fonts.check("16px 'Noto Sans SC'", '边境合作进展报告'))).toBe(true);
    expect(await report.evaluate(() => [...document.fonts].some((f) => f.family.includes('Noto Sans SC') && f.status === 'loaded'))).toBe(
      true,
    );
    await report.emulateMedia({ media: 'print' });
    await report.screenshot({ path: join(artifactsDir, 'province-report-zh.png'), fullPage: true });
    expect(app.outsideRequests).toEqual([]);
    await report.close();
    await page.close();
  });
});
