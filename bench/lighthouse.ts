/**
 * Lighthouse on the app beside the bare MapLibre page (bench/bare-page.ts: the same basemap, style, fonts and
 * view, no app), in the same run, in turn, desktop and mobile presets: the issue's delivery target is the app's
 * desktop performance ≥ the bare page's, and accessibility 100 on both. Both are served compressed (the app by
 * its own server, the bare page by bench/dir-server.ts --compress), cold, on loopback.
 */
import { rmSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS } from '../test/browser/chromium';
import { writeBarePage } from './bare-page';
import { startApp, startDirectory } from './lib/processes';

type Preset = 'desktop' | 'mobile';
export type LighthouseFigures = {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Accessibility audits that failed (their ids), for the report. */
  failedAccessibility: string[];
  /** Runs Lighthouse could not measure (its error code each, e.g. NO_LCP): left out of the medians, named in the report. */
  failedRuns?: string[];
};
export type LighthouseResult = {
  runs: number;
  desktop: { app: LighthouseFigures; bare: LighthouseFigures };
  mobile: { app: LighthouseFigures; bare: LighthouseFigures };
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function audit(url: string, preset: Preset, port: number): Promise<LighthouseFigures> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
    preset === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const value = (id: string) => Number(audits[id]?.numericValue ?? Number.NaN);
  // A run Lighthouse could not measure scores 0 with no figures: it is said, not averaged in.
  const error =
    result.lhr.runtimeError?.code ??
    ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time'].map((id) => audits[id]?.errorMessage).find(Boolean);
  return {
    ...(error ? { failedRuns: [error.split('\n')[0].slice(0, 120)] } : {}),
    performance: Math.round((categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    fcpMs: Math.round(value('first-contentful-paint')),
    lcpMs: Math.round(value('largest-contentful-paint')),
    tbtMs: Math.round(value('total-blocking-time')),
    cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
    speedIndexMs: Math.round(value('speed-index')),
    failedAccessibility: (categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && audits[ref.id]?.score === 0)
      .map((ref) => ref.id),
  };
}

/** Medians of each figure over the runs; failed audits are those that failed in any run. */
function medianOf(allRuns: LighthouseFigures[]): LighthouseFigures {
  const failedRuns = allRuns.flatMap((run) => run.failedRuns ?? []);
  const measured = allRuns.filter((run) => !run.failedRuns);
  const runs = measured.length > 0 ? measured : allRuns;
  const numeric = ['performance', 'accessibility', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'speedIndexMs'] as const;
  const figures = Object.fromEntries(numeric.map((key) => [key, median(runs.map((run) => run[key]))])) as Omit<
    LighthouseFigures,
    'failedAccessibility' | 'failedRuns'
  >;
  return {
    ...figures,
    failedAccessibility: [...new Set(runs.flatMap((run) => run.failedAccessibility))].sort(),
    ...(failedRuns.length > 0 ? { failedRuns } : {}),
  };
}

export async function measureLighthouse({ runs = 3, log = console.log } = {}): Promise<LighthouseResult> {
  const bareDir = writeBarePage();
  const [app, bare] = await Promise.all([startApp(), startDirectory(bareDir, { compress: true })]);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = {} as LighthouseResult;
    for (const preset of ['desktop', 'mobile'] as const) {
      const sides: Record<'app' | 'bare', LighthouseFigures[]> = { app: [], bare: [] };
      // In turn, app then bare page, so a noisy minute on a shared machine falls on both.
      for (let run = 0; run < runs; run++) {
        for (const [side, origin] of [
          ['app', app.origin],
          ['bare', bare.origin],
        ] as const) {
          const figures = await audit(`${origin}/`, preset, chrome.port);
          log(
            `lighthouse ${preset} ${side} run ${run + 1}: performance ${figures.performance}, accessibility ${figures.accessibility}${figures.failedRuns ? ` — not measured: ${figures.failedRuns[0]}` : ''}`,
          );
          sides[side].push(figures);
        }
      }
      result[preset] = { app: medianOf(sides.app), bare: medianOf(sides.bare) };
    }
    return { ...result, runs };
  } finally {
    chrome.kill();
    await Promise.all([app.stop(), bare.stop()]);
    rmSync(bareDir, { recursive: true, force: true });
  }
}
