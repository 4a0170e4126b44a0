import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { readConfig } from '../config';
import { createFileRepository } from '../record/file-repository';
import { backupStore, restoreStore } from './backup';
import type { Database } from './database';
import { recordFiles } from './export-record';
import { migrationFiles } from './migrate';
import { openStore } from './open-store';
import { createStoreRepository, readRecord, storeRevision } from './store-repository';

const curated = loadRealRecord();
const recordDir = readConfig({}).recordDir;
const folders: string[] = [];

/**
 * The same tests against the embedded store and against a PostgreSQL server (TEST_DATABASE_URL, set by
 * scripts/test-all.sh after starting Debian's PostgreSQL): each run in a database of its own.
 */
type Handle = { open: (seeded?: boolean) => Promise<Database>; drop: () => Promise<void> };
const BACKENDS: { name: string; open: () => Promise<Handle> }[] = [
  {
    name: 'embedded (PGlite)',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-store-'));
      folders.push(dataDir);
      return {
        open: (seeded = true) => openStore({ dataDir }, seeded ? () => curated : null),
        drop: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
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
        open: (seeded = true) => openStore({ databaseUrl: url.toString(), dataDir: '' }, seeded ? () => curated : null),
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
  let handle: Handle;
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
    // Exported in geodata/record's layout, the store's record is the curated files, byte for byte.
    const exported = recordFiles(await readRecord(db));
    expect(exported.size).toBeGreaterThan(10);
    for (const [path, content] of exported) expect(content, path).toBe(readFileSync(join(recordDir, path), 'utf8'));
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

  it('backs up everything and restores it into an empty store, which takes new writes; never into one that holds a record', async () => {
    await db.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ('lan', 'Lan', 'scrypt$1$1$1$x$y', 'editor')");
    const bytes = await backupStore(db);
    const target = await backend.open();
    const empty = await target.open(false);
    try {
      expect(await storeRevision(empty)).toBe(0);
      const counts = await restoreStore(empty, bytes);
      expect(counts.features).toBe(curated.features.length);
      expect(await readRecord(empty)).toEqual(await readRecord(db));
      expect(await storeRevision(empty)).toBe(await storeRevision(db));
      const rows = (store: Database, table: string, order: string) =>
        store.query(`SELECT to_json(t) AS row FROM ${table} t ORDER BY ${order}`);
      for (const [table, order] of [
        ['changes', 'id'],
        ['users', 'id'],
        ['status_events', 'seq'],
      ])
        expect(await rows(empty, table, order), table).toEqual(await rows(db, table, order));
      // Sequences continue after the restored ids.
      const [{ id }] = await empty.query<{ id: string }>(
        "INSERT INTO changes (actor, entity, entity_id, action) VALUES ('test', 'record', 'x', 'note') RETURNING id::text AS id",
      );
      expect(Number(id)).toBe((await storeRevision(db)) + 1);
      // Never over a record, and never from something that is not a backup: nothing changes either way.
      const revision = await storeRevision(db);
      await expect(restoreStore(db, bytes)).rejects.toThrow(/not empty/);
      await expect(restoreStore(empty, Buffer.from('not a backup'))).rejects.toThrow(/not a Border Atlas backup/);
      expect(await storeRevision(db)).toBe(revision);
    } finally {
      await empty.close();
      await target.drop();
    }
  }, 120_000);

  it('a write makes every reader see the new revision and the new record', async () => {
    const store = createStoreRepository(db);
    const before = await store.revision();
    await db.transaction(async (tx) => {
      await tx.query(
        `UPDATE features SET body = jsonb_set(body::jsonb, '{note}', '"checked"')::json, version = version + 1 WHERE id = 'huu-nghi'`,
      );
      await tx.query(
        `INSERT INTO changes (actor, entity, entity_id, action, reason) VALUES ('test', 'feature', 'huu-nghi', 'update', 'a test')`,
      );
    });
    expect(await store.revision()).toBeGreaterThan(before);
    expect((await store.getFeature('huu-nghi'))?.note).toBe('checked');
  });
});
