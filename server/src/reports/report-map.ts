import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { ApiFeature } from '../domain/api';
import { STATUS_BY_ID } from '../domain/vocabulary';
import { escapeHtml } from '../http/escape-html';

/** The embedded basemap's layers a report's map draws (geodata/basemap/output/basemap.topojson). */
export type ReportBasemap = { land: FeatureCollection; borders: FeatureCollection; provinces: FeatureCollection };

const WIDTH = 680;
const HEIGHT = 400;
const PAD = 14;
const INK = '#2b2d42';

/** The basemap read once at start (none without a basemap folder: the report is then printed without its map). */
export function loadReportBasemap(basemapDir: string | undefined): ReportBasemap | null {
  const file = basemapDir ? join(basemapDir, 'basemap.topojson') : null;
  if (!file || !existsSync(file)) return null;
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const collection = (name: string): FeatureCollection => {
    const object = topology.objects[name];
    if (!object) return { type: 'FeatureCollection', features: [] };
    const converted = topoFeature(topology, object) as FeatureCollection | Feature;
    return converted.type === 'FeatureCollection' ? converted : { type: 'FeatureCollection', features: [converted] };
  };
  return { land: collection('land'), borders: collection('borders'), provinces: collection('provinces') };
}

/**
 * The province's features on a small printed map (SVG, d3-geo's Mercator fitted to the province): land, the
 * international borders, the provinces' outlines with this one outlined in ink, and each located feature in its
 * status colour with the number of its row in the report's table. Approximate positions are drawn hollow with a
 * dashed ring, as on the app's map; lines (routes, pairings) as strokes, cut by the frame where they leave it.
 */
export function provinceMapSvg(
  basemap: ReportBasemap,
  provinceCode: string,
  features: readonly { feature: ApiFeature; number: number }[],
  caption: string,
): string {
  const province = basemap.provinces.features.find((f) => f.properties?.code === provinceCode || f.properties?.code_2025 === provinceCode);
  const points: Feature<Geometry>[] = features.flatMap(({ feature }) =>
    feature.geometry?.type === 'Point' ? [{ type: 'Feature', properties: {}, geometry: feature.geometry }] : [],
  );
  const frame: FeatureCollection = { type: 'FeatureCollection', features: [...(province ? [province] : []), ...points] };
  if (frame.features.length === 0) return '';
  const projection = geoMercator()
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      frame,
    )
    // Only what the frame shows, to a tenth of a pixel: the basemap's whole land and provinces would otherwise be
    // written out in full (≈1 MB of path for one printed page).
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  const path = geoPath(projection).digits(1);
  const d = (geometry: Feature | FeatureCollection) => path(geometry) ?? '';
  const lines = features
    .filter(({ feature }) => feature.geometry?.type === 'LineString')
    .map(({ feature }) => {
      const colour = STATUS_BY_ID[feature.properties.status ?? 'unknown'].color;
      return `<path d="${d({ type: 'Feature', properties: {}, geometry: feature.geometry as Geometry })}" fill="none" stroke="${colour}" stroke-width="2.5"${feature.properties.approximate ? ' stroke-dasharray="5 3"' : ''} data-feature-id="${escapeHtml(feature.id)}"/>`;
    });
  // Features at one place (a gate and its market) get their numbers one under the other, not over each other.
  const labels: [number, number][] = [];
  const freeLabelAt = (x: number, y: number): number => {
    let at = y;
    while (labels.some(([lx, ly]) => Math.abs(lx - x) < 14 && Math.abs(ly - at) < 11)) at += 11;
    labels.push([x, at]);
    return at;
  };
  const symbols = features.flatMap(({ feature, number }) => {
    if (feature.geometry?.type !== 'Point') return [];
    const at = projection(feature.geometry.coordinates as [number, number]);
    if (!at) return [];
    const [x, y] = at.map((v) => Math.round(v * 10) / 10);
    const colour = STATUS_BY_ID[feature.properties.status ?? 'unknown'].color;
    const mark = feature.properties.approximate
      ? `<circle cx="${x}" cy="${y}" r="9" fill="none" stroke="${colour}" stroke-dasharray="3 2"/><circle cx="${x}" cy="${y}" r="5" fill="white" stroke="${colour}" stroke-width="2.5"/>`
      : `<circle cx="${x}" cy="${y}" r="5.5" fill="${colour}" stroke="white" stroke-width="1.5"/>`;
    return [
      `<g data-feature-id="${escapeHtml(feature.id)}">${mark}<text x="${x + 8}" y="${freeLabelAt(x, y - 6)}" font-size="10" font-weight="600" fill="${INK}" stroke="white" stroke-width="3" paint-order="stroke">${number}</text></g>`,
    ];
  });
  return `<figure class="report-map"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(caption)}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="#dfe9f0"/>
<path d="${d(basemap.land)}" fill="#f6f4ee" stroke="none"/>
<path d="${d(basemap.provinces)}" fill="none" stroke="#c9c4b5" stroke-width="0.7"/>
${province ? `<path d="${d(province)}" fill="#fffdf6" stroke="${INK}" stroke-width="1.6"/>` : ''}
<path d="${d(basemap.borders)}" fill="none" stroke="#7a6f8f" stroke-width="1.8" stroke-dasharray="6 2 1 2"/>
${lines.join('\n')}
${symbols.join('\n')}
<rect width="${WIDTH}" height="${HEIGHT}" fill="none" stroke="#dedbd2"/>
</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}
