import { Router } from 'express';
import { z } from 'zod';
import { parseQuery } from '../http/parse-query';
import type { RecordRepository } from '../record/repository';

/** Every status step of the record, so a client can compute any date's state and changes itself. */
export function eventRouter(repository: RecordRepository): Router {
  return Router().get('/', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const byFeature = await repository.listEventsByFeature();
    response.json([...byFeature.values()].flat());
  });
}
