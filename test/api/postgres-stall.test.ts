import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivatePostgres, type PrivatePostgres, postgresBinDir } from '../helpers/private-postgres';
import { type ServerProcess, startServer, until200 } from '../helpers/server-process';

/**
 * PostgreSQL stalled under an app server (DATABASE_URL) — a paused VM, a storage stall: its connections stay
 * open and nothing is answered, so nothing is refused or ended either. Reads answer `503 store_unavailable`
 * with Retry-After while it is still stalled instead of waiting as long as it lasts, `/api/health` stays ok
 * (the process is alive), `/api/ready` says the server cannot serve the record, and once PostgreSQL runs
 * again the server answers by itself. The instance is the test's own (initdb in a temporary folder, loopback
 * only): only its processes are paused.
 */
const binDir = postgresBinDir();
const folders: string[] = [];

/** How long the stall lasts at most if some answer does not come (the reported stall held requests 25 s). */
const STALL_LIMIT_MS = 30_000;

type Answer = { path: string; status: number; retryAfter: string | null; body: unknown; whileStopped: boolean };

describe.skipIf(!binDir)('PostgreSQL stalled under an app server', () => {
  let postgres: PrivatePostgres | undefined;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    postgres = await createPrivatePostgres(binDir as string);
    postgres.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-pg-stall-'));
    folders.push(dataDir);
    // The default bound on a statement (BORDER_ATLAS_STATEMENT_TIMEOUT_MS unset), as a deployment runs it.
    server = await startServer({ NODE_ENV: 'production', BORDER_ATLAS_DATA_DIR: dataDir, DATABASE_URL: postgres.url });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    postgres?.remove();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('stalled: reads answer 503 store_unavailable with Retry-After while it lasts, health stays ok, ready says 503; running again: all answer by themselves', async () => {
    if (!postgres || !server) throw new Error('no PostgreSQL instance or server');
    const { origin } = server;
    // A feature's detail is never replayed from memory (it depends on who asks): it asks the store the record's
    // revision each time. The view is replayed, but only once the store confirms the revision it was made under.
    const reads = ['/api/features/huu-nghi', '/api/view'];
    for (const path of [...reads, '/api/ready', '/api/health']) expect((await fetch(origin + path)).status, path).toBe(200);
    expect(await (await fetch(`${origin}/api/ready`)).json()).toEqual({ status: 'ready' });

    postgres.pause();
    let stopped = true;
    const ask = async (path: string): Promise<Answer> => {
      const response = await fetch(origin + path);
      const body = await response.json();
      return { path, status: response.status, retryAfter: response.headers.get('retry-after'), body, whileStopped: stopped };
    };
    // The reads one after the other, each meeting the stall on its own; health and readiness beside them.
    const answers = Promise.all([
      (async () => {
        const answered: Answer[] = [];
        for (const path of reads) answered.push(await ask(path));
        return answered;
      })(),
      ask('/api/health'),
      ask('/api/ready'),
    ]);
    // The stall ends once every answer is in — or, if some request is still held, after STALL_LIMIT_MS.
    let limit: NodeJS.Timeout | undefined;
    await Promise.race([answers, new Promise((resolve) => (limit = setTimeout(resolve, STALL_LIMIT_MS)))]);
    clearTimeout(limit);
    stopped = false;
    postgres.resume();
    const [readAnswers, health, ready] = await answers;

    for (const answer of readAnswers) {
      expect(answer.whileStopped, `${answer.path} answered only once PostgreSQL ran again`).toBe(true);
      expect(answer.status, answer.path).toBe(503);
      expect(answer.retryAfter, answer.path).toMatch(/^\d+$/);
      expect(answer.body, answer.path).toMatchObject({
        error: { code: 'store_unavailable', message: expect.stringMatching(/try again/i) },
      });
    }
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' }, whileStopped: true });
    expect(ready).toMatchObject({ status: 503, body: { error: { code: 'store_unavailable' } }, whileStopped: true });
    expect(ready.retryAfter).toMatch(/^\d+$/);

    for (const path of ['/api/ready', ...reads]) await until200(origin + path, server);
    expect(await (await fetch(`${origin}/api/ready`)).json()).toEqual({ status: 'ready' });
    expect(server.child.exitCode).toBeNull();
  }, 120_000);
});
