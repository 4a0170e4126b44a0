import { gunzipSync, gzipSync } from 'node:zlib';
import type { Database } from './database';

/**
 * The tables a backup holds, in an order their references allow. Sessions and known browsers are left out: a restore
 * signs everyone out, and every browser signs in once more as a stranger's (access/known-browsers.ts).
 */
const BACKED_UP_TABLES = [
  'agreements',
  'clauses',
  'provinces',
  'features',
  'status_events',
  'changes',
  'users',
  'documents',
  'briefings',
  'setup_steps',
] as const;
const ORDER: Record<(typeof BACKED_UP_TABLES)[number], string> = {
  agreements: 'position',
  clauses: 'position',
  provinces: 'position',
  features: 'position',
  status_events: 'seq',
  changes: 'id',
  users: 'id',
  documents: 'imported_at, file_name',
  briefings: 'id',
  setup_steps: 'name',
};
/** Tables whose ids come from a sequence, set past the restored ids. */
const SERIAL: Partial<Record<(typeof BACKED_UP_TABLES)[number], string>> = { status_events: 'seq', changes: 'id', users: 'id' };

const BACKUP_FORMAT = 'border-atlas-store-backup';

type Backup = { format: typeof BACKUP_FORMAT; version: 1; made: string; migrations: string[]; tables: Record<string, unknown[]> };

/**
 * Every row of the store's tables — the record, its whole history, the accounts and the briefings — as gzipped JSON:
 * the same for the embedded store and PostgreSQL, so a backup of one restores into the other.
 */
export async function backupStore(db: Database): Promise<Buffer> {
  const backup: Backup = { format: BACKUP_FORMAT, version: 1, made: new Date().toISOString(), migrations: [], tables: {} };
  await db.transaction(async (tx) => {
    // One snapshot: writes made meanwhile are either wholly in it or not at all.
    backup.migrations = (await tx.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((row) => row.name);
    for (const table of BACKED_UP_TABLES) {
      backup.tables[table] = (await tx.query<{ row: unknown }>(`SELECT to_json(t) AS row FROM ${table} t ORDER BY ${ORDER[table]}`)).map(
        (row) => row.row,
      );
    }
  });
  return gzipSync(JSON.stringify(backup));
}

/**
 * Restores a backup into an empty store (migrated, not seeded), in one transaction: refused, with
 * nothing written, when the store already holds a record or the backup is not one of ours.
 */
export async function restoreStore(db: Database, file: Buffer): Promise<Record<string, number>> {
  let backup: Backup;
  try {
    backup = JSON.parse(gunzipSync(file).toString('utf8'));
  } catch {
    throw new Error('not a Border Atlas backup (expected gzipped JSON from npm run db:backup)');
  }
  if (backup?.format !== BACKUP_FORMAT || backup.version !== 1 || typeof backup.tables !== 'object') {
    throw new Error('not a Border Atlas backup (unknown format)');
  }
  return db.transaction(async (tx) => {
    const known = (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name);
    const missing = backup.migrations.filter((name) => !known.includes(name));
    if (missing.length > 0) throw new Error(`the backup is from a newer version (migrations ${missing.join(', ')}): update the app first`);
    for (const table of ['agreements', 'changes', 'users', 'briefings']) {
      if ((await tx.query(`SELECT 1 FROM ${table} LIMIT 1`)).length > 0) {
        throw new Error(`the store is not empty (table ${table} has rows): restore into a new store, nothing was changed`);
      }
    }
    const counts: Record<string, number> = {};
    for (const table of BACKED_UP_TABLES) {
      const rows = backup.tables[table] ?? [];
      counts[table] = rows.length;
      if (rows.length === 0) continue;
      await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
      const serial = SERIAL[table];
      if (serial) {
        await tx.query(`SELECT setval(pg_get_serial_sequence('${table}', '${serial}'), (SELECT max(${serial}) FROM ${table}))`);
      }
    }
    // What the restore brought is a new record: its revision moves on past the backup's.
    await tx.query('UPDATE record_revision SET revision = revision + 1 + (SELECT coalesce(max(id), 0) FROM changes)');
    return counts;
  });
}
