import { Router } from 'express';
import { z } from 'zod';
import { parseQuery } from '../http/parse-query';
import { FEATURE_QUERY_PARAMETERS, featureQuery } from './feature-query';
import type { createFeatureService } from './feature-service';

export function featureRouter(service: ReturnType<typeof createFeatureService>): Router {
  const router = Router();
  router.get('/', async (request, response) => {
    const query = parseQuery(request, featureQuery, FEATURE_QUERY_PARAMETERS);
    response.type('application/geo+json').json(await service.list(query));
  });
  router.get('/:id', async (request, response) => {
    parseQuery(request, z.object({}), []);
    response.json(await service.detail(request.params.id));
  });
  return router;
}
