import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readBriefingExamples, readBriefingFile } from '../briefings/briefing-store';
import { logBriefingChange, writeBriefingRow } from '../briefings/store-briefing-store';
import type { Briefing } from '../domain/briefings';
import type { Database, Queryable } from './database';
import { SETUP_LOCK } from './migrate';

export type BriefingSources = {
  /** geodata/briefings/: the example briefings a new store starts with. */
  examplesDir: string;
  /**
   * `<data dir>/briefings.json`: where briefings were kept before they moved into the store (and where
   * BORDER_ATLAS_RECORD_SOURCE=files still reads them). Imported once, when present, instead of the examples.
   */
  legacyFile: string;
};

/** The sources of a deployment (config.ts): the shipped examples and `briefings.json` in its data folder. */
export function briefingSourcesOf(config: { briefingExamplesDir: string; dataDir: string }): BriefingSources {
  return { examplesDir: config.briefingExamplesDir, legacyFile: join(config.dataDir, 'briefings.json') };
}

/** The name, in `setup_steps`, of the briefings' seeding. */
const BRIEFINGS_SETUP_STEP = 'briefings';
/** The actors of the seeded briefings' change-log entries: files, not people. */
export const BRIEFING_EXAMPLES_ACTOR = 'seed: geodata/briefings';
export const BRIEFING_FILE_ACTOR = 'import: briefings.json';

const seeded = async (db: Queryable) => (await db.query('SELECT 1 FROM setup_steps WHERE name = $1', [BRIEFINGS_SETUP_STEP])).length > 0;

/**
 * Brings briefings into a store once, on its first start: a deployment's own `briefings.json` when it
 * has one — that file was itself seeded from the examples, then edited, so it alone says which of them
 * the deployment kept — or else the shipped examples. One transaction under the set-up lock (as
 * seed.ts): the briefings, a `changes` entry for each, and the `setup_steps` row saying it was done, so
 * two servers starting together seed once, and a store whose briefings were all deleted since is never
 * seeded again. A store that already holds briefings (restored from a backup) is only marked.
 *
 * The old file is left where it is, not renamed: the import is remembered in the store, atomically with
 * the briefings (a rename could not be part of the transaction, and would fail on a read-only folder), it
 * stays the files mode's briefings, and it remains a copy of what was imported. The store never reads it
 * again. Servers sharing one PostgreSQL import only the file of the first to start.
 *
 * Returns how many briefings were brought in, or null when the store had been seeded already.
 */
export async function seedBriefingsOnce(db: Database, { examplesDir, legacyFile }: BriefingSources): Promise<number | null> {
  if (await seeded(db)) return null;
  // Read and checked before the transaction: a broken file stops the start, naming it, with nothing written.
  const fromFile = existsSync(legacyFile);
  const briefings: Briefing[] = fromFile ? readBriefingFile(legacyFile) : readBriefingExamples(examplesDir);
  const actor = fromFile ? BRIEFING_FILE_ACTOR : BRIEFING_EXAMPLES_ACTOR;
  const count = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    if (await seeded(tx)) return null;
    const held = (await tx.query('SELECT 1 FROM briefings LIMIT 1')).length > 0;
    if (!held) {
      for (const briefing of briefings) {
        await writeBriefingRow(tx, briefing, null);
        await logBriefingChange(tx, {
          actor,
          id: briefing.id,
          action: fromFile ? 'import' : 'seed',
          before: null,
          after: briefing,
          reason: fromFile ? `Kept in ${legacyFile} before briefings moved into the store` : 'The example briefings on first start',
        });
      }
    }
    await tx.query('INSERT INTO setup_steps (name, detail) VALUES ($1, $2::jsonb)', [
      BRIEFINGS_SETUP_STEP,
      JSON.stringify(
        held ? { kept: 'the briefings already in the store' } : { from: fromFile ? legacyFile : examplesDir, briefings: briefings.length },
      ),
    ]);
    return held ? 0 : briefings.length;
  });
  if (count && fromFile) {
    console.log(
      `Briefings: ${count} imported from ${legacyFile} into the store (the file is left as it was; the store no longer reads it)`,
    );
  }
  return count;
}
