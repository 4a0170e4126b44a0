import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Held while migrating or seeding, so two servers starting together do not both do it. */
export const SETUP_LOCK = 7_204_501;

/** The migrations in order: `NNN-name.sql` in server/src/store/migrations/. One set for PGlite and PostgreSQL. */
export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{3}-[\w-]+\.sql$/.test(name))
    .sort();
}

/** Applies the migrations not yet applied, each in its own transaction; returns their names. */
export async function migrate(db: Database): Promise<string[]> {
  // Under the lock too: two servers creating it at once on a new database would otherwise collide
  // (IF NOT EXISTS does not guard against a concurrent CREATE).
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const applied: string[] = [];
  for (const name of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
      if ((await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name])).length > 0) return false;
      await tx.exec(readFileSync(`${MIGRATIONS_DIR}${name}`, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
