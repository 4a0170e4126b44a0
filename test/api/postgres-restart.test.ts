import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/src/store/database';
import { isStoreUnavailable } from '../../server/src/store/store-unavailable';
import { projectRoot } from '../helpers/app';
import { createPrivatePostgres, type PrivatePostgres, postgresBinDir } from '../helpers/private-postgres';
import { until200 } from '../helpers/server-process';

/**
 * PostgreSQL restarted under two app servers (DATABASE_URL), as a routine restart or an outage does it:
 * no server exits, requests meanwhile get 503 `store_unavailable` with Retry-After, and both answer again
 * by themselves once PostgreSQL is back. The instance is the test's own (initdb in a temporary folder,
 * loopback only), so it can be stopped without touching anyone else's.
 */
const binDir = postgresBinDir();
const folders: string[] = [];

type Server = { child: ChildProcess; origin: string; output: () => string };

function spawnServer(databaseUrl: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-pg-app-'));
  folders.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      BORDER_ATLAS_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

/** The server as `npm start` runs it against PostgreSQL; resolves once it listens. */
function startServer(databaseUrl: string): Promise<Server> {
  const { child, output } = spawnServer(databaseUrl);
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /Border Atlas on http:\/\/localhost:(\d+)/.exec(output());
      if (match) resolve({ child, origin: `http://127.0.0.1:${match[1]}`, output });
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output().slice(-600)}`)));
  });
}

/** Whether the process is still running (neither exited nor killed). */
const alive = (server: Server) => server.child.exitCode === null && server.child.signalCode === null;

describe.skipIf(!binDir)('PostgreSQL restarted under two app servers', () => {
  let postgres: PrivatePostgres | undefined;
  let servers: Server[] = [];

  beforeAll(async () => {
    postgres = await createPrivatePostgres(binDir as string);
    postgres.start();
    // Started together, as behind a load balancer (migrations and the seed are taken by one of them).
    servers = await Promise.all([startServer(postgres.url), startServer(postgres.url)]);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) {
      if (!alive(server)) continue;
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGKILL');
      await exited;
    }
    postgres?.remove();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('stopped: no server exits, every request meanwhile gets 503 with Retry-After, a server started meanwhile says why it cannot; started again: both answer by themselves', async () => {
    if (!postgres) throw new Error('no PostgreSQL instance');
    const paths = ['/api/view', '/api/features/huu-nghi', '/api/map/tiles.json'];
    for (const server of servers) for (const path of paths) expect((await fetch(server.origin + path)).status, path).toBe(200);

    postgres.stop();
    for (const server of servers) {
      for (const path of paths) {
        // Twice: the first may meet a connection PostgreSQL ended, the second finds none to open.
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const response = await fetch(server.origin + path);
          expect(response.status, `${path} during the outage`).toBe(503);
          expect(response.headers.get('retry-after'), path).toMatch(/^\d+$/);
          const body = await response.json();
          expect(body.error.code).toBe('store_unavailable');
          expect(body.error.message).toMatch(/try again/i);
        }
      }
    }

    // A server started while PostgreSQL is down refuses to, saying so (where it looked, no password).
    const late = spawnServer(postgres.url);
    const code = await new Promise((resolve) => late.child.once('exit', resolve));
    expect(code).toBe(1);
    expect(late.output()).toMatch(/Refusing to start: cannot reach PostgreSQL at postgresql:\/\/atlas@127\.0\.0\.1:\d+\/postgres/);

    postgres.start();
    for (const server of servers) for (const path of paths) await until200(server.origin + path, server);
    expect(servers.every(alive)).toBe(true);
  }, 120_000);

  it('restarted while the servers are idle (the ended connections are noticed, not kept): both answer again', async () => {
    if (!postgres) throw new Error('no PostgreSQL instance');
    postgres.restart();
    for (const server of servers) await until200(`${server.origin}/api/view`, server);
    for (const server of servers) expect((await fetch(`${server.origin}/api/features/huu-nghi`)).status).toBe(200);
    expect(servers.every(alive)).toBe(true);
  }, 120_000);

  it('a connection ended in the middle of a transaction fails that transaction as "unavailable" (never an unheard error), and the next gets a new connection', async () => {
    if (!postgres) throw new Error('no PostgreSQL instance');
    const db = await openPostgres(postgres.url);
    try {
      let inside = () => {};
      const started = new Promise<void>((resolve) => {
        inside = resolve;
      });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const outcome = db
        .transaction(async (tx) => {
          await tx.query('SELECT 1');
          inside();
          await held;
          await tx.query('SELECT 1');
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      await started;
      postgres.stop();
      // Let the ended connection be read while the transaction holds it (unheard, that 'error' would end the process).
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      const error = await outcome;
      expect(error).toBeInstanceOf(Error);
      expect(isStoreUnavailable(error), String(error)).toBe(true);
      postgres.start();
      expect(await db.transaction((tx) => tx.query<{ one: number }>('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
