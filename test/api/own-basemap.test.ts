import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FetchSource, PMTiles } from 'pmtiles';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { basemapDescription } from '../../server/src/domain/api';
import { createTestApp } from '../helpers/app';
import { buildTestArchive, TEST_ARCHIVE_ATTRIBUTION, TEST_ARCHIVE_BOUNDS } from '../helpers/basemap-archive';

const folder = mkdtempSync(join(tmpdir(), 'border-atlas-basemap-'));
const archivePath = join(folder, 'region.pmtiles');
const archive = buildTestArchive();
writeFileSync(archivePath, archive);

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createTestApp({ ownBasemap: { kind: 'pmtiles', path: archivePath } }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server?.close());

describe('a PMTiles archive of the region (BORDER_ATLAS_BASEMAP_PMTILES)', () => {
  it('is described at /api/basemap from its header and metadata: area, zooms and a plain-text credit', async () => {
    const response = await request(server).get('/api/basemap').expect(200);
    const described = basemapDescription.parse(response.body);
    expect(described).toMatchObject({
      kind: 'pmtiles',
      name: 'Lạng Sơn test region',
      attribution: TEST_ARCHIVE_ATTRIBUTION,
      minzoom: 0,
      maxzoom: 12,
    });
    if (described.kind !== 'pmtiles') throw new Error('not pmtiles');
    described.bounds.forEach((value, index) => {
      expect(value).toBeCloseTo(TEST_ARCHIVE_BOUNDS[index], 5);
    });
    expect(described.url).toMatch(/^\/basemap\/own\.pmtiles\?v=\d+$/);
  });

  it('is served by byte ranges, uncompressed, and the pmtiles reader finds its tiles through them', async () => {
    const head = await request(server)
      .get('/basemap/own.pmtiles')
      .set('Range', 'bytes=0-126')
      .set('Accept-Encoding', 'br, gzip')
      .expect(206);
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(
      Buffer.from(head.body as Buffer)
        .subarray(0, 7)
        .toString(),
    ).toBe('PMTiles');
    // The library's own reader over HTTP: what the browser's does.
    const reader = new PMTiles(new FetchSource(`${origin}/basemap/own.pmtiles`));
    const header = await reader.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.maxZoom).toBe(12);
    // Zoom 12 over Lạng Sơn (106.76° E, 21.85° N).
    const tile = await reader.getZxy(12, 3262, 1792);
    expect(tile?.data.byteLength).toBeGreaterThan(0);
  });

  it('serves that one file only', async () => {
    await request(server).get('/basemap/other.pmtiles').expect(404);
    await request(server).get('/basemap/own.pmtiles/../../etc/passwd').expect(404);
    await request(server)
      .get('/basemap/%2e%2e/%2e%2e/etc/passwd')
      .expect((response) => expect(response.status).toBeGreaterThanOrEqual(400));
  });
});

describe('the fallback and the settings', () => {
  it('answers the embedded basemap with the reason when the archive cannot be read, and serves nothing for it', async () => {
    const app = createTestApp({ ownBasemap: { kind: 'pmtiles', path: join(folder, 'missing.pmtiles') } });
    const response = await request(app).get('/api/basemap').expect(200);
    expect(response.body).toEqual({ kind: 'embedded', problem: 'archive_unreadable' });
    await request(app).get('/basemap/own.pmtiles').expect(404);
    // The file put in place: described at the next request, without a restart.
    writeFileSync(join(folder, 'missing.pmtiles'), archive);
    await request(app)
      .get('/api/basemap')
      .expect(200)
      .expect((answer) => expect(answer.body.kind).toBe('pmtiles'));
  });

  it('answers the embedded basemap when none is configured, and a style URL as given', async () => {
    await request(createTestApp()).get('/api/basemap').expect(200, { kind: 'embedded' });
    const style = 'https://tiles.office.local/style.json';
    const response = await request(createTestApp({ ownBasemap: { kind: 'style', url: style } }))
      .get('/api/basemap')
      .expect(200, { kind: 'style', url: style });
    // The browser may fetch the style, its tiles, sprite and glyphs from that server, and from no other.
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toMatch(/connect-src [^;]*https:\/\/tiles\.office\.local/);
    expect(policy).toMatch(/img-src [^;]*https:\/\/tiles\.office\.local/);
    const embedded = await request(createTestApp()).get('/api/basemap');
    expect(String(embedded.headers['content-security-policy'])).not.toContain('office');
  });

  it('reads one basemap setting: an absolute archive path or an http(s) style URL, not both', () => {
    expect(readConfig({}).ownBasemap).toBeUndefined();
    expect(readConfig({ BORDER_ATLAS_BASEMAP_PMTILES: '/srv/maps/region.pmtiles' }).ownBasemap).toEqual({
      kind: 'pmtiles',
      path: '/srv/maps/region.pmtiles',
    });
    expect(readConfig({ BORDER_ATLAS_BASEMAP_STYLE_URL: 'https://tiles.office.local/style.json' }).ownBasemap).toEqual({
      kind: 'style',
      url: 'https://tiles.office.local/style.json',
    });
    expect(() => readConfig({ BORDER_ATLAS_BASEMAP_PMTILES: 'region.pmtiles' })).toThrowError(
      /BORDER_ATLAS_BASEMAP_PMTILES: must be an absolute path/,
    );
    expect(() => readConfig({ BORDER_ATLAS_BASEMAP_STYLE_URL: 'file:///etc/passwd' })).toThrowError(/BORDER_ATLAS_BASEMAP_STYLE_URL/);
    expect(() =>
      readConfig({
        BORDER_ATLAS_BASEMAP_PMTILES: '/srv/region.pmtiles',
        BORDER_ATLAS_BASEMAP_STYLE_URL: 'https://tiles.office.local/style.json',
      }),
    ).toThrowError(/set one basemap/);
  });
});
