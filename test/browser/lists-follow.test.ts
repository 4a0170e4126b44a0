import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDate, text } from '../../client/src/i18n/ui-text';
import { dateAt } from '../../client/src/time/dates';
import type { RecordViewResponse } from '../../server/src/domain/api';
import { briefingSchema } from '../../server/src/domain/briefings';
import { writeFilters } from '../../server/src/domain/filters';
import { STATUS_BY_ID } from '../../server/src/domain/vocabulary';
import { appInBrowser, openPage, openTab, waitForMapIdle } from './chromium';

const app = appInBrowser();

/** Records the page's GET /api/view requests: their dates (`asOf`; '' for the latest) and their queries. */
function viewRequestRecorder() {
  const asked: string[] = [];
  const queries: string[] = [];
  const onRequest = (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/api/view') return;
    asked.push(url.searchParams.get('asOf') ?? '');
    queries.push(url.search);
  };
  return { asked, queries, onRequest };
}

async function viewOn(asOf: string): Promise<RecordViewResponse> {
  return (await (await fetch(`${app.baseUrl}/api/view?asOf=${asOf}`)).json()) as RecordViewResponse;
}

/** What the planner reads: the list's count and the legend's count of operating features. */
async function shownFigures(page: Page) {
  const listed = await page.locator('.results h2 .count').textContent();
  const operating = await page.locator('.legend li', { hasText: STATUS_BY_ID.operating.label.vi }).locator('.count').textContent();
  return { listed, operating };
}

describe('the lists follow the time slider', () => {
  it('a step back with the arrow key shows the day before’s list and legend, asked ahead: the step itself asks nothing', async () => {
    // 22/08/2024 brings two crossings into operation: the day before has fewer.
    const [before, on] = [await viewOn('2024-08-21'), await viewOn('2024-08-22')];
    expect(before.total).toBeLessThan(on.total);
    const { asked, onRequest } = viewRequestRecorder();
    const page = await openPage(app.browser, app.baseUrl, '/?asOf=2024-08-22&tab=filters', app.outsideRequests, { onRequest });
    await openTab(page, 'filters');
    expect(await shownFigures(page)).toEqual({ listed: `(${on.total})`, operating: String(on.legend.counts.operating) });
    // Once the date's answer is shown, the neighbouring days' answers are asked ahead.
    await expect.poll(() => asked.includes('2024-08-21')).toBe(true);
    await page.waitForLoadState('networkidle');

    asked.length = 0;
    // What every frame shows: the slider's date and the list's count (a frame with the new date and the old
    // count is a list that lags the slider).
    await page.evaluate(() => {
      const frames: string[][] = [];
      (window as unknown as { __frames: string[][] }).__frames = frames;
      const sample = () => {
        frames.push([
          document.querySelector('#atlas-time')?.getAttribute('aria-valuetext') ?? '',
          document.querySelector('.results h2 .count')?.textContent ?? '',
        ]);
        if (frames.length < 600) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.locator('#atlas-time').focus();
    await page.keyboard.press('ArrowLeft');
    const dayBefore = formatDate('2024-08-21', 'vi');
    await expect.poll(() => page.locator('#atlas-time').getAttribute('aria-valuetext')).toBe(dayBefore);
    await expect.poll(() => shownFigures(page)).toEqual({ listed: `(${before.total})`, operating: String(before.legend.counts.operating) });
    // The list changed in the same frame as the slider: no frame showed the day before with the day's count.
    const frames = await page.evaluate(() => (window as unknown as { __frames: string[][] }).__frames);
    const steppedFrames = frames.filter(([date]) => date === dayBefore);
    expect(steppedFrames.length).toBeGreaterThan(0);
    expect(steppedFrames.filter(([, count]) => count !== `(${before.total})`)).toEqual([]);
    await expect.poll(() => page.locator('.results li').count()).toBe(before.rows.length);
    // Shown from what the page held: the step asked for no answer of its own date (only for the days after it).
    await page.waitForLoadState('networkidle');
    expect(asked).not.toContain('2024-08-21');
    expect(asked).toContain('2024-08-20');
    await page.close();
  });

  it('while playing (Phát), each date’s answer was asked before the slider reached it', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 860 } });
    // Every request of the page stays in its resource timings (the map's tiles and fonts would fill the default 250).
    await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
    await page.goto(`${app.baseUrl}/?asOf=2023-02-22&tab=filters`);
    await waitForMapIdle(page);
    // Every date the slider shows, and when; every /api/view request, and when (the page's own clock).
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('#atlas-time') as HTMLInputElement;
      const log = { shown: [] as { index: number; at: number }[] };
      (window as unknown as { __shown: typeof log }).__shown = log;
      new MutationObserver(() => log.shown.push({ index: Number(slider.value), at: performance.now() })).observe(slider, {
        attributes: true,
        attributeFilter: ['aria-valuetext'],
      });
    });
    await page.locator('.time-slider .play').click();
    await page.waitForFunction(() => (window as unknown as { __shown: { shown: unknown[] } }).__shown.shown.length >= 4, null, {
      timeout: 30_000,
    });
    await page.locator('.time-slider .play').click();
    const { shown, requests } = await page.evaluate(() => ({
      shown: (window as unknown as { __shown: { shown: { index: number; at: number }[] } }).__shown.shown,
      requests: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname === '/api/view')
        .map((entry) => ({ asOf: new URL(entry.name).searchParams.get('asOf'), at: entry.startTime })),
    }));
    const played = shown.slice(0, 4).map(({ index, at }) => ({ date: dateAt(index), at }));
    expect(played.map((step) => step.date)).toEqual(['2023-03-09', '2023-03-24', '2023-04-08', '2023-04-23']);
    for (const step of played) {
      const asked = requests.find((request) => request.asOf === step.date);
      expect(asked, step.date).toBeDefined();
      expect(asked?.at, step.date).toBeLessThan(step.at);
    }
    // And the list followed: its count is the date's.
    await openTab(page, 'filters');
    const last = await viewOn(dateAt(shown.at(-1)?.index ?? 0));
    await expect.poll(() => page.locator('.results h2 .count').textContent()).toBe(`(${last.total})`);
    await page.close();
  });

  it('a briefing’s next step is asked ahead: going to it shows its list at once, asking nothing for it', async () => {
    const briefing = briefingSchema.parse(await (await fetch(`${app.baseUrl}/api/briefings/lang-son-2023-2026`)).json());
    const second = briefing.steps[1].filters;
    const params = new URLSearchParams();
    writeFilters(second, params);
    const secondView = (await (await fetch(`${app.baseUrl}/api/view?${params}`)).json()) as RecordViewResponse;
    params.set('limit', '100');
    const secondQuery = `?${params}`;
    const { queries, onRequest } = viewRequestRecorder();
    const page = await openPage(app.browser, app.baseUrl, '/?briefing=lang-son-2023-2026&step=1&tab=filters', app.outsideRequests, {
      onRequest,
    });
    await openTab(page, 'filters');
    await expect.poll(() => queries.includes(secondQuery)).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.results h2 .count').textContent()).not.toBe(`(${secondView.total})`);

    queries.length = 0;
    await page
      .locator('.briefing-player')
      .getByRole('button', { name: text('nextStep', 'vi') })
      .click();
    await page.waitForFunction(() => document.querySelector('.briefing-player')?.getAttribute('data-step') === '2');
    await expect.poll(() => page.locator('.results h2 .count').textContent()).toBe(`(${secondView.total})`);
    await page.waitForLoadState('networkidle');
    expect(queries).not.toContain(secondQuery);
    await page.close();
  });
});
