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
 *   npm run bench -- --cpu-prof       also print where the browser's main thread spends a filter change, a slider step and playing
 *                                     (self time, and time with callees), each profile in full in reports/bench-profiles/
 *   npm run bench -- --timeline       the progress timeline's main-thread cost at 68, 1 000 and 10 000 features only, merged likewise
 *   npm run bench -- --lighthouse     Lighthouse on the app beside the bare MapLibre page only, merged into the last results
 *                                     (the whole run measures it too, unless --no-browser)
 *   npm run bench -- --browser-only [--scales 68,10000] [--before DIR] [--rounds N]
 *                                     the map in the browser only (loads, filter change, slider step, frames while playing,
 *                                     app beside the bare page doing the same), at the scales given (68: the real record;
 *                                     default 68 and 10 000), each replacing that scale's row of the last results;
 *                                     --before DIR: also the app of another checkout of the project (its client built,
 *                                     e.g. a worktree of the commit before a change) on the same inputs in the same run;
 *                                     --rounds N: each scale measured N times, each figure the median of the rounds
 *                                     (the CPU profiles: the first round's); the whole run takes --rounds and --before too
 *                                     (--before up to 10 000 features)
 */
import { execFileSync, spawnSync } from 'node:child_process';
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
/** --before DIR: another checkout's app (its client built) measured beside this one's in the browser, on the same inputs. */
const before = argv.includes('--before')
  ? (() => {
      const root = argv[argv.indexOf('--before') + 1];
      return { root, commit: execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim() };
    })()
  : undefined;
/** --rounds N: the browser's figures at each scale measured N times, each the median of the rounds. */
const roundCount = argv.includes('--rounds') ? Math.max(1, Number(argv[argv.indexOf('--rounds') + 1])) : 1;
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
async function mergeIntoLastResults<K extends keyof Results>(
  key: K,
  what: string,
  measure: () => Promise<Results[K]> | Results[K],
  method?: Partial<Results['method']>,
) {
  const file = join(projectRoot, 'bench', 'results.json');
  const last = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const results: Results = { ...last, [key]: await measure(), method: { ...last.method, ...method } };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeReport(results);
  log(`wrote the ${what} into bench/results.json and bench/RESULTS.md (the other figures are the last full run)`);
  return results;
}

const BROWSER_METHOD =
  'Debian Chromium headless (SwiftShader WebGL), playwright-core, viewport 1400×860, a new context per load (cold cache), median of 3 loads (1 at 100 000 features). Baseline: a bare MapLibre page with the same style, basemap, fonts and view, a map of the same size and the same record tiles (bench/bare-page.ts: its /api/map/ passed on to the app, one line and one circle layer coloured by the state the feature state picks; its first map is the basemap\'s, as the app\'s, its idle follows the record). Interaction: median of 6; "app work" is the User Timing measure ba:update (input → React has rendered the controls, the lists when their answer is held, and the map, and MapLibre has been given the new filter or date); on the bare page, ba:update is the same change: each feature\'s state index for the date and kinds over GET /api/map/states and setFeatureState for those whose {s, out} changed; "lists shown" is ba:view (input → the lists, counts and legend show the server\'s answer, GET /api/view: from the cache when it was asked ahead — the slider\'s neighbouring dates are — else request, server, parse and render); "main-thread script" is CDP ScriptDuration in the second after the input (includes rendering that answer and MapLibre\'s frames). Frames while playing: requestAnimationFrame callbacks per second over 6 s of the app\'s "Phát" (15 days per 250 ms from 2022-01-01) and of the bare page stepping through the same dates on the same tick.';

/**
 * --browser-only: the map in the browser at the scales given, each row replacing that scale's in the last results
 * (the other scales, the API and every other figure stay the last full run's).
 */
async function browserOnly() {
  ensureBuilt();
  const at = argv.indexOf('--scales');
  const scales = at >= 0 ? argv[at + 1].split(',').map(Number) : [68, 10_000];
  const work = mkdtempSync(join(tmpdir(), 'border-atlas-bench-records-'));
  const bareDir = writeBarePage();
  try {
    const measured: BrowserResult[] = [];
    for (const count of scales) {
      let dir: string | null = null;
      if (count !== 68) {
        dir = join(work, `syn-${count}`, 'record');
        log(`generating a synthetic record of ${count} features`);
        writeSyntheticRecord(dir, count);
      }
      const result = await measureRounds(
        roundCount,
        `${count === 68 ? 'the real record' : `${count} synthetic features`}${before ? `, with the app at ${before.commit}` : ''}`,
        (round) =>
          measureBrowser(dir, count, bareDir, {
            runs: count >= 100_000 ? 1 : 3,
            timeoutMs: 240_000,
            cpuProfile: cpuProfile && round === 1,
            before,
          }),
      );
      measured.push(result);
    }
    await mergeIntoLastResults(
      'browser',
      'browser figures',
      () => {
        const last = previous()?.browser ?? { firstMapRatio: null, scales: [] };
        const scalesNow = [...last.scales.filter((row) => !scales.includes(row.features)), ...measured].sort(
          (a, b) => a.features - b.features,
        );
        const real = scalesNow.find((row) => row.features === 68);
        return { firstMapRatio: real?.firstMapRatio ?? last.firstMapRatio, scales: scalesNow };
      },
      { browser: BROWSER_METHOD },
    );
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** A page's figures measured `roundCount` times, each number the median of the rounds' (logged as they come). */
async function measureRounds(
  roundCount: number,
  title: string,
  measure: (round: number) => Promise<BrowserResult>,
): Promise<BrowserResult> {
  const rounds: BrowserResult[] = [];
  for (let round = 1; round <= roundCount; round += 1) {
    log(`browser: ${title}, round ${round} of ${roundCount}`);
    const result = await measure(round);
    logInteractions(result);
    rounds.push(result);
  }
  const result = medianOfRounds(rounds);
  if (roundCount > 1) {
    log(`median of ${roundCount} rounds:`);
    logInteractions(result);
  }
  return result;
}

/** Each number the median of the rounds' (profiles, texts and errors: the first round's, errors of any round kept). */
function medianOfRounds(rounds: BrowserResult[]): BrowserResult {
  const combine = (values: unknown[], key: string): unknown => {
    const first = values[0];
    if (key === 'profiles') return first;
    if (typeof first === 'number') {
      const numbers = (values.filter((value) => typeof value === 'number') as number[]).sort((a, b) => a - b);
      const middle = numbers.length / 2;
      return Number.isInteger(middle) ? Math.round(((numbers[middle - 1] + numbers[middle]) / 2) * 10) / 10 : numbers[Math.floor(middle)];
    }
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      const present = values.filter((value) => value && typeof value === 'object') as Record<string, unknown>[];
      return Object.fromEntries(
        Object.keys(first).map((name) => [
          name,
          combine(
            present.map((value) => value[name]),
            name,
          ),
        ]),
      );
    }
    return first;
  };
  const merged = combine(rounds, '') as BrowserResult;
  const errors = rounds.map((round) => round.error).filter(Boolean);
  return { ...merged, ...(errors.length ? { error: errors.join('; ') } : {}) };
}

function logInteractions(result: BrowserResult) {
  const side = (name: string, figures: Pick<BrowserResult, 'filterChange' | 'sliderStep' | 'playing'> | undefined) =>
    log(
      `  ${name}: filter ${figures?.filterChange?.appWorkMs ?? '—'} ms / script ${figures?.filterChange?.mainThreadScriptMs ?? '—'} ms; step ${figures?.sliderStep?.appWorkMs ?? '—'} ms / script ${figures?.sliderStep?.mainThreadScriptMs ?? '—'} ms; playing ${figures?.playing?.framesPerSecond ?? '—'} frames/s (longest ${figures?.playing?.longestFrameMs ?? '—'} ms)`,
    );
  log(
    `${result.features} features: first map app ${result.app?.firstMapMs ?? '—'} ms, bare ${result.bare.firstMapMs} ms${result.error ? ` (${result.error})` : ''}`,
  );
  side('app', result);
  side('bare', result.bareInteraction);
  if (result.before) side(`before ${result.before.commit}`, result.before);
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
  if (args.has('--browser-only')) {
    await browserOnly();
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
    browser.push(
      await measureRounds(roundCount, 'the real record', (round) =>
        measureBrowser(null, 68, bareDir, { cpuProfile: cpuProfile && round === 1, before }),
      ),
    );
    for (const count of BROWSER_SCALES) {
      browser.push(
        await measureRounds(roundCount, `${count} synthetic features`, (round) =>
          measureBrowser(records.get(count) as string, count, bareDir, {
            runs: count >= 100_000 ? 1 : 3,
            timeoutMs: 240_000,
            cpuProfile: cpuProfile && round === 1,
            // The app before a change is measured up to 10 000 features (at 100 000 the old code's steps take minutes).
            before: count < 100_000 ? before : undefined,
          }),
        ),
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
      browser: BROWSER_METHOD,
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
