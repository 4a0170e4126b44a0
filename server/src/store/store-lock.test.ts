import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPgliteCreating } from './database';
import { acquireStoreLock, StoreLockedError } from './store-lock';

const folders: string[] = [];
const dataFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'border-atlas-lock-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('the store lock after a power cut, a crash or a recreated container', () => {
  it.each([
    ['empty (a power cut while writing it)', ''],
    ['cut off', '{"pid": 12'],
    ['naming no process', JSON.stringify({ pid: -1, host: hostname(), processStart: null, role: 'server', since: 'x' })],
    ['naming pid 0', JSON.stringify({ pid: 0, host: hostname(), processStart: null, role: 'server', since: 'x' })],
  ])('a lock file %s is taken over, not refused', (_case, content) => {
    const data = dataFolder();
    writeFileSync(join(data, 'store.lock'), content);
    const lock = acquireStoreLock(data, 'test');
    lock.release();
    expect(existsSync(join(data, 'store.lock'))).toBe(false);
  });

  it('a lock written on another host is refused with what to do: its host, that it cannot be checked, how to take over', () => {
    const data = dataFolder();
    const lockFile = join(data, 'store.lock');
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: 4242, host: 'old-container-7f3a', processStart: null, role: 'server', since: '2026-12-01' }),
    );
    let refused: unknown;
    try {
      acquireStoreLock(data, 'test');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StoreLockedError);
    const message = (refused as Error).message;
    expect(message).toContain('"old-container-7f3a"');
    expect(message).toContain('cannot be checked from here');
    expect(message).toContain(`delete ${lockFile}`);
  });

  it('a half-made store left by a process killed during the first start is removed by the next start', async () => {
    const data = dataFolder();
    const abandoned = join(data, 'store.making-999999999');
    mkdirSync(abandoned);
    writeFileSync(join(abandoned, 'PG_VERSION'), '17');
    const lock = acquireStoreLock(data, 'test');
    try {
      const db = await openPgliteCreating(join(data, 'store'), async () => undefined);
      await db.close();
    } finally {
      lock.release();
    }
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(join(data, 'store'))).toBe(true);
  }, 60_000);
});
