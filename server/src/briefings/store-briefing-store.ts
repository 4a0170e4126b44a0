import type { Briefing } from '../domain/briefings';
import type { Database, Queryable } from '../store/database';
import { type BriefingStore, withId } from './briefing-store';

export type BriefingAction = 'create' | 'replace' | 'delete' | 'seed' | 'import';

/** Appends a briefing's entry to the change log (`changes`): who, what, the body before and after. */
export async function logBriefingChange(
  tx: Queryable,
  change: { actor: string; id: string; action: BriefingAction; before: Briefing | null; after: Briefing | null; reason?: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO changes (actor, entity, entity_id, action, before, after, reason) VALUES ($1, 'briefing', $2, $3, $4::jsonb, $5::jsonb, $6)`,
    [
      change.actor,
      change.id,
      change.action,
      change.before && JSON.stringify(change.before),
      change.after && JSON.stringify(change.after),
      change.reason ?? null,
    ],
  );
}

/** Writes a briefing's row (new or replacing), its body kept as written. */
export async function writeBriefingRow(tx: Queryable, briefing: Briefing, actor: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO briefings (id, body, updated_at, updated_by) VALUES ($1, $2::json, $3::timestamptz, $4)
     ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [briefing.id, JSON.stringify(briefing), briefing.updatedAt, actor],
  );
}

/**
 * Briefings in the record's store (table `briefings`, migration 003): each write and its change-log
 * entry in one transaction, so history is never lost — a replaced or deleted briefing stays readable
 * in `changes`. The list is in id order (byte order, the same on PGlite and PostgreSQL).
 */
export function createStoreBriefingStore(db: Database): BriefingStore {
  const editor = (actor: string | undefined): string => {
    if (!actor) throw new Error('A change to a briefing needs the editor making it');
    return actor;
  };
  const current = async (tx: Queryable, id: string) =>
    (await tx.query<{ body: Briefing }>('SELECT body FROM briefings WHERE id = $1 FOR UPDATE', [id]))[0]?.body ?? null;
  return {
    list: async () => (await db.query<{ body: Briefing }>('SELECT body FROM briefings ORDER BY id COLLATE "C"')).map((row) => row.body),
    get: async (id) => (await db.query<{ body: Briefing }>('SELECT body FROM briefings WHERE id = $1', [id]))[0]?.body,
    save: (briefing, actor) =>
      db.transaction(async (tx) => {
        const who = editor(actor);
        const before = await current(tx, briefing.id);
        await writeBriefingRow(tx, briefing, who);
        await logBriefingChange(tx, { actor: who, id: briefing.id, action: before ? 'replace' : 'create', before, after: briefing });
      }),
    create: (fields, baseId, actor) =>
      db.transaction(async (tx) => {
        const who = editor(actor);
        // The ids taken now; an insert that still meets one (a briefing made meanwhile) tries the next.
        const taken = new Set(
          (await tx.query<{ id: string }>("SELECT id FROM briefings WHERE id = $1 OR starts_with(id, $1 || '-')", [baseId])).map(
            (row) => row.id,
          ),
        );
        for (let n = 1; ; n += 1) {
          const id = n === 1 ? baseId : `${baseId}-${n}`;
          if (taken.has(id)) continue;
          const briefing = withId(fields, id);
          const inserted = await tx.query(
            `INSERT INTO briefings (id, body, updated_at, updated_by) VALUES ($1, $2::json, $3::timestamptz, $4)
             ON CONFLICT (id) DO NOTHING RETURNING id`,
            [id, JSON.stringify(briefing), briefing.updatedAt, who],
          );
          if (inserted.length === 0) continue;
          await logBriefingChange(tx, { actor: who, id, action: 'create', before: null, after: briefing });
          return briefing;
        }
      }),
    replace: (briefing, actor) =>
      db.transaction(async (tx) => {
        const who = editor(actor);
        const before = await current(tx, briefing.id);
        if (!before) return false;
        await writeBriefingRow(tx, briefing, who);
        await logBriefingChange(tx, { actor: who, id: briefing.id, action: 'replace', before, after: briefing });
        return true;
      }),
    remove: (id, actor) =>
      db.transaction(async (tx) => {
        const who = editor(actor);
        const [row] = await tx.query<{ body: Briefing }>('DELETE FROM briefings WHERE id = $1 RETURNING body', [id]);
        if (!row) return false;
        await logBriefingChange(tx, { actor: who, id, action: 'delete', before: row.body, after: null });
        return true;
      }),
  };
}
