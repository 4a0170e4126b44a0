import type { Database, Queryable } from './database';

/**
 * The record's revision (migrations/005-record-revision.sql): raised inside every transaction that
 * changes the record, so caches keyed on it never go stale. Briefings are not the record: saving one
 * redraws nothing.
 */
export async function storeRevision(db: Queryable): Promise<number> {
  const [row] = await db.query<{ revision: string }>('SELECT revision::text AS revision FROM record_revision');
  return Number(row?.revision ?? 0);
}

/**
 * Called first in every transaction that changes the record: takes the revision's lock and raises it.
 * Returns the new revision. While the app runs, use changeRecord (which also tells this process's
 * readers once it commits); seeding and restoring, before any reader, call it directly.
 */
export async function raiseRevision(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ revision: string }>(
    'UPDATE record_revision SET revision = revision + 1 RETURNING revision::text AS revision',
  );
  return Number(row?.revision ?? 0);
}

/**
 * The latest committed revision this process knows of, per database. It is the store's own for the
 * embedded store, which one process owns (store-lock.ts), as long as the record is changed through
 * changeRecord; a PostgreSQL server has other writers, so its readers ask it (store-repository.ts).
 */
const committed = new WeakMap<Database, number>();

export function knownRevision(db: Database): number | undefined {
  return committed.get(db);
}

/** Notes a revision read from the store or committed here (revisions only grow: an older one is ignored). */
export function noteRevision(db: Database, revision: number): void {
  committed.set(db, Math.max(committed.get(db) ?? 0, revision));
}

/**
 * Changes the record: `work` in one transaction that raises the revision first; once it has committed,
 * this process's readers know the new revision (knownRevision) without asking the store, so the next
 * read sees the change. Nothing is noted when `work` throws (rolled back).
 */
export async function changeRecord<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  let revision = 0;
  const result = await db.transaction(async (tx) => {
    revision = await raiseRevision(tx);
    return work(tx);
  });
  noteRevision(db, revision);
  return result;
}
