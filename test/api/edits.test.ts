import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureDetailResponse, recordTileJson, recordViewResponse } from '../../server/src/domain/api';
import type { Database } from '../../server/src/store/database';
import { storeRevision } from '../../server/src/store/revision';
import { createStoreTestApp, signInAsEditor } from '../helpers/app';
import { tanThanhStep } from '../helpers/record-fixtures';

let app: Awaited<ReturnType<typeof createStoreTestApp>>['app'];
let db: Database;
let credentials: { username: string; password: string };

beforeAll(async () => {
  const made = await createStoreTestApp();
  ({ app, db } = made);
  credentials = { username: made.username, password: made.password };
}, 120_000);
afterAll(async () => {
  await db?.close();
});

const signIn = () => signInAsEditor(app, credentials);

async function detail(id: string) {
  return featureDetailResponse.parse((await request(app).get(`/api/features/${id}`)).body);
}

/** Words of clause 003:6.d (Pò Peo, agreed on 11/02/2026). */
const poPeoQuote = 'thúc đẩy thủ tục mở cửa khẩu song phương Pò Peo';

const step = tanThanhStep;

/** Nothing was stored: the revision and the feature's steps are as they were. */
async function expectNothingStored(run: () => Promise<unknown>) {
  const revision = await storeRevision(db);
  const before = await detail('tan-thanh-po-chai');
  await run();
  expect(await storeRevision(db)).toBe(revision);
  const after = await detail('tan-thanh-po-chai');
  expect(after.history).toEqual(before.history);
  expect(after.version).toBe(before.version);
}

describe('signing in', () => {
  it('tells a visitor no one is signed in', async () => {
    const response = await request(app).get('/api/session');
    expect(response.body).toEqual({ user: null });
  });

  it('refuses a wrong password and an unknown name with the same answer', async () => {
    const wrong = await request(app)
      .post('/api/session')
      .send({ ...credentials, password: 'not the password' });
    const unknown = await request(app).post('/api/session').send({ username: 'nobody', password: 'whatever it is' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('gives a signed-in editor a secure, HttpOnly, SameSite=Strict session cookie and a CSRF token', async () => {
    const response = await request(app).post('/api/session').send(credentials);
    expect(response.status).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-sid=[\w-]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(response.body.user).toMatchObject({ username: 'editor', role: 'editor' });
    const session = await request(app).get('/api/session').set('Cookie', cookie.split(';')[0]);
    expect(session.body).toEqual({ user: response.body.user, csrfToken: response.body.csrfToken });
    // The token itself is not what the store keeps.
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(stored.map((row) => row.token_hash)).not.toContain(cookie.split(';')[0].split('=')[1]);
  });

  it('sends security headers: a CSP of our own origin, no inline script, no framing', async () => {
    const response = await request(app).get('/api/health');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('POST /api/features/:id/steps (recording a status change)', () => {
  it('refuses every write without a session, without the CSRF token, with a wrong one or from another site — storing nothing', async () => {
    const { cookie, csrf } = await signIn();
    const body = step((await detail('tan-thanh-po-chai')).version);
    const cases = [
      { headers: {}, status: 401, code: 'not_signed_in' },
      { headers: { 'X-CSRF-Token': csrf }, status: 401, code: 'not_signed_in' },
      { headers: { Cookie: '__Host-sid=%', 'X-CSRF-Token': csrf }, status: 401, code: 'not_signed_in' },
      { headers: { Cookie: cookie }, status: 403, code: 'csrf_token' },
      { headers: { Cookie: cookie, 'X-CSRF-Token': 'forged' }, status: 403, code: 'csrf_token' },
      { headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: 'https://evil.example' }, status: 403, code: 'cross_origin' },
    ];
    for (const { headers, status, code } of cases) {
      await expectNothingStored(async () => {
        const response = await request(app).post('/api/features/tan-thanh-po-chai/steps').set(headers).send(body);
        expect(response.status, JSON.stringify(headers)).toBe(status);
        expect(response.body.error.code).toBe(code);
      });
    }
  });

  it('refuses malformed, incomplete, oversized and unfounded bodies by name — storing nothing', async () => {
    const { cookie, csrf } = await signIn();
    const { version } = await detail('tan-thanh-po-chai');
    const post = (id: string, body: string | object, type = 'application/json') =>
      request(app)
        .post(`/api/features/${id}/steps`)
        .set({ Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': type })
        .send(typeof body === 'string' ? body : JSON.stringify(body));
    const cases: [string, string | object, number, RegExp][] = [
      ['tan-thanh-po-chai', '{"version": 1,', 400, /JSON|Unexpected|parse/i],
      ['tan-thanh-po-chai', step(version, { date: '2026-02-30' }), 400, /"date"/],
      // A step is dated by its document (agreement 003: 11/02/2026).
      ['tan-thanh-po-chai', step(version, { date: '2026-10-01' }), 400, /"date": .*agreement 003 is dated 2026-02-11/],
      ['tan-thanh-po-chai', step(version, { status: 'opened' }), 400, /"status"/],
      ['tan-thanh-po-chai', step(version, { status: 'unknown' }), 400, /"status"/],
      ['tan-thanh-po-chai', step(version, { quote: '' }), 400, /"quote"/],
      // Markup only: no words of the clause at all.
      ['tan-thanh-po-chai', step(version, { quote: '**' }), 400, /"quote": not found/],
      ['tan-thanh-po-chai', step(version, { extra: 'field' }), 400, /extra/],
      ['tan-thanh-po-chai', { ...step(version), version: undefined }, 400, /"version"/],
      [
        'tan-thanh-po-chai',
        step(version, { quote: 'words that are in no clause at all' }),
        400,
        /"quote": not found in the text of clause 003:6\.a/,
      ],
      ['tan-thanh-po-chai', step(version, { agreementId: '004' }), 400, /"clauseId": clause "003:6\.a" belongs to agreement "003"/],
      ['tan-thanh-po-chai', step(version, { clauseId: '003:99' }), 400, /no clause "003:99"/],
      ['tan-thanh-po-chai', step(version, { note: 'x'.repeat(40_000) }), 413, /too large/i],
      ['no-such-feature', step(version), 404, /"no-such-feature"/],
    ];
    for (const [id, body, status, message] of cases) {
      await expectNothingStored(async () => {
        const response = await post(id, body);
        expect(response.status, `${id} ${String(body).slice(0, 80)}`).toBe(status);
        expect(response.body.error.message).toMatch(message);
        // A 400 naming a field carries it as data: the form marks that field without reading the sentence.
        const named = /^Field "([^"]+)"/.exec(response.body.error.message)?.[1];
        if (named) expect(response.body.error.field).toBe(named === '(body)' ? undefined : named);
      });
    }
    const marker = (await request(app).get('/api/features?kind=marker')).body.features[0].id;
    const response = await post(marker, step((await detail(marker)).version));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('no_status');
  });

  it('records the step with who, when, before, after and the citation; the map’s record shows it as of its date', async () => {
    const { cookie, csrf } = await signIn();
    const before = await detail('po-peo');
    const tilesBefore = recordTileJson.parse((await request(app).get('/api/map/tiles.json')).body).tiles;
    const sentAt = new Date().toISOString();
    const response = await request(app)
      .post('/api/features/po-peo/steps')
      .set({ Cookie: cookie, 'X-CSRF-Token': csrf })
      .send(step(before.version, { status: 'under_construction', level: 'bilateral', clauseId: '003:6.d', quote: poPeoQuote }));
    const answeredAt = new Date().toISOString();
    expect(response.status).toBe(201);
    expect(response.body.version).toBe(before.version + 1);
    const after = await detail('po-peo');
    expect(after.version).toBe(before.version + 1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.at(-1)).toMatchObject({
      date: '2026-02-11',
      clauseId: '003:6.d',
      quote: poPeoQuote,
      recordedBy: 'editor',
    });
    // Recorded when it was saved: between the moments before the request and after its answer (no timing bound).
    const recordedAt = after.history.at(-1)?.recordedAt ?? '';
    expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(Date.parse(sentAt) - 1000);
    expect(Date.parse(recordedAt)).toBeLessThanOrEqual(Date.parse(answeredAt) + 1000);
    // The curated record's steps were recorded by no one in the app.
    expect(before.history.every((entry) => entry.recordedBy === null && entry.recordedAt === null)).toBe(true);
    const [change] = await db.query<{
      actor: string;
      action: string;
      before: { version: number };
      after: { version: number };
      reason: string;
    }>("SELECT actor, action, before, after, reason FROM changes WHERE entity_id = 'po-peo' ORDER BY id DESC LIMIT 1");
    expect(change).toMatchObject({
      actor: 'editor',
      action: 'status_step',
      before: { version: before.version },
      after: { version: before.version + 1 },
    });
    expect(change.reason).toContain('003:6.d');
    const view = async (asOf: string) =>
      recordViewResponse.parse((await request(app).get(`/api/view?asOf=${asOf}&limit=1000`)).body).rows.find((row) => row.id === 'po-peo');
    expect(await view('2026-02-10')).toBeUndefined(); // not in the record before its first document
    expect((await view('2026-02-11'))?.status).toBe('under_construction');
    // The map's tiles get new URLs, so a map already open asks for them again (MapLibre keeps its tiles).
    const tilesAfter = recordTileJson.parse((await request(app).get('/api/map/tiles.json')).body).tiles;
    expect(tilesAfter).not.toEqual(tilesBefore);
  });

  it('corrects a misread step with a new cited step: both kept, the history says which corrects which, states use the correction', async () => {
    const { cookie, csrf } = await signIn();
    const post = (body: object) => request(app).post('/api/features/po-peo/steps').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send(body);
    const before = await detail('po-peo');
    const cite = { clauseId: '003:6.d', quote: poPeoQuote, level: 'bilateral' };
    const wrong = await post(step(before.version, { ...cite, status: 'built' }));
    expect(wrong.status).toBe(201);
    const corrects = { date: '2026-02-11', clauseId: '003:6.d', status: 'built', level: 'bilateral' };
    const view = async () =>
      recordViewResponse.parse((await request(app).get('/api/view?asOf=2026-02-11&limit=1000')).body).rows.find((r) => r.id === 'po-peo');
    expect((await view())?.status).toBe('built');
    const version = wrong.body.version as number;

    // Refused: no note, a step the feature does not have — nothing stored.
    await expectNothingStored(async () => {
      expect((await post(step(version, { ...cite, status: 'agreed', corrects }))).body.error.message).toMatch(/"note"/);
    });
    await expectNothingStored(async () => {
      const response = await post(step(version, { ...cite, status: 'agreed', note: 'why', corrects: { ...corrects, clauseId: '003:1' } }));
      expect(response.body.error.message).toMatch(/"corrects": the feature has no step/);
    });

    const fixed = await post(
      step(version, { ...cite, status: 'agreed', note: 'Clause 6.d promotes the procedures to open it; nothing is built yet.', corrects }),
    );
    expect(fixed.status).toBe(201);
    expect((await view())?.status).toBe('agreed'); // the corrected step no longer counts
    // Nor does it anywhere the record is read: events, exports, filters and timelines leave it out.
    const events = (await request(app).get('/api/events')).body as { featureId: string; status: string }[];
    expect(events.filter((e) => e.featureId === 'po-peo').map((e) => e.status)).not.toContain('built');
    const after = await detail('po-peo');
    const misread = after.history.find((entry) => entry.status === 'built');
    const correction = after.history.find((entry) => entry.corrects);
    expect(misread?.correctedBy).toEqual({ date: '2026-02-11', clauseId: '003:6.d', status: 'agreed', level: 'bilateral' });
    expect(correction).toMatchObject({ status: 'agreed', corrects, recordedBy: 'editor', correctedBy: null });
    expect(after.history).toHaveLength(before.history.length + 2);
    const [logged] = await db.query<{ action: string }>("SELECT action FROM changes WHERE entity_id = 'po-peo' ORDER BY id DESC LIMIT 1");
    expect(logged.action).toBe('correction');
    // A step corrected once is corrected again through its correction, not twice.
    await expectNothingStored(async () => {
      const again = await post(step(after.version, { ...cite, status: 'proposed', note: 'again', corrects }));
      expect(again.body.error.message).toMatch(/already corrected/);
    });
  });

  it('lets one of two concurrent edits of a feature through and answers the other 409 with the current state', async () => {
    const { cookie, csrf } = await signIn();
    const { version } = await detail('chi-ma');
    const send = (status: string) =>
      request(app).post('/api/features/chi-ma/steps').set({ Cookie: cookie, 'X-CSRF-Token': csrf }).send(step(version, { status }));
    const answers = await Promise.all([send('announced'), send('operating')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const loser = answers.find((answer) => answer.status === 409);
    expect(loser?.body.error.code).toBe('conflict');
    expect(loser?.body.current.version).toBe(version + 1);
    expect((await detail('chi-ma')).version).toBe(version + 1);
  });

  it('signs out: the session no longer changes anything', async () => {
    const { cookie, csrf } = await signIn();
    expect((await request(app).delete('/api/session').set({ Cookie: cookie })).status).toBe(403);
    expect((await request(app).delete('/api/session').set({ Cookie: cookie, 'X-CSRF-Token': csrf })).status).toBe(204);
    expect((await request(app).get('/api/session').set('Cookie', cookie)).body).toEqual({ user: null });
    const response = await request(app)
      .post('/api/features/tan-thanh-po-chai/steps')
      .set({ Cookie: cookie, 'X-CSRF-Token': csrf })
      .send(step((await detail('tan-thanh-po-chai')).version));
    expect(response.status).toBe(401);
  });

  it('refuses malformed and oversized sign-in bodies by name', async () => {
    const malformed = await request(app).post('/api/session').set('Content-Type', 'application/json').send('{"username": "editor",');
    expect(malformed.status).toBe(400);
    expect((await request(app).post('/api/session').send({ username: 'editor' })).body.error.message).toMatch(/"password"/);
    expect(
      (
        await request(app)
          .post('/api/session')
          .send({ username: 'editor', password: 'x'.repeat(10_000) })
      ).status,
    ).toBe(413);
  });

  it('limits failed sign-in attempts from one address, not successful ones', async () => {
    for (let i = 0; i < 12; i += 1) expect((await request(app).post('/api/session').send(credentials)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push(
        (
          await request(app)
            .post('/api/session')
            .send({ username: 'editor', password: `guess ${i}` })
        ).status,
      );
    expect(statuses).toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });
});
