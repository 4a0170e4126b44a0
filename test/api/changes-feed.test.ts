import { DOMParser } from '@xmldom/xmldom';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, signInAsEditor } from '../helpers/app';

const ATOM = 'http://www.w3.org/2005/Atom';
let app: Awaited<ReturnType<typeof createStoreTestApp>>['app'];
let db: Database;
let session: Awaited<ReturnType<typeof signInAsEditor>>;

beforeAll(async () => {
  const made = await createStoreTestApp({ username: 'nguyen.van.a' });
  ({ app, db } = made);
  session = await signInAsEditor(app, { username: made.username, password: made.password });
}, 120_000);

afterAll(async () => {
  await db?.close();
});

/** The feed parsed back as XML: its entries' ids, titles, links, updated times and authors. */
async function readFeed(query = '', cookie?: string) {
  const call = request(app).get(`/api/changes.atom${query}`);
  const response = await (cookie ? call.set('Cookie', cookie) : call);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: {
      warning: (m: string) => errors.push(`warning: ${m}`),
      error: (m: string) => errors.push(`error: ${m}`),
      fatalError: (m: string) => errors.push(`fatal: ${m}`),
    },
  }).parseFromString(response.text, 'text/xml');
  expect(errors).toEqual([]);
  const root = document.documentElement;
  expect(root?.namespaceURI).toBe(ATOM);
  expect(root?.localName).toBe('feed');
  const child = (element: Element, name: string) => Array.from(element.getElementsByTagNameNS(ATOM, name))[0];
  const entries = Array.from(root?.getElementsByTagNameNS(ATOM, 'entry') ?? []).map((entry) => ({
    id: child(entry, 'id')?.textContent ?? '',
    title: child(entry, 'title')?.textContent ?? '',
    link: child(entry, 'link')?.getAttribute('href') ?? '',
    updated: child(entry, 'updated')?.textContent ?? '',
    author: child(child(entry, 'author'), 'name')?.textContent ?? '',
  }));
  return { feedUpdated: child(root as Element, 'updated')?.textContent ?? '', entries };
}

describe('GET /api/changes.atom', () => {
  it('is valid Atom: every entry with a unique id, a title, a link to the map on its date and an updated time, newest first', async () => {
    const { feedUpdated, entries } = await readFeed('?limit=500');
    expect(entries.length).toBeGreaterThan(50);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.title).not.toBe('');
      expect(entry.link).toMatch(/\/\?feature=[^&]+&asOf=\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
    }
    const times = entries.map((e) => e.updated);
    expect(times).toEqual([...times].sort().reverse());
    expect(feedUpdated).toBe(times[0]);
  });

  it('filters like /api/features, and refuses what it does not know, naming the parameter', async () => {
    const { entries } = await readFeed('?province=VN-04&kind=gate_pair');
    expect(entries.length).toBeGreaterThan(0);
    const features = (await request(app).get('/api/features?province=VN-04&kind=gate_pair')).body.features.map((f: { id: string }) => f.id);
    for (const entry of entries) expect(features).toContain(new URL(entry.link).searchParams.get('feature'));
    const bad = await request(app).get('/api/changes.atom?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('limit');
    expect((await request(app).get('/api/changes.atom?agreement=nope')).status).toBe(400);
  });

  it('lists a step as soon as an editor records it, first, by the editor for editors and "editor" for everyone else', async () => {
    const detail = (await request(app).get('/api/features/po-peo')).body as { version: number };
    const recorded = await request(app)
      .post('/api/features/po-peo/steps')
      .set({ Cookie: session.cookie, 'X-CSRF-Token': session.csrf })
      .send({
        version: detail.version,
        date: '2026-02-11',
        status: 'announced',
        level: 'bilateral',
        evidence: 'stated',
        agreementId: '003',
        clauseId: '003:6.d',
        quote: 'thúc đẩy thủ tục mở cửa khẩu song phương Pò Peo',
      });
    expect(recorded.status).toBe(201);
    const [first] = (await readFeed()).entries;
    expect(first.title).toContain('Pò Peo');
    expect(first.link).toMatch(/feature=po-peo&asOf=2026-02-11$/);
    expect(first.author).toBe('editor');
    expect((await readFeed('', session.cookie)).entries[0].author).toBe('nguyen.van.a');
  });
});
