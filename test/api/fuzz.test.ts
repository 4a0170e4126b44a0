import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, projectRoot, signInAsEditor } from '../helpers/app';

/**
 * Property-based fuzzing of every endpoint (fast-check): whatever path, query, body or method a hostile
 * or careless client sends — NUL bytes, lone surrogates, broken percent-encoding, huge numbers, wrong
 * types, as a visitor or as a signed-in editor with a valid CSRF token — the answer is never a 5xx, an
 * /api answer is JSON naming the problem, no answer shows a filesystem path, and the record keeps every
 * feature and step it had.
 */
const ENDPOINTS: { method: 'get' | 'post' | 'put' | 'delete'; path: string; params?: string[] }[] = [
  { method: 'get', path: '/api/features', params: ['kind', 'status', 'agreement', 'province', 'asOf', 'id', 'bbox', 'stalled'] },
  { method: 'get', path: '/api/features/chi-ma' },
  { method: 'get', path: '/api/features/{}' },
  { method: 'get', path: '/api/view', params: ['kind', 'status', 'asOf', 'limit', 'offset', 'province', 'agreement'] },
  { method: 'get', path: '/api/changes', params: ['from', 'to', 'limit', 'offset'] },
  { method: 'get', path: '/api/search', params: ['q', 'limit'] },
  { method: 'get', path: '/api/agreements/{}' },
  { method: 'get', path: '/api/clauses/{}' },
  { method: 'get', path: '/api/briefings/{}' },
  { method: 'get', path: '/api/export/features.csv', params: ['kind', 'asOf', 'status'] },
  { method: 'get', path: '/api/export/events.csv', params: ['asOf', 'agreement'] },
  { method: 'get', path: '/api/map/tiles/{}/{}/{}.pbf', params: ['rev'] },
  { method: 'get', path: '/api/session' },
  { method: 'get', path: '/ogc/collections/{}/items', params: ['limit', 'offset', 'bbox', 'datetime', 'status'] },
  { method: 'get', path: '/ogc/collections/gates/items/{}' },
  { method: 'get', path: '/basemap/{}' },
  { method: 'get', path: '/assets/{}' },
  { method: 'post', path: '/api/session' },
  { method: 'post', path: '/api/features/{}/steps' },
  { method: 'post', path: '/api/briefings' },
  { method: 'put', path: '/api/briefings/{}' },
  { method: 'delete', path: '/api/briefings/{}' },
  { method: 'post', path: '/api/imports/read' },
  { method: 'post', path: '/api/imports' },
];

/** Strings as hostile input has them: NUL, lone surrogates, control and astral characters, Vietnamese and Chinese. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', '\ud800', 'a\udfffb', '\u0000chi-ma', '峙马', 'Chi Ma', '', ' ', '..', '../../etc/passwd', '9'.repeat(400)),
  fc.string({ unit: fc.constantFrom('a', 'đ', '马', '\u0000', '\ud83d', '\ude00', '%', '/', '.', ',', '-', '1'), maxLength: 20 }),
);

/** A path segment: the text percent-encoded as WTF-8 (so lone surrogates and NUL arrive as such), or raw bytes, or broken escapes. */
const segment = fc.oneof(
  hostileText.map((text) =>
    [...text]
      .map((char) => {
        const code = char.codePointAt(0) ?? 0;
        if (code >= 0xd800 && code <= 0xdfff)
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
        return encodeURIComponent(char);
      })
      .join(''),
  ),
  fc.uint8Array({ maxLength: 8 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%zz', '%e4%b8', 'chi-ma', '003:6.a', '8', '004'),
);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(hostileText, fc.constantFrom('username', 'password', 'version', 'date', 'status', 'text', 'title', 'steps')),
      tie('value'),
      {
        maxKeys: 5,
      },
    ),
  ),
})).value;

describe('fuzzing every endpoint', () => {
  let made: Awaited<ReturnType<typeof createStoreTestApp>>;
  let editor: Awaited<ReturnType<typeof signInAsEditor>>;
  let before: { features: number; steps: number };
  const counts = async (db: Database) => {
    const [row] = await db.query<{ features: string; steps: string }>(
      'SELECT (SELECT count(*) FROM features)::text AS features, (SELECT count(*) FROM status_events)::text AS steps',
    );
    return { features: Number(row.features), steps: Number(row.steps) };
  };
  beforeAll(async () => {
    made = await createStoreTestApp();
    editor = await signInAsEditor(made.app, made);
    before = await counts(made.db);
  });
  afterAll(async () => {
    await made?.db.close();
  });

  it('never answers 5xx, always names the problem, never shows a path, never loses the record', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ENDPOINTS),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom('kind', 'asOf', 'limit', 'q', 'bbox', 'datetime'), segment), segment), { maxLength: 3 }),
        fc.option(jsonValue, { nil: undefined }),
        fc.boolean(),
        async (endpoint, segments, query, body, asEditor) => {
          let index = 0;
          const path = endpoint.path.replace(/\{\}/g, () => segments[index++]);
          const names = endpoint.params ?? [];
          const search = query.map(([name, value], i) => `${i < names.length && !name.includes('%') ? names[i] : name}=${value}`).join('&');
          const url = search ? `${path}?${search}` : path;
          let sent = request(made.app)[endpoint.method](url);
          if (asEditor) sent = sent.set(editor.headers);
          const response = await (body === undefined ? sent : sent.set('Content-Type', 'application/json').send(JSON.stringify(body)));
          seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
          expect(
            response.status,
            `${endpoint.method.toUpperCase()} ${url} → ${response.status} ${response.text.slice(0, 200)}`,
          ).toBeLessThan(500);
          expect(response.text).not.toContain(projectRoot);
          if (response.status >= 400 && url.startsWith('/api')) {
            expect(response.body?.error?.message, `${url}: ${response.text.slice(0, 200)}`).toEqual(expect.any(String));
          }
        },
      ),
      { numRuns: 1500, seed: 20261202 },
    );
    // Nothing the fuzzer sent removed anything (writes with a wrong version or body are refused).
    const after = await counts(made.db);
    expect(after.features).toBeGreaterThanOrEqual(before.features);
    expect(after.steps).toBeGreaterThanOrEqual(before.steps);
    console.log(`fuzz: 1500 requests, statuses ${JSON.stringify(Object.fromEntries([...seen].sort()))}`);
  }, 300_000);
});
