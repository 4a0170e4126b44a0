import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { createFileRepository } from '../record/file-repository';
import type { Database } from './database';
import { migrationFiles } from './migrate';
import { openStore } from './open-store';
import { createStoreRepository, storeRevision } from './store-repository';

const curated = loadRealRecord();
const folders: string[] = [];

/**
 * The same tests against the embedded store and against a PostgreSQL server (TEST_DATABASE_URL, set by
 * scripts/test-all.sh after starting Debian's PostgreSQL): each run in a database of its own.
 */
const BACKENDS: { name: string; open: () => Promise<{ open: () => Promise<Database>; drop: () => Promise<void> }> }[] = [
  {
    name: 'embedded (PGlite)',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-store-'));
      folders.push(dataDir);
      return { open: () => openStore({ dataDir }, () => curated), drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
];
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  BACKENDS.push({
    name: 'PostgreSQL server',
    async open() {
      const name = `border_atlas_test_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return {
        open: () => openStore({ databaseUrl: url.toString(), dataDir: '' }, () => curated),
        async drop() {
          const client = new pg.Client({ connectionString: serverUrl });
          await client.connect();
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await client.end();
        },
      };
    },
  });
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe.each(BACKENDS)('the record store: $name', (backend) => {
  let handle: Awaited<ReturnType<(typeof BACKENDS)[number]['open']>>;
  let db: Database;
  beforeAll(async () => {
    handle = await backend.open();
    db = await handle.open();
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await handle?.drop();
  });

  it('is seeded on first start with exactly the curated record, in its order', async () => {
    const store = createStoreRepository(db);
    const files = createFileRepository(curated);
    expect(await store.listAgreements()).toEqual(await files.listAgreements());
    for (const agreement of curated.agreements)
      expect(await store.listClauses(agreement.id), agreement.id).toEqual(await files.listClauses(agreement.id));
    expect(await store.listProvinces()).toEqual(await files.listProvinces());
    expect(await store.listFeatures()).toEqual(await files.listFeatures());
    expect(new Map(await store.listEventsByFeature())).toEqual(new Map(await files.listEventsByFeature()));
    expect(await store.getFeature('huu-nghi')).toEqual(await files.getFeature('huu-nghi'));
    expect(await store.revision()).toBeGreaterThan(0);
    const [seed] = await db.query<{ actor: string; action: string }>('SELECT actor, action FROM changes ORDER BY id');
    expect(seed).toMatchObject({ action: 'seed' });
  });

  it('opened again, applies no migration twice and seeds nothing twice', async () => {
    const revision = await storeRevision(db);
    const again = await handle.open();
    try {
      expect(await storeRevision(again)).toBe(revision);
      const migrations = await again.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(migrations.map((row) => row.name)).toEqual(migrationFiles());
      const [{ count }] = await again.query<{ count: string }>('SELECT count(*)::text AS count FROM features');
      expect(Number(count)).toBe(curated.features.length);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('refuses to change or remove a status step or a change entry: history is appended to, never rewritten', async () => {
    await expect(
      db.query(`UPDATE status_events SET recorded_by = 'someone' WHERE seq = (SELECT min(seq) FROM status_events)`),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM status_events')).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM changes')).rejects.toThrow(/append-only/);
    const [{ count }] = await db.query<{ count: string }>('SELECT count(*)::text AS count FROM status_events');
    expect(Number(count)).toBe(curated.events.length);
  });

  it('keeps nothing of a transaction that fails half-way', async () => {
    const revision = await storeRevision(db);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO changes (actor, entity, entity_id, action) VALUES ('test', 'feature', 'huu-nghi', 'note')`);
        throw new Error('stopped half-way');
      }),
    ).rejects.toThrow('stopped half-way');
    expect(await storeRevision(db)).toBe(revision);
  });

  it('a write makes every reader see the new revision and the new record', async () => {
    const store = createStoreRepository(db);
    const before = await store.revision();
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE features SET body = jsonb_set(body, '{note}', '"checked"'), version = version + 1 WHERE id = 'huu-nghi'`);
      await tx.query(
        `INSERT INTO changes (actor, entity, entity_id, action, reason) VALUES ('test', 'feature', 'huu-nghi', 'update', 'a test')`,
      );
    });
    expect(await store.revision()).toBeGreaterThan(before);
    expect((await store.getFeature('huu-nghi'))?.note).toBe('checked');
  });
});
