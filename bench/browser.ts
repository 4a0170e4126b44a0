import type { Browser, CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/browser/chromium';
import { topSelfTime } from './lib/cpu-profile';
import { startApp, startDirectory } from './lib/processes';

const VIEWPORT = { width: 1400, height: 860 };
const MARKS = { load: 'ba:map-load', idle: 'ba:map-data-idle' };

export type LoadTiming = { firstMapMs: number; idleMs: number };
export type InteractionTiming = {
  /** Median of the app's own measured work (User Timing "ba:update": input → React has rendered and MapLibre has been given the new filter or date), ms. */
  appWorkMs: number;
  /** Median time from the input to the lists, counts and legend showing the server's answer (User Timing "ba:view": from the cache when asked ahead, else request, server, parse, render), ms. */
  listsShownMs: number | null;
  /** Median of all main-thread script time in the second after the input (CDP ScriptDuration; includes MapLibre's frames), ms. */
  mainThreadScriptMs: number;
  samples: number;
};
export type BrowserResult = {
  features: number;
  /** Medians over cold loads (a new browser context each: empty cache). */
  app: LoadTiming | null;
  bare: LoadTiming;
  /** app first map / bare first map. */
  firstMapRatio: number | null;
  filterChange: InteractionTiming | null;
  sliderStep: InteractionTiming | null;
  error?: string;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
};
const round = (ms: number) => Math.round(ms * 10) / 10;

async function markTime(page: Page, name: string, timeoutMs: number): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark, 'mark').length > 0, name, { timeout: timeoutMs, polling: 50 });
  return page.evaluate((mark) => performance.getEntriesByName(mark, 'mark')[0].startTime, name);
}

async function coldLoad(browser: Browser, url: string, timeoutMs: number): Promise<LoadTiming> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    await page.goto(url, { timeout: timeoutMs });
    const idleMs = await markTime(page, MARKS.idle, timeoutMs);
    const firstMapMs = await markTime(page, MARKS.load, timeoutMs);
    return { firstMapMs: round(firstMapMs), idleMs: round(idleMs) };
  } finally {
    await context.close();
  }
}

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0;
}

/** Repeats an input `samples` times, each time reading the app's own measure and the main thread's script time. */
async function interaction(
  page: Page,
  cdp: CDPSession,
  act: (index: number) => Promise<void>,
  samples: number,
  timeoutMs: number,
): Promise<InteractionTiming> {
  const work: number[] = [];
  const lists: number[] = [];
  const script: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    await page.evaluate(() => {
      performance.clearMeasures('ba:update');
      performance.clearMeasures('ba:view');
    });
    const before = await scriptSeconds(cdp);
    await act(index);
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('ba:update', 'measure').length > 0 && performance.getEntriesByName('ba:view', 'measure').length > 0,
      null,
      { timeout: timeoutMs, polling: 20 },
    );
    await page.waitForTimeout(1000);
    script.push((await scriptSeconds(cdp)) - before);
    work.push(await page.evaluate(() => performance.getEntriesByName('ba:update', 'measure')[0].duration));
    lists.push(await page.evaluate(() => performance.getEntriesByName('ba:view', 'measure')[0].duration));
  }
  return {
    appWorkMs: round(median(work)),
    listsShownMs: round(median(lists)),
    mainThreadScriptMs: round(median(script) * 1000),
    samples,
  };
}

/**
 * The app in headless Chromium against a bare MapLibre page with the same basemap, in the same run:
 * cold load to first map and to idle, then the main-thread work of a filter change and a slider step.
 */
export async function measureBrowser(
  recordDir: string | null,
  features: number,
  bareDir: string,
  { runs = 3, timeoutMs = 180_000, cpuProfile = false } = {},
): Promise<BrowserResult> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app = await startApp(recordDir ?? undefined);
  const bare = await startDirectory(bareDir);
  try {
    // The bare map gets the size of the app's map area, so both draw the same number of pixels.
    const probe = await browser.newPage({ viewport: VIEWPORT });
    let mapSize = { w: VIEWPORT.width, h: VIEWPORT.height };
    let appLoads: LoadTiming[] = [];
    let error: string | undefined;
    try {
      await probe.goto(`${app.origin}/`, { timeout: timeoutMs });
      await markTime(probe, MARKS.idle, timeoutMs);
      mapSize = await probe.evaluate(() => {
        const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
        return { w: canvas.clientWidth, h: canvas.clientHeight };
      });
      for (let run = 0; run < runs; run += 1) appLoads.push(await coldLoad(browser, `${app.origin}/`, timeoutMs));
    } catch (caught) {
      error = `app did not finish loading: ${(caught as Error).message.split('\n')[0]}`;
      appLoads = [];
    } finally {
      await probe.close();
    }
    const bareLoads: LoadTiming[] = [];
    for (let run = 0; run < runs; run += 1)
      bareLoads.push(await coldLoad(browser, `${bare.origin}/?w=${mapSize.w}&h=${mapSize.h}`, timeoutMs));
    const appTiming = appLoads.length
      ? { firstMapMs: median(appLoads.map((l) => l.firstMapMs)), idleMs: median(appLoads.map((l) => l.idleMs)) }
      : null;
    const bareTiming = { firstMapMs: median(bareLoads.map((l) => l.firstMapMs)), idleMs: median(bareLoads.map((l) => l.idleMs)) };

    let filterChange: InteractionTiming | null = null;
    let sliderStep: InteractionTiming | null = null;
    if (appTiming) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      try {
        await page.goto(`${app.origin}/`, { timeout: timeoutMs });
        await markTime(page, MARKS.idle, timeoutMs);
        // A kind filter switched on and off (the list, the map and the counts all follow).
        const checkbox = page.getByRole('checkbox', { name: 'Cặp cửa khẩu', exact: true });
        // --cpu-prof: where the main thread's time goes during the inputs (top self time, printed).
        const profiled = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
          if (!cpuProfile) return run();
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
          const result = await run();
          const { profile } = (await cdp.send('Profiler.stop')) as { profile: Parameters<typeof topSelfTime>[0] };
          console.log(`[cpu-prof] ${features} features, ${name}: top self time (ms, share of busy time)`);
          for (const row of topSelfTime(profile, 20))
            console.log(`  ${String(row.ms).padStart(8)}  ${String(row.share).padStart(5)}%  ${row.where}`);
          return result;
        };
        filterChange = await profiled('filter change', () => interaction(page, cdp, () => checkbox.click(), 6, timeoutMs));
        // The time slider moved one step back, by keyboard, as a planner scrubbing through the years does.
        const slider = page.getByRole('slider').first();
        await slider.focus();
        sliderStep = await profiled('slider step', () => interaction(page, cdp, () => page.keyboard.press('ArrowLeft'), 6, timeoutMs));
      } catch (caught) {
        error = `${error ? `${error}; ` : ''}interaction: ${(caught as Error).message.split('\n')[0]}`;
      } finally {
        await context.close();
      }
    }
    return {
      features,
      app: appTiming,
      bare: bareTiming,
      firstMapRatio: appTiming ? +(appTiming.firstMapMs / bareTiming.firstMapMs).toFixed(2) : null,
      filterChange,
      sliderStep,
      ...(error ? { error } : {}),
    };
  } finally {
    await Promise.all([app.stop(), bare.stop()]);
    await browser.close();
  }
}
