import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { parseQuery } from '../http/parse-query';
import type { RecordRepository } from '../record/repository';
import { featuresOfClause } from './clause-features';

/** One clause by id ("003:6.a"): its verbatim text, its agreement, and the features it stands behind. */
export function clauseRouter(repository: RecordRepository): Router {
  return Router().get('/:id', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const clause = await repository.getClause(request.params.id);
    if (!clause) throw notFound(`No clause with id "${request.params.id}"`);
    const [agreement, features, eventsByFeature] = await Promise.all([
      repository.getAgreement(clause.agreementId),
      repository.listFeatures(),
      repository.listEventsByFeature(),
    ]);
    response.json({
      ...clause,
      agreement: agreement ? { id: agreement.id, title: agreement.title } : null,
      features: featuresOfClause(clause.id, features, eventsByFeature),
    });
  });
}
