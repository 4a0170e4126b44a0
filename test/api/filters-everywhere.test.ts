/**
 * Filter meanings a planner relies on, checked where a review found a deliberate bug passing every test
 * (issue 17): mentions count for the agreement filter, several agreements mean either, the province
 * filter follows the 2025 merger (API and OGC), the last OGC page has no `next`, and a step may quote a
 * clause's Chinese text.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureCollectionResponse, featureDetailResponse } from '../../server/src/domain/api';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, createTestApp, loadRealRecord, signInAsEditor } from '../helpers/app';

const app = createTestApp();
const record = loadRealRecord();

async function ids(path: string): Promise<string[]> {
  const response = await request(app).get(path);
  expect(response.status, path).toBe(200);
  return featureCollectionResponse
    .parse(response.body)
    .features.map((feature) => feature.id)
    .sort();
}

describe('the agreement filter', () => {
  it('includes the features a clause of the agreement only names (the boundary markers of 2023)', async () => {
    const mentionedOnly = record.features
      .filter((f) => f.mentionedIn.some((clause) => clause.startsWith('004:')))
      .filter((f) => !record.events.some((e) => e.featureId === f.id && e.agreementId === '004'))
      .map((f) => f.id);
    expect(mentionedOnly).toEqual(expect.arrayContaining(['marker-1088-2', 'marker-1104', 'marker-1119']));
    expect(await ids('/api/features?agreement=004')).toEqual(expect.arrayContaining(mentionedOnly));
  });

  it('reads several agreements as either, not both', async () => {
    const [both, of003, of004] = await Promise.all([
      ids('/api/features?agreement=003,004'),
      ids('/api/features?agreement=003'),
      ids('/api/features?agreement=004'),
    ]);
    expect(both).toEqual([...new Set([...of003, ...of004])].sort());
    expect(both.length).toBeGreaterThan(Math.max(of003.length, of004.length));
  });
});

describe('the province filter after the 2025 merger', () => {
  // Features recorded under Hà Giang (VN-03) belong to Tuyên Quang (VN-07) once merged (1 July 2025).
  const recordedIn = (code: string) => record.features.filter((f) => f.provinces.includes(code)).map((f) => f.id);
  const haGiang = recordedIn('VN-03');

  it('gives Tuyên Quang the former Hà Giang features after the merger, and not before — in the API and in OGC', async () => {
    expect(haGiang).toEqual(expect.arrayContaining(['lung-lan', 'lung-lan-market']));
    const after = await ids('/api/features?province=VN-07&asOf=2025-08-01');
    expect(after).toEqual(expect.arrayContaining(['lung-lan', 'lung-lan-market']));
    const before = await ids('/api/features?province=VN-07&asOf=2025-06-01');
    expect(before.filter((id) => haGiang.includes(id))).toEqual([]);
    const ogc = await request(app).get('/ogc/collections/channels-openings/items?province=VN-07&datetime=2025-08-01&limit=1000');
    expect(ogc.body.features.map((f: { id: string }) => f.id)).toContain('lung-lan');
    const markets = await request(app).get('/ogc/collections/markets/items?province=VN-07&datetime=2025-08-01');
    expect(markets.body.features.map((f: { id: string }) => f.id)).toEqual(['lung-lan-market']);
  });
});

describe('OGC paging', () => {
  it('puts no next link on the last page, also when it is exactly full', async () => {
    const all = await request(app).get('/ogc/collections/gates/items?limit=1000');
    const matched = all.body.numberMatched as number;
    const full = await request(app).get(`/ogc/collections/gates/items?limit=${matched}`);
    expect(full.body.numberReturned).toBe(matched);
    expect(full.body.links.map((link: { rel: string }) => link.rel)).not.toContain('next');
    const last = await request(app).get(`/ogc/collections/gates/items?limit=2&offset=${matched - 2}`);
    expect(last.body.numberReturned).toBe(2);
    expect(last.body.links.map((link: { rel: string }) => link.rel)).not.toContain('next');
  });
});

describe('a step quoting the Chinese text of a clause', () => {
  let store: Awaited<ReturnType<typeof createStoreTestApp>>;
  let db: Database;
  beforeAll(async () => {
    store = await createStoreTestApp();
    db = store.db;
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('is accepted when the words are verbatim in the clause’s Chinese text, refused when they are not', async () => {
    const clause = record.clauses.find((c) => c.id === '001-mou:III');
    const chinese = clause?.text.zh ?? '';
    expect(chinese).toContain('德天');
    const quote = chinese.slice(chinese.indexOf('德天') - 6, chinese.indexOf('德天') + 14);
    const session = await signInAsEditor(store.app, store);
    const { version } = featureDetailResponse.parse((await request(store.app).get('/api/features/ban-gioc-detian-area')).body);
    const post = (words: string) =>
      request(store.app).post('/api/features/ban-gioc-detian-area/steps').set(session.headers).send({
        version,
        date: '2022-03-17',
        status: 'agreed',
        level: null,
        evidence: 'stated',
        agreementId: '001-mou',
        clauseId: '001-mou:III',
        quote: words,
      });
    const refused = await post('德天瀑布不在这里');
    expect(refused.status).toBe(400);
    const saved = await post(quote);
    expect(saved.status, saved.text).toBe(201);
  });
});
