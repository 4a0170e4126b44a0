/**
 * The careless admin's attacks on the embedded store (issue 15), replayed and counted:
 *   - two `npm start` on one data folder, 40 writes sent to whichever accepts them;
 *   - `npm run user:add` while the server runs, then signing in with each account at once;
 *   - `npm run db:backup` during a burst of writes: how many acknowledged writes the backup holds.
 * Loopback only. `npx tsx bench/ownership-attacks.ts` prints the figures as JSON; npm run bench -- --attacks merges them.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../server/src/access/passwords';
import { readConfig } from '../server/src/config';
import { loadRecord } from '../server/src/record/load-record';
import { restoreStore } from '../server/src/store/backup';
import { openStore } from '../server/src/store/open-store';
import { postTanThanhStep } from '../test/helpers/record-fixtures';
import { failedStart, runCommandAsync, startServer } from '../test/helpers/server-process';

const PASSWORD = 'cửa khẩu Chi Ma 2026';

export type OwnershipAttackResult = {
  twoServers: { secondServerStarted: boolean; refusal: string; acknowledged: number; stored: number };
  userAddWhileRunning: { added: number; signInWorked: number };
  liveBackup: { acknowledgedBeforeBackup: number; inBackup: number; acknowledgedInAll: number };
};

async function signIn(origin: string, username: string) {
  const response = await fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) return null;
  const { csrfToken } = await response.json();
  return { Cookie: String(response.headers.get('set-cookie')).split(';')[0], 'X-CSRF-Token': csrfToken as string };
}

async function write(origin: string, headers: Record<string, string>, note: string): Promise<boolean> {
  const { version } = (await (await fetch(`${origin}/api/features/tan-thanh-po-chai`)).json()) as { version: number };
  return (await postTanThanhStep(origin, headers, version, note)).status === 201;
}

async function storedNotes(dataDir: string, prefix: string): Promise<string[]> {
  const db = await openStore({ dataDir }, null);
  try {
    return (
      await db.query<{ note: string }>("SELECT body ->> 'note' AS note FROM status_events WHERE body ->> 'note' LIKE $1 ORDER BY seq", [
        `${prefix}%`,
      ])
    ).map((row) => row.note);
  } finally {
    await db.close();
  }
}

export async function measureOwnershipAttacks(): Promise<OwnershipAttackResult> {
  const folders: string[] = [];
  const template = mkdtempSync(join(tmpdir(), 'border-atlas-attack-'));
  folders.push(template);
  const seed = await openStore({ dataDir: template }, () => loadRecord(readConfig({})));
  await seed.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ('lan', 'Lan', $1, 'editor')", [
    await hashPassword(PASSWORD),
  ]);
  await seed.close();
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'border-atlas-attack-'));
    folders.push(dir);
    cpSync(join(template, 'store'), join(dir, 'store'), { recursive: true });
    return dir;
  };
  try {
    // 1. Two servers on one folder.
    const shared = folder();
    const first = await startServer({ BORDER_ATLAS_DATA_DIR: shared });
    let secondServerStarted = false;
    let refusal = '';
    const origins = [first.origin];
    let second: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      second = await startServer({ BORDER_ATLAS_DATA_DIR: shared });
      secondServerStarted = true;
      origins.push(second.origin);
    } catch {
      refusal = (await failedStart({ BORDER_ATLAS_DATA_DIR: shared })).output.trim().split('\n')[0];
    }
    let acknowledged = 0;
    const sessions = await Promise.all(origins.map((origin) => signIn(origin, 'lan')));
    for (let i = 0; i < 40; i += 1) {
      const at = i % origins.length;
      if (await write(origins[at], sessions[at] ?? {}, `two ${i}`)) acknowledged += 1;
    }
    await second?.stop();
    await first.stop();
    const stored = (await storedNotes(shared, 'two ')).length;

    // 2. user:add while the server runs.
    const running = folder();
    const server = await startServer({ BORDER_ATLAS_DATA_DIR: running });
    let added = 0;
    let signInWorked = 0;
    try {
      for (let i = 0; i < 5; i += 1) {
        const child = runCommandAsync('user-add.ts', [`user${i}`], { BORDER_ATLAS_DATA_DIR: running }, `${PASSWORD}\n`);
        if ((await child).status === 0) added += 1;
        if (await signIn(server.origin, `user${i}`)) signInWorked += 1;
      }
    } finally {
      await server.stop();
    }

    // 3. db:backup during a burst of writes.
    const live = folder();
    const busy = await startServer({ BORDER_ATLAS_DATA_DIR: live });
    const file = join(live, 'live.json.gz');
    let acknowledgedBeforeBackup = 0;
    let acknowledgedInAll = 0;
    try {
      const headers = (await signIn(busy.origin, 'lan')) ?? {};
      let backup: ReturnType<typeof runCommandAsync> | null = null;
      let done = false;
      for (let i = 0; !done; i += 1) {
        if (await write(busy.origin, headers, `live ${i}`)) acknowledgedInAll += 1;
        if (i === 20) {
          acknowledgedBeforeBackup = acknowledgedInAll;
          backup = runCommandAsync('db.ts', ['backup', file], { BORDER_ATLAS_DATA_DIR: live });
          void backup.then(() => {
            done = true;
          });
        }
      }
    } finally {
      await busy.stop();
    }
    const restored = mkdtempSync(join(tmpdir(), 'border-atlas-attack-'));
    folders.push(restored);
    const db = await openStore({ dataDir: restored }, null);
    await restoreStore(db, readFileSync(file));
    await db.close();
    const inBackup = (await storedNotes(restored, 'live ')).length;
    return {
      twoServers: { secondServerStarted, refusal, acknowledged, stored },
      userAddWhileRunning: { added, signInWorked },
      liveBackup: { acknowledgedBeforeBackup, inBackup, acknowledgedInAll },
    };
  } finally {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureOwnershipAttacks(), null, 2));
}
