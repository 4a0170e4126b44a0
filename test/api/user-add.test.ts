import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import { readConfig } from '../../server/src/config';
import { loadRecord } from '../../server/src/record/load-record';
import { openStore } from '../../server/src/store/open-store';
import { createStoreRepository } from '../../server/src/store/store-repository';
import { projectRoot } from '../helpers/app';

const userAdd = (dataDir: string, args: string[], password: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'user-add.ts'), ...args], {
    cwd: projectRoot,
    input: `${password}\n`,
    env: { ...process.env, BORDER_ATLAS_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

describe('npm run user:add (the only way to make an account)', () => {
  it('makes an editor who can then sign in; refuses a short password and a name already taken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-users-'));
    const made = userAdd(dataDir, ['lan', '--name', 'Nguyễn Thị Lan'], 'sông Kỳ Cùng 2026');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/editor "lan" \(Nguyễn Thị Lan\) can now sign in/);
    const short = userAdd(dataDir, ['minh'], 'short');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const again = userAdd(dataDir, ['lan'], 'another long password');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already a user "lan"/);

    const config = readConfig({});
    const db = await openStore({ dataDir }, () => loadRecord(config));
    try {
      const app = createApp({ repository: createStoreRepository(db), store: db });
      expect((await request(app).post('/api/session').send({ username: 'lan', password: 'sông Kỳ Cùng 2026' })).status).toBe(200);
      expect((await request(app).post('/api/session').send({ username: 'minh', password: 'short' })).status).toBe(401);
      const [user] = await db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'lan'");
      expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(user.password_hash).not.toContain('Kỳ Cùng');
    } finally {
      await db.close();
    }
  }, 120_000);
});
