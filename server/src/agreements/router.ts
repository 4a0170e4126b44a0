import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { parseQuery } from '../http/parse-query';
import type { RecordRepository } from '../record/repository';
import { featuresOfClause } from './clause-features';

const noQuery = z.object({});

export function agreementRouter(repository: RecordRepository): Router {
  const router = Router();
  router.get('/', async (request, response) => {
    parseQuery(request, noQuery, []);
    const agreements = await repository.listAgreements();
    const withCounts = await Promise.all(
      agreements.map(async (agreement) => ({
        ...agreement,
        clauseCount: (await repository.listClauses(agreement.id)).length,
      })),
    );
    response.json(withCounts);
  });
  router.get('/:id', async (request, response) => {
    parseQuery(request, noQuery, []);
    const agreement = await repository.getAgreement(request.params.id);
    if (!agreement) throw notFound(`No agreement with id "${request.params.id}"`);
    const [clauses, features, eventsByFeature] = await Promise.all([
      repository.listClauses(agreement.id),
      repository.listFeatures(),
      repository.listEventsByFeature(),
    ]);
    response.json({
      ...agreement,
      clauses: clauses.map((clause) => ({ ...clause, features: featuresOfClause(clause.id, features, eventsByFeature) })),
    });
  });
  return router;
}
