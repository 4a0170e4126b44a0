import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../client/src/i18n/language';
import { text } from '../../client/src/i18n/ui-text';
import { createTestApp, projectRoot } from '../helpers/app';

type Raw = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** The bytes of an answer exactly as sent (no client-side decoding), over a real connection to this machine. */
function raw(path: string, acceptEncoding: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const outgoing = httpGet({ host: '127.0.0.1', port, path, headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
  });
}

const dist = join(projectRoot, 'client', 'dist');
let app: ReturnType<typeof createTestApp>;
let server: Server;
let port: number;
let script: string;

beforeAll(async () => {
  expect(existsSync(join(dist, 'index.html')), 'run npm run build first').toBe(true);
  app = createTestApp({ withClient: true });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
  // The page's own script: the largest of the built scripts it names.
  script = (/src="\/assets\/(index-[^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8')) ?? [])[1] ?? '';
  expect(readdirSync(join(dist, 'assets'))).toContain(script);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe('delivering the app and the basemap', () => {
  it('sends the scripts brotli-compressed to a browser that takes it, gzip to one that takes only that, and plain to the rest', async () => {
    const original = readFileSync(join(dist, 'assets', script));
    const br = await raw(`/assets/${script}`, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    expect(br.body.length).toBeLessThan(original.length / 2);

    const gzip = await raw(`/assets/${script}`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);

    const plain = await raw(`/assets/${script}`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('compresses the basemap’s TopoJSON, never its fonts (woff2 is compressed already)', async () => {
    const topology = await raw('/basemap/basemap.topojson', 'br');
    expect(topology.status).toBe(200);
    expect(topology.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(topology.body).toString()).type).toBe('Topology');
    const font = readdirSync(join(projectRoot, 'geodata', 'basemap', 'output', 'fonts')).find((name) => name.endsWith('.woff2'));
    const fontAnswer = await raw(`/basemap/fonts/${font}`, 'br');
    expect(fontAnswer.status).toBe(200);
    expect(fontAnswer.headers['content-encoding']).toBeUndefined();
  });

  it('caches hashed assets for a year as immutable, and makes the page and unhashed files ask again', async () => {
    const asset = await request(app).get(`/assets/${script}`);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await request(app).get('/');
    expect(page.headers['cache-control']).toBe('no-cache');
    const topology = await request(app).get('/basemap/basemap.topojson');
    expect(topology.headers['cache-control']).not.toMatch(/immutable/);
  });

  it('leaves the API uncompressed: its cached answers are replayed byte for byte', async () => {
    const answer = await raw('/api/features', 'br, gzip');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(answer.body.toString()).type).toBe('FeatureCollection');
  });

  it('sends the page with its first paint in the reader’s language before any script runs: title, hint, lang', async () => {
    const shell = (html: string) => ({
      lang: /<html lang="([^"]+)">/.exec(html)?.[1],
      title: /<h1>([^<]+)<\/h1>/.exec(html)?.[1],
      hint: /<p class="select-hint">([^<]+)<\/p>/.exec(html)?.[1],
    });
    const expected = (language: Language) => ({
      lang: language === 'zh' ? 'zh-CN' : language,
      title: text('title', language),
      hint: text('selectHint', language),
    });
    expect(shell((await request(app).get('/')).text)).toEqual(expected('vi'));
    expect(shell((await request(app).get('/?lang=en&feature=huu-nghi')).text)).toEqual(expected('en'));
    expect(shell((await request(app).get('/some/page?lang=zh')).text)).toEqual(expected('zh'));
    // Anything else is the Vietnamese page, as the app reads it.
    expect(shell((await request(app).get('/?lang=fr')).text)).toEqual(expected('vi'));
    expect(shell((await request(app).get('/?lang=en&lang=zh')).text)).toEqual(expected('vi'));
  });
});
