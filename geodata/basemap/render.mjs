// Quick visual check: renders output/basemap.topojson to .cache/preview.png
// (mapshaper SVG → rsvg-convert from Debian librsvg2-bin). Not part of the
// committed output.
import { execFileSync } from 'node:child_process';
import { cache, log, ms } from './lib/common.mjs';

export async function render() {
  await ms(
    `-i output/basemap.topojson ` +
      `-proj merc target=* ` +
      `-style fill='iso3==="VNM" ? "#f3e6c8" : "#e4e4e4"' stroke='#999' stroke-width=0.3 target=land ` +
      `-style fill=none stroke='#b9a' stroke-width=0.4 target=province_lines ` +
      `-style stroke='#4a8ac9' stroke-width=0.4 target=rivers ` +
      `-style stroke='pair==="VN-CN" ? "#d00" : pair==="VN-LA" ? "#e70" : "#707"' stroke-width=1.4 target=borders ` +
      `-style r='rank===1 ? 4 : rank===2 ? 2.5 : 1.5' fill='#222' label-text='name_vi' font-size=8 text-anchor=start dx=3 target=places ` +
      `-o .cache/preview.svg width=1800 target=land,province_lines,rivers,borders,places`,
  );
  execFileSync('rsvg-convert', ['-b', '#cfe3f2', '-o', cache('preview.png'), cache('preview.svg')]);
  log('preview: .cache/preview.png');
}

if (import.meta.url === `file://${process.argv[1]}`) await render();
