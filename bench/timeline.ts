/**
 * The progress timeline's main-thread cost at 68 (the real record), 1 000 and 10 000 features: the app's own
 * User Timing measure (client/src/performance-marks.ts TIMELINE_MEASURE: reading the rows from the record and
 * drawing the rows on screen with Observable Plot), on opening it and on a scroll. Budget (issue 20): ≤ 100 ms at
 * 1 000 rows. Only the rows in view are drawn, so the drawing should cost the same at every scale; reading the
 * rows grows with the record.
 */
import { chromium, type Page } from 'playwright-core';
import { TIMELINE_MEASURE } from '../client/src/performance-marks';
import { CHROMIUM_ARGS } from '../test/browser/chromium';
import { startApp } from './lib/processes';

export type TimelineTiming = {
  features: number;
  /** Rows the timeline holds (features with a status and at least one step). */
  rows: number;
  /** Median main-thread ms on opening: reading every row and drawing those in view. */
  openMs: number;
  /** Median main-thread ms for a scroll of 20 rows (drawing the new window). */
  scrollMs: number;
  samples: number;
  error?: string;
};

const SAMPLES = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms * 10) / 10;

async function nextMeasure(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name, 'measure').length > 0, TIMELINE_MEASURE, {
    timeout: timeoutMs,
    polling: 20,
  });
  // The first drawing after the input (a later one, e.g. on a resize, is not this input's).
  return page.evaluate((name) => performance.getEntriesByName(name, 'measure')[0].duration, TIMELINE_MEASURE);
}

export async function measureTimeline(recordDir: string | null, features: number, timeoutMs = 240_000): Promise<TimelineTiming> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const app = await startApp(recordDir ?? undefined);
  const open: number[] = [];
  const scroll: number[] = [];
  let rows = 0;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    for (let sample = 0; sample < SAMPLES; sample += 1) {
      // A different date each time: the rows are read again (as when the slider moves with the chart open).
      await page.goto(`${app.origin}/?timeline=1&asOf=2026-0${sample + 1}-15`, { timeout: timeoutMs });
      open.push(await nextMeasure(page, timeoutMs));
      rows = Number(await page.locator('.progress-timeline').getAttribute('data-rows'));
      if (rows > 40) {
        await page.evaluate((name) => performance.clearMeasures(name), TIMELINE_MEASURE);
        await page.locator('.progress-timeline-chart').evaluate((node) => {
          node.scrollTop += 20 * 22;
        });
        scroll.push(await nextMeasure(page, timeoutMs));
      }
    }
    return {
      features,
      rows,
      openMs: round(median(open)),
      scrollMs: scroll.length ? round(median(scroll)) : Number.NaN,
      samples: SAMPLES,
    };
  } catch (caught) {
    return {
      features,
      rows,
      openMs: Number.NaN,
      scrollMs: Number.NaN,
      samples: open.length,
      error: (caught as Error).message.split('\n')[0],
    };
  } finally {
    await app.stop();
    await browser.close();
  }
}
