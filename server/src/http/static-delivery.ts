import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
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

/**
 * The page a language's reader is sent: the build writes index.html (Vietnamese) and index.en.html, index.zh.html,
 * each with its first paint in its language (client/src/shell/static-shell.ts). `?lang=` decides, as it does in
 * the app; anything else, or a build without the page, gets index.html.
 */
export function languagePages(clientDir: string): (lang: unknown) => string {
  const pages = new Map(
    ['en', 'zh']
      .filter((language) => existsSync(join(clientDir, `index.${language}.html`)))
      .map((language) => [language, `index.${language}.html`]),
  );
  return (lang) => (typeof lang === 'string' && pages.get(lang)) || 'index.html';
}
