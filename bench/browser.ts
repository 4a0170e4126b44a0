import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { todayIso } from '../server/src/domain/dates';
import { CHROMIUM_ARGS } from '../test/browser/chromium';
import { topSelfTime, topTotalTime } from './lib/cpu-profile';
import { startApp, startDirectory } from './lib/processes';

const VIEWPORT = { width: 1400, height: 860 };
/** --cpu-prof: each profile in full (reports/ is not in git). */
const PROFILES_DIR = path.resolve('reports/bench-profiles');
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
/** Frames the page drew while the dates played: requestAnimationFrame callbacks counted over the same seconds. */
export type FrameRate = { framesPerSecond: number; longestFrameMs: number; seconds: number };
export type ProfileRow = ReturnType<typeof topSelfTime>[number];
/** What one page does on the same inputs: a kind filter switched, a slider step, the dates playing. */
export type SideFigures = {
  filterChange: InteractionTiming | null;
  sliderStep: InteractionTiming | null;
  playing: FrameRate | null;
  /** --cpu-prof: top self time during the filter changes and the slider steps. */
  profiles?: { filterChange: ProfileRow[]; sliderStep: ProfileRow[] };
};
export type BrowserResult = {
  features: number;
  /** The day it was measured (YYYY-MM-DD); absent in results from before issue 31. */
  measuredOn?: string;
  /** Medians over cold loads (a new browser context each: empty cache). */
  app: LoadTiming | null;
  bare: LoadTiming;
  /** app first map / bare first map. */
  firstMapRatio: number | null;
  filterChange: InteractionTiming | null;
  sliderStep: InteractionTiming | null;
  /** The app's frames while "Phát" plays, and its CPU profiles (--cpu-prof); absent before issue 31. */
  playing?: FrameRate | null;
  profiles?: SideFigures['profiles'];
  /** The bare MapLibre page doing the same changes on the same record (bench/bare-page.ts); absent before issue 31. */
  bareInteraction?: SideFigures;
  /** The same app measurements on another checkout in the same run (--before DIR: the code before a change). */
  before?: SideFigures & { commit: string };
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
  { lists = true } = {},
): Promise<InteractionTiming> {
  const work: number[] = [];
  const shown: number[] = [];
  const script: number[] = [];
  for (let index = 0; index < samples; index += 1) {
    await page.evaluate(() => {
      performance.clearMeasures('ba:update');
      performance.clearMeasures('ba:view');
    });
    const before = await scriptSeconds(cdp);
    await act(index);
    // The bare page has no lists: its ba:update alone.
    await page.waitForFunction(
      (withLists) =>
        performance.getEntriesByName('ba:update', 'measure').length > 0 &&
        (!withLists || performance.getEntriesByName('ba:view', 'measure').length > 0),
      lists,
      { timeout: timeoutMs, polling: 20 },
    );
    await page.waitForTimeout(1000);
    script.push((await scriptSeconds(cdp)) - before);
    work.push(await page.evaluate(() => performance.getEntriesByName('ba:update', 'measure')[0].duration));
    if (lists) shown.push(await page.evaluate(() => performance.getEntriesByName('ba:view', 'measure')[0].duration));
  }
  return {
    appWorkMs: round(median(work)),
    listsShownMs: lists ? round(median(shown)) : null,
    mainThreadScriptMs: round(median(script) * 1000),
    samples,
  };
}

/** Seconds the dates play for the frame count: 24 ticks of the app's "Phát" (15 days each 250 ms), 2022-01-01 to 2022-12-27. */
const PLAY_SECONDS = 6;
const PLAY_FROM = '2022-01-01';
const PLAY_STEP_DAYS = 15;
const PLAY_TICK_MS = 250;

/**
 * Frames per second while `start` plays the dates: requestAnimationFrame callbacks over PLAY_SECONDS. A callback
 * runs once for each frame the page produces; a main thread busy with a step (its script, a tile's upload, a
 * layout) drops frames and fewer run — what a viewer sees. MapLibre's 'render' events would count the map's
 * repaints instead, which happen only when something changed, not the frames the page could not draw.
 */
async function framesWhile(page: Page, start: () => Promise<void>, stop: () => Promise<void>): Promise<FrameRate> {
  // A string, not a function: tsx would name the inner function with a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framesOn = true;
    const tick = (time) => {
      window.__frames.push(time);
      if (window.__framesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await start();
  await page.waitForTimeout(PLAY_SECONDS * 1000);
  const times = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framesOn: boolean };
    w.__framesOn = false;
    return w.__frames;
  });
  await stop();
  const spanMs = times[times.length - 1] - times[0];
  let longest = 0;
  for (let i = 1; i < times.length; i += 1) longest = Math.max(longest, times[i] - times[i - 1]);
  return { framesPerSecond: round(((times.length - 1) * 1000) / spanMs), longestFrameMs: round(longest), seconds: round(spanMs / 1000) };
}

/** --cpu-prof: where the main thread's time goes during the inputs (top self time, printed and kept). */
async function profiled<T>(
  cdp: CDPSession,
  enabled: boolean,
  title: string,
  run: () => Promise<T>,
): Promise<{ result: T; rows: ProfileRow[] }> {
  if (!enabled) return { result: await run(), rows: [] };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Parameters<typeof topSelfTime>[0] };
  const rows = topSelfTime(profile, 20);
  console.log(`[cpu-prof] ${title}: top self time (ms, share of busy time)`);
  for (const row of rows) console.log(`  ${String(row.ms).padStart(8)}  ${String(row.share).padStart(5)}%  ${row.where}`);
  console.log(`[cpu-prof] ${title}: top time with callees (ms, share of busy time)`);
  for (const row of topTotalTime(profile, 40))
    console.log(`  ${String(row.ms).padStart(8)}  ${String(row.share).padStart(5)}%  ${row.where}`);
  // The whole profile, to open in Chrome DevTools' Performance panel.
  const file = path.join(PROFILES_DIR, `${title.replace(/[^\p{L}\p{N}]+/gu, '-')}.cpuprofile`);
  await mkdir(PROFILES_DIR, { recursive: true });
  await writeFile(file, JSON.stringify(profile));
  console.log(`[cpu-prof] ${title}: ${path.relative(process.cwd(), file)}`);
  return { result, rows };
}

/** One page's inputs, in a context of its own: a kind filter switched on and off, slider steps back, then the dates playing. */
async function pageInteractions(
  browser: Browser,
  url: string,
  title: string,
  { timeoutMs, cpuProfile }: { timeoutMs: number; cpuProfile: boolean },
  inputs: {
    filter: (page: Page, index: number) => Promise<void>;
    step: (page: Page, index: number) => Promise<void>;
    prepare?: (page: Page) => Promise<void>;
    beforeSteps?: (page: Page) => Promise<void>;
    play: (page: Page) => Promise<void>;
    stop: (page: Page) => Promise<void>;
    lists: boolean;
  },
): Promise<SideFigures> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  try {
    await page.goto(url, { timeout: timeoutMs });
    await markTime(page, MARKS.idle, timeoutMs);
    await inputs.prepare?.(page);
    const options = { lists: inputs.lists };
    const filter = await profiled(cdp, cpuProfile, `${title}, filter change`, () =>
      interaction(page, cdp, (index) => inputs.filter(page, index), 6, timeoutMs, options),
    );
    await inputs.beforeSteps?.(page);
    const step = await profiled(cdp, cpuProfile, `${title}, slider step`, () =>
      interaction(page, cdp, (index) => inputs.step(page, index), 6, timeoutMs, options),
    );
    let playing: FrameRate | null = null;
    try {
      playing = (
        await profiled(cdp, cpuProfile, `${title}, playing`, () =>
          framesWhile(
            page,
            () => inputs.play(page),
            () => inputs.stop(page),
          ),
        )
      ).result;
    } catch (caught) {
      console.log(`[bench] ${title}: frames while playing not measured: ${(caught as Error).message.split('\n')[0]}`);
    }
    return {
      filterChange: filter.result,
      sliderStep: step.result,
      playing,
      ...(cpuProfile ? { profiles: { filterChange: filter.rows, sliderStep: step.rows } } : {}),
    };
  } finally {
    await context.close();
  }
}

/** The app's inputs as a planner gives them: the kind "Cặp cửa khẩu" clicked, the slider stepped by keyboard, "Phát" clicked. */
const APP_INPUTS = {
  // The filters' tab (a new visit opens the progress tab).
  prepare: async (page: Page) => {
    await page.locator('.sidebar-tab[data-tab="filters"]').click();
    await page.locator('.sidebar-tab-panel[data-tab="filters"][data-state="active"]').waitFor();
    await page.waitForTimeout(1000);
  },
  filter: (page: Page) => page.getByRole('checkbox', { name: 'Cặp cửa khẩu', exact: true }).click(),
  // The time slider moved one step back, by keyboard, as a planner scrubbing through the years does.
  beforeSteps: (page: Page) => page.getByRole('slider').first().focus(),
  step: (page: Page) => page.keyboard.press('ArrowLeft'),
  play: async (page: Page) => {
    // To the slider's first day (2022-01-01), the lists given time to follow, then "Phát".
    await page.getByRole('slider').first().focus();
    await page.keyboard.press('Home');
    await page.waitForTimeout(1500);
    await page.locator('button.play').click();
  },
  stop: (page: Page) => page.locator('button.play').click(),
  lists: true,
};

const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** The same inputs on the bare page: the same kinds, the same dates, the same ticks (bench/bare-page.ts). */
const BARE_INPUTS = {
  filter: (page: Page, index: number) =>
    page.evaluate(
      (kinds) => (window as unknown as { __filter(kinds: string[]): void }).__filter(kinds),
      index % 2 === 0 ? ['gate_pair'] : [],
    ),
  step: (page: Page, index: number) =>
    page.evaluate((date) => (window as unknown as { __step(date: string): void }).__step(date), daysBefore(todayIso(), index + 1)),
  play: async (page: Page) => {
    await page.evaluate((from) => (window as unknown as { __step(date: string): void }).__step(from), PLAY_FROM);
    await page.waitForTimeout(1500);
    await page.evaluate(
      ([from, days, ms]) => (window as unknown as { __play(from: string, days: number, ms: number): void }).__play(from, days, ms),
      [PLAY_FROM, PLAY_STEP_DAYS, PLAY_TICK_MS] as const,
    );
  },
  stop: (page: Page) => page.evaluate(() => (window as unknown as { __stop(): void }).__stop()),
  lists: false,
};

/**
 * The app in headless Chromium against a bare MapLibre page drawing the same basemap and the same record
 * tiles (bench/bare-page.ts, its /api/map/ passed on to the app), in the same run: cold load to first map and
 * to idle, then a filter change, a slider step and the dates playing on each. `before`: another checkout of
 * the project (its client built) whose app is measured on the same inputs, the bare page and this app alike.
 */
export async function measureBrowser(
  recordDir: string | null,
  features: number,
  bareDir: string,
  {
    runs = 3,
    timeoutMs = 180_000,
    cpuProfile = false,
    before,
  }: { runs?: number; timeoutMs?: number; cpuProfile?: boolean; before?: { root: string; commit: string } } = {},
): Promise<BrowserResult> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app = await startApp(recordDir ?? undefined);
  const bare = await startDirectory(bareDir, { proxy: app.origin });
  const beforeApp = before ? await startApp(recordDir ?? undefined, before.root) : null;
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
    const bareUrl = `${bare.origin}/?w=${mapSize.w}&h=${mapSize.h}&record=1`;
    const bareLoads: LoadTiming[] = [];
    for (let run = 0; run < runs; run += 1) bareLoads.push(await coldLoad(browser, bareUrl, timeoutMs));
    const appTiming = appLoads.length
      ? { firstMapMs: median(appLoads.map((l) => l.firstMapMs)), idleMs: median(appLoads.map((l) => l.idleMs)) }
      : null;
    const bareTiming = { firstMapMs: median(bareLoads.map((l) => l.firstMapMs)), idleMs: median(bareLoads.map((l) => l.idleMs)) };

    const options = { timeoutMs, cpuProfile };
    const guarded = async (what: string, measure: () => Promise<SideFigures>): Promise<SideFigures | null> => {
      try {
        return await measure();
      } catch (caught) {
        error = `${error ? `${error}; ` : ''}${what}: ${(caught as Error).message.split('\n')[0]}`;
        return null;
      }
    };
    const appSide = appTiming
      ? await guarded('interaction', () => pageInteractions(browser, `${app.origin}/`, `${features} features, app`, options, APP_INPUTS))
      : null;
    const bareSide = await guarded('bare interaction', () =>
      pageInteractions(browser, bareUrl, `${features} features, bare page`, options, BARE_INPUTS),
    );
    const beforeSide =
      before && beforeApp
        ? await guarded('before', () =>
            pageInteractions(browser, `${beforeApp.origin}/`, `${features} features, app before (${before.commit})`, options, APP_INPUTS),
          )
        : null;
    return {
      features,
      measuredOn: new Date().toISOString().slice(0, 10),
      app: appTiming,
      bare: bareTiming,
      firstMapRatio: appTiming ? +(appTiming.firstMapMs / bareTiming.firstMapMs).toFixed(2) : null,
      filterChange: appSide?.filterChange ?? null,
      sliderStep: appSide?.sliderStep ?? null,
      playing: appSide?.playing ?? null,
      ...(appSide?.profiles ? { profiles: appSide.profiles } : {}),
      ...(bareSide ? { bareInteraction: bareSide } : {}),
      ...(before && beforeSide ? { before: { ...beforeSide, commit: before.commit } } : {}),
      ...(error ? { error } : {}),
    };
  } finally {
    await Promise.all([app.stop(), bare.stop(), beforeApp?.stop()]);
    await browser.close();
  }
}
