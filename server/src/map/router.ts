import { Router } from 'express';
import { z } from 'zod';
import { RECORD_TILE_MAX_ZOOM } from '../domain/drawing/dated-drawing';
import { encodeMapStates, mapStatesOf } from '../domain/drawing/map-states';
import { requestOrigin } from '../http/deployment';
import { badRequest } from '../http/errors';
import { latestByKey } from '../http/latest-by-key';
import { parseQuery } from '../http/parse-query';
import { createResponseCache, sendCached } from '../http/response-cache';
import type { CurrentRecordSource } from '../record/current-record';
import { drawnRecord } from './drawn-record';
import { recordTileIndex } from './record-tiles';
import { tileJson } from './tile-json';

/**
 * What the map's record layers draw (not an exchange format — use /api/features, /api/export or /ogc
 * for that), every date at once:
 *   GET /api/map/tiles.json             TileJSON 3.0.0 of those tiles, with "states": the most
 *                                        states one feature has (the style's expressions look that far)
 *   GET /api/map/tiles/{z}/{x}/{y}.pbf  vector tiles, layer "record" (what the map loads); optional
 *                                        `rev`, the revision tiles.json names (so a change means new URLs)
 *   GET /api/map/states                  each feature's states as the map picks and filters them for a date
 *                                        (domain/drawing/map-states.ts): the date and the filters become
 *                                        feature states, a repaint, not a new layout of the tiles
 *   GET /api/map/features                the same features as one GeoJSON (for checking and debugging)
 * Both follow the record's revision and the day (the latest state reads today's provinces).
 */
export function mapRouter(record: CurrentRecordSource): Router {
  const router = Router();
  const currentKey = () => record.key();

  // One drawn record and one tile index at a time: the current revision's.
  const drawnFor = latestByKey((key) => record.get(key).then(drawnRecord));
  const tilesFor = latestByKey((key) => drawnFor(key).then(recordTileIndex));

  const documents = createResponseCache({ maxEntries: 4, maxBytes: 1024 * 1024 * 1024 });
  router.get('/features', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const key = await currentKey();
    const cached = await documents.get(key, async () => ({ body: JSON.stringify(await drawnFor(key)), type: 'application/geo+json' }));
    response.setHeader('Cache-Control', 'no-cache');
    sendCached(request, response, cached, key);
  });

  router.get('/states', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const key = await currentKey();
    const cached = await documents.get(`states|${key}`, async () => ({
      body: JSON.stringify({ features: encodeMapStates(mapStatesOf(await drawnFor(key))) }),
      type: 'application/json',
    }));
    response.setHeader('Cache-Control', 'no-cache');
    sendCached(request, response, cached, key);
  });

  const tileJsons = createResponseCache({ maxEntries: 20 });
  router.get('/tiles.json', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const key = await currentKey();
    // BORDER_ATLAS_PUBLIC_ORIGIN, else the request's (forwarded values only from a trusted proxy).
    const origin = requestOrigin(request);
    const cached = await tileJsons.get(`${key}|${origin}`, async () => ({
      body: JSON.stringify(
        tileJson(
          await drawnFor(key),
          // The revision in the URL: after a change the map asks for new tiles instead of keeping its own.
          `${origin}${request.baseUrl}/tiles/{z}/{x}/{y}.pbf?rev=${encodeURIComponent(key)}`,
          (await tilesFor(key)).completeFromZoom,
        ),
      ),
      type: 'application/json',
    }));
    response.setHeader('Cache-Control', 'no-cache');
    // tiles.json names the request's origin: never replayed by URL alone.
    sendCached(request, response, cached);
  });

  const tileBodies = createResponseCache({ maxEntries: 20_000, maxBytes: 256 * 1024 * 1024 });
  // `rev` names the revision the map asked for (from tiles.json); the current one is always served.
  const tileQuery = z.object({ rev: z.string().max(200).optional() });
  router.get('/tiles/:z/:x/:y.pbf', async (request, response) => {
    parseQuery(request, tileQuery, ['rev']);
    const [z_, x, y] = [request.params.z, request.params.x, request.params.y].map((value) =>
      /^\d{1,7}$/.test(value) ? Number(value) : Number.NaN,
    );
    if (!Number.isInteger(z_) || z_ > RECORD_TILE_MAX_ZOOM + 8)
      throw badRequest('invalid_parameter', `Tile zoom "${request.params.z}": a whole number from 0 to ${RECORD_TILE_MAX_ZOOM + 8}`);
    const size = 2 ** z_;
    if (!Number.isInteger(x) || x >= size || !Number.isInteger(y) || y >= size) {
      throw badRequest(
        'invalid_parameter',
        `Tile ${request.params.z}/${request.params.x}/${request.params.y}: x and y must be whole numbers below ${size} at zoom ${z_}`,
      );
    }
    const key = await currentKey();
    const index = await tilesFor(key);
    const cached = await tileBodies.get(`${key}|${z_}/${x}/${y}`, async () => ({
      body: index.tile(z_, x, y) ?? new Uint8Array(0),
      type: 'application/x-protobuf',
    }));
    response.setHeader('Cache-Control', 'no-cache');
    sendCached(request, response, cached, key);
  });
  return router;
}
