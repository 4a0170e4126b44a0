import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from '../server/src/access/passwords';
import { readConfig } from '../server/src/config';
import { loadRecord } from '../server/src/record/load-record';
import { openStore } from '../server/src/store/open-store';
import { postTanThanhStep } from '../test/helpers/record-fixtures';
import { startStoreApp } from './lib/processes';

/** Latencies of one set of requests. */
export type LatencyFigures = {
  requests: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** Answered after more than 10 s (the figure), and after more than 1 s. */
  over10s: number;
  over1s: number;
};

export type StoreLoadResult = {
  path: string;
  connections: number;
  seconds: number;
  achievedRps: number;
  /** Every request of the run, the first of each of the connections opened at once included. */
  all: LatencyFigures;
  /**
   * Requests sent after the first `warmSeconds`: the connections' opening burst left out (on a small
   * machine it delays first requests by seconds even for a bare Node server, the load generator sharing its CPUs).
   */
  steady: LatencyFigures;
  warmSeconds: number;
  errors: number;
  non2xx: number;
  /** Status steps an editor saved meanwhile, one after another (each a new revision of the record). */
  writes: number;
  writeP50Ms: number | null;
  writeMaxMs: number | null;
};

const PASSWORD = 'bench editor password 1';

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const rounded = (ms: number | null) => (ms === null ? null : Math.round(ms));

function figures(latencies: number[], unanswered: number): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: rounded(percentile(sorted, 50)),
    p99Ms: rounded(percentile(sorted, 99)),
    maxMs: rounded(sorted.at(-1) ?? null),
    over10s: sorted.filter((ms) => ms > 10_000).length + unanswered,
    over1s: sorted.filter((ms) => ms > 1_000).length + unanswered,
  };
}

/**
 * The embedded store (PGlite, the default) under read load while an editor writes: `connections`
 * keep-alive connections on GET /api/view for `seconds`, and meanwhile status steps saved one after
 * another through the API. Every latency is kept (autocannon's response events), so requests over 10 s are
 * counted exactly rather than cut off at autocannon's timeout.
 */
export async function measureStoreLoad({
  seconds = 30,
  connections = 200,
  path = '/api/view',
  warmSeconds = 5,
  writes = true,
} = {}): Promise<StoreLoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-bench-store-'));
  let app: Awaited<ReturnType<typeof startStoreApp>> | undefined;
  try {
    const config = readConfig({});
    const setup = await openStore({ dataDir }, () => loadRecord(config));
    await setup.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench', 'Bench', $1, 'editor')", [
      await hashPassword(PASSWORD),
    ]);
    await setup.close();
    app = await startStoreApp(dataDir);
    const { origin } = app;
    const signIn = await fetch(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    if (signIn.status !== 200) throw new Error(`bench editor cannot sign in: ${signIn.status} ${await signIn.text()}`);
    const cookie = String(signIn.headers.get('set-cookie')).split(';')[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const feature = 'tan-thanh-po-chai';
    let version = ((await (await fetch(`${origin}/api/features/${feature}`)).json()) as { version: number }).version;
    // Warm up (JIT, the read model) without measuring.
    await autocannon({ url: `${origin}${path}`, connections: 2, amount: 50 });

    let stop = false;
    const writeTimes: number[] = [];
    const writer = (async () => {
      for (let i = 0; writes && !stop; i += 1) {
        const started = performance.now();
        const response = await postTanThanhStep(origin, { Cookie: cookie, 'X-CSRF-Token': csrfToken }, version, `bench write ${i}`);
        if (response.status !== 201) throw new Error(`bench write ${i}: ${response.status} ${await response.text()}`);
        version = ((await response.json()) as { version: number }).version;
        writeTimes.push(performance.now() - started);
      }
    })();

    // Each answer with when it was sent (autocannon reports answers as they come, with their latency).
    const answers: { sentMs: number; latencyMs: number }[] = [];
    const begun = performance.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: `${origin}${path}`, connections, duration: seconds, timeout: 60 }, (error, done) =>
        error ? reject(error) : resolve(done),
      );
      instance.on('response', (_client, _status, _bytes, latencyMs) => {
        answers.push({ sentMs: performance.now() - begun - latencyMs, latencyMs });
      });
    });
    stop = true;
    await writer;
    writeTimes.sort((a, b) => a - b);
    return {
      path,
      connections,
      seconds,
      achievedRps: Math.round(answers.length / seconds),
      all: figures(
        answers.map((answer) => answer.latencyMs),
        result.timeouts,
      ),
      steady: figures(
        answers.filter((answer) => answer.sentMs >= warmSeconds * 1000).map((answer) => answer.latencyMs),
        0,
      ),
      warmSeconds,
      errors: result.errors,
      non2xx: result.non2xx,
      writes: writeTimes.length,
      writeP50Ms: rounded(percentile(writeTimes, 50)),
      writeMaxMs: rounded(writeTimes.at(-1) ?? null),
    };
  } finally {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
