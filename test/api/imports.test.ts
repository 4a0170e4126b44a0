import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementDetailResponse,
  DOCX_TYPE,
  featureCollectionResponse,
  featureDetailResponse,
  importReadResponse,
  recordViewResponse,
} from '../../server/src/domain/api';
import { MAX_DOCUMENT_CLAUSES } from '../../server/src/domain/request-bodies';
import { isVerbatimIn } from '../../server/src/domain/text';
import type { Database } from '../../server/src/store/database';
import { storeRevision } from '../../server/src/store/revision';
import { createStoreTestApp, projectRoot, signInAsEditor } from '../helpers/app';
import { buildCostlyDocx, buildDocx, buildDocxBomb, withDeclaredSize } from '../helpers/docx';
import { COMMUNIQUE_2027_AGREEMENT } from '../helpers/record-fixtures';

let app: Awaited<ReturnType<typeof createStoreTestApp>>['app'];
let db: Database;
let session: { cookie: string; csrf: string };
const communique = readFileSync(join(projectRoot, 'test', 'fixtures', 'import', '2027-communique.md'), 'utf8');

beforeAll(async () => {
  const made = await createStoreTestApp();
  ({ app, db } = made);
  session = await signInAsEditor(app, { username: made.username, password: made.password });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = { Cookie: session.cookie, 'X-CSRF-Token': session.csrf }) =>
  request(app)
    .post(path)
    .set(headers)
    .send(body as object);

const agreement = COMMUNIQUE_2027_AGREEMENT;

/** What an editor sends after accepting suggestions of the 2027 communiqué, adding the new crossing Nà Lạn – Bản Ngà. */
const accepted = () => ({
  text: communique,
  agreement: structuredClone(agreement),
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
      clausePath: ['1'],
      feature: { featureId: 'coc-nam' },
      status: 'under_construction',
      level: null,
      evidence: 'stated',
      quote: 'lối mở Cốc Nam – Lũng Nghịu đang được đẩy nhanh tiến độ xây dựng',
    },
    {
      clausePath: ['4'],
      feature: { featureId: 'po-peo' },
      status: 'accepted',
      level: 'bilateral',
      evidence: 'stated',
      quote: 'Tỉnh Cao Bằng đã hoàn thành nghiệm thu cơ sở hạ tầng cửa khẩu song phương Pò Peo (Việt Nam) – Nhạc Vu (Trung Quốc)',
    },
    {
      clausePath: ['5'],
      feature: { newFeature: 'na-lan' },
      status: 'proposed',
      level: 'channel',
      evidence: 'stated',
      quote: 'Tỉnh Cao Bằng đề xuất nghiên cứu mở lối thông quan Nà Lạn (Việt Nam) – Bản Ngà (Trung Quốc)',
    },
  ],
  mentions: [{ clausePath: ['5'], feature: { featureId: 'tra-linh' } }],
});

async function expectNothingStored(run: () => Promise<unknown>) {
  const revision = await storeRevision(db);
  const counts = await db.query(
    'SELECT (SELECT count(*) FROM agreements) a, (SELECT count(*) FROM features) f, (SELECT count(*) FROM documents) d',
  );
  await run();
  expect(await storeRevision(db)).toBe(revision);
  expect(
    await db.query('SELECT (SELECT count(*) FROM agreements) a, (SELECT count(*) FROM features) f, (SELECT count(*) FROM documents) d'),
  ).toEqual(counts);
}

describe('importing a new document', () => {
  it('refuses to read or save without a session, without the CSRF token or from another site', async () => {
    await expectNothingStored(async () => {
      for (const path of ['/api/imports/read', '/api/imports']) {
        expect((await post(path, { text: communique }, {})).status).toBe(401);
        expect((await post(path, { text: communique }, { Cookie: session.cookie })).status).toBe(403);
        expect(
          (await post(path, accepted(), { Cookie: session.cookie, 'X-CSRF-Token': session.csrf, Origin: 'https://evil.example' })).status,
        ).toBe(403);
      }
    });
  });

  it('checks each suggestion against the record as of the document date: a step that would move a feature back is flagged', async () => {
    // Hoành Mô's bilateral gate was under construction by 2023 in the record: "agreed" in 2024 would move it back.
    const back = await post('/api/imports/read', {
      text: 'Ngày 1/7/2024, hai Bên thống nhất thúc đẩy mở cặp cửa khẩu song phương Hoành Mô - Động Trung.',
    });
    expect(back.status).toBe(200);
    const [agreed] = importReadResponse.parse(back.body).suggestions.flat();
    expect(agreed).toMatchObject({ featureId: 'hoanh-mo', status: 'agreed', level: 'bilateral' });
    expect(agreed.check).toEqual({
      date: '2024-07-01',
      before: { status: 'under_construction', date: '2023-02-22', clauseId: expect.stringMatching(/^004:/) },
      warnings: ['backwards'],
    });
    // A held ceremony moves it forward, not back; but the 2026 communiqué, later, still reads it under construction
    // (audit-2 B-D1): the reader says so. The editor's date wins over the text's.
    const held = await post('/api/imports/read', {
      text: 'Hai tỉnh đã tổ chức Lễ công bố mở chính thức cặp cửa khẩu song phương Hoành Mô - Động Trung.',
      date: '2024-06-25',
    });
    const [announced] = importReadResponse.parse(held.body).suggestions.flat();
    expect(announced).toMatchObject({
      featureId: 'hoanh-mo',
      status: 'announced',
      check: { date: '2024-06-25', warnings: ['contradicts_later'] },
    });
    // A bad date is refused by name.
    const bad = await post('/api/imports/read', { text: 'Hai Bên nhất trí.', date: '2024-13-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('date');
  });

  it('reads a pasted document into clauses with suggested links, saving nothing', async () => {
    await expectNothingStored(async () => {
      const response = await post('/api/imports/read', { text: communique });
      expect(response.status).toBe(200);
      const { clauses, suggestions, newPlaces, documentDate } = importReadResponse.parse(response.body);
      expect(clauses.map((c) => c.path.join('.'))).toEqual(['0.h1', '0.1', '0.2', '1', '2', '3', '4', '5', '6']);
      const at = (path: string) => suggestions[clauses.findIndex((c) => c.path.join('.') === path)];
      const first = Object.fromEntries(at('1').map((s) => [s.featureId, s.status]));
      expect(first).toMatchObject({ 'tan-thanh-po-chai': 'operating', 'coc-nam': 'under_construction' });
      // Nà Lạn – Bản Ngà is not in the record: no link, a new-place card with the step its sentence gives.
      expect(at('5').map((s) => s.featureId)).toEqual(['tra-linh']);
      expect(newPlaces).toEqual([expect.objectContaining({ clausePath: ['5'], kind: 'channel', status: 'proposed' })]);
      expect(newPlaces[0].name).toBe('lối thông quan Nà Lạn (Việt Nam) – Bản Ngà (Trung Quốc)');
      // Each suggestion says why: the quote holds its words, the offsets point at the name.
      const [road] = at('1');
      expect(road.quote).toContain(road.statusWords);
      expect(clauses[3].text.slice(...road.evidence.mention)).toBe(road.matched);
      expect(documentDate).toBe('2027-03-24');
    });
  });

  it('reads a Word document (.docx) as its text, segmented the same way', async () => {
    const paragraphs = communique.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim());
    const response = await request(app)
      .post('/api/imports/read')
      .set({
        Cookie: session.cookie,
        'X-CSRF-Token': session.csrf,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      })
      .send(await buildDocx(paragraphs));
    expect(response.status).toBe(200);
    expect(response.body.text).toContain('Pò Peo (Việt Nam) – Nhạc Vu (Trung Quốc)');
    const huge = await request(app)
      .post('/api/imports/read')
      .set({
        Cookie: session.cookie,
        'X-CSRF-Token': session.csrf,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      })
      .send(await buildDocx(['Điều khoản rất dài. '.repeat(20_000)]));
    expect(huge.status).toBe(413);
    expect((response.body.clauses as { path: string[] }[]).map((c) => c.path.join('.'))).toEqual([
      '0.h1',
      '0.1',
      '0.2',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('refuses a .docx bomb with 413 by its declared size, and one that lies about it by what it really holds', async () => {
    const bomb = await buildDocxBomb(64_000_000);
    const cases: [Buffer, RegExp][] = [
      [bomb, /unpacks to [\d.]+ MB \("word\/document\.xml" alone [\d.]+ MB\); at most 16 MB are read/],
      [withDeclaredSize(bomb, 'word/document.xml', 1000), /"word\/document\.xml" unpacks to more than the 1000 bytes it declares/],
    ];
    await expectNothingStored(async () => {
      for (const [file, named] of cases) {
        const response = await request(app)
          .post('/api/imports/read')
          .set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': DOCX_TYPE })
          .send(file);
        expect(response.status).toBe(413);
        expect(response.body.error.code).toBe('too_large');
        expect(response.body.error.message).toMatch(named);
      }
    });
  });

  it('refuses Word files whose XML would cost gigabytes to parse (413 naming the part) or that nest too deep (400), storing nothing', async () => {
    const cases: [Buffer, number, RegExp][] = [
      [await buildCostlyDocx('empty-paragraphs'), 413, /"word\/document\.xml" brings its XML to more than 150,000 elements/],
      [
        await buildCostlyDocx('styles-and-numbering'),
        413,
        /"word\/numbering\.xml" brings its XML to more than 150,000 elements, all parts together/,
      ],
      [await buildCostlyDocx('nested-controls'), 400, /"word\/document\.xml" nests its elements more than 128 deep/],
    ];
    await expectNothingStored(async () => {
      for (const [file, status, named] of cases) {
        const response = await request(app)
          .post('/api/imports/read')
          .set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': DOCX_TYPE })
          .send(file);
        expect(response.status).toBe(status);
        expect(response.body.error.code).toBe(status === 413 ? 'too_large' : 'invalid_document');
        expect(response.body.error.message).toMatch(named);
      }
    });
  });

  it('refuses a text cut into more clauses than an import takes, naming the count and the cap — reading or saving, storing nothing', async () => {
    // 2 000 one-line paragraphs, well under the character limit: real documents hold about 150 clauses.
    const text = Array.from({ length: 2_000 }, (_, i) => `Hai bên trao đổi lần ${i + 1}.`).join('\n\n');
    await expectNothingStored(async () => {
      const read = await post('/api/imports/read', { text });
      expect(read.status).toBe(400);
      expect(read.body.error).toMatchObject({ code: 'too_many_clauses', field: 'text' });
      expect(read.body.error.message).toContain(`at most ${MAX_DOCUMENT_CLAUSES}`);
      const saved = await post('/api/imports', { ...accepted(), text, steps: [], newFeatures: [] });
      expect(saved.status).toBe(400);
      expect(saved.body.error).toMatchObject({ code: 'too_many_clauses', field: 'text' });
    });
  });

  it('refuses what is not a Word document, and bodies that are empty, malformed or too large', async () => {
    await expectNothingStored(async () => {
      const notDocx = await request(app)
        .post('/api/imports/read')
        .set({
          Cookie: session.cookie,
          'X-CSRF-Token': session.csrf,
          'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        })
        .send(Buffer.from('plain text, not a zip'));
      expect(notDocx.status).toBe(400);
      expect(notDocx.body.error.code).toBe('invalid_document');
      expect((await post('/api/imports/read', { text: '   ' })).body.error.message).toMatch(/"text"/);
      expect((await post('/api/imports/read', { text: 'x'.repeat(5_000_000) })).status).toBe(413);
      expect((await post('/api/imports', { ...accepted(), text: 'x'.repeat(5_000_000) })).status).toBe(413);
      const malformed = await request(app)
        .post('/api/imports')
        .set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrf, 'Content-Type': 'application/json' })
        .send('{"text": "(1) …",');
      expect(malformed.status).toBe(400);
      expect((await post('/api/imports', { ...accepted(), agreement: undefined })).body.error.message).toMatch(/"agreement"/);
    });
  });

  it('refuses an import whose steps are not founded, naming the field — storing nothing', async () => {
    const cases: [string, (body: ReturnType<typeof accepted>) => void, RegExp][] = [
      [
        'quote not in its clause',
        (b) => {
          b.steps[0].quote = 'đã chính thức đi vào hoạt động';
        },
        /"steps\[0\]\.quote": not found/,
      ],
      [
        'clause not in the document',
        (b) => {
          b.steps[1].clausePath = ['9'];
        },
        /"steps\[1\]\.clausePath": the document has no clause 9/,
      ],
      [
        'unknown feature',
        (b) => {
          b.steps[1].feature = { featureId: 'no-such-gate' };
        },
        /"steps\[1\]\.feature": no feature "no-such-gate"/,
      ],
      [
        'unknown new place',
        (b) => {
          b.steps[2].feature = { newFeature: 'nowhere' };
        },
        /"steps\[2\]\.feature": no new place "nowhere"/,
      ],
      [
        'a click claimed exact',
        (b) => {
          (b.newFeatures[0].location as { precision: string }).precision = 'exact';
        },
        /"newFeatures\.0\.location\.precision"/,
      ],
      [
        'unknown province',
        (b) => {
          b.newFeatures[0].provinces = ['VN-99'];
        },
        /"newFeatures\[0\]\.provinces": no province "VN-99"/,
      ],
      [
        'the same step twice',
        (b) => {
          b.steps.push({ ...b.steps[1] });
        },
        /"steps\[3\]": the same step \(accepted, .*:4\) is given twice for po-peo/,
      ],
      [
        'a route made by a click',
        (b) => {
          (b.newFeatures[0] as { kind: string }).kind = 'route';
        },
        /"newFeatures\.0\.kind"/,
      ],
      [
        'no date for the steps',
        (b) => {
          b.agreement.documentDate = '2027';
        },
        /"agreement\.documentDate"/,
      ],
      [
        'a marker has no status',
        (b) => {
          b.steps[1].feature = { featureId: 'marker-1088-2' };
        },
        /has no status/,
      ],
    ];
    for (const [what, change, message] of cases) {
      const body = accepted();
      change(body);
      await expectNothingStored(async () => {
        const response = await post('/api/imports', body);
        expect(response.status, what).toBe(400);
        expect(response.body.error.message, what).toMatch(message);
      });
    }
  });

  it('reads the deadline a clause sets, saves it with its step, and the record is overdue once it passes', async () => {
    const read = importReadResponse.parse((await post('/api/imports/read', { text: communique })).body);
    const suggestion = read.suggestions.flat().find((s) => s.featureId === 'binh-nghi');
    expect(suggestion?.target).toEqual({ by: '2027', cue: expect.stringContaining('trong năm 2027'), reach: 'operating' });
    // A sentence that only goes on operating what operates sets no deadline.
    expect(read.suggestions.flat().find((s) => s.featureId === 'ban-gioc')?.target ?? null).toBeNull();
    // Dated a day later than the other tests' import (its own agreement id), with this step alone.
    const body = { ...accepted(), agreement: { ...structuredClone(agreement), documentDate: '2027-03-25' }, newFeatures: [], mentions: [] };
    const step = {
      clausePath: ['2'],
      feature: { featureId: 'binh-nghi' },
      status: 'agreed' as const,
      level: 'bilateral' as const,
      evidence: 'stated' as const,
      quote: suggestion?.quote ?? '',
      target: { by: '2027', cue: suggestion?.target?.cue ?? '', reach: 'operating' as const },
    };
    // Refused, naming the field, when the deadline's words are not the clause's or it aims at no later status.
    const wrongCue = await post('/api/imports', { ...body, steps: [{ ...step, target: { ...step.target, cue: 'trong năm 2030' } }] });
    expect(wrongCue.status).toBe(400);
    expect(wrongCue.body.error.field).toBe('steps[0].target.cue');
    const notBeyond = await post('/api/imports', { ...body, steps: [{ ...step, target: { ...step.target, reach: 'agreed' } }] });
    expect(notBeyond.status).toBe(400);
    expect(notBeyond.body.error.field).toBe('steps[0].target.reach');
    expect((await post('/api/imports', { ...body, steps: [step] })).status).toBe(201);
    const overdue = async (asOf: string) =>
      featureCollectionResponse.parse((await request(app).get(`/api/features?overdue=true&asOf=${asOf}`)).body).features.map((f) => f.id);
    expect(await overdue('2027-12-31')).not.toContain('binh-nghi');
    expect(await overdue('2028-01-01')).toContain('binh-nghi');
  });

  it('saves the agreement, its clauses and text, the new place and the accepted steps; the record shows them as of the date', async () => {
    const response = await post('/api/imports', accepted());
    expect(response.status).toBe(201);
    const { agreementId, newFeatureIds } = response.body as { agreementId: string; newFeatureIds: string[] };
    expect(agreementId).toBe('2027-03-24-joint-communique');
    expect(newFeatureIds).toEqual(['na-lan-ban-nga']);

    const saved = agreementDetailResponse.parse((await request(app).get(`/api/agreements/${agreementId}`)).body);
    expect(saved.clauses.map((c) => c.id)).toContain(`${agreementId}:5`);
    expect(saved.clauses.every((clause) => isVerbatimIn(clause.text.vi, communique))).toBe(true);
    const [document] = await db.query<{ text: string; imported_by: string }>(
      'SELECT text, imported_by FROM documents WHERE agreement_id = $1',
      [agreementId],
    );
    expect(document).toEqual({ text: communique.trim(), imported_by: 'editor' });

    const rows = async (asOf: string) =>
      new Map(
        recordViewResponse.parse((await request(app).get(`/api/view?asOf=${asOf}&limit=1000`)).body).rows.map((row) => [row.id, row]),
      );
    const before = await rows('2027-03-23');
    const after = await rows('2027-03-24');
    expect(before.get('po-peo')?.status).toBe('agreed');
    expect(after.get('po-peo')?.status).toBe('accepted');
    // Cốc Nam, in place in 2023 and awaiting official operation (built, audit-2 B-D2): the new document reads it
    // under construction, and the record shows it as that document says, from its date.
    expect(before.get('coc-nam')).toMatchObject({ status: 'built', since: '2023-02-22', reportedIn: '004' });
    expect(after.get('coc-nam')).toMatchObject({ status: 'under_construction', since: '2027-03-24', reportedIn: agreementId });
    expect(before.has('na-lan-ban-nga')).toBe(false);
    expect(after.get('na-lan-ban-nga')).toMatchObject({ status: 'proposed', kind: 'channel' });

    const place = featureDetailResponse.parse((await request(app).get('/api/features/na-lan-ban-nga')).body);
    expect(place.properties.approximate).toBe(true);
    expect(place.record.location).toMatchObject({ provenance: 'estimate', precision: '5km', coordinates: [106.3, 22.85] });
    expect(place.history[0]).toMatchObject({ clauseId: `${agreementId}:5`, recordedBy: 'editor', date: '2027-03-24' });
    const traLinh = featureDetailResponse.parse((await request(app).get('/api/features/tra-linh')).body);
    expect(traLinh.record.mentionedIn.map((m) => m.clauseId)).toContain(`${agreementId}:5`);

    const changes = await db.query<{ action: string; entity_id: string; actor: string }>(
      "SELECT action, entity_id, actor FROM changes WHERE actor = 'editor' AND (entity_id = $1 OR reason LIKE $2) ORDER BY id",
      [agreementId, `%${agreementId}%`],
    );
    expect(changes.map((c) => `${c.action} ${c.entity_id}`)).toEqual([
      `import ${agreementId}`,
      'create na-lan-ban-nga',
      'status_step coc-nam',
      'status_step po-peo',
      'status_step na-lan-ban-nga',
      'mention tra-linh',
    ]);

    // The same document again is a second agreement, never an overwrite of the first.
    const again = await post('/api/imports', { ...accepted(), newFeatures: [], steps: [], mentions: [] });
    expect(again.body.agreementId).toBe(`${agreementId}-2`);
  });
});
