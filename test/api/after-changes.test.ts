import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureDetailResponse } from '../../server/src/domain/api';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, projectRoot, signInAsEditor } from '../helpers/app';
import { COMMUNIQUE_2027_AGREEMENT } from '../helpers/record-fixtures';

/** An editor whose user name is nothing like the role, so the two are told apart. */
const USERNAME = 'nguyen.thi.lan';

let app: Awaited<ReturnType<typeof createStoreTestApp>>['app'];
let db: Database;
let dataDir: string;
let editor: Record<string, string>;
const communique = readFileSync(join(projectRoot, 'test', 'fixtures', 'import', '2027-communique.md'), 'utf8');

beforeAll(async () => {
  const made = await createStoreTestApp({ username: USERNAME });
  ({ app, db, dataDir } = made);
  editor = (await signInAsEditor(app, made)).headers;
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const search = async (q: string) =>
  ((await request(app).get('/api/search').query({ q })).body as { type: string; id: string }[]).map((hit) => `${hit.type} ${hit.id}`);

/** The 2027 communiqué with one new place, Nà Lạn – Bản Ngà, proposed in its clause 5. */
const importBody = {
  text: communique,
  agreement: COMMUNIQUE_2027_AGREEMENT,

  newFeatures: [
    {
      ref: 'na-lan',
      kind: 'channel',
      name: { vi: 'Nà Lạn – Bản Ngà', zh: null, en: 'Na Lan – Ban Nga' },
      provinces: ['VN-04'],
      location: { coordinates: [106.3, 22.85], precision: '5km', source: 'Chọn trên bản đồ khi nhập văn bản' },
    },
  ],
  steps: [
    {
      clausePath: ['5'],
      feature: { newFeature: 'na-lan' },
      status: 'proposed',
      level: 'channel',
      evidence: 'stated',
      quote: 'Tỉnh Cao Bằng đề xuất nghiên cứu mở lối thông quan Nà Lạn (Việt Nam) – Bản Ngà (Trung Quốc)',
    },
  ],
  mentions: [],
};

describe('after an import through the API', () => {
  it('search finds the new place, the agreement and its clauses at once (the index follows the revision)', async () => {
    // Searched before, so the index of the record as it was is built and kept.
    expect(await search('Nà Lạn – Bản Ngà')).toEqual([]);
    expect(await search('Bản Ngà (Trung Quốc)')).toEqual([]);
    expect(await search('Hội nghị lần thứ 18 Ủy ban công tác liên hợp')).toEqual([]);

    const saved = await request(app).post('/api/imports').set(editor).send(importBody);
    expect(saved.status, saved.text).toBe(201);
    const { agreementId } = saved.body as { agreementId: string };

    expect(await search('Nà Lạn – Bản Ngà')).toContain('feature na-lan-ban-nga');
    expect(await search('na lan – ban nga')).toContain('feature na-lan-ban-nga');
    expect(await search('Bản Ngà (Trung Quốc)')).toContain(`clause ${agreementId}:5`);
    expect(await search('Hội nghị lần thứ 18 Ủy ban công tác liên hợp')).toContain(`agreement ${agreementId}`);
  });
});

describe('who recorded a step', () => {
  it('is named to a signed-in editor; a visitor reads only "editor"', async () => {
    const asEditor = featureDetailResponse.parse((await request(app).get('/api/features/na-lan-ban-nga').set(editor)).body);
    expect(asEditor.history.map((step) => step.recordedBy)).toEqual([USERNAME]);

    const visitor = await request(app).get('/api/features/na-lan-ban-nga');
    const asVisitor = featureDetailResponse.parse(visitor.body);
    expect(asVisitor.history.map((step) => step.recordedBy)).toEqual(['editor']);
    expect(asVisitor.history[0].recordedAt).toBe(asEditor.history[0].recordedAt);
    expect(visitor.text).not.toContain(USERNAME);
    expect(visitor.headers.vary).toMatch(/Cookie/);

    // The curated record's steps name no one, for anyone.
    const curated = featureDetailResponse.parse((await request(app).get('/api/features/chi-ma').set(editor)).body);
    expect(curated.history.every((step) => step.recordedBy === null)).toBe(true);
  });

  it('appears in nothing else a visitor reads after editors changed the record and the briefings', async () => {
    const briefing = (await request(app).get('/api/briefings/a-pa-chai-long-phu')).body;
    expect((await request(app).put('/api/briefings/a-pa-chai-long-phu').set(editor).send(briefing)).status).toBe(200);
    const created = await request(app)
      .post('/api/briefings')
      .set(editor)
      .send({ ...briefing, title: { vi: 'Bản mới', en: 'New' } });
    expect(created.status).toBe(201);
    for (const path of [
      '/api/briefings',
      '/api/briefings/a-pa-chai-long-phu',
      `/api/briefings/${created.body.id}`,
      '/api/features/na-lan-ban-nga',
      '/api/features?id=na-lan-ban-nga',
      '/api/events',
      '/api/view?limit=1000',
      '/api/changes?from=2027-01-01&to=2027-12-31',
      '/api/export/events.csv',
      '/api/map/features',
      '/ogc/collections/channels-openings/items/na-lan-ban-nga',
      '/api/session',
    ]) {
      const response = await request(app).get(path);
      expect(response.status, path).toBe(200);
      expect(response.text, path).not.toContain(USERNAME);
    }
  });
});
