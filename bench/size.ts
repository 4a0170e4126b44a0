import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../test/helpers/app';

export type SizeResult = {
  /** Scripts the page itself loads before anything happens (index.html and its static imports), gzipped. */
  initialJsGzKb: number;
  initialCssGzKb: number;
  /** MapLibre's own chunk: fetched as the page's script starts (a dynamic import in App.tsx), beside it, not before the first paint. */
  mapLibreJsGzKb: number;
  /** MapLibre's worker, started by the map right after: loaded at start too, counted apart. */
  workerJsGzKb: number;
  /** Chunks loaded only when asked for (PDF pack…). */
  lazyJs: { file: string; gzKb: number }[];
  basemapGzKb: number;
  /** Every font file the map and the page may fetch (each only when a character of its range is drawn). */
  fontsWoff2Kb: number;
};

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The embedded basemap's budget: the whole region (Kunming and Pu'er to the Gulf of Tonkin) in one fetch. */
export const BASEMAP_GZ_BUDGET_KB = 150;

/** The embedded basemap as a browser downloads it (gzip), in kB. */
export const basemapGzKb = () => kb(gz(join(projectRoot, 'geodata', 'basemap', 'output', 'basemap.topojson')));

/** Sizes of what a browser downloads, from client/dist (run after `npm run build`). */
export function measureSizes(): SizeResult {
  const dist = join(projectRoot, 'client', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
  const assets = readdirSync(join(dist, 'assets'));
  const initial = new Set(referenced);
  // Static imports of the entry (shared chunks) are preloaded by Vite with modulepreload links, already in `referenced`.
  const js = (file: string) => file.endsWith('.js') || file.endsWith('.mjs');
  const worker = assets.filter((file) => file.startsWith('maplibre-gl-worker'));
  const mapLibre = assets.filter((file) => /^maplibre-[\w-]{8}\.js$/.test(file) && !initial.has(`assets/${file}`));
  const fonts = join(projectRoot, 'geodata', 'basemap', 'output', 'fonts');
  return {
    initialJsGzKb: kb([...initial].filter(js).reduce((sum, file) => sum + gz(join(dist, file)), 0)),
    initialCssGzKb: kb([...initial].filter((file) => file.endsWith('.css')).reduce((sum, file) => sum + gz(join(dist, file)), 0)),
    mapLibreJsGzKb: kb(mapLibre.reduce((sum, file) => sum + gz(join(dist, 'assets', file)), 0)),
    workerJsGzKb: kb(worker.reduce((sum, file) => sum + gz(join(dist, 'assets', file)), 0)),
    lazyJs: assets
      .filter((file) => js(file) && !initial.has(`assets/${file}`) && !worker.includes(file) && !mapLibre.includes(file))
      .map((file) => ({ file, gzKb: kb(gz(join(dist, 'assets', file))) })),
    basemapGzKb: basemapGzKb(),
    fontsWoff2Kb: kb(
      readdirSync(fonts)
        .filter((file) => file.endsWith('.woff2'))
        .reduce((sum, file) => sum + statSync(join(fonts, file)).size, 0),
    ),
  };
}
