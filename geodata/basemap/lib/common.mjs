// Shared constants and small helpers for the basemap build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mapshaper from 'mapshaper';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = path.join(ROOT, '.cache'); // intermediates, git-ignored
export const OUT = path.join(ROOT, 'output');
export const REPO = path.resolve(ROOT, '..', '..'); // /work/main
export const NM = path.join(ROOT, 'node_modules');

// Final map extent (west, south, east, north). Everything is clipped to it, and
// the client's map pans no further (client/src/map/map-region.ts panLimits, from
// the TopoJSON's bbox). It holds every place the record draws with >= 0.5° to
// spare: Kunming 25.04 N, Pu'er 100.97 E, northern Laos, the Gulf of Tonkin
// (test/unit/basemap.test.ts); its corners are land (Yunnan, Guangxi, Thailand,
// Hainan) so no edge of the data can read as sea.
export const BBOX = [99.6, 18.9, 110.0, 26.0];
// Working extent for intermediates: wider, so buffering/clipping artefacts
// stay outside the final frame.
export const WORK_BBOX = [98.8, 18.1, 110.8, 26.8];

// Countries that intersect BBOX (checked against the OSM data: these five).
export const ISO3 = ['VNM', 'CHN', 'LAO', 'MMR', 'THA'];
export const ISO2 = { VNM: 'VN', CHN: 'CN', LAO: 'LA', MMR: 'MM', THA: 'TH' };

export function readJSON(p) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}
export function writeJSON(p, obj, pretty = false) {
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, JSON.stringify(obj, null, pretty ? 2 : 0) + (pretty ? '\n' : ''));
}
export const cache = (name) => path.join(CACHE, name);
export const names = (file) => readJSON(path.join(ROOT, 'names', file));

// Run a mapshaper command line (paths are resolved from ROOT).
export async function ms(cmd) {
  const prev = process.cwd();
  process.chdir(ROOT);
  try {
    await mapshaper.runCommands(`-quiet ${cmd}`);
  } finally {
    process.chdir(prev);
  }
}

export const fc = (features) => ({ type: 'FeatureCollection', features });

// Does any vertex of a geometry fall inside [w,s,e,n]?
export function touchesBox(geom, [w, s, e, n]) {
  let hit = false;
  const walk = (c) => {
    if (hit) return;
    if (typeof c[0] === 'number') {
      if (c[0] >= w && c[0] <= e && c[1] >= s && c[1] <= n) hit = true;
    } else c.forEach(walk);
  };
  walk(geom.coordinates);
  return hit;
}

export function log(...a) {
  console.log('[basemap]', ...a);
}
