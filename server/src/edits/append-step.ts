import { featureStateAsOf } from '../domain/feature-state';
import type { StatusEvent } from '../domain/schemas';
import type { Queryable } from '../store/database';

/** A feature's steps as the store holds them, in the order recorded (corrected ones included). */
export async function stepsOf(tx: Queryable, featureId: string): Promise<StatusEvent[]> {
  return (await tx.query<{ body: StatusEvent }>('SELECT body FROM status_events WHERE feature_id = $1 ORDER BY seq', [featureId])).map(
    (row) => row.body,
  );
}

/**
 * Appends a checked step inside the caller's transaction (the feature row already locked): the step
 * with who recorded it, the feature's version raised, and the change-log entry — before and after
 * state on the step's date, and the citation as the reason. Returns the feature's new version.
 */
export async function appendStep(
  tx: Queryable,
  { step, version, before, actor }: { step: StatusEvent; version: number; before: readonly StatusEvent[]; actor: string },
): Promise<number> {
  await tx.query('INSERT INTO status_events (feature_id, body, recorded_by) VALUES ($1, $2::json, $3)', [
    step.featureId,
    JSON.stringify(step),
    actor,
  ]);
  await tx.query('UPDATE features SET version = version + 1 WHERE id = $1', [step.featureId]);
  await tx.query(
    `INSERT INTO changes (actor, entity, entity_id, action, before, after, reason) VALUES ($1, 'feature', $2, $3, $4::jsonb, $5::jsonb, $6)`,
    [
      actor,
      step.featureId,
      step.corrects ? 'correction' : 'status_step',
      JSON.stringify({ version, state: featureStateAsOf(before, step.date) }),
      JSON.stringify({ version: version + 1, state: featureStateAsOf([...before, step], step.date), step }),
      `${step.clauseId}: “${step.quote}”`,
    ],
  );
  return version + 1;
}
