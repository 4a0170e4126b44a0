import { Router } from 'express';
import { z } from 'zod';
import { parseQuery } from '../http/parse-query';
import type { RecordRepository } from '../record/repository';

/** Provinces named in the record, with the mergers that change a feature's province over time. */
export function provinceRouter(repository: RecordRepository): Router {
  return Router().get('/', async (request, response) => {
    parseQuery(request, z.object({}), []);
    response.json(await repository.listProvinces());
  });
}
