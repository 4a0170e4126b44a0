import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { featureCollectionResponse } from '../../server/src/domain/api';
import { STATUS_BY_ID } from '../../server/src/domain/vocabulary';
import { createTestApp } from '../helpers/app';

const app = createTestApp();
// With the basemap folder, as the app is deployed: the report draws its map.
const appWithBasemap = createTestApp({ withClient: true });
const report = (path: string) => request(app).get(`/api/reports/province/${path}`);

describe('GET /api/reports/province/:code.html', () => {
  it('Điện Biên as of 02/12/2026: A Pa Chải overdue with its clause and words, counts as the API gives them', async () => {
    const page = await report('VN-71.html?asOf=2026-12-02');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('data-as-of="2026-12-02"');
    const overdue = /<ul class="overdue">([\s\S]*?)<\/ul>/.exec(page.text)?.[1] ?? '';
    expect(overdue).toContain('data-feature-id="a-pa-chai"');
    expect(overdue).toContain('336 ngày trễ');
    expect(overdue).toContain('000-vn:II.1');
    expect(overdue).toContain('trong năm 2025');
    // The counts are the API's for the same province and date.
    const api = featureCollectionResponse.parse((await request(app).get('/api/features?province=VN-71&asOf=2026-12-02')).body);
    const shown = [...page.text.matchAll(/<tr data-status="(\w+)"><td>.*?<\/td><td>(\d+)<\/td><\/tr>/g)].map(([, status, n]) => [
      status,
      Number(n),
    ]);
    const expected = new Map<string, number>();
    for (const f of api.features) if (f.properties.status) expected.set(f.properties.status, (expected.get(f.properties.status) ?? 0) + 1);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(expected));
  });

  it('draws the province and its located features on a map, each numbered as its row in the table and coloured by its status', async () => {
    const mapOf = async (code: string) => (await request(appWithBasemap).get(`/api/reports/province/${code}.html?asOf=2026-12-02`)).text;
    const page = await mapOf('VN-09');
    const map = /<figure class="report-map">([\s\S]*?)<\/figure>/.exec(page)?.[1] ?? '';
    const numbers = new Map(
      [...page.matchAll(/<tr data-feature-id="([^"]+)"><td class="number">(\d+)<\/td>/g)].map(([, id, n]) => [id, n]),
    );
    const api = featureCollectionResponse.parse((await request(app).get('/api/features?province=VN-09&asOf=2026-12-02')).body);
    const located = api.features.filter((f) => f.properties.status && f.geometry?.type === 'Point');
    expect(located.length).toBeGreaterThan(5);
    for (const feature of located) {
      const symbol = new RegExp(`<g data-feature-id="${feature.id}">(.*?)</g>`).exec(map)?.[1] ?? '';
      // Inside the frame, in its status colour, labelled with its row's number.
      const [x, y] = [...(/cx="([\d.]+)" cy="([\d.]+)"/.exec(symbol) ?? [])].slice(1).map(Number);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(680);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(400);
      expect(symbol).toContain(STATUS_BY_ID[feature.properties.status ?? 'unknown'].color);
      expect(/>(\d+)<\/text>/.exec(symbol)?.[1]).toBe(numbers.get(feature.id));
      // An estimated position is drawn hollow with a dashed ring, as on the app's map; a surveyed one is not.
      expect(symbol.includes('stroke-dasharray')).toBe(feature.properties.approximate);
    }
  });

  it('follows the date and the language: nothing overdue yet on 30/06/2025; Chinese when asked', async () => {
    const early = await report('VN-71.html?asOf=2025-06-30');
    expect(early.text).not.toContain('<ul class="overdue">');
    const zh = await report('VN-71.html?asOf=2026-12-02&lang=zh');
    expect(zh.text).toContain('<html lang="zh-CN">');
    expect(zh.text).toContain('边境合作进展报告');
    expect(zh.text).toContain('2026年12月2日');
  });

  it('says what is wrong: an unknown province, a bad date, a file it does not make', async () => {
    expect((await report('VN-99.html')).status).toBe(404);
    const bad = await report('VN-71.html?asOf=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('asOf');
    expect((await report('VN-71.pdf')).status).toBe(404);
  });
});
