import { join } from 'node:path';
import type { LoadedRecord, RecordLocation } from '../record/load-record';
import { checkCuratedFiles } from './curated-fingerprint';
import { type Database, openPgliteCreating, openPostgres } from './database';
import { migrate } from './migrate';
import { seedIfEmpty } from './seed';
import { type BriefingSources, seedBriefingsOnce } from './seed-briefings';
import { acquireStoreLock } from './store-lock';

export type StoreLocation = {
  /** PostgreSQL server; when absent, the embedded store in `dataDir`. */
  databaseUrl?: string;
  /** Where the embedded store keeps its folder (`store/`) and its lock (`store.lock`). */
  dataDir: string;
  /** Who opens the embedded store, named in its lock for whoever finds it taken (`server`, `db:backup`…). */
  owner?: string;
  /** The curated files the store is seeded from: given, a change to them after seeding is reported (curated-fingerprint.ts). */
  recordDir?: string;
  documentsDir?: string;
  /**
   * PostgreSQL: the bound on each statement of the opened store, for the server's requests (database.ts
   * openPostgres). Setup (migrations, seed) is never bounded; omitted (admin commands), nothing is.
   */
  requestTimeoutMs?: number;
};

/**
 * Opens the record's store — PostgreSQL when a URL is given, else the embedded PGlite folder, made on
 * first start and locked for this process until closed (store-lock.ts) — brings its schema up to date
 * and, when empty, seeds it with the curated record; with `briefings`, brings briefings in once
 * (seed-briefings.ts).
 */
export async function openStore(
  location: StoreLocation,
  curated: (() => LoadedRecord) | null,
  briefings?: BriefingSources,
): Promise<Database> {
  const { databaseUrl, dataDir } = location;
  const files: RecordLocation | null =
    location.recordDir && location.documentsDir ? { recordDir: location.recordDir, documentsDir: location.documentsDir } : null;
  // `curated` null: an empty store stays empty (a restore fills it), briefings too.
  const prepare = async (db: Database) => {
    await migrate(db);
    const empty = (await db.query('SELECT 1 FROM agreements LIMIT 1')).length === 0;
    const seeding = empty && curated !== null;
    if (seeding) await seedIfEmpty(db, curated());
    if (curated && briefings) await seedBriefingsOnce(db, briefings);
    if (curated && files && !(empty && !seeding)) {
      const notice = await checkCuratedFiles(db, files, seeding);
      if (notice) console.warn(`Warning: ${notice}`);
    }
  };
  if (databaseUrl) {
    // Setup may wait for another server's migrations or seed (SETUP_LOCK), and a migration takes what it takes:
    // it runs without the requests' bound, on connections closed before the bounded ones serve.
    const setup = await openPostgres(databaseUrl);
    try {
      await prepare(setup);
    } catch (error) {
      await setup.close();
      throw error;
    }
    if (location.requestTimeoutMs === undefined) return setup;
    await setup.close();
    return openPostgres(databaseUrl, { statementTimeoutMs: location.requestTimeoutMs });
  }
  const lock = acquireStoreLock(dataDir, location.owner ?? process.env.npm_lifecycle_event ?? 'a process');
  try {
    const db = await openPgliteCreating(join(dataDir, 'store'), prepare);
    const close = db.close.bind(db);
    db.close = async () => {
      try {
        await close();
      } finally {
        lock.release();
      }
    };
    return db;
  } catch (error) {
    lock.release();
    throw error;
  }
}
