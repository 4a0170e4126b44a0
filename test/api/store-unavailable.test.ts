import { rmSync } from 'node:fs';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import type { Database } from '../../server/src/store/database';
import { createStoreRepository } from '../../server/src/store/store-repository';
import { createStoreTestApp, signInAsEditor } from '../helpers/app';
import { tanThanhStep } from '../helpers/record-fixtures';

// PostgreSQL dropping its connection (a restart, an outage) answers 503 `store_unavailable`. A change may
// have been committed just before the connection dropped: its answer says so, and to check before trying again.

let app: Express;
let store: Database;
let dataDir: string;
let editor: Record<string, string>;
/** What the next transaction and query do instead of reaching the store (set per test). */
let transactionFault: ((commit: () => Promise<unknown>) => Promise<unknown>) | null = null;
let queryFault: Error | null = null;
afterEach(() => {
  transactionFault = null;
  queryFault = null;
});

/**
 * The app over the store as over a PostgreSQL server (`kind: 'postgres'`: the revision is asked per request,
 * so a write this process did not see through is still read), with faults the test injects.
 */
beforeAll(async () => {
  const made = await createStoreTestApp({ username: 'outage.editor' });
  ({ dataDir } = made);
  store = made.db;
  const db = made.db;
  const remote: Database = {
    kind: 'postgres',
    query: (sql, params) => (queryFault ? Promise.reject(queryFault) : db.query(sql, params)),
    exec: (sql) => db.exec(sql),
    transaction: (work) => {
      const commit = () => db.transaction(work);
      return (transactionFault ? transactionFault(commit) : commit()) as ReturnType<typeof commit>;
    },
    close: () => db.close(),
  };
  app = createApp({ repository: createStoreRepository(remote), store: remote });
  editor = (await signInAsEditor(app, made)).headers;
}, 120_000);
afterAll(async () => {
  await store?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** What node-postgres throws when PostgreSQL ends the connection. */
const dropped = () => new Error('Connection terminated unexpectedly');

const versionOf = async () => ((await request(app).get('/api/features/tan-thanh-po-chai')).body as { version: number }).version;

describe('the store out of reach', () => {
  it('a change answered 503 says it may have been stored, and to check before trying again — and it was', async () => {
    const version = await versionOf();
    // The transaction commits, then the connection drops before the answer: the step is stored, the answer lost.
    transactionFault = async (commit) => {
      await commit();
      throw dropped();
    };
    const saved = await request(app)
      .post('/api/features/tan-thanh-po-chai/steps')
      .set(editor)
      .send(tanThanhStep(version, { note: 'stored before the drop' }));
    transactionFault = null;
    expect(saved.status).toBe(503);
    expect(saved.headers['retry-after']).toMatch(/^\d+$/);
    expect(saved.body.error).toEqual({
      code: 'store_unavailable',
      message: expect.stringMatching(/may have been stored.*Reload the page and check before trying again/),
      mayBeStored: true,
    });
    expect(saved.body.error.message).not.toMatch(/try again in \d+ seconds/);
    // Reloading shows it: trying again blindly would have recorded the step twice.
    const detail = (await request(app).get('/api/features/tan-thanh-po-chai')).body as { version: number; history: { note?: string }[] };
    expect(detail.version).toBe(version + 1);
    expect(detail.history.filter((step) => step.note === 'stored before the drop')).toHaveLength(1);
  });

  it('a read answered 503 says only to try again, as does reading a document or signing in (they change nothing of the record)', async () => {
    queryFault = dropped();
    const answers = {
      'GET /api/session': await request(app).get('/api/session').set(editor),
      'POST /api/imports/read': await request(app).post('/api/imports/read').set(editor).send({ text: 'Điều 1. Hai bên nhất trí.' }),
      'POST /api/session': await request(app).post('/api/session').send({ username: 'outage.editor', password: 'not checked' }),
    };
    for (const [asked, answer] of Object.entries(answers)) {
      expect(answer.status, asked).toBe(503);
      expect(answer.body.error, asked).toEqual({
        code: 'store_unavailable',
        message: expect.stringMatching(/cannot be reached just now: try again in \d+ seconds/),
      });
    }
  });
});
