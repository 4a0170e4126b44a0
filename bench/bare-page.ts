import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, GeoJsonObject } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { BASEMAP_OBJECTS, type Basemap, type FontFile, provinceLabelPoints } from '../client/src/map/basemap-data';
import { panLimits, REGION_BOUNDS } from '../client/src/map/map-region';
import { buildStyle, recordLater } from '../client/src/map/style';
import { projectRoot } from '../test/helpers/app';

/**
 * The baseline of the browser benchmark: a bare MapLibre page (no React, no app code, no record)
 * drawing the same basemap with the same style, fonts and view as the app. Its GeoJSON is served as
 * files the worker fetches itself, the lightest way MapLibre can load it.
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
map.on('load', () => performance.mark('ba:map-load'));
map.once('idle', () => performance.mark('ba:map-data-idle'));
</script></body></html>
`,
  );
  return dir;
}
