import { Router } from 'express';
import { z } from 'zod';
import { parseQuery } from '../http/parse-query';
import type { createSearchService } from './search-service';

const searchQuery = z.object({
  q: z.string().max(200, 'must be at most 200 characters'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function searchRouter(service: ReturnType<typeof createSearchService>): Router {
  return Router().get('/', async (request, response) => {
    const { q, limit } = parseQuery(request, searchQuery, ['q', 'limit']);
    response.json(await service.search(q, limit));
  });
}
