import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { loadRecord } from '../../server/src/record/load-record';
import { openStore } from '../../server/src/store/open-store';
import { projectRoot } from '../helpers/app';
import { startServer } from '../helpers/server-process';

/**
 * What `docker stop`, a supervisor or Ctrl-C does to `npm start`: a signal to the npm process (or to its
 * process group) stops the server behind it — no process of the tree left holding the port and the store.
 */

const temporary: string[] = [];
let template: string;

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'border-atlas-signal-template-'));
  temporary.push(template);
  const config = readConfig({});
  const db = await openStore({ dataDir: template, recordDir: config.recordDir, documentsDir: config.documentsDir }, () =>
    loadRecord(config),
  );
  await db.close();
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A data folder holding a copy of the seeded store, or none (a first start seeds it). */
function dataFolder({ seeded = true } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'border-atlas-signal-'));
  temporary.push(dir);
  if (seeded) cpSync(join(template, 'store'), join(dir, 'store'), { recursive: true });
  return dir;
}

/** Every process of this machine with its parent and state (Linux /proc). */
function processTable(): Map<number, { ppid: number; state: string }> {
  const table = new Map<number, { ppid: number; state: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // After the command name (which may hold spaces and parentheses): state, ppid, …
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(ppid), state: state ?? '' });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** `root` and every process below it. */
function treeOf(root: number): number[] {
  const table = processTable();
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) {
    for (const [pid, { ppid }] of table) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Still running: present and not a zombie (an exited process its parent has not yet reaped holds nothing). */
const running = (pid: number) => {
  const entry = processTable().get(pid);
  return entry !== undefined && entry.state !== 'Z';
};

/** `npm start` as an operator runs it, in a process group of its own; resolves once the server listens. */
function npmStart(
  dataDir: string,
  ready = /Border Atlas on http:\/\/localhost:(\d+)/,
): Promise<{ npm: ChildProcess; port: number; output: () => string }> {
  const npm = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BORDER_ATLAS_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) resolve({ npm, port: Number(match[1]), output: () => output });
    };
    npm.stdout?.on('data', collect);
    npm.stderr?.on('data', collect);
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${output}`)));
  });
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function until(condition: () => boolean, timeout = 60_000) {
  const end = Date.now() + timeout;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('a signal to npm start stops the server', () => {
  it.each([
    ['SIGTERM', 'the npm process (docker stop, a supervisor)'],
    ['SIGINT', 'the npm process'],
    ['SIGINT', 'its process group (Ctrl-C in a terminal)'],
    ['SIGTERM', 'its process group'],
  ] as const)(
    '%s to %s: no process of the tree is left, the port is free, the store can be opened again',
    async (signal, target) => {
      const dataDir = dataFolder();
      const { npm, port, output } = await npmStart(dataDir);
      const tree = treeOf(npm.pid as number);
      try {
        // The server holding the store is in the tree (its pid is in the lock).
        const owner = JSON.parse(readFileSync(join(dataDir, 'store.lock'), 'utf8')) as { pid: number };
        expect(tree).toContain(owner.pid);

        process.kill(target.startsWith('its process group') ? -(npm.pid as number) : (npm.pid as number), signal);
        await until(() => tree.every((pid) => !running(pid)));
        expect(
          tree.filter(running).map((pid) => `${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')}`),
          output(),
        ).toEqual([]);
        expect(await portIsFree(port)).toBe(true);
        // The lock was released (not merely left behind by a dead owner), and a new server opens the store.
        expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
        const again = await startServer({ BORDER_ATLAS_DATA_DIR: dataDir });
        await again.stop();
      } finally {
        for (const pid of tree) if (running(pid)) process.kill(pid, 'SIGKILL');
      }
    },
    120_000,
  );

  it('SIGTERM while the store is being made (a first start seeds it): the server stops once it is open, leaving a whole store', async () => {
    const dataDir = dataFolder({ seeded: false });
    // The port is bound before the store is opened: the server answers "starting" (503) meanwhile.
    const { npm, output } = await npmStart(dataDir, /> NODE_ENV|> .*server\/src\/main\.ts/);
    const tree: number[] = [];
    try {
      await until(() => existsSync(join(dataDir, 'store.lock')));
      expect(output()).not.toMatch(/Border Atlas on/);
      tree.push(...treeOf(npm.pid as number));
      process.kill(npm.pid as number, 'SIGTERM');
      await until(() => tree.every((pid) => !running(pid)));
      expect(tree.filter(running), output()).toEqual([]);
      expect(output()).toMatch(/Stopping once the store is open/);
      expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
      // The store was seeded whole: the next start finds every feature.
      const again = await startServer({ BORDER_ATLAS_DATA_DIR: dataDir });
      await again.stop();
      expect(again.output()).toMatch(/Border Atlas on http:\/\/localhost:\d+ — 76 features/);
    } finally {
      for (const pid of tree) if (running(pid)) process.kill(pid, 'SIGKILL');
    }
  }, 120_000);
});
