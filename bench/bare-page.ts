import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, GeoJsonObject } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { BASEMAP_OBJECTS, type Basemap, type FontFile, provinceLabelPoints } from '../client/src/map/basemap-data';
import { drawnOnDate, onDate } from '../client/src/map/layers/as-of';
import { panLimits, REGION_BOUNDS } from '../client/src/map/map-region';
import { statusColor } from '../client/src/map/palette';
import { buildStyle, recordLater } from '../client/src/map/style';
import { FEATURE_NUMBER, RECORD_TILE_LAYER } from '../server/src/domain/drawing/dated-drawing';
import { projectRoot } from '../test/helpers/app';

/** The bare page's record: one line layer and one circle layer, coloured by the status of the state the feature state `s` picks. */
const BARE_RECORD_LAYERS: LayerSpecification[] = [
  {
    id: 'bare-lines',
    type: 'line',
    source: 'record',
    'source-layer': RECORD_TILE_LAYER,
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': statusColor(onDate('status')), 'line-width': 2, 'line-opacity': ['case', drawnOnDate, 1, 0] },
  },
  {
    id: 'bare-points',
    type: 'circle',
    source: 'record',
    'source-layer': RECORD_TILE_LAYER,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': statusColor(onDate('status')),
      'circle-radius': 5,
      'circle-opacity': ['case', drawnOnDate, 1, 0],
      'circle-stroke-width': 1,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-opacity': ['case', drawnOnDate, 1, 0],
    },
  },
];

/**
 * The baseline of the browser benchmark: a bare MapLibre page (no React, no app code) drawing the same
 * basemap with the same style, fonts and view as the app. Its GeoJSON is served as files the worker
 * fetches itself, the lightest way MapLibre can load it.
 *
 * With `?record=1` (served with bench/dir-server.ts --proxy, which passes /api/map/ on to the app) it also
 * draws the app's record, added after the basemap's first frame as the app adds it: the same vector tiles
 * (GET /api/map/tiles.json) in one line and one circle layer coloured by the state the feature state `s`
 * picks, hidden by opacity when `s` is -1 or `out` is set — the app's own expressions (layers/as-of.ts). The
 * bench drives it as it drives the app, through functions on `window`, each marked with the app's User
 * Timing measure ba:update:
 *   __step(date)          the date (YYYY-MM-DD, null: today): each feature's state index is computed over the
 *                         rows of GET /api/map/states (a binary search on the states' first days) and
 *                         setFeatureState is called only for the features whose {s, out} changed;
 *   __filter(kinds)       the kinds kept ([] all), then the same;
 *   __play(from, days, ms) steps from a date by `days` every `ms` (the app's "Phát": 15 days per 250 ms);
 *   __stop()              stops playing.
 */
export function writeBarePage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'border-atlas-bare-'));
  const output = join(projectRoot, 'geodata', 'basemap', 'output');
  const topology = JSON.parse(readFileSync(join(output, 'basemap.topojson'), 'utf8')) as Topology;
  const collections = Object.fromEntries(
    BASEMAP_OBJECTS.map((name) => {
      const object = topology.objects[name];
      const converted = object ? (feature(topology, object) as GeoJsonObject) : { type: 'FeatureCollection', features: [] };
      return [name, converted.type === 'FeatureCollection' ? converted : { type: 'FeatureCollection', features: [converted] }];
    }),
  ) as Record<(typeof BASEMAP_OBJECTS)[number], FeatureCollection>;
  const fontFiles = JSON.parse(readFileSync(join(output, 'fonts', 'fonts.json'), 'utf8')) as FontFile[];
  const bbox = topology.bbox as Basemap['bbox'];
  const basemap: Basemap = {
    ...collections,
    provinceLabels: provinceLabelPoints(collections.provinces),
    fontFiles,
    bbox,
    own: null,
    ownProblem: null,
  };
  // Font URLs are made absolute by the page's origin: written relative here, fixed by the page.
  // The basemap alone: the record's source and layers are what the app adds on top.
  const full = buildStyle(basemap, 'vi', 'http://bare.invalid/', { tiles: ['http://bare.invalid/none/{z}/{x}/{y}.pbf'] });
  const { base: style } = recordLater(full);
  mkdirSync(join(dir, 'geojson'));
  for (const [name, source] of Object.entries(style.sources)) {
    if (source.type !== 'geojson' || typeof source.data !== 'object') continue;
    writeFileSync(join(dir, 'geojson', `${name}.json`), JSON.stringify(source.data));
    source.data = `http://bare.invalid/geojson/${name}.json`;
  }
  writeFileSync(join(dir, 'style.json'), JSON.stringify(style));
  cpSync(join(output, 'fonts'), join(dir, 'basemap', 'fonts'), { recursive: true });
  const dist = join(projectRoot, 'node_modules', 'maplibre-gl', 'dist');
  for (const file of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) copyFileSync(join(dist, file), join(dir, file));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body{margin:0;height:100%}#map{position:absolute;left:0;top:0}</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const size = new URLSearchParams(location.search);
const container = document.getElementById('map');
container.style.width = (size.get('w') || innerWidth) + 'px';
container.style.height = (size.get('h') || innerHeight) + 'px';
const style = await (await fetch('/style.json')).json();
const text = JSON.stringify(style).replaceAll('http://bare.invalid', location.origin);
const map = new maplibregl.Map({ container, style: JSON.parse(text), bounds: ${JSON.stringify(REGION_BOUNDS)}, fitBoundsOptions: { padding: 20 }, maxBounds: ${JSON.stringify(panLimits(bbox))}, minZoom: 5 });
const withRecord = size.has('record');
map.on('load', () => performance.mark('ba:map-load'));
if (!withRecord) map.once('idle', () => performance.mark('ba:map-data-idle'));
else map.once('load', async () => {
  const [tileJson, { features: rows }] = await Promise.all(
    ['/api/map/tiles.json', '/api/map/states'].map((path) => fetch(path).then((answer) => answer.json())),
  );
  // tiles.json names the app's origin or this one: the tiles are asked from this page's origin either way.
  const tiles = tileJson.tiles.map((url) => { const u = new URL(url); return location.origin + u.pathname + u.search; });
  map.addSource('record', { type: 'vector', tiles, maxzoom: tileJson.maxzoom, promoteId: '${FEATURE_NUMBER}' });
  for (const layer of ${JSON.stringify(BARE_RECORD_LAYERS)}) map.addLayer(layer);
  // rows: [id, kind, agreements, own, point, [[from, status, …], …], number] (domain/drawing/map-states.ts); feature
  // state is kept by the number (the tiles' fid), a spread point's link by the number + 1.
  const s = new Int32Array(rows.length).fill(-2);
  const out = new Uint8Array(rows.length);
  let asOf = 99999999;
  let kinds = [];
  const apply = () => {
    for (let i = 0; i < rows.length; i += 1) {
      const states = rows[i][5];
      let low = 0, high = states.length;
      while (low < high) { const middle = (low + high) >> 1; if (states[middle][0] <= asOf) low = middle + 1; else high = middle; }
      const index = low - 1;
      const left = index >= 0 && kinds.length > 0 && !kinds.includes(rows[i][1]) ? 1 : 0;
      if (index === s[i] && left === out[i]) continue;
      s[i] = index;
      out[i] = left;
      const view = { s: index, out: left === 1 };
      map.setFeatureState({ source: 'record', sourceLayer: '${RECORD_TILE_LAYER}', id: rows[i][6] }, view);
      if (rows[i][3] && rows[i][4]) map.setFeatureState({ source: 'record', sourceLayer: '${RECORD_TILE_LAYER}', id: rows[i][6] + 1 }, view);
    }
  };
  const measured = (change) => {
    performance.clearMarks('ba:update-start');
    performance.mark('ba:update-start');
    change();
    apply();
    performance.measure('ba:update', 'ba:update-start');
  };
  const dateNumber = (date) => (date === null ? 99999999 : Number(date.replaceAll('-', '')));
  window.__step = (date) => measured(() => { asOf = dateNumber(date); });
  window.__filter = (next) => measured(() => { kinds = next; });
  let timer = null;
  window.__play = (from, days, ms) => {
    let day = Date.parse(from + 'T00:00:00Z');
    window.__step(from);
    timer = setInterval(() => { day += days * 86400000; window.__step(new Date(day).toISOString().slice(0, 10)); }, ms);
  };
  window.__stop = () => clearInterval(timer);
  apply();
  map.once('idle', () => performance.mark('ba:map-data-idle'));
});
</script></body></html>
`,
  );
  return dir;
}
