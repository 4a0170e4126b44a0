// Rivers from GSHHG/WDBII (LGPL-3+) via Debian `gmt` + `gmt-gshhg-high`
// (install: apt-get install -y gmt gmt-gshhg-high). The segments are unnamed.
// -Dh high resolution; -I1 -I2 -I3 = permanent major, additional, other rivers.
// If gmt is missing the step is skipped and the previous output keeps its
// rivers object (build.mjs reuses it).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { BBOX, CACHE, cache, fc, log, writeJSON } from './lib/common.mjs';

export function buildRivers() {
  let txt;
  fs.mkdirSync(CACHE, { recursive: true }); // gmt writes gmt.history into its cwd
  try {
    const R = `-R${BBOX[0]}/${BBOX[2]}/${BBOX[1]}/${BBOX[3]}`;
    txt = execFileSync('gmt', ['coast', R, '-Dh', '-I1', '-I2', '-I3', '-M'], { encoding: 'utf8', maxBuffer: 1 << 28, cwd: CACHE });
  } catch (e) {
    log(`rivers: gmt not available, skipped (${e.message.split('\n')[0]})`);
    return false;
  }
  const lines = [];
  let cur = null;
  for (const l of txt.split('\n')) {
    if (l.startsWith('>')) {
      if (cur?.length > 1) lines.push(cur);
      cur = [];
      continue;
    }
    const [x, y] = l.trim().split(/\s+/).map(Number);
    if (Number.isFinite(x) && Number.isFinite(y)) cur.push([x, y]);
  }
  if (cur?.length > 1) lines.push(cur);
  writeJSON(
    cache('rivers.geojson'),
    fc(lines.map((c) => ({ type: 'Feature', properties: { source: 'GSHHG/WDBII' }, geometry: { type: 'LineString', coordinates: c } }))),
  );
  log(`rivers: ${lines.length} segments`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildRivers();
