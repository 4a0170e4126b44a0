import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { projectRoot } from '../helpers/app';

const db = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join('scripts', 'db.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, BORDER_ATLAS_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

const jsonFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory()
      ? jsonFiles(join(dir, name), `${prefix}${name}/`)
      : name.endsWith('.json')
        ? [`${prefix}${name}`]
        : [],
  );

describe('npm run db:backup, db:restore, db:export', () => {
  it('back up one store, restore it into a new one (never over a record), and export it as the curated files', () => {
    const first = mkdtempSync(join(tmpdir(), 'border-atlas-db-a-'));
    const second = mkdtempSync(join(tmpdir(), 'border-atlas-db-b-'));
    const file = join(first, 'backup.json.gz');
    const backup = db(first, ['backup', file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const over = db(first, ['restore', file]);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/not empty/);

    const restore = db(second, ['restore', file]);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/\d+ features/);

    const to = join(second, 'exported');
    const exported = db(second, ['export', '--to', to]);
    expect(exported.status, exported.stderr).toBe(0);
    const recordDir = readConfig({}).recordDir;
    const files = jsonFiles(to);
    expect(files.length).toBeGreaterThan(10);
    for (const path of files) expect(readFileSync(join(to, path), 'utf8'), path).toBe(readFileSync(join(recordDir, path), 'utf8'));
    // Every curated file the store holds was written.
    for (const path of ['agreements.json', 'features.json', 'provinces.json', 'clauses/003.json', 'status-events/004.json'])
      expect(existsSync(join(to, path)), path).toBe(true);
  }, 180_000);
});
