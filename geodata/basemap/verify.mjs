// Checks on output/basemap.topojson: object/property contract, and the
// distance from each sourced gazetteer point (shared/reference/gazetteer.json,
// rows with lat/lon) to the nearest border line. Expect ~0.05–0.3 km (OSM);
// Natural Earth would give 0.8–3.2 km. Fails the build above MAX_KM.
import fs from 'node:fs';
import path from 'node:path';
import pointToLineDistance from '@turf/point-to-line-distance';
import { feature } from 'topojson-client';
import { log, OUT, REPO, readJSON } from './lib/common.mjs';

const MAX_KM = 1.5; // dongzhong_cn is a "within 5 km" town proxy (~1.2 km)
const GAZ = path.resolve(REPO, '..', 'shared', 'reference', 'gazetteer.json');

export function verify() {
  const topo = readJSON(`${OUT}/basemap.topojson`);
  const need = {
    land: ['iso3', 'name_vi', 'name_en', 'name_zh'],
    borders: ['pair'],
    provinces: ['code', 'country', 'name_vi', 'name_en', 'name_zh'],
    province_lines: ['country'],
    places: ['name_vi', 'name_en', 'country', 'rank', 'source'],
  };
  for (const [obj, props] of Object.entries(need)) {
    const o = topo.objects[obj];
    if (!o) throw new Error(`missing object ${obj}`);
    for (const g of o.geometries)
      for (const p of props) {
        if (g.properties?.[p] == null || g.properties[p] === '')
          throw new Error(`${obj}: feature without ${p}: ${JSON.stringify(g.properties)}`);
      }
  }
  const vn = topo.objects.provinces.geometries.filter((g) => g.properties.country === 'VNM');
  for (const g of vn)
    if (!g.properties.code_2025 || !g.properties.name_2025_vi) throw new Error(`VN province without 2025 fields: ${g.properties.code}`);

  // Split MultiLineStrings (clipping at the frame edge can make them).
  const borders = feature(topo, topo.objects.borders).features.flatMap((f) =>
    (f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [f.geometry.coordinates]).map((coordinates) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'LineString', coordinates },
    })),
  );
  if (!fs.existsSync(GAZ)) {
    log('verify: gazetteer not found, distance check skipped');
    return;
  }
  const rows = readJSON(GAZ).filter((r) => r.lat != null && r.lon != null);
  let worst = 0;
  for (const r of rows) {
    let best = Infinity,
      pair = '';
    for (const f of borders) {
      const d = pointToLineDistance([r.lon, r.lat], f, { units: 'kilometers' });
      if (d < best) {
        best = d;
        pair = f.properties.pair;
      }
    }
    worst = Math.max(worst, best);
    log(`border distance ${r.id.padEnd(20)} ${best.toFixed(3)} km (${pair}; ${r.precision})`);
  }
  if (worst > MAX_KM) throw new Error(`a gazetteer point is ${worst.toFixed(2)} km from the border`);
}

if (import.meta.url === `file://${process.argv[1]}`) verify();
