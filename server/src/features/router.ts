import { Router } from 'express';
import { z } from 'zod';
import { parseQuery } from '../http/parse-query';
import { canonicalQuery, createResponseCache, sendCached } from '../http/response-cache';
import type { CurrentRecordSource } from '../record/current-record';
import { FEATURE_QUERY_PARAMETERS, featureQuery } from './feature-query';
import type { createFeatureService } from './feature-service';

export function featureRouter(service: ReturnType<typeof createFeatureService>, record: CurrentRecordSource): Router {
  const router = Router();
  const cache = createResponseCache();
  router.get('/', async (request, response) => {
    // Same record, same day, same query → the same bytes: validated and serialised once, then sent as
    // they are. A query that failed validation is never stored, so it is validated again each time.
    const key = `${await record.key()}|${canonicalQuery(request)}`;
    const cached = await cache.get(key, async () => {
      const query = parseQuery(request, featureQuery, FEATURE_QUERY_PARAMETERS);
      return { body: JSON.stringify(await service.list(query)), type: 'application/geo+json' };
    });
    sendCached(request, response, cached);
  });
  router.get('/:id', async (request, response) => {
    parseQuery(request, z.object({}), []);
    response.json(await service.detail(request.params.id));
  });
  return router;
}
