// Assemble output/basemap.topojson from the .cache/*.geojson layers.
// One mapshaper dataset (combine-files) so land, borders and provinces share
// arcs: simplification moves a shared edge identically in every layer, and the
// client's border lines sit exactly on the fill edges.
// province_lines is added afterwards as arc references into the same topology
// (topojson-client meshArcs), so it costs no extra coordinates.
import fs from 'node:fs';
import { meshArcs } from 'topojson-client';
import { BBOX, cache, log, ms, OUT, readJSON, writeJSON } from './lib/common.mjs';

// ~60 m: invisible at the zoom levels of a regional map, and keeps the
// border within a few tens of metres of the OSM line (see verify.mjs).
const SIMPLIFY_INTERVAL_M = 60;

export async function assemble() {
  const layers = ['land', 'provinces', 'borders', 'rivers', 'places'].filter((l) => fs.existsSync(cache(`${l}.geojson`)));
  const files = layers.map((l) => `.cache/${l}.geojson`).join(' ');
  const clipTargets = layers.filter((l) => l !== 'places').join(',');
  await ms(
    `-i combine-files ${files} ` +
      `-clip bbox=${BBOX.join(',')} target=${clipTargets} ` +
      `-simplify interval=${SIMPLIFY_INTERVAL_M} keep-shapes target=${clipTargets} ` +
      `-filter-slivers min-area=0.05km2 target=land,provinces ` +
      `-o .cache/assembled.topojson format=topojson quantization=200000 target=* `,
  );
  const topo = readJSON(cache('assembled.topojson'));

  // Internal province lines, one feature per country, as arc references.
  const provinces = topo.objects.provinces;
  const countries = [...new Set(provinces.geometries.map((g) => g.properties.country))];
  topo.objects.province_lines = {
    type: 'GeometryCollection',
    geometries: countries
      .map((country) => ({
        type: 'MultiLineString',
        properties: { country },
        arcs: meshArcs(topo, provinces, (a, b) => a !== b && a.properties.country === country && b.properties.country === country).arcs,
      }))
      .filter((g) => g.arcs.length),
  };

  // Keep the objects in a predictable order for the client.
  const order = ['land', 'borders', 'provinces', 'province_lines', 'places', 'rivers'];
  topo.objects = Object.fromEntries(order.filter((k) => topo.objects[k]).map((k) => [k, topo.objects[k]]));
  topo.bbox = BBOX;
  writeJSON(`${OUT}/basemap.topojson`, topo);
  const kb = (fs.statSync(`${OUT}/basemap.topojson`).size / 1024).toFixed(0);
  log(
    `basemap.topojson: ${kb} kB, objects: ${Object.entries(topo.objects)
      .map(([k, v]) => `${k}(${v.geometries.length})`)
      .join(' ')}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await assemble();
