import { rmSync } from 'node:fs';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RecordRepository } from '../../server/src/record/repository';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, signInAsEditor } from '../helpers/app';
import { tanThanhStep } from '../helpers/record-fixtures';

// An agreement's answer (≈15 MB after an import of 1 000 clauses) and a feature's detail (≈1 KB a step) are
// made once per revision of the record, day and query — not on every request — and a write is seen at once.

/** Every read of the repository (and of the snapshots it gives) by method name. */
const reads = new Map<string, number>();
function counted(repository: RecordRepository): RecordRepository {
  return new Proxy(repository, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function' || typeof name !== 'string') return value;
      return (...args: unknown[]) => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        const result = value.apply(target, args);
        return name === 'snapshot' ? (result as Promise<RecordRepository>).then(counted) : result;
      };
    },
  });
}
/** What a request read beyond the record's revision (which names the cached answers). */
const readsBeyondRevision = () => [...reads.keys()].filter((name) => name !== 'revision');

let app: Express;
let db: Database;
let dataDir: string;
let editor: Record<string, string>;

beforeAll(async () => {
  const made = await createStoreTestApp({ username: 'cache.editor', watch: counted });
  ({ app, db, dataDir } = made);
  editor = (await signInAsEditor(app, made)).headers;
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(() => reads.clear());

/** A status step through the API, as the feature panel sends it (its version read first). */
async function addStep(featureId: string, overrides: Record<string, unknown>) {
  const { version } = (await request(app).get(`/api/features/${featureId}`)).body as { version: number };
  const saved = await request(app).post(`/api/features/${featureId}/steps`).set(editor).send(tanThanhStep(version, overrides));
  expect(saved.status, saved.text).toBe(201);
}

type Detail = { version: number; history: { note?: string | null }[]; commitments: { key: string; target: { state: string } | null }[] };

describe("a feature's detail", () => {
  it('is made once per revision: asked again, the record is not read again', async () => {
    const first = await request(app).get('/api/features/tan-thanh-po-chai');
    expect(first.status).toBe(200);
    expect(readsBeyondRevision().length).toBeGreaterThan(0);
    reads.clear();
    const again = await request(app).get('/api/features/tan-thanh-po-chai');
    expect(again.text).toBe(first.text);
    expect(readsBeyondRevision()).toEqual([]);
  });

  it('shows a new step at once, to a visitor and to an editor', async () => {
    const before = (await request(app).get('/api/features/tan-thanh-po-chai')).body as Detail;
    await request(app).get('/api/features/tan-thanh-po-chai').set(editor);
    await addStep('tan-thanh-po-chai', { note: 'seen at once' });
    const after = (await request(app).get('/api/features/tan-thanh-po-chai')).body as Detail;
    expect(after.version).toBe(before.version + 1);
    expect(after.history.map((step) => step.note)).toContain('seen at once');
    expect(before.history.map((step) => step.note)).not.toContain('seen at once');
    const editorAfter = (await request(app).get('/api/features/tan-thanh-po-chai').set(editor)).body as Detail;
    expect(editorAfter.history.map((step) => step.note)).toContain('seen at once');
    expect(JSON.stringify(editorAfter.history)).toContain('cache.editor');
    // The visitor's answer, cached apart, never names the editor.
    expect(JSON.stringify((await request(app).get('/api/features/tan-thanh-po-chai')).body.history)).not.toContain('cache.editor');
  });

  it('reads deadlines on the date asked: each date its own answer', async () => {
    const targetOf = async (path: string) =>
      ((await request(app).get(path)).body as Detail).commitments.find((commitment) => commitment.target)?.target?.state;
    // Hoành Mô's 2023 deadline: overdue today, still due on 30 June 2023.
    expect(await targetOf('/api/features/hoanh-mo')).toBe('overdue');
    expect(await targetOf('/api/features/hoanh-mo?asOf=2023-06-30')).toBe('dueThisYear');
    expect(await targetOf('/api/features/hoanh-mo')).toBe('overdue');
  });

  it('still refuses a bad date and an unknown feature each time', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await request(app).get('/api/features/hoanh-mo?asOf=2023-02-30')).status).toBe(400);
      expect((await request(app).get('/api/features/no-such-feature')).status).toBe(404);
    }
  });
});

describe("an agreement's answer", () => {
  type Agreement = { clauses: { id: string; features: { id: string }[] }[] };
  const featuresOf = (agreement: Agreement, clauseId: string) =>
    agreement.clauses.find((clause) => clause.id === clauseId)?.features.map((feature) => feature.id);

  it('is made once per revision: asked again, the record is not read again', async () => {
    const first = await request(app).get('/api/agreements/003');
    expect(first.status).toBe(200);
    reads.clear();
    const again = await request(app).get('/api/agreements/003');
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(readsBeyondRevision()).toEqual([]);
  });

  it('shows a feature a new step ties to a clause at once', async () => {
    const before = (await request(app).get('/api/agreements/003')).body as Agreement;
    expect(featuresOf(before, '003:6.a')).not.toContain('mong-cai');
    await addStep('mong-cai', { note: 'cites 003:6.a' });
    const after = (await request(app).get('/api/agreements/003')).body as Agreement;
    expect(featuresOf(after, '003:6.a')).toContain('mong-cai');
  });

  it('still refuses an unknown agreement and a query it does not take, each time', async () => {
    for (let i = 0; i < 2; i += 1) {
      expect((await request(app).get('/api/agreements/999')).status).toBe(404);
      expect((await request(app).get('/api/agreements/003?lang=en')).status).toBe(400);
    }
  });
});
