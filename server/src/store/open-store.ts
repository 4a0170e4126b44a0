import { join } from 'node:path';
import type { LoadedRecord } from '../record/load-record';
import { type Database, openPgliteCreating, openPostgres } from './database';
import { migrate } from './migrate';
import { seedIfEmpty } from './seed';
import { type BriefingSources, seedBriefingsOnce } from './seed-briefings';

export type StoreLocation = {
  /** PostgreSQL server; when absent, the embedded store in `dataDir`. */
  databaseUrl?: string;
  /** Where the embedded store keeps its folder (`store/`). */
  dataDir: string;
};

/**
 * Opens the record's store — PostgreSQL when a URL is given, else the embedded PGlite folder, made on
 * first start — brings its schema up to date and, when empty, seeds it with the curated record; with
 * `briefings`, brings briefings in once (seed-briefings.ts).
 */
export async function openStore(
  { databaseUrl, dataDir }: StoreLocation,
  curated: (() => LoadedRecord) | null,
  briefings?: BriefingSources,
): Promise<Database> {
  // `curated` null: an empty store stays empty (a restore fills it), briefings too.
  const prepare = async (db: Database) => {
    await migrate(db);
    const empty = (await db.query('SELECT 1 FROM agreements LIMIT 1')).length === 0;
    if (empty && curated) await seedIfEmpty(db, curated());
    if (curated && briefings) await seedBriefingsOnce(db, briefings);
  };
  if (databaseUrl) {
    const db = await openPostgres(databaseUrl);
    try {
      await prepare(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  }
  return openPgliteCreating(join(dataDir, 'store'), prepare);
}
