import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, load } from './lib/load';
import { type Peak, type RunningServer, startApp, startStatic } from './lib/processes';

export type EndpointResult = {
  path: string;
  responseBytes: number;
  app: LoadResult;
  /** The same bytes from a static server: the practical limit. */
  static: LoadResult;
  /** app p99 / static p99; null when either completed no response. */
  p99Ratio: number | null;
};

export type ScaleResult = {
  features: number;
  recordDir: string | null;
  serverStartMs: number;
  memory: Peak;
  endpoints: EndpointResult[];
};

/** The bodies written for the static server: made on first use (a bench mode without the API makes none), removed when the bench ends (run.ts). */
let work: string | null = null;
const workDir = () => {
  work ??= mkdtempSync(join(tmpdir(), 'border-atlas-bench-'));
  return work;
};
export const removeApiWork = () => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = null;
};

/** Rounds of app and static load, alternating: a noisy second on this 2-core machine hits one round of each, not one figure. */
const ROUNDS = 3;

/** The round whose p99 is the median (rounds that completed nothing count as slowest). */
function medianRound(rounds: LoadResult[]): LoadResult {
  const sorted = [...rounds].sort((a, b) => (a.p99Ms ?? Number.POSITIVE_INFINITY) - (b.p99Ms ?? Number.POSITIVE_INFINITY));
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * One endpoint under load side by side with a static server sending exactly its bytes: both run, and
 * are loaded in turn, ROUNDS times (each round a share of `seconds`); each side's figure is its median
 * round.
 */
async function compare(
  app: RunningServer,
  path: string,
  options: { rate?: number; seconds: number; connections: number },
): Promise<EndpointResult> {
  const response = await fetch(`${app.origin}${path}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  const file = join(workDir(), `body-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, bytes);
  const baseline = await startStatic(file, response.headers.get('content-type') ?? 'application/json');
  try {
    const round = { ...options, seconds: Math.max(2, Math.round(options.seconds / 2)) };
    const appRounds: LoadResult[] = [];
    const staticRounds: LoadResult[] = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      // Warmed up once, before the first round (50 answers of 90 MB each would be minutes per round).
      appRounds.push(await load(`${app.origin}${path}`, { ...round, warmUp: index === 0 }));
      staticRounds.push(await load(`${baseline.origin}${path}`, { ...round, warmUp: index === 0 }));
    }
    const appResult = medianRound(appRounds);
    const staticResult = medianRound(staticRounds);
    return {
      path,
      responseBytes: bytes.length,
      app: appResult,
      static: staticResult,
      p99Ratio:
        appResult.p99Ms === null || staticResult.p99Ms === null ? null : +(appResult.p99Ms / Math.max(staticResult.p99Ms, 1)).toFixed(2),
    };
  } finally {
    await baseline.stop();
  }
}

/**
 * The planner's typical requests: everything, and the filters the map uses most; and what the app
 * itself asks on every filter change and date (its lists, counts and legend).
 */
export const TYPICAL_PATHS = [
  '/api/features',
  '/api/features?asOf=2024-08-16&kind=gate_pair,opening,channel',
  '/api/features?bbox=106.5,21.8,107.2,22.2&status=operating',
  '/api/view?asOf=2024-08-16&kind=gate_pair,opening,channel&limit=100',
];

/**
 * API latency and throughput at `rate` requests per second against one record, side by side with a
 * static server sending the same bytes. Large records are also measured flat out (no pacing), where
 * 1 000 req/s cannot be reached by any server on this machine.
 */
export async function measureApi(
  recordDir: string | null,
  features: number,
  options: { rate: number; seconds: number },
): Promise<ScaleResult> {
  const app = await startApp(recordDir ?? undefined);
  try {
    const endpoints: EndpointResult[] = [];
    for (const path of TYPICAL_PATHS) {
      const probe = await fetch(`${app.origin}${path}`);
      const size = Number((await probe.arrayBuffer()).byteLength);
      // Above ~1 MB a response cannot be sent 1 000 times a second on loopback here (that is > 1 GB/s): measure capacity instead.
      const paced = size < 1_000_000;
      endpoints.push(
        await compare(
          app,
          path,
          paced ? { rate: options.rate, seconds: options.seconds, connections: 10 } : { seconds: options.seconds, connections: 4 },
        ),
      );
    }
    return { features, recordDir, serverStartMs: Math.round(app.startMs), memory: app.rssMb(), endpoints };
  } finally {
    await app.stop();
  }
}
