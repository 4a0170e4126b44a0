import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/store/database';
import { storeRevision } from '../../server/src/store/revision';
import { createStoreTestApp, createTestApp, signInAsEditor } from '../helpers/app';

let app: Awaited<ReturnType<typeof createStoreTestApp>>['app'];
let db: Database;
let credentials: { username: string; password: string };
/** A signed-in editor's headers: the session cookie and its CSRF token. */
let editor: { Cookie: string; 'X-CSRF-Token': string };

beforeAll(async () => {
  const made = await createStoreTestApp();
  ({ app, db } = made);
  credentials = { username: made.username, password: made.password };
  editor = await signIn();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

async function signIn() {
  return (await signInAsEditor(app, credentials)).headers;
}

const step = {
  title: 'Hữu Nghị',
  text: 'Cặp cửa khẩu quốc tế',
  view: { lng: 106.71, lat: 21.97, zoom: 10 },
  filters: { asOf: '2026-02-11', kinds: ['gate_pair'], statuses: [], agreements: [], provinces: [], stalled: false },
  feature: 'huu-nghi',
};

/** The change log's latest entry (briefings' entries included). */
const lastChange = async () => (await db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM changes'))[0].id;

/** Nothing was stored: the briefings and the change log are as they were. */
async function expectNothingStored(run: () => Promise<unknown>) {
  const revision = await lastChange();
  const before = (await request(app).get('/api/briefings')).text;
  await run();
  expect(await lastChange()).toBe(revision);
  expect((await request(app).get('/api/briefings')).text).toBe(before);
}

/** The latest change-log entries of one briefing, oldest first. */
const changesOf = (id: string) =>
  db.query<{ actor: string; action: string; before: unknown; after: unknown }>(
    "SELECT actor, action, before, after FROM changes WHERE entity = 'briefing' AND entity_id = $1 ORDER BY id",
    [id],
  );

describe('/api/briefings', () => {
  it('ships the two example briefings', async () => {
    const response = await request(app).get('/api/briefings');
    expect(response.status).toBe(200);
    expect(response.body.map((b: { id: string }) => b.id)).toEqual(['a-pa-chai-long-phu', 'lang-son-2023-2026']);
  });

  it('creates, reads, replaces and deletes a briefing', async () => {
    const recordRevision = await storeRevision(db);
    const tileRevision = async () => new URL((await request(app).get('/api/map/tiles.json')).body.tiles[0]).searchParams.get('rev');
    const tiles = await tileRevision();
    const created = await request(app)
      .post('/api/briefings')
      .set(editor)
      .send({ title: { vi: 'Hữu Nghị – Hữu Nghị Quan' }, steps: [step] });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('huu-nghi-huu-nghi-quan');
    expect(created.headers.location).toBe('/api/briefings/huu-nghi-huu-nghi-quan');
    // As before the store: the body's fields, then its id and date.
    expect(Object.keys(created.body)).toEqual(['title', 'steps', 'id', 'updatedAt']);
    expect((await request(app).get('/api/briefings/huu-nghi-huu-nghi-quan')).text).toBe(created.text);
    // A briefing is not the record: saving one leaves its revision, and the map's tiles, as they were.
    expect(await storeRevision(db)).toBe(recordRevision);
    expect(await tileRevision()).toBe(tiles);
    const again = await request(app)
      .post('/api/briefings')
      .set(editor)
      .send({ title: { vi: 'Hữu Nghị – Hữu Nghị Quan' }, steps: [] });
    expect(again.body.id).toBe('huu-nghi-huu-nghi-quan-2');

    const replaced = await request(app)
      .put('/api/briefings/huu-nghi-huu-nghi-quan')
      .set(editor)
      .send({ title: { vi: 'Hữu Nghị', en: 'Huu Nghi' }, steps: [step, { ...step, title: 'Bước hai' }] });
    expect(replaced.status).toBe(200);
    expect((await request(app).get('/api/briefings/huu-nghi-huu-nghi-quan')).body.steps.map((s: { title: string }) => s.title)).toEqual([
      'Hữu Nghị',
      'Bước hai',
    ]);

    expect((await request(app).delete('/api/briefings/huu-nghi-huu-nghi-quan').set(editor)).status).toBe(204);
    expect((await request(app).get('/api/briefings/huu-nghi-huu-nghi-quan')).status).toBe(404);

    // Every change is in the log with its editor, before and after: the deleted briefing can be read back.
    expect(await changesOf('huu-nghi-huu-nghi-quan')).toEqual([
      { actor: 'editor', action: 'create', before: null, after: created.body },
      { actor: 'editor', action: 'replace', before: created.body, after: replaced.body },
      { actor: 'editor', action: 'delete', before: replaced.body, after: null },
    ]);
    const [row] = await db.query<{ updated_by: string }>('SELECT updated_by FROM briefings WHERE id = $1', ['huu-nghi-huu-nghi-quan-2']);
    expect(row.updated_by).toBe('editor');
  });

  it('gives briefings created at the same moment with the same title ids of their own', async () => {
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        request(app)
          .post('/api/briefings')
          .set(editor)
          .send({ title: { vi: 'Cùng một lúc' }, steps: [] }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(responses.map((r) => r.body.id).sort()).toEqual(['cung-mot-luc', 'cung-mot-luc-2', 'cung-mot-luc-3']);
  });

  it('refuses every write without a session, without the CSRF token, with a wrong one or from another site — storing nothing', async () => {
    const writes = [
      () => request(app).post('/api/briefings'),
      () => request(app).put('/api/briefings/lang-son-2023-2026'),
      () => request(app).delete('/api/briefings/lang-son-2023-2026'),
    ];
    const cases = [
      { headers: {}, status: 401, code: 'not_signed_in' },
      { headers: { 'X-CSRF-Token': editor['X-CSRF-Token'] }, status: 401, code: 'not_signed_in' },
      { headers: { Cookie: '__Host-sid=%', 'X-CSRF-Token': editor['X-CSRF-Token'] }, status: 401, code: 'not_signed_in' },
      { headers: { Cookie: editor.Cookie }, status: 403, code: 'csrf_token' },
      { headers: { Cookie: editor.Cookie, 'X-CSRF-Token': 'forged' }, status: 403, code: 'csrf_token' },
      { headers: { ...editor, Origin: 'https://evil.example' }, status: 403, code: 'cross_origin' },
    ];
    for (const write of writes) {
      for (const { headers, status, code } of cases) {
        await expectNothingStored(async () => {
          const response = await write()
            .set(headers)
            .send({ title: { vi: 'Không được lưu' }, steps: [step] });
          expect(response.status, JSON.stringify(headers)).toBe(status);
          expect(response.body.error.code).toBe(code);
        });
      }
    }
    // A refused request's body is not even read: an oversized one from a visitor is a 401, not a 413.
    const huge = await request(app)
      .post('/api/briefings')
      .send({ title: { vi: 'X' }, steps: [{ ...step, text: 'x'.repeat(600_000) }] });
    expect(huge.status).toBe(401);
  });

  it.each([
    ['a missing title', { steps: [] }, /"title"/],
    ['a step without a title', { title: { vi: 'X' }, steps: [{ ...step, title: '' }] }, /"steps\.0\.title": a step needs a title/],
    ['a view off the globe', { title: { vi: 'X' }, steps: [{ ...step, view: { lng: 500, lat: 0, zoom: 3 } }] }, /"steps\.0\.view\.lng"/],
    [
      'an unknown status',
      { title: { vi: 'X' }, steps: [{ ...step, filters: { ...step.filters, statuses: ['open'] } }] },
      /"steps\.0\.filters\.statuses\.0"/,
    ],
    ['an unknown field', { title: { vi: 'X' }, steps: [], colour: 'red' }, /Unrecognized key/],
  ])('refuses %s with a 400 naming the field, and loses nothing', async (_case, body, message) => {
    await expectNothingStored(async () => {
      const response = await request(app).post('/api/briefings').set(editor).send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    });
  });

  it('refuses malformed JSON, non-object and oversized bodies by name', async () => {
    await expectNothingStored(async () => {
      const malformed = await request(app).post('/api/briefings').set(editor).set('Content-Type', 'application/json').send('{"title": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatchObject({ code: 'invalid_body' });
      const notJson = await request(app).post('/api/briefings').set(editor).set('Content-Type', 'text/plain').send('hello');
      expect(notJson.status).toBe(400);
      expect(notJson.body.error.message).toMatch(/JSON object/);
      const oversized = await request(app)
        .put('/api/briefings/lang-son-2023-2026')
        .set(editor)
        .send({ title: { vi: 'X' }, steps: [{ ...step, text: 'x'.repeat(600_000) }] });
      expect(oversized.status).toBe(413);
      expect(oversized.body.error).toMatchObject({ code: 'too_large', message: expect.stringMatching(/too large/i) });
    });
  });

  it('answers 404 for unknown briefings on read, replace and delete', async () => {
    expect((await request(app).get('/api/briefings/nope')).status).toBe(404);
    await expectNothingStored(async () => {
      expect(
        (
          await request(app)
            .put('/api/briefings/nope')
            .set(editor)
            .send({ title: { vi: 'X' }, steps: [] })
        ).status,
      ).toBe(404);
      expect((await request(app).delete('/api/briefings/nope').set(editor)).status).toBe(404);
    });
  });

  it('round-trips: what GET returns can be imported with POST', async () => {
    const exported = (await request(app).get('/api/briefings/lang-son-2023-2026')).body;
    const imported = await request(app).post('/api/briefings').set(editor).send(exported);
    expect(imported.status).toBe(201);
    expect(imported.body.steps).toEqual(exported.steps);
    expect(imported.body.id).toBe('cua-khau-lang-son-2023-2026');
  });
});

describe('/api/briefings with the record served from files (no store, no editors)', () => {
  const files = createTestApp();

  it('reads the briefings and refuses every change as read-only', async () => {
    const list = await request(files).get('/api/briefings');
    expect(list.body.map((b: { id: string }) => b.id)).toEqual(['a-pa-chai-long-phu', 'lang-son-2023-2026']);
    for (const response of [
      await request(files)
        .post('/api/briefings')
        .send({ title: { vi: 'X' }, steps: [] }),
      await request(files)
        .put('/api/briefings/lang-son-2023-2026')
        .send({ title: { vi: 'X' }, steps: [] }),
      await request(files).delete('/api/briefings/lang-son-2023-2026'),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('read_only');
    }
    expect((await request(files).get('/api/briefings')).body).toEqual(list.body);
  });
});
