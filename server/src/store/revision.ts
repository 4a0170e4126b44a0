import type { Queryable } from './database';

/**
 * The record's revision (migrations/005-record-revision.sql): raised inside every transaction that
 * changes the record, so caches keyed on it never go stale. Briefings are not the record: saving one
 * redraws nothing.
 */
export async function storeRevision(db: Queryable): Promise<number> {
  const [row] = await db.query<{ revision: string }>('SELECT revision::text AS revision FROM record_revision');
  return Number(row?.revision ?? 0);
}

/** Called first in every transaction that changes the record: takes the revision's lock and raises it. */
export async function raiseRevision(tx: Queryable): Promise<void> {
  await tx.query('UPDATE record_revision SET revision = revision + 1');
}
