import type { LoadedRecord } from '../record/load-record';
import type { Database, Queryable } from './database';
import { SETUP_LOCK } from './migrate';
import { raiseRevision } from './revision';

/** Inserts rows from a JSON array in one statement, keeping their order in `position`. */
async function insertAll(tx: Queryable, table: string, idColumn: string, idOf: string, items: readonly unknown[]) {
  if (items.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (${idColumn}, position, body)
     SELECT item ->> '${idOf}', (ordinality - 1)::integer, item FROM json_array_elements($1::json) WITH ORDINALITY AS t(item, ordinality)`,
    [JSON.stringify(items)],
  );
}

/** The actor of the seed's rows: the curated files, not a person. */
export const SEED_ACTOR = 'seed: geodata/record';

/**
 * Fills an empty store with the curated record (geodata/record/, already loaded and checked by
 * load-record.ts), in one transaction, with one `changes` entry saying so. A store that holds a
 * record is left as it is. Returns whether it seeded.
 */
export async function seedIfEmpty(db: Database, record: LoadedRecord, actor = SEED_ACTOR): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    if ((await tx.query('SELECT 1 FROM agreements LIMIT 1')).length > 0) return false;
    await insertAll(tx, 'agreements', 'id', 'id', record.agreements);
    await tx.query(
      `INSERT INTO clauses (id, agreement_id, position, body)
       SELECT item ->> 'id', item ->> 'agreementId', (ordinality - 1)::integer, item
       FROM json_array_elements($1::json) WITH ORDINALITY AS t(item, ordinality)`,
      [JSON.stringify(record.clauses)],
    );
    await insertAll(tx, 'provinces', 'code', 'code', record.provinces);
    await insertAll(tx, 'features', 'id', 'id', record.features);
    await tx.query(
      `INSERT INTO status_events (feature_id, body, recorded_by)
       SELECT item ->> 'featureId', item, $2 FROM json_array_elements($1::json) WITH ORDINALITY AS t(item, ordinality)
       ORDER BY ordinality`,
      [JSON.stringify(record.events), actor],
    );
    await raiseRevision(tx);
    await tx.query(
      `INSERT INTO changes (actor, entity, entity_id, action, after, reason) VALUES ($1, 'record', 'geodata', 'seed', $2::jsonb, $3)`,
      [
        actor,
        JSON.stringify({
          agreements: record.agreements.length,
          clauses: record.clauses.length,
          provinces: record.provinces.length,
          features: record.features.length,
          events: record.events.length,
        }),
        'The curated record in geodata/record/ on first start',
      ],
    );
    return true;
  });
}
