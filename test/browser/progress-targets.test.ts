import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../client/src/i18n/ui-text';
import { artifactsDir, launchChromium, type MapHandle, openPage, startAppServer, waitForMapIdle } from './chromium';

let server: Server;
let baseUrl: string;
let browser: Browser;
const outsideRequests: string[] = [];

beforeAll(async () => {
  ({ server, baseUrl } = await startAppServer());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Ids of the features the map draws with the overdue badge, on the slider's current date. */
async function badged(page: Awaited<ReturnType<typeof openPage>>): Promise<string[]> {
  return page.evaluate(() => {
    const map = window.__borderAtlasMap as MapHandle;
    return [...new Set(map.queryRenderedFeatures({ layers: ['record-overdue'] }).map((f) => String(f.properties.id)))].sort();
  });
}

describe('deadlines on the map and in the panel', () => {
  it('A Pa Chải: due this year on 30/06/2025, overdue on 02/12/2026 with its clause and days late; the badge follows the date', async () => {
    const page = await openPage(browser, baseUrl, '/?asOf=2025-06-30&feature=a-pa-chai', outsideRequests);
    // The Vietnamese draft's bilateral commitment (the Chinese draft's, level unstated, carries the same year).
    const target = page.locator('aside.panel .target', { hasText: '000-vn:II.1' });
    await target.waitFor();
    expect(await target.getAttribute('data-target-state')).toBe('dueThisYear');
    expect(await target.textContent()).toContain(text('targetState_dueThisYear', 'vi'));
    expect(await target.locator('q').textContent()).toContain('trong năm 2025');
    await waitForMapIdle(page);
    expect(await badged(page)).not.toContain('a-pa-chai');

    await page.goto(`${baseUrl}/?asOf=2026-12-02&feature=a-pa-chai`);
    await waitForMapIdle(page);
    const late = page.locator('aside.panel .target[data-target-state="overdue"]', { hasText: '000-vn:II.1' });
    await late.waitFor();
    expect(await late.textContent()).toContain(`336 ${text('daysLate', 'vi')}`);
    await expect.poll(() => badged(page)).toContain('a-pa-chai');
    expect(await page.locator('.legend [data-legend="overdue"]').count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'overdue-a-pa-chai.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  it('the progress tab counts what is overdue on the date, and its link filters the map and the list to them (in the URL)', async () => {
    const page = await openPage(browser, baseUrl, '/?asOf=2024-01-01&lang=zh', outsideRequests);
    const link = page.locator('.overdue-count');
    await link.waitFor();
    const api = (await (await fetch(`${baseUrl}/api/features?asOf=2024-01-01&overdue=true`)).json()) as { features: { id: string }[] };
    const ids = api.features.map((f) => f.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['hoanh-mo', 'bac-phong-sinh']));
    expect(await link.textContent()).toContain(`${text('overdueCount', 'zh')}: ${ids.length}`);
    await link.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await expect.poll(async () => await page.locator('.results .result').count()).toBe(ids.length);
    await waitForMapIdle(page);
    await expect.poll(() => badged(page)).toEqual(ids.filter((id) => id !== 'pairing-dien-bien-pu-er'));
    expect(await page.locator('.filter-chips').textContent()).toContain(text('overdueOnly', 'zh'));
    await page.screenshot({ path: join(artifactsDir, 'overdue-filter-zh.png') });
    await page.close();
  });
});
