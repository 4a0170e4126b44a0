import type { Agreement, Clause, FeatureRecord, Province, StatusEvent } from '../domain/schemas';
import { latestByKey } from '../http/latest-by-key';
import { createFileRepository } from '../record/file-repository';
import type { LoadedRecord } from '../record/load-record';
import type { RecordRepository } from '../record/repository';
import type { Queryable } from './database';
import { storeRevision } from './revision';
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

/**
 * The record read from the store (PGlite or PostgreSQL). It is read whole once per revision and
 * answered from memory like the file store: asking the revision is one small query per request, which
 * keeps several servers behind a load balancer in step with each other's writes.
 */
export function createStoreRepository(db: Queryable): RecordRepository {
  // What the files' repository cannot know: versions and who recorded each step, asked of the store.
  const stepRecords = async (featureId: string) => {
    const rows = await db.query<{ recorded_by: string; recorded_at: string | Date }>(
      'SELECT recorded_by, recorded_at FROM status_events WHERE feature_id = $1 ORDER BY seq',
      [featureId],
    );
    // Steps seeded from the curated files were not recorded by anyone in the app.
    return rows.map((row) =>
      row.recorded_by === SEED_ACTOR
        ? { recordedBy: null, recordedAt: null }
        : { recordedBy: row.recorded_by, recordedAt: new Date(row.recorded_at).toISOString() },
    );
  };
  const featureVersion = async (id: string) => {
    const [row] = await db.query<{ version: number }>('SELECT version FROM features WHERE id = $1', [id]);
    return row?.version;
  };
  const snapshotAt = latestByKey(async (revision): Promise<RecordRepository> => {
    const snapshot: RecordRepository = {
      ...createFileRepository(await readRecord(db)),
      stepRecords,
      featureVersion,
      revision: async () => Number(revision),
      snapshot: async () => snapshot,
    };
    return snapshot;
  });
  const current = async (): Promise<RecordRepository> => snapshotAt(String(await storeRevision(db)));
  return {
    listAgreements: async () => (await current()).listAgreements(),
    getAgreement: async (id) => (await current()).getAgreement(id),
    listClauses: async (agreementId) => (await current()).listClauses(agreementId),
    getClause: async (id) => (await current()).getClause(id),
    listFeatures: async () => (await current()).listFeatures(),
    getFeature: async (id) => (await current()).getFeature(id),
    stepRecords,
    featureVersion,
    listEventsByFeature: async () => (await current()).listEventsByFeature(),
    listStepHistory: async (featureId) => (await current()).listStepHistory(featureId),
    listProvinces: async () => (await current()).listProvinces(),
    revision: () => storeRevision(db),
    snapshot: current,
  };
}
