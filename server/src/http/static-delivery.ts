import type { ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import compression from 'compression';
import type { Request } from 'express';

/** Files compression pays for: text (scripts, styles, the page, JSON) and the basemap's TopoJSON; never fonts or images, already compressed. */
const COMPRESSIBLE = /\.(?:m?js|css|html|json|topojson|svg|txt|map)$/i;

/**
 * Brotli (or gzip, for clients without it) for the app's scripts and styles and the basemap, as the browser
 * asks (Accept-Encoding). The API is left out on purpose: its cached answers are replayed byte for byte
 * (http/replay.ts) and are small beside the bundle. Quality 5: most of the saving for little CPU per request.
 */
export const compressStatic = compression({
  threshold: 1024,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  filter: (request: Request) => COMPRESSIBLE.test(request.path),
});

/** Vite names every built asset by its content's hash (assets/index-C5Yi….js): it can never change, so it is cached for a year. */
export function cacheHashedAssets(response: ServerResponse, path: string) {
  if (/[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(path)) {
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}
