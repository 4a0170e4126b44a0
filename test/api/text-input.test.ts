import { rmSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, signInAsEditor } from '../helpers/app';
import { tanThanhStep } from '../helpers/record-fixtures';

/**
 * NUL characters and lone surrogates reach the server easily (`%00` in a URL, "\u0000" or "\ud800" in
 * JSON) and the store refuses them deep inside a query: every endpoint answers 400 naming the field
 * instead of 500. So does percent-encoding that is not UTF-8.
 */
let app: Awaited<ReturnType<typeof createStoreTestApp>>['app'];
let db: Database;
let dataDir: string;
let editor: Record<string, string>;

beforeAll(async () => {
  const made = await createStoreTestApp({ withClient: true });
  ({ app, db, dataDir } = made);
  editor = (await signInAsEditor(app, made)).headers;
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const NUL = '\u0000';
const LONE = '\ud800';

type Refusal = { status: number; message: string; code: string };
/** A refusal in either shape: the API's {error: {code, message}} or OGC's {code, description}. */
function refusal(response: request.Response): Refusal {
  const body = response.body as { error?: { code: string; message: string }; code?: string; description?: string };
  return {
    status: response.status,
    code: body.error?.code ?? body.code ?? '',
    message: body.error?.message ?? body.description ?? response.text,
  };
}

function expectRefused(what: string, response: request.Response, named: RegExp) {
  const { status, message } = refusal(response);
  expect(status, `${what}: ${response.text.slice(0, 200)}`).toBe(400);
  expect(message, what).toMatch(named);
  // The bad characters are never echoed back.
  expect(response.text.includes(NUL) || /[\ud800-\udfff]/.test(response.text), what).toBe(false);
}

describe('text that is not text, in a path', () => {
  it('is refused as 400 naming the path segment, on every kind of endpoint (GET, /api, /ogc, tiles, files)', async () => {
    const paths = [
      '/api/briefings/%00',
      '/api/briefings/a%00b',
      '/api/features/%00',
      '/api/agreements/%00',
      '/api/clauses/003%00',
      '/api/map/tiles/%00/0/0.pbf',
      '/api/nope/%00',
      '/ogc/collections/%00',
      '/ogc/collections/gates/items/%00',
      '/basemap/%00',
      '/assets/%00.js',
      '/%00',
    ];
    for (const path of paths) {
      const response = await request(app).get(path);
      expectRefused(path, response, /Path segment ".*%00.*" contains a NUL character/);
      if (path.startsWith('/ogc')) expect(refusal(response).code, path).toBe('InvalidParameterValue');
      else expect(refusal(response).code, path).toBe('invalid_text');
    }
  });

  it('is refused for writes too, before the session is even looked at', async () => {
    for (const [method, path] of [
      ['put', '/api/briefings/%00'],
      ['delete', '/api/briefings/%00'],
      ['post', '/api/features/%00/steps'],
    ] as const) {
      expectRefused(`${method} ${path}`, await request(app)[method](path).set(editor).send({}), /Path segment "%00" contains a NUL/);
    }
  });

  it('refuses percent-encoding that is not UTF-8 (a lone surrogate encoded, a cut sequence) as 400 naming the segment', async () => {
    for (const path of ['/api/features/%ED%A0%80', '/api/briefings/%E0%A4', '/api/features/%C3', '/ogc/collections/gates/items/%FF']) {
      const response = await request(app).get(path);
      expectRefused(path, response, /Path segment ".*" is not valid percent-encoded UTF-8/);
    }
  });
});

describe('text that is not text, in a query parameter', () => {
  it('is refused as 400 naming the parameter, on /api and /ogc', async () => {
    const cases: [string, string][] = [
      ['/api/search?q=%00', 'q'],
      ['/api/search?q=abc%00def&limit=5', 'q'],
      ['/api/features?kind=%00', 'kind'],
      ['/api/features?id=chi-ma%00', 'id'],
      ['/api/view?asOf=%00', 'asOf'],
      ['/api/changes?from=2024-01-01&to=%00', 'to'],
      ['/api/export/features.csv?province=%00', 'province'],
      ['/api/map/tiles.json?x=%00', 'x'],
      ['/api/briefings?%00=1', '\\\\u0000'],
      ['/ogc/collections/gates/items?status=%00', 'status'],
      ['/ogc/collections?f=%00', 'f'],
    ];
    for (const [path, name] of cases) {
      const response = await request(app).get(path);
      expectRefused(path, response, new RegExp(`Query parameter "${name}" contains a NUL character`));
    }
  });

  it('refuses percent-encoding that is not UTF-8 as 400 naming the parameter', async () => {
    for (const [path, name] of [
      ['/api/search?q=%ED%A0%80', 'q'],
      ['/api/features?kind=%E0%A4', 'kind'],
      ['/ogc/collections/gates/items?bbox=%FF', 'bbox'],
    ]) {
      expectRefused(path, await request(app).get(path), new RegExp(`Query parameter "${name}" is not valid percent-encoded UTF-8`));
    }
  });
});

describe('text that is not text, in a JSON body', () => {
  it('refuses a sign-in whose username or password holds a NUL or a lone surrogate, naming the field', async () => {
    for (const [body, field, problem] of [
      [{ username: `editor${NUL}`, password: 'correct horse battery' }, 'username', /NUL character/],
      [{ username: 'editor', password: `x${LONE}y` }, 'password', /lone surrogate \(U\+D800\)/],
      [{ [`user${NUL}name`]: 'editor', password: 'x' }, '\\(body\\)', /field name that contains a NUL/],
    ] as const) {
      const response = await request(app).post('/api/session').send(body);
      expectRefused(`sign-in ${field}`, response, new RegExp(`Field "${field}" .*${problem.source}`));
      expect(refusal(response).code).toBe('invalid_text');
    }
  });

  it('refuses briefings, status steps and imports holding one, naming the field, and stores nothing', async () => {
    const briefing = (title: string) => ({
      title: { vi: title, en: 'Briefing' },
      steps: [
        {
          title: 'Hữu Nghị',
          text: 'Cặp cửa khẩu quốc tế',
          view: { lng: 106.71, lat: 21.97, zoom: 10 },
          filters: { asOf: '2026-02-11', kinds: ['gate_pair'], statuses: [], agreements: [], provinces: [], stalled: false },
          feature: 'huu-nghi',
        },
      ],
    });
    const { version } = (await request(app).get('/api/features/tan-thanh-po-chai')).body as { version: number };
    const stepBody = tanThanhStep(version, { note: `a note ${LONE}` });
    const importBody = { text: `(1) Lạng Sơn ${NUL}`, agreement: {}, steps: [], mentions: [], newFeatures: [] };
    const changesBefore = await db.query('SELECT count(*)::int AS n FROM changes');
    const cases: [string, string, object, RegExp][] = [
      ['post', '/api/briefings', briefing(`Tiêu đề ${NUL}`), /Body field "title\.vi" contains a NUL character/],
      ['put', '/api/briefings/a-pa-chai-long-phu', briefing(`Tiêu đề ${LONE}`), /Body field "title\.vi" contains a lone surrogate/],
      ['post', '/api/features/tan-thanh-po-chai/steps', stepBody, /Field "note" contains a lone surrogate/],
      ['post', '/api/imports/read', { text: `abc${NUL}` }, /Field "text" contains a NUL character/],
      ['post', '/api/imports', importBody, /Field "text" contains a NUL character/],
      [
        'post',
        '/api/imports',
        { ...importBody, text: '(1) Lạng Sơn', steps: [{ quote: 'ok' }, { quote: `q${NUL}` }] },
        /Field "steps\.1\.quote" contains a NUL character/,
      ],
    ];
    for (const [method, path, body, named] of cases) {
      const response = await (method === 'put' ? request(app).put(path) : request(app).post(path)).set(editor).send(body);
      expectRefused(`${method} ${path}`, response, named);
      expect(refusal(response).code).toBe('invalid_text');
      // The field at fault is data (error.field), the same name the message quotes.
      expect(response.body.error.field, path).toBe(/"([^"]+)"/.exec(refusal(response).message)?.[1]);
    }
    expect(await db.query('SELECT count(*)::int AS n FROM changes')).toEqual(changesBefore);
  });

  it('checks a deeply nested body without overflowing the stack', async () => {
    const deep = `{"text": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const response = await request(app).post('/api/imports/read').set(editor).set('Content-Type', 'application/json').send(deep);
    expect(response.status).toBe(400);
    expect(refusal(response).message).toMatch(/"text"/);
  });
});
