import { stat } from 'node:fs/promises';
import { type RequestHandler, Router } from 'express';
import type { OwnBasemapSetting } from '../config';
import type { BasemapDescription } from '../domain/api';
import { describeArchive } from './archive-file';

/** Where the configured archive is served (and only it: the path names no file, so nothing else can be asked for). */
export const OWN_ARCHIVE_PATH = '/basemap/own.pmtiles';

/**
 * GET /api/basemap: the basemap the deployment configured (config.ts `ownBasemap`), or the embedded one with the
 * reason when the configured archive cannot be read (the client says so on the map).
 */
export function basemapRouter(setting: OwnBasemapSetting | undefined): Router {
  const router = Router();
  const describe = describer(setting);
  router.get('/', async (_request, response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.json(await describe());
  });
  return router;
}

/**
 * The description, read again only when the archive's file changes (a file replaced or put back needs no restart);
 * a problem is logged once, not on every page load.
 */
function describer(setting: OwnBasemapSetting | undefined): () => Promise<BasemapDescription> {
  if (!setting) return async () => ({ kind: 'embedded' });
  if (setting.kind === 'style') return async () => ({ kind: 'style', url: setting.url });
  let last: { version: string; description: BasemapDescription } | null = null;
  return async () => {
    const version = await stat(setting.path).then(
      (file) => `${file.mtimeMs}:${file.size}`,
      (error: Error) => error.message,
    );
    if (last?.version === version) return last.description;
    let description: BasemapDescription;
    try {
      description = await describeArchive(setting.path, OWN_ARCHIVE_PATH);
    } catch (error) {
      console.warn(`The basemap archive BORDER_ATLAS_BASEMAP_PMTILES cannot be read: ${(error as Error).message}`);
      description = { kind: 'embedded', problem: 'archive_unreadable' };
    }
    last = { version, description };
    return description;
  };
}

/**
 * The configured archive by byte ranges (the pmtiles library in the browser asks for the header, directories and
 * tiles with Range requests; sendFile answers 206), never compressed (the route comes before compressStatic).
 */
export function archiveDelivery(path: string): RequestHandler {
  return (_request, response, next) => {
    response.sendFile(path, { dotfiles: 'allow', maxAge: '1h', acceptRanges: true }, (error) => {
      if (error && !response.headersSent) next();
    });
  };
}
