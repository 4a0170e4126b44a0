import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OGC_COLLECTIONS } from '../../server/src/ogc/collections';
import { createTestApp } from '../helpers/app';

/**
 * GDAL (Debian gdal-bin), a client nobody here wrote, reads the service and the exports. It runs
 * against a real server on loopback, as QGIS would.
 */
const run = promisify(execFile);
const gdal = async (command: string, args: string[]) =>
  (await run(command, args, { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 })).stdout;

let server: Server;
let origin: string;
const work = mkdtempSync(join(tmpdir(), 'border-atlas-gdal-'));

beforeAll(async () => {
  server = createTestApp().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
});

const apiFeatures = async (query: string) =>
  ((await (await fetch(`${origin}/api/features?${query}`)).json()) as { features: { id: string }[] }).features;
const featureCount = (ogrinfo: string) => Number(/Feature Count: (\d+)/.exec(ogrinfo)?.[1]);

/** A string list as GDAL writes it to a text column: "(2:003,004)". */
function ogrList(value: unknown): string[] {
  const match = /^\((\d+):(.*)\)$/.exec(String(value));
  if (!match) throw new Error(`not a GDAL string list: ${String(value)}`);
  return Number(match[1]) === 0 ? [] : match[2].split(',');
}

type GeoJson = { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[] };

describe('GDAL reads the OGC API – Features service', () => {
  it('lists every collection', async () => {
    const out = await gdal('ogrinfo', ['-ro', '-q', `OAPIF:${origin}/ogc`]);
    const layers = [...out.matchAll(/^\d+: ([\w-]+)/gm)].map((match) => match[1]);
    expect(layers.sort()).toEqual(OGC_COLLECTIONS.map((c) => c.id).sort());
  });

  it('counts in each collection what our API returns for its kinds, following next links page by page', async () => {
    for (const collection of OGC_COLLECTIONS) {
      // Small pages, so GDAL must follow several next links.
      const out = await gdal('ogrinfo', ['-ro', '-so', '-oo', 'PAGE_SIZE=4', `OAPIF:${origin}/ogc`, collection.id]);
      expect(featureCount(out), collection.id).toBe((await apiFeatures(`kind=${collection.kinds.join(',')}`)).length);
    }
  });

  it('keeps a spatial and an attribute filter across pages (-spat, -where)', async () => {
    const out = await gdal('ogrinfo', [
      '-ro',
      '-oo',
      'PAGE_SIZE=2',
      '-spat',
      '106',
      '21',
      '108',
      '23',
      '-where',
      "status = 'operating'",
      `OAPIF:${origin}/ogc`,
      'gates',
    ]);
    const ids = [...out.matchAll(/^\s+id \(String\) = (.+)$/gm)].map((match) => match[1]).sort();
    expect(ids).toEqual((await apiFeatures('kind=gate_pair&bbox=106,21,108,23&status=operating')).map((f) => f.id).sort());
    expect(ids.length).toBeGreaterThan(2);
  });

  it('converts a collection to GeoPackage with the same features, attributes and positions', async () => {
    const gpkg = join(work, 'gates.gpkg');
    await gdal('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${origin}/ogc`, 'gates', '-oo', 'PAGE_SIZE=3']);
    const back = JSON.parse(await gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'gates'])) as GeoJson;
    const served = (await (await fetch(`${origin}/ogc/collections/gates/items?limit=1000`)).json()) as GeoJson;
    expect(back.features.length).toBe(served.features.length);
    const byId = new Map(back.features.map((f) => [f.properties.id, f]));
    for (const feature of served.features) {
      const copy = byId.get(feature.properties.id);
      expect(copy, String(feature.properties.id)).toBeDefined();
      for (const field of ['name_vi', 'name_en', 'name_zh', 'status', 'level', 'precision', 'province', 'as_of', 'status_since'])
        expect(copy?.properties[field] ?? null, `${feature.properties.id}.${field}`).toEqual(feature.properties[field] ?? null);
      // Lists arrive as GDAL string lists; GeoPackage has no list type, so GDAL 3.6 writes them as "(n:a,b)".
      for (const field of ['agreements', 'status_clauses', 'mentioned_in'])
        expect(ogrList(copy?.properties[field]), `${feature.properties.id}.${field}`).toEqual(feature.properties[field]);
      expect(Boolean(copy?.properties.approximate)).toBe(feature.properties.approximate);
      expect(copy?.geometry?.coordinates ?? null).toEqual(feature.geometry?.coordinates ?? null);
    }
  });
});

describe('GDAL reads the exports back', () => {
  it.each([
    ['geojson', 'features.geojson'],
    ['kml', 'features.kml'],
  ])('%s: the same number of features as the API for the same filters', async (_format, file) => {
    for (const query of ['', 'asOf=2023-02-22', 'kind=route,pairing&asOf=2024-08-16']) {
      const response = await fetch(`${origin}/api/export/${file}?${query}`);
      const path = join(work, `export-${query.replace(/\W/g, '_')}-${file}`);
      writeFileSync(path, Buffer.from(await response.arrayBuffer()));
      const out = await gdal('ogrinfo', ['-ro', '-al', '-so', path]);
      expect(featureCount(out), `${file}?${query}`).toBe((await apiFeatures(query)).length);
    }
  });

  it('kml: Vietnamese and Chinese names survive', async () => {
    const response = await fetch(`${origin}/api/export/features.kml?kind=gate_pair`);
    const path = join(work, 'gates.kml');
    writeFileSync(path, Buffer.from(await response.arrayBuffer()));
    const back = JSON.parse(await gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', path])) as GeoJson;
    const names = back.features.map((f) => `${f.properties.Name ?? f.properties.name} ${f.properties.name_zh}`);
    expect(names).toContain('Hữu Nghị – Hữu Nghị Quan 友谊—友谊关');
  });
});
