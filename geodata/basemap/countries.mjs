// Country polygons (land fill) and international border lines.
//
// Source: @geo-maps/countries-{land,maritime}-10m@0.6.0 — OpenStreetMap
// admin_level=2 boundaries (ODbL 1.0). Chosen over Natural Earth because NE's
// VN–CN line is 1–6 km off the real one near the border gates (BASEMAP.md);
// OSM is ~0.1–0.3 km off.
//
// Pitfalls handled here:
// - "land" polygons have lakes/reservoirs as holes: we drop interior rings so
//   the fill is solid (border rivers stay as notches: they are real water).
// - Neighbouring "maritime" polygons do not share every vertex (the CN–LA edge
//   comes out in ~20 pieces, VN–CN in 3 around Hữu Nghị). `mapshaper -clean
//   gap-width=3km` closes those slivers so each pair has one shared edge.
// - Borders must NOT be cut with the land polygon: border rivers (Red River
//   at Lào Cai, Mekong) are notches in it and would chop the line into pieces.
//   Only the VN–CN sea tail (Gulf of Tonkin boundary, beyond the Bắc Luân
//   mouth ≈108.02E 21.55N) is trimmed: trailing vertices outside the land.

import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { cache, fc, ISO2, ISO3, log, ms, NM, names, readJSON, touchesBox, WORK_BBOX, writeJSON } from './lib/common.mjs';

function pick(pkg) {
  const g = readJSON(`${NM}/@geo-maps/${pkg}/map.geo.json`);
  return g.features
    .filter((f) => ISO3.includes(f.properties.A3) && touchesBox(f.geometry, WORK_BBOX))
    .map((f) => ({ type: 'Feature', properties: { iso3: f.properties.A3 }, geometry: f.geometry }));
}

function dropHoles(geom) {
  if (geom.type === 'Polygon') return { type: 'Polygon', coordinates: [geom.coordinates[0]] };
  return { type: 'MultiPolygon', coordinates: geom.coordinates.map((p) => [p[0]]) };
}

const km = (a, b) => Math.hypot((a[0] - b[0]) * 111.32 * Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180), (a[1] - b[1]) * 110.57);

// Pair label used by the client: VN first, then CN, LA, then the rest.
const ORDER = ['VNM', 'CHN', 'LAO', 'MMR', 'THA'];
const pairOf = (a, b) =>
  [a, b]
    .sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y))
    .map((x) => ISO2[x])
    .join('-');

export async function buildCountries() {
  const land = pick('countries-land-10m').map((f) => ({ ...f, geometry: dropHoles(f.geometry) }));
  const sea = pick('countries-maritime-10m');
  log('countries in frame:', land.map((f) => f.properties.iso3).join(','));
  writeJSON(cache('land-raw.geojson'), fc(land));
  writeJSON(cache('maritime-raw.geojson'), fc(sea));
  const bb = WORK_BBOX.join(',');
  // Pre-clip to the working box: the source files are world-wide (38/168 MB).
  await ms(`-i .cache/land-raw.geojson -clip bbox=${bb} -dissolve -o .cache/landmass.geojson geojson-type=FeatureCollection`);
  await ms(`-i .cache/maritime-raw.geojson -clip bbox=${bb} -clean gap-width=3km -o .cache/maritime-clean.geojson`);
  // Land per country = cleaned OSM country ∩ landmass, so land edges and
  // border lines are the very same coordinates (shared arcs in the TopoJSON).
  await ms(`-i .cache/maritime-clean.geojson -clip .cache/landmass.geojson -o .cache/land.geojson`);
  const landFc = readJSON(cache('land.geojson'));
  const countryNames = names('countries.json');
  landFc.features.forEach((f) => {
    f.geometry = dropHoles(f.geometry);
    Object.assign(f.properties, countryNames[f.properties.iso3]);
  });
  writeJSON(cache('land.geojson'), landFc);

  // Border lines = shared edges of the cleaned maritime polygons, per pair.
  const sea2 = readJSON(cache('maritime-clean.geojson'));
  const topo = topology({ c: sea2 });
  const byPair = new Map();
  mesh(topo, topo.objects.c, (a, b) => {
    if (a !== b) byPair.set(pairOf(a.properties.iso3, b.properties.iso3), true);
    return false;
  });
  const landmass = readJSON(cache('landmass.geojson')).features[0];
  const borders = [];
  for (const pair of byPair.keys()) {
    const m = mesh(topo, topo.objects.c, (a, b) => a !== b && pairOf(a.properties.iso3, b.properties.iso3) === pair);
    let lines = m.coordinates;
    if (pair === 'VN-CN') lines = lines.map((l) => trimSeaTail(l, landmass));
    for (const l of lines)
      if (l.length > 1) borders.push({ type: 'Feature', properties: { pair }, geometry: { type: 'LineString', coordinates: l } });
  }
  writeJSON(cache('borders.geojson'), fc(borders));
  log('border pairs:', [...byPair.keys()].join(', '));
}

// Drop the trailing run of vertices that lie at sea (outside the landmass).
function trimSeaTail(line, landmass) {
  const MOUTH = [108.02, 21.55]; // Bắc Luân river mouth (BASEMAP.md)
  let l = line;
  // Orient so the sea end is last.
  if (km(l[0], MOUTH) < km(l[l.length - 1], MOUTH)) l = l.slice().reverse();
  let i = l.length - 1;
  while (i > 0 && !booleanPointInPolygon(l[i], landmass)) i--;
  if (i === l.length - 1) return l; // no sea tail on this piece
  const cut = l[Math.min(i + 1, l.length - 1)];
  const d = km(cut, MOUTH);
  log(
    `VN-CN sea tail cut at ${cut.map((v) => v.toFixed(4)).join(',')} (${d.toFixed(2)} km from the Bắc Luân mouth), dropped ${l.length - i - 2} vertices`,
  );
  if (d > 5) throw new Error('VN-CN sea-tail cut is not at the Bắc Luân mouth: check the data');
  return l.slice(0, i + 2);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCountries();
