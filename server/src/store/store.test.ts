import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { readBriefingExamples } from '../briefings/briefing-store';
import { createStoreBriefingStore } from '../briefings/store-briefing-store';
import { readConfig } from '../config';
import { createFileRepository } from '../record/file-repository';
import { backupStore, restoreStore } from './backup';
import type { Database, Queryable } from './database';
import { recordFiles } from './export-record';
import { migrationFiles } from './migrate';
import { openStore } from './open-store';
import { changeRecord, raiseRevision, storeRevision } from './revision';
import { BRIEFING_EXAMPLES_ACTOR, BRIEFING_FILE_ACTOR } from './seed-briefings';
import { createStoreRepository, readRecord } from './store-repository';

const curated = loadRealRecord();
const recordDir = readConfig({}).recordDir;
const folders: string[] = [];

/**
 * The same tests against the embedded store and against a PostgreSQL server (TEST_DATABASE_URL, set by
 * scripts/test-all.sh after starting Debian's PostgreSQL): each run in a database of its own.
 */
type Handle = {
  open: (seeded?: boolean) => Promise<Database>;
  drop: () => Promise<void>;
  /** Where this store's deployment would have kept briefings before the store (briefing sources' `legacyFile`). */
  legacyFile: string;
};
const examplesDir = readConfig({}).briefingExamplesDir;
const examples = readBriefingExamples(examplesDir);
/** A folder of the deployment beside the store, for its old briefings.json. */
const deploymentDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'border-atlas-deployment-'));
  folders.push(dir);
  return dir;
};
const BACKENDS: { name: string; open: () => Promise<Handle> }[] = [
  {
    name: 'embedded (PGlite)',
    async open() {
      const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-store-'));
      folders.push(dataDir);
      const legacyFile = join(dataDir, 'briefings.json');
      return {
        open: (seeded = true) => openStore({ dataDir }, seeded ? () => curated : null, { examplesDir, legacyFile }),
        drop: async () => rmSync(dataDir, { recursive: true, force: true }),
        legacyFile,
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
      const legacyFile = join(deploymentDir(), 'briefings.json');
      return {
        legacyFile,
        open: (seeded = true) =>
          openStore({ databaseUrl: url.toString(), dataDir: '' }, seeded ? () => curated : null, { examplesDir, legacyFile }),
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

/** A change to the record as an edit makes one: the feature's note, its version raised, the change logged. */
async function noteOnHuuNghi(tx: Queryable, note: string) {
  await tx.query(
    `UPDATE features SET body = jsonb_set(body::jsonb, '{note}', to_jsonb($1::text))::json, version = version + 1 WHERE id = 'huu-nghi'`,
    [note],
  );
  await tx.query(
    `INSERT INTO changes (actor, entity, entity_id, action, reason) VALUES ('test', 'feature', 'huu-nghi', 'update', 'a test')`,
  );
}

/** The database with a count of what is asked of it (queries, statements, transactions). */
function countingQueries(db: Database) {
  let count = 0;
  const counted: Database = {
    kind: db.kind,
    query: <T>(sql: string, params?: unknown[]) => {
      count += 1;
      return db.query<T>(sql, params);
    },
    exec: (sql: string) => {
      count += 1;
      return db.exec(sql);
    },
    transaction: (work) => {
      count += 1;
      return db.transaction(work);
    },
    close: () => db.close(),
  };
  return { db: counted, queries: () => count };
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

  it('runs the statements a transaction sends together one after another, with no deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      const counts = await db.transaction((tx) =>
        Promise.all(Array.from({ length: 8 }, (_, i) => tx.query<{ n: number }>('SELECT $1::int AS n', [i]))),
      );
      expect(counts.map((rows) => rows[0].n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      // Node reports a deprecation on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((message) => /client\.query\(\) when the client is already executing/.test(message))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
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
    // Closed first: one process owns an embedded store (store-lock.ts), and reopens it after closing it.
    await db.close();
    db = await handle.open();
    const again = db;
    expect(await storeRevision(again)).toBe(revision);
    const migrations = await again.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(migrations.map((row) => row.name)).toEqual(migrationFiles());
    const [{ count }] = await again.query<{ count: string }>('SELECT count(*)::text AS count FROM features');
    expect(Number(count)).toBe(curated.features.length);
  }, 120_000);

  it('brings the example briefings in on first start, once: after reopening they are there once, each with its change-log entry', async () => {
    const briefings = createStoreBriefingStore(db);
    // As shipped, key order and all (json, not jsonb), in id order.
    expect(JSON.stringify(await briefings.list())).toBe(JSON.stringify([...examples].sort((a, b) => (a.id < b.id ? -1 : 1))));
    const seeded = async (store: Database) =>
      store.query<{ entity_id: string; action: string; actor: string }>(
        "SELECT entity_id, action, actor FROM changes WHERE entity = 'briefing' ORDER BY id",
      );
    const entries = await seeded(db);
    expect(entries).toEqual(examples.map((b) => ({ entity_id: b.id, action: 'seed', actor: BRIEFING_EXAMPLES_ACTOR })));
    const listed = await briefings.list();
    await db.close();
    db = await handle.open();
    const again = db;
    expect(await createStoreBriefingStore(again).list()).toEqual(listed);
    expect(await seeded(again)).toEqual(entries);
    const [{ count }] = await again.query<{ count: string }>('SELECT count(*)::text AS count FROM setup_steps');
    expect(Number(count)).toBe(1);
  }, 120_000);

  it('imports a deployment’s old briefings.json once, instead of the examples, and never seeds again once they are deleted', async () => {
    const target = await backend.open();
    const kept = { ...examples[1], id: 'kept-by-the-deployment', title: { vi: 'Giữ lại' } };
    writeFileSync(target.legacyFile, `${JSON.stringify([kept], null, 2)}\n`);
    let store = await target.open();
    try {
      const briefings = createStoreBriefingStore(store);
      expect(JSON.stringify(await briefings.list())).toBe(JSON.stringify([kept]));
      expect(await briefings.remove(kept.id, 'lan')).toBe(true);
      await store.close();
      store = await target.open();
      expect(await createStoreBriefingStore(store).list()).toEqual([]);
      const log = await store.query<{ action: string; actor: string; before: unknown; after: unknown }>(
        "SELECT action, actor, before, after FROM changes WHERE entity = 'briefing' ORDER BY id",
      );
      // The deleted briefing can still be read from the log.
      expect(log).toEqual([
        { action: 'import', actor: BRIEFING_FILE_ACTOR, before: null, after: kept },
        { action: 'delete', actor: 'lan', before: kept, after: null },
      ]);
      // The old file is left as it was.
      expect(JSON.parse(readFileSync(target.legacyFile, 'utf8'))).toEqual([kept]);
    } finally {
      await store.close();
      await target.drop();
    }
  }, 120_000);

  if (backend.name === 'PostgreSQL server') {
    it('seeds the briefings once when two servers start together', async () => {
      const target = await backend.open();
      const both = await Promise.all([target.open(), target.open()]);
      try {
        const [{ count }] = await both[0].query<{ count: string }>("SELECT count(*)::text AS count FROM changes WHERE entity = 'briefing'");
        expect(Number(count)).toBe(examples.length);
        expect(await createStoreBriefingStore(both[1]).list()).toHaveLength(examples.length);
      } finally {
        for (const store of both) await store.close();
        await target.drop();
      }
    }, 120_000);
  }

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
    // A briefing an editor changed: its body, its author and its change-log entry travel with the backup.
    const [example] = examples;
    await createStoreBriefingStore(db).replace({ ...example, title: { vi: 'Đã sửa' }, updatedAt: new Date().toISOString() }, 'lan');
    const briefingsBefore = JSON.stringify(await createStoreBriefingStore(db).list());
    const bytes = await backupStore(db);
    const target = await backend.open();
    let empty = await target.open(false);
    try {
      expect(await storeRevision(empty)).toBe(0);
      const counts = await restoreStore(empty, bytes);
      expect(counts.features).toBe(curated.features.length);
      expect(await readRecord(empty)).toEqual(await readRecord(db));
      // A restored record is a new revision: nothing cached from before it is read again.
      expect(await storeRevision(empty)).toBeGreaterThan(0);
      const rows = (store: Database, table: string, order: string) =>
        store.query(`SELECT to_json(t) AS row FROM ${table} t ORDER BY ${order}`);
      for (const [table, order] of [
        ['changes', 'id'],
        ['users', 'id'],
        ['status_events', 'seq'],
        ['briefings', 'id'],
        ['setup_steps', 'name'],
      ])
        expect(await rows(empty, table, order), table).toEqual(await rows(db, table, order));
      // The briefings as they were, key order and all, and the restored store, opened as the server opens it, seeds none again.
      expect(counts.briefings).toBe(examples.length);
      expect(JSON.stringify(await createStoreBriefingStore(empty).list())).toBe(briefingsBefore);
      await empty.close();
      empty = await target.open();
      expect(JSON.stringify(await createStoreBriefingStore(empty).list())).toBe(briefingsBefore);
      expect((await createStoreBriefingStore(empty).get(example.id))?.title).toEqual({ vi: 'Đã sửa' });
      const [{ updated_by }] = await empty.query<{ updated_by: string }>('SELECT updated_by FROM briefings WHERE id = $1', [example.id]);
      expect(updated_by).toBe('lan');
      // Sequences continue after the restored ids.
      const [{ id }] = await empty.query<{ id: string }>(
        "INSERT INTO changes (actor, entity, entity_id, action) VALUES ('test', 'record', 'x', 'note') RETURNING id::text AS id",
      );
      const [{ last }] = await db.query<{ last: string }>('SELECT max(id)::text AS last FROM changes');
      expect(Number(id)).toBe(Number(last) + 1);
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
    const version = (await store.featureVersion('huu-nghi')) as number;
    await changeRecord(db, (tx) => noteOnHuuNghi(tx, 'checked'));
    expect(await store.revision()).toBeGreaterThan(before);
    expect((await store.getFeature('huu-nghi'))?.note).toBe('checked');
    expect(await store.featureVersion('huu-nghi')).toBe(version + 1);
  });

  if (backend.name === 'embedded (PGlite)') {
    it('reads at an unchanged revision never touch the embedded store, nor wait behind a write; the write is seen by the next read', async () => {
      const { db: counted, queries } = countingQueries(db);
      const store = createStoreRepository(counted);
      const revision = await store.revision();
      await store.listFeatures();
      const before = queries();
      for (let i = 0; i < 3; i += 1) {
        await store.revision();
        const snapshot = await store.snapshot();
        await snapshot.listFeatures();
        await store.getFeature('huu-nghi');
        await store.stepRecords('huu-nghi');
        await store.featureVersion('huu-nghi');
        await store.listEventsByFeature();
      }
      expect(queries()).toBe(before);

      // A write holding the store (PGlite runs one thing at a time): a read meanwhile answers from memory,
      // with the record as it was. (The fallback only ends the write if a read does wait for it.)
      let inside = () => {};
      const started = new Promise<void>((resolve) => {
        inside = resolve;
      });
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const order: string[] = [];
      const write = changeRecord(counted, async (tx) => {
        inside();
        await held;
        await noteOnHuuNghi(tx, 'written while read');
      });
      await started;
      const fallback = setTimeout(() => {
        order.push('write released without the read');
        release();
      }, 5_000);
      const during = await store.getFeature('huu-nghi');
      order.push('read during the write');
      clearTimeout(fallback);
      release();
      await write;
      expect(order).toEqual(['read during the write']);
      expect(during?.note).not.toBe('written while read');
      expect(queries()).toBe(before + 1); // the write's transaction, nothing for the read
      expect(await store.revision()).toBe(revision + 1);
      expect((await store.getFeature('huu-nghi'))?.note).toBe('written while read');
    });
  }

  if (backend.name === 'PostgreSQL server') {
    it('two servers on one PostgreSQL follow each other’s writes (each read asks the revision)', async () => {
      const other = await handle.open();
      try {
        const theirs = createStoreRepository(other);
        const revision = await theirs.revision();
        expect((await theirs.getFeature('huu-nghi'))?.note).not.toBe('from the first server');
        await changeRecord(db, (tx) => noteOnHuuNghi(tx, 'from the first server'));
        expect(await theirs.revision()).toBe(revision + 1);
        expect((await theirs.getFeature('huu-nghi'))?.note).toBe('from the first server');
        await changeRecord(other, (tx) => noteOnHuuNghi(tx, 'from the second server'));
        expect((await createStoreRepository(db).getFeature('huu-nghi'))?.note).toBe('from the second server');
      } finally {
        await other.close();
      }
    }, 120_000);
  }

  it('writers raise the revision in the order they commit (a later write never hides an earlier one)', async () => {
    const start = await storeRevision(db);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first writer raises the revision and holds its transaction open; the second must wait for it.
    const first = db.transaction(async (tx) => {
      await raiseRevision(tx);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    let secondDone = false;
    const second = db
      .transaction(async (tx) => {
        await raiseRevision(tx);
      })
      .then(() => {
        secondDone = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(await storeRevision(db)).toBe(start + 2);
  });
});
