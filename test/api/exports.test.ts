import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { effectiveSteps } from '../../server/src/domain/corrections';
import { createTestApp, loadRealRecord } from '../helpers/app';

const app = createTestApp();
const record = loadRealRecord();

/** Collects a download's bytes as they were sent (supertest would decode text). */
const raw = (path: string) =>
  request(app)
    .get(path)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });

const apiIds = async (query: string) =>
  (await request(app).get(`/api/features?${query}`)).body.features.map((f: { id: string }) => f.id).sort();

describe('exports of the filtered set', () => {
  it('GeoJSON holds exactly the features /api/features returns for the same filters', async () => {
    const query = 'asOf=2024-08-16&kind=gate_pair,route&province=VN-71';
    const response = await request(app).get(`/api/export/features.geojson?${query}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toContain('border-atlas-features-2024-08-16.geojson');
    const body = JSON.parse(response.text ?? String(response.body));
    expect(body.features.map((f: { id: string }) => f.id).sort()).toEqual(await apiIds(query));
    expect(body.features.length).toBeGreaterThan(0);
  });

  it('CSV: UTF-8 with BOM, one row per feature, names in three languages, status as of the date, WKT and lon/lat', async () => {
    const response = await raw('/api/export/features.csv?asOf=2023-02-22');
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.id).sort()).toEqual(await apiIds('asOf=2023-02-22'));
    const road = rows.find((row) => row.id === 'tan-thanh-po-chai');
    const source = record.features.find((f) => f.id === 'tan-thanh-po-chai');
    expect(road).toMatchObject({ name_vi: source?.name.vi, name_zh: source?.name.zh ?? '', status: 'built', as_of: '2023-02-22' });
    const gate = rows.find((row) => row.id === 'huu-nghi');
    expect(gate?.wkt).toBe(`POINT (${gate?.lon} ${gate?.lat})`);
    expect(Number(gate?.lon)).toBeCloseTo(106.71, 1);
    const route = rows.find((row) => row.kind === 'route');
    expect(route?.wkt).toMatch(/^LINESTRING \(/);
    expect(route?.lon).toBe('');
  });

  it('KML: one Placemark per feature, named in Vietnamese, with every column as data', async () => {
    const response = await request(app).get('/api/export/features.kml?kind=gate_pair');
    expect(response.headers['content-type']).toContain('application/vnd.google-earth.kml+xml');
    const kml = response.text;
    expect(kml.match(/<Placemark /g)?.length).toBe((await apiIds('kind=gate_pair')).length);
    expect(kml).toContain('<name>Hữu Nghị – Hữu Nghị Quan</name>');
    expect(kml).toContain('<SimpleData name="name_zh">友谊—友谊关</SimpleData>');
  });

  it('the status histories as CSV: one row per event up to the date, with its quote and clause', async () => {
    const response = await raw('/api/export/events.csv?asOf=2024-08-16&kind=opening,gate_pair');
    const rows = parse(response.body as Buffer, { bom: true, columns: true }) as Record<string, string>[];
    const features = new Set(await apiIds('asOf=2024-08-16&kind=opening,gate_pair'));
    // The steps that count (a corrected step stays in the feature's history, not in this table of its reading).
    const expected = [...features].flatMap((id) =>
      effectiveSteps(record.events.filter((e) => e.featureId === id)).filter((e) => e.date <= '2024-08-16'),
    );
    expect(rows.length).toBe(expected.length);
    const sample = expected[0];
    expect(rows).toContainEqual(
      expect.objectContaining({ feature_id: sample.featureId, date: sample.date, clause_id: sample.clauseId, quote: sample.quote }),
    );
    expect(rows.every((row) => row.date <= '2024-08-16')).toBe(true);
  });

  it.each([
    ['/api/export/features.csv?asOf=2024-13-01', 'asOf'],
    ['/api/export/features.kml?kind=castle', 'kind'],
    ['/api/export/events.csv?province=VN-99', 'province'],
    ['/api/export/features.geojson?format=xml', 'format'],
  ])('%s → 400 naming %s', async (path, name) => {
    const response = await request(app).get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(name);
  });
});
