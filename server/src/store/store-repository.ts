import type { Agreement, Clause, FeatureRecord, Province, StatusEvent } from '../domain/schemas';
import { latestByKey } from '../http/latest-by-key';
import { createFileRepository } from '../record/file-repository';
import type { LoadedRecord } from '../record/load-record';
import type { RecordRepository, StepRecord } from '../record/repository';
import type { Database, Queryable } from './database';
import { knownRevision, noteRevision, storeRevision } from './revision';
import { SEED_ACTOR } from './seed';

/** The whole record as the store holds it, in the curated order. */
export async function readRecord(db: Queryable): Promise<LoadedRecord> {
  const bodies = async <T>(sql: string) => (await db.query<{ body: T }>(sql)).map((row) => row.body);
  const [agreements, clauses, provinces, features, events] = await Promise.all([
    bodies<Agreement>('SELECT body FROM agreements ORDER BY position'),
    bodies<Clause>('SELECT body FROM clauses ORDER BY position'),
    bodies<Province>('SELECT body FROM provinces ORDER BY position'),
    bodies<FeatureRecord>('SELECT body FROM features ORDER BY position'),
    bodies<StatusEvent>('SELECT body FROM status_events ORDER BY seq'),
  ]);
  return { agreements, clauses, provinces, features, events };
}

/** The record as of one revision, read in one transaction (one snapshot, whatever commits meanwhile). */
async function readSnapshot(db: Database) {
  return db.transaction(async (tx) => {
    // PostgreSQL's default isolation gives each statement its own snapshot: this makes it one for all of them.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const revision = await storeRevision(tx);
    const record = await readRecord(tx);
    // What the files cannot know: versions, and who recorded each step (in listStepHistory's order).
    const versions = await tx.query<{ id: string; version: number }>('SELECT id, version FROM features');
    const steps = await tx.query<{ feature_id: string; recorded_by: string; recorded_at: string | Date }>(
      'SELECT feature_id, recorded_by, recorded_at FROM status_events ORDER BY seq',
    );
    const stepRecords = new Map<string, StepRecord[]>();
    for (const row of steps) {
      const list = stepRecords.get(row.feature_id) ?? [];
      // Steps seeded from the curated files were not recorded by anyone in the app.
      list.push(
        row.recorded_by === SEED_ACTOR
          ? { recordedBy: null, recordedAt: null }
          : { recordedBy: row.recorded_by, recordedAt: new Date(row.recorded_at).toISOString() },
      );
      stepRecords.set(row.feature_id, list);
    }
    return { revision, record, versions: new Map(versions.map((row) => [row.id, Number(row.version)])), stepRecords };
  });
}

/**
 * The record read from the store (PGlite or PostgreSQL): read whole once per revision, with versions and
 * who recorded each step, and answered from memory like the file store. Knowing the current revision:
 *  - the embedded store is owned by this process (store-lock.ts) and changed through changeRecord, so its
 *    revision is known in memory (revision.ts): a read at an unchanged revision does not touch the store,
 *    and never waits behind a write (PGlite runs one thing at a time);
 *  - a PostgreSQL server is shared by several app servers: the revision is asked per request (one small
 *    query), which keeps them in step with each other's writes.
 */
export function createStoreRepository(db: Database): RecordRepository {
  const revisionNow =
    db.kind === 'pglite'
      ? async (): Promise<number> => {
          const known = knownRevision(db);
          if (known !== undefined) return known;
          noteRevision(db, await storeRevision(db));
          return knownRevision(db) as number;
        }
      : () => storeRevision(db);
  const snapshotAt = latestByKey(async (): Promise<RecordRepository> => {
    const read = await readSnapshot(db);
    if (db.kind === 'pglite') noteRevision(db, read.revision);
    const snapshot: RecordRepository = {
      ...createFileRepository(read.record),
      stepRecords: async (featureId) => read.stepRecords.get(featureId) ?? [],
      featureVersion: async (id) => read.versions.get(id),
      // What was read: at least the revision asked for (a write may have committed since it was asked).
      revision: async () => read.revision,
      snapshot: async () => snapshot,
    };
    return snapshot;
  });
  const current = async (): Promise<RecordRepository> => snapshotAt(String(await revisionNow()));
  return {
    listAgreements: async () => (await current()).listAgreements(),
    getAgreement: async (id) => (await current()).getAgreement(id),
    listClauses: async (agreementId) => (await current()).listClauses(agreementId),
    getClause: async (id) => (await current()).getClause(id),
    listFeatures: async () => (await current()).listFeatures(),
    getFeature: async (id) => (await current()).getFeature(id),
    stepRecords: async (featureId) => (await current()).stepRecords(featureId),
    featureVersion: async (id) => (await current()).featureVersion(id),
    listEventsByFeature: async () => (await current()).listEventsByFeature(),
    listStepHistory: async (featureId) => (await current()).listStepHistory(featureId),
    listProvinces: async () => (await current()).listProvinces(),
    revision: revisionNow,
    snapshot: current,
  };
}
