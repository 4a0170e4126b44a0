import { Router } from 'express';
import { z } from 'zod';
import { todayIso } from '../domain/dates';
import type { createFeatureService } from '../features/feature-service';
import { parseQuery } from '../http/parse-query';
import { createResponseCache, sendCached } from '../http/response-cache';
import type { RecordRepository } from '../record/repository';
import { drawnRecord } from './drawn-record';

/**
 * GET /api/map/features: the data of the map's record layers (not an exchange format — use
 * /api/features, /api/export or /ogc for that). One body per record revision and day, with an ETag.
 */
export function mapRouter(repository: RecordRepository, features: ReturnType<typeof createFeatureService>): Router {
  const router = Router();
  // Large records draw to tens of megabytes: keep the current body only, whatever its size.
  const cache = createResponseCache({ maxEntries: 2, maxBytes: 1024 * 1024 * 1024 });
  router.get('/features', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const key = `${await repository.revision()}|${todayIso()}`;
    const cached = await cache.get(key, async () => ({
      body: JSON.stringify(await drawnRecord(repository, features)),
      type: 'application/geo+json',
    }));
    response.setHeader('Cache-Control', 'no-cache');
    sendCached(request, response, cached);
  });
  return router;
}
