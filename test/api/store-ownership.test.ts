import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '../../server/src/access/passwords';
import { readConfig } from '../../server/src/config';
import { loadRecord } from '../../server/src/record/load-record';
import { restoreStore } from '../../server/src/store/backup';
import { openStore } from '../../server/src/store/open-store';
import { acquireStoreLock } from '../../server/src/store/store-lock';
import { copyRecord } from '../helpers/app';
import { postTanThanhStep } from '../helpers/record-fixtures';
import { failedStart, runCommand, runCommandAsync, startServer } from '../helpers/server-process';

const PASSWORD = 'cửa khẩu Chi Ma 2026';
const temporary: string[] = [];
let template: string;

/** A data folder holding a copy of one seeded store (seeding takes ≈8 s; a copy of a closed store is a store). */
function dataFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'border-atlas-owner-'));
  temporary.push(dir);
  cpSync(join(template, 'store'), join(dir, 'store'), { recursive: true });
  return dir;
}

async function signIn(origin: string, username: string, password = PASSWORD) {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) return { status: response.status, headers: null };
  const cookie = String(response.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = await response.json();
  return { status: 200, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken as string } };
}

/** One status step through the API, as the feature panel sends it. */
const writeStep = postTanThanhStep;

const versionOf = async (origin: string) =>
  ((await (await fetch(`${origin}/api/features/tan-thanh-po-chai`)).json()) as { version: number }).version;

const addUser = (dataDir: string, username: string) =>
  runCommand('user-add.ts', [username, '--name', username], { BORDER_ATLAS_DATA_DIR: dataDir }, `${PASSWORD}\n`);

beforeAll(async () => {
  template = mkdtempSync(join(tmpdir(), 'border-atlas-owner-template-'));
  temporary.push(template);
  const config = readConfig({});
  // Seeded as the server seeds it (the curated files' digests noted), with the editor "lan".
  const db = await openStore({ dataDir: template, recordDir: config.recordDir, documentsDir: config.documentsDir }, () =>
    loadRecord(config),
  );
  await db.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ('lan', 'Lan', $1, 'editor')", [
    await hashPassword(PASSWORD),
  ]);
  await db.close();
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('one process owns an embedded store', () => {
  it('a second server on the same data folder refuses to start, naming the first; the first keeps every write', async () => {
    const dataDir = dataFolder();
    const first = await startServer({ BORDER_ATLAS_DATA_DIR: dataDir });
    try {
      const second = await failedStart({ BORDER_ATLAS_DATA_DIR: dataDir });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`Refusing to start: a Border Atlas server (pid ${first.child.pid}`);
      expect(second.output).toMatch(/stop that one first, or give this one another data folder/);
      // The first server still owns the store: its writes are all kept, and the version check still holds.
      const { headers } = await signIn(first.origin, 'lan');
      let version = await versionOf(first.origin);
      for (let i = 0; i < 5; i += 1) {
        const response = await writeStep(first.origin, headers ?? {}, version, `kept ${i}`);
        expect(response.status).toBe(201);
        version = ((await response.json()) as { version: number }).version;
      }
      expect((await writeStep(first.origin, headers ?? {}, version - 1, 'stale')).status).toBe(409);
    } finally {
      await first.stop();
    }
    // Stopped, the store holds them all, in order.
    const db = await openStore({ dataDir }, null);
    try {
      const notes = await db.query<{ note: string }>(
        "SELECT body ->> 'note' AS note FROM status_events WHERE body ->> 'note' LIKE 'kept %' ORDER BY seq",
      );
      expect(notes.map((row) => row.note)).toEqual([0, 1, 2, 3, 4].map((i) => `kept ${i}`));
    } finally {
      await db.close();
    }
  }, 120_000);

  it('a server whose port is taken stops before it touches the store', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = String((blocker.address() as { port: number }).port);
    const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-owner-'));
    temporary.push(dataDir);
    try {
      const { code, output } = await failedStart({ BORDER_ATLAS_DATA_DIR: dataDir, PORT: port });
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`cannot listen on port ${port}: .*EADDRINUSE`));
      expect(existsSync(join(dataDir, 'store'))).toBe(false);
      expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('a server refuses a store a command holds, naming the command', async () => {
    const dataDir = dataFolder();
    const lock = acquireStoreLock(dataDir, 'db:backup');
    try {
      const { code, output } = await failedStart({ BORDER_ATLAS_DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`the command db:backup (pid ${process.pid}`);
    } finally {
      lock.release();
    }
  }, 60_000);

  it('user:add, user:signout and user:remove act through the running server: an account works at once, a removed one at once stops', async () => {
    const dataDir = dataFolder();
    const server = await startServer({ BORDER_ATLAS_DATA_DIR: dataDir });
    try {
      const made = addUser(dataDir, 'minh');
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/editor "minh" \(minh\) can now sign in \(the running server's store/);
      const session = await signIn(server.origin, 'minh');
      expect(session.status).toBe(200);
      const me = async () =>
        ((await (await fetch(`${server.origin}/api/session`, { headers: session.headers ?? {} })).json()) as { user: unknown }).user;
      expect(await me()).not.toBeNull();
      expect(addUser(dataDir, 'minh').stderr).toMatch(/already a user "minh"/);

      const signout = runCommand('users.ts', ['signout', 'minh'], { BORDER_ATLAS_DATA_DIR: dataDir });
      expect(signout.stdout, signout.stderr).toMatch(/1 session\(s\) of "minh" ended/);
      expect(await me()).toBeNull();

      const again = await signIn(server.origin, 'minh');
      expect(again.status).toBe(200);
      const removed = runCommand('users.ts', ['remove', 'minh'], { BORDER_ATLAS_DATA_DIR: dataDir });
      expect(removed.stdout, removed.stderr).toMatch(/"minh" removed, 1 session\(s\) ended/);
      expect((await writeStep(server.origin, again.headers ?? {}, await versionOf(server.origin), 'after removal')).status).toBe(401);
      expect((await signIn(server.origin, 'minh')).status).toBe(401);
      const list = runCommand('users.ts', ['list'], { BORDER_ATLAS_DATA_DIR: dataDir });
      expect(list.stdout).not.toMatch(/minh/);
      // A restore never goes under a running server.
      const restore = runCommand('db.ts', ['restore', join(dataDir, 'none.json.gz')], { BORDER_ATLAS_DATA_DIR: dataDir });
      expect(restore.status).toBe(1);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('db:backup of a live server holds every write it acknowledged before, in one consistent snapshot', async () => {
    const dataDir = dataFolder();
    const server = await startServer({ BORDER_ATLAS_DATA_DIR: dataDir });
    const file = join(dataDir, 'live.json.gz');
    let acknowledgedBeforeBackup = 0;
    try {
      const { headers } = await signIn(server.origin, 'lan');
      let version = await versionOf(server.origin);
      const acknowledged: string[] = [];
      let backup: ReturnType<typeof runCommandAsync> | null = null;
      // Writes go on while the backup runs; the backup starts after the 5th acknowledged write.
      for (let i = 0; i < 20; i += 1) {
        const response = await writeStep(server.origin, headers ?? {}, version, `live ${i}`);
        expect(response.status).toBe(201);
        version = ((await response.json()) as { version: number }).version;
        acknowledged.push(`live ${i}`);
        if (i === 4) {
          acknowledgedBeforeBackup = acknowledged.length;
          backup = runCommandAsync('db.ts', ['backup', file], { BORDER_ATLAS_DATA_DIR: dataDir });
        }
      }
      const result = await backup;
      expect(result?.status, result?.stderr).toBe(0);
      expect(result?.stdout).toMatch(/db:backup: the running server's store/);
    } finally {
      await server.stop();
    }
    // Restored into a new store, the backup holds every write acknowledged before it began, as a prefix, each with its change-log entry.
    const restored = mkdtempSync(join(tmpdir(), 'border-atlas-owner-restored-'));
    temporary.push(restored);
    const db = await openStore({ dataDir: restored }, null);
    await restoreStore(db, readFileSync(file));
    try {
      const notes = (
        await db.query<{ note: string }>(
          "SELECT body ->> 'note' AS note FROM status_events WHERE feature_id = 'tan-thanh-po-chai' AND body ->> 'note' LIKE 'live %' ORDER BY seq",
        )
      ).map((row) => row.note);
      expect(notes.length).toBeGreaterThanOrEqual(acknowledgedBeforeBackup);
      expect(notes).toEqual(Array.from({ length: notes.length }, (_, i) => `live ${i}`));
      const [{ entries }] = await db.query<{ entries: string }>(
        "SELECT count(*)::text AS entries FROM changes WHERE entity_id = 'tan-thanh-po-chai' AND action = 'status_step'",
      );
      expect(Number(entries)).toBe(notes.length);
    } finally {
      await db.close();
    }
  }, 180_000);
});

describe('the embedded store as found on disk', () => {
  it('an existing but empty store folder (an unmounted volume) is refused, never seeded as a new record', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-owner-'));
    temporary.push(dataDir);
    mkdirSync(join(dataDir, 'store'));
    const { code, output } = await failedStart({ BORDER_ATLAS_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toMatch(/store exists but is empty\. If the store lives on a separate disk or volume, it is not mounted/);
    expect(readdirSync(join(dataDir, 'store'))).toEqual([]);
  }, 60_000);

  it('a damaged store is refused with what to do, not "undefined"', async () => {
    const dataDir = dataFolder();
    rmSync(join(dataDir, 'store', 'global', 'pg_control'));
    const { code, output } = await failedStart({ BORDER_ATLAS_DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toMatch(/Refusing to start: the embedded store in .*store is damaged and cannot be opened/);
    expect(output).toMatch(/restore the last backup into a new store \(npm run db:restore/);
    expect(output).not.toMatch(/Refusing to start: undefined/);
  }, 60_000);

  it('store files are readable by their owner only, however they were left', async () => {
    const dataDir = dataFolder();
    // As an earlier version left them: group- and world-readable.
    const loosen = (path: string) => {
      const stat = lstatSync(path);
      chmodSync(path, stat.isDirectory() ? 0o777 : 0o666);
      if (stat.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name));
    };
    loosen(join(dataDir, 'store'));
    const server = await startServer({ BORDER_ATLAS_DATA_DIR: dataDir });
    try {
      const { headers } = await signIn(server.origin, 'lan');
      expect((await writeStep(server.origin, headers ?? {}, await versionOf(server.origin), 'mode check')).status).toBe(201);
    } finally {
      await server.stop();
    }
    const open: string[] = [];
    const walk = (path: string) => {
      const stat = lstatSync(path);
      if ((stat.mode & 0o077) !== 0) open.push(`${path} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
    };
    walk(dataDir);
    expect(open).toEqual([]);
  }, 120_000);

  it('curated files edited after the first start are reported, with the way to apply them', async () => {
    const copy = copyRecord();
    temporary.push(join(copy.recordDir, '..', '..'));
    const dataDir = dataFolder();
    const location = { dataDir, recordDir: copy.recordDir, documentsDir: copy.documentsDir };
    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((message: string) => {
      warnings.push(message);
    });
    try {
      const open = async () => (await openStore(location, () => loadRecord(copy))).close();
      await open();
      expect(warnings).toEqual([]);
      const file = join(copy.recordDir, 'features.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"Chi Ma', '"Chi Ma (edited)'));
      await open();
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /The curated files changed after this store was seeded from them \(\d{4}-\d\d-\d\d\): record\/features\.json\./,
    );
    expect(warnings[0]).toMatch(/They are NOT applied/);
    expect(warnings[0]).toMatch(/git diff --no-index var\/export\/record geodata\/record/);
  }, 60_000);
});
