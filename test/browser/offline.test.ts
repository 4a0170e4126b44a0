import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineNotice, text } from '../../client/src/i18n/ui-text';
import { artifactsDir, launchChromium, openTools, startStoreAppServer, waitForMapIdle } from './chromium';

/**
 * The app without a network (issue 21): opened once online, then the network cut and the server stopped, it
 * opens again from what the service worker kept — the map, a feature's panel and history, a saved briefing in
 * presentation mode, its PDF pack — and says it shows a kept record, and of when.
 */
let browser: Browser;
let context: BrowserContext;
let started: Awaited<ReturnType<typeof startStoreAppServer>>;
const outsideRequests: string[] = [];

beforeAll(async () => {
  started = await startStoreAppServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'allow', acceptDownloads: true });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(started.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) outsideRequests.push(url);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  started?.server.close();
  await started?.db.close();
  expect(outsideRequests).toEqual([]);
});

const briefingPath = '/?briefing=a-pa-chai-long-phu&step=1';

async function controlledByWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

describe('without a network', () => {
  it("opens from what it kept — the map, a feature's panel and history, a rehearsed briefing presented and its PDF pack — says of when, and refuses changes", async () => {
    const { baseUrl, server } = started;
    // Online, once: the briefing as a planner opens it before the meeting (its first step selects A Pa Chải).
    const page = await context.newPage();
    await page.goto(`${baseUrl}${briefingPath}`);
    await controlledByWorker(page);
    await waitForMapIdle(page);
    // What this first visit fetched before the worker took over is fetched again through it, and kept.
    const kept = () =>
      page.evaluate(async () => (await (await caches.open('border-atlas-record')).keys()).map((request) => new URL(request.url).pathname));
    await expect.poll(async () => (await kept()).some((path) => path.startsWith('/api/map/tiles/'))).toBe(true);
    await expect.poll(async () => (await kept()).includes('/api/features/a-pa-chai')).toBe(true);
    expect(await page.locator('.offline-notice').count()).toBe(0);
    // Rehearsed once through its steps, as before a meeting.
    for (const step of ['2', '3']) {
      await page
        .locator('.briefing-player')
        .getByRole('button', { name: text('nextStep', 'vi') })
        .click();
      await page.waitForFunction((n) => document.querySelector('.briefing-player')?.getAttribute('data-step') === n, step);
      await waitForMapIdle(page);
    }
    await page.goto(`${baseUrl}${briefingPath}`);
    await waitForMapIdle(page);

    // The network gone and the server stopped.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await context.setOffline(true);
    const cut = Date.now();
    await page.reload();
    await waitForMapIdle(page);
    const player = page.locator('.briefing-player');
    await player.waitFor();

    // It says the record is a kept one, and of when: saved before the network was cut.
    const notice = page.locator('.offline-notice');
    await notice.waitFor();
    const savedAt = Date.parse(String(await notice.getAttribute('data-saved-at')));
    expect(savedAt).toBeLessThanOrEqual(cut);
    const saved = new Date(savedAt);
    const hhmm = `${String(saved.getHours()).padStart(2, '0')}:${String(saved.getMinutes()).padStart(2, '0')}`;
    expect(await notice.textContent()).toBe(offlineNotice(new Date(savedAt).toISOString(), 'vi'));
    expect(await notice.textContent()).toContain(hhmm);

    // The feature's panel and its history, from what was kept.
    const panel = page.locator('aside.panel[data-feature-id="a-pa-chai"]');
    await panel.waitFor();
    expect(await panel.locator('#feature-title').textContent()).toContain('A Pa Chải');
    expect(await panel.getByText(text('history', 'vi'), { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifactsDir, 'offline-briefing.png') });

    // Presented full screen, the notice still says it.
    await page.getByRole('button', { name: 'Toàn màn hình' }).click();
    await page.waitForFunction(() => document.querySelector('.app')?.classList.contains('presenting'));
    await waitForMapIdle(page);
    expect(await notice.isVisible()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'offline-presenting.png') });
    for (const step of ['2', '3']) {
      await player.getByRole('button', { name: text('nextStep', 'vi') }).click();
      await page.waitForFunction((n) => document.querySelector('.briefing-player')?.getAttribute('data-step') === n, step);
      await waitForMapIdle(page);
    }
    await page.screenshot({ path: join(artifactsDir, 'offline-presenting-step-3.png') });
    await page.keyboard.press('Escape');

    // Its PDF pack, made in the browser from what was kept.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: text('exportPdf', 'vi') }).click(),
    ]);
    const pdf = join(artifactsDir, 'offline-briefing-pack.pdf');
    await download.saveAs(pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })).toContain('A Pa Chải');

    // A change is refused at once, saying nothing is kept to send later: signing in, here.
    await openTools(page);
    await page.getByRole('button', { name: text('signIn', 'vi') }).click();
    await page.locator('#sign-in-form input[name="username"]').fill(started.username);
    await page.locator('#sign-in-form input[name="password"]').fill(started.password);
    await page.locator('#sign-in-form button[type="submit"]').click();
    expect(await page.locator('#sign-in-form .field-error').textContent()).toBe(text('offlineNoChange', 'vi'));
    await page.close();
  }, 300_000);
});
