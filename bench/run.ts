/**
 * npm run bench — speed and scale, measured beside their physical limits in the same run, written to
 * bench/results.json and bench/RESULTS.md. Budgets are checked and reported here, never asserted in tests.
 *
 *   npm run bench                     everything (about 10 minutes)
 *   npm run bench -- --quick          shorter loads, 1 000 and 10 000 synthetic features only
 *   npm run bench -- --no-browser     API and sizes only
 *   npm run bench -- --import-only    reading documents to import only (text and Word files), merged into the last results
 *   npm run bench -- --import-eval [DIR]  how well the import reader reads real texts against gold annotations
 *                                     (DIR: a folder as ../shared/eval/import, the default), merged likewise
 *   npm run bench -- --store-load     the embedded store under read load while an editor writes only, merged likewise
 *   npm run bench -- --cpu-prof       also print where the browser's main thread spends a filter change and a slider step
 *   npm run bench -- --timeline       the progress timeline's main-thread cost at 68, 1 000 and 10 000 features only, merged likewise
 *   npm run bench -- --lighthouse     Lighthouse on the app beside the bare MapLibre page only, merged into the last results
 *                                     (the whole run measures it too, unless --no-browser)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticRecord } from '../scripts/synthetic-record';
import { projectRoot } from '../test/helpers/app';
import { measureApi, removeApiWork, type ScaleResult } from './api';
import { writeBarePage } from './bare-page';
import { type BrowserResult, measureBrowser } from './browser';
import { evaluateImport } from './import-eval';
import { measureImportReading } from './import-reading';
import { describeMachine } from './lib/machine';
import { measureLighthouse } from './lighthouse';
import { keepMutationSection, type Results, renderReport } from './report';
import { measureSizes } from './size';
import { measureStoreLoad } from './store-load';
import { measureTimeline, type TimelineTiming } from './timeline';
import { measureWordConversion } from './word-conversion';

const argv = process.argv.slice(2);
const args = new Set(argv);
const quick = args.has('--quick');
const withBrowser = !args.has('--no-browser');
const cpuProfile = args.has('--cpu-prof');
const RATE = 1000;
const SECONDS = quick ? 3 : 8;
const API_SCALES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const BROWSER_SCALES = quick ? [10_000] : [10_000, 100_000];

function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function storeLoadLogged() {
  log('the embedded store under load while an editor writes');
  return measureStoreLoad({ seconds: quick ? 10 : 30 });
}

/** The progress timeline at the issue's three scales, each synthetic record written for it and removed after. */
async function timelineLogged(): Promise<TimelineTiming[]> {
  const work = mkdtempSync(join(tmpdir(), 'border-atlas-bench-timeline-'));
  try {
    const timings: TimelineTiming[] = [];
    for (const count of [68, 1_000, 10_000]) {
      log(`timeline: ${count === 68 ? 'the real record' : `${count} synthetic features`}`);
      let dir: string | null = null;
      if (count !== 68) {
        dir = join(work, `syn-${count}`, 'record');
        writeSyntheticRecord(dir, count);
      }
      const timing = await measureTimeline(dir, count);
      log(
        `timeline ${count}: ${timing.rows} rows, open ${timing.openMs} ms, scroll ${timing.scrollMs} ms${timing.error ? ` (${timing.error})` : ''}`,
      );
      timings.push(timing);
    }
    return timings;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The last results, to keep what this run does not measure (the import evaluation needs a folder outside the project). */
function previous(): Results | null {
  const file = join(projectRoot, 'bench', 'results.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Results) : null;
}

function printImportEval(result: Results['importEval']) {
  if (!result) return;
  for (const key of [
    'precision',
    'recall',
    'status',
    'level',
    'cueInQuote',
    'newPlaces',
    'placeCards',
    'notFeatureHits',
    'date',
  ] as const) {
    const { right, of } = result[key];
    log(`  ${key}: ${right}/${of}${of ? ` = ${(right / of).toFixed(2)}` : ''}`);
  }
  for (const d of result.perDocument)
    log(
      `  ${d.document}: wrong ${d.wrong.join(', ') || '-'}; missed ${d.missed.join(', ') || '-'}; status ${d.wrongStatus.join('; ') || 'ok'}`,
    );
}

/** bench/RESULTS.md from the results, with the hand-written mutation testing section kept. */
function writeReport(results: Results) {
  const file = join(projectRoot, 'bench', 'RESULTS.md');
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, keepMutationSection(renderReport(results), previous));
}

/** Runs one measurement alone and writes it into the last full run's results (bench/results.json and RESULTS.md). */
async function mergeIntoLastResults<K extends keyof Results>(key: K, what: string, measure: () => Promise<Results[K]> | Results[K]) {
  const file = join(projectRoot, 'bench', 'results.json');
  const last = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const results: Results = { ...last, [key]: await measure() };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeReport(results);
  log(`wrote the ${what} into bench/results.json and bench/RESULTS.md (the other figures are the last full run)`);
  return results;
}

/** The browser measurements serve the built client: built first when it is not. */
function ensureBuilt() {
  if (!existsSync(join(projectRoot, 'client', 'dist', 'index.html')))
    spawnSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, stdio: 'inherit' });
}

async function main() {
  if (args.has('--import-only')) {
    log('reading documents to import');
    await mergeIntoLastResults('importReading', 'import figures', measureImportReading);
    log('reading Word files to import');
    await mergeIntoLastResults('wordConversion', 'Word reading figures', measureWordConversion);
    return;
  }
  if (args.has('--import-eval')) {
    const given = argv[argv.indexOf('--import-eval') + 1];
    const folder = given && !given.startsWith('--') ? given : join(projectRoot, '..', 'shared', 'eval', 'import');
    log(`scoring the import reader on ${folder}`);
    const results = await mergeIntoLastResults('importEval', 'import evaluation', () => evaluateImport(folder));
    printImportEval(results.importEval);
    return;
  }
  if (args.has('--timeline')) {
    ensureBuilt();
    await mergeIntoLastResults('timeline', 'timeline figures', timelineLogged);
    return;
  }
  if (args.has('--lighthouse')) {
    ensureBuilt();
    await mergeIntoLastResults('lighthouse', 'Lighthouse figures', () => measureLighthouse({ runs: quick ? 1 : 3, log }));
    return;
  }
  if (args.has('--store-load')) {
    await mergeIntoLastResults('storeLoad', 'store-load figures', storeLoadLogged);
    return;
  }
  const machine = describeMachine();
  ensureBuilt();
  log('sizes');
  const sizes = measureSizes();

  const work = mkdtempSync(join(tmpdir(), 'border-atlas-bench-records-'));
  const records = new Map<number, string>();
  for (const count of new Set([...API_SCALES, ...(withBrowser ? BROWSER_SCALES : [])])) {
    const dir = join(work, `syn-${count}`, 'record');
    log(`generating a synthetic record of ${count} features`);
    writeSyntheticRecord(dir, count);
    records.set(count, dir);
  }

  const api: ScaleResult[] = [];
  log('API: the real record');
  api.push(await measureApi(null, 68, { rate: RATE, seconds: SECONDS }));
  for (const count of API_SCALES) {
    log(`API: ${count} synthetic features`);
    api.push(await measureApi(records.get(count) as string, count, { rate: RATE, seconds: SECONDS }));
  }

  const browser: BrowserResult[] = [];
  if (withBrowser) {
    const bareDir = writeBarePage();
    log('browser: the real record');
    browser.push(await measureBrowser(null, 68, bareDir, { cpuProfile }));
    for (const count of BROWSER_SCALES) {
      log(`browser: ${count} synthetic features`);
      browser.push(
        await measureBrowser(records.get(count) as string, count, bareDir, {
          runs: count >= 100_000 ? 1 : 3,
          timeoutMs: 240_000,
          cpuProfile,
        }),
      );
    }
    rmSync(bareDir, { recursive: true, force: true });
  }

  const real = api[0];
  const realBrowser = browser[0];
  const results = {
    machine,
    method: {
      api: `autocannon on loopback, 10 connections paced to ${RATE} req/s in total (responses over 1 MB: 4 connections, unpaced); the same bytes from a Node static server (bench/static-server.ts) in its own process, running beside the app. App and static server are loaded in turn, 3 rounds of ${Math.max(2, Math.round(SECONDS / 2))} s each after a warm-up; each figure is the side's median round (by p99). Cached answers are sent by the app's replay (server/src/http/replay.ts).`,
      browser:
        'Debian Chromium headless (SwiftShader WebGL), playwright-core, viewport 1400×860, a new context per load (cold cache), median of 3 loads (1 at 100 000 features). Baseline: a bare MapLibre page with the same style, basemap, fonts and view and a map of the same size (bench/bare-page.ts). Interaction: median of 6; "app work" is the User Timing measure ba:update (input → React has rendered the controls and the map and MapLibre has been given the new filter or date; the lists follow in a deferred render, useDeferredValue, counted in "lists shown"); "lists shown" is ba:view (input → the lists, counts and legend show the server\'s answer, GET /api/view: request, server, parse and render); "main-thread script" is CDP ScriptDuration in the second after the input (includes rendering that answer and MapLibre\'s frames).',
      sizes: 'gzip -9 of client/dist after npm run build; initial = scripts and styles index.html loads.',
    },
    api: {
      /** The real record, GET /api/features at 1 000 req/s: app p99 / static p99 (budget ≤ 2). */
      p99Ratio: real.endpoints[0].p99Ratio,
      scales: api,
    },
    browser: {
      /** The real record: app first map / bare MapLibre first map (budget ≤ 1.5). */
      firstMapRatio: realBrowser?.firstMapRatio ?? null,
      scales: browser,
    },
    sizes,
    importReading: measureImportReading(),
    wordConversion: measureWordConversion(),
    importEval: previous()?.importEval,
    storeLoad: await storeLoadLogged(),
    lighthouse: withBrowser ? await measureLighthouse({ runs: quick ? 1 : 3, log }) : previous()?.lighthouse,
    timeline: withBrowser ? await timelineLogged() : previous()?.timeline,
  };
  rmSync(work, { recursive: true, force: true });
  removeApiWork();
  writeFileSync(join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeReport(results);
  log(
    `wrote bench/results.json and bench/RESULTS.md — api.p99Ratio ${results.api.p99Ratio}, browser.firstMapRatio ${results.browser.firstMapRatio}`,
  );
}

await main();
