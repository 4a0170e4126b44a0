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
    // A referenced document: what the held clauses cite it about (its members' citations through the set).
    const citedAs = new Set([agreement.id, ...(agreement.memberOf ? [agreement.memberOf] : [])]);
    const citedAbout = await Promise.all(
      [...new Set(features.flatMap((f) => (f.citations ?? []).filter((c) => citedAs.has(c.agreementId)).map((c) => c.clauseId)))].map(
        async (clauseId) => ({
          clauseId,
          clauseLabel: (await repository.getClause(clauseId))?.label ?? { vi: clauseId, en: clauseId },
          features: features
            .filter((f) => (f.citations ?? []).some((c) => c.clauseId === clauseId && citedAs.has(c.agreementId)))
            .map(({ id, kind, name }) => ({ id, kind, name })),
        }),
      ),
    );
    response.json({
      ...agreement,
      clauses: clauses.map((clause) => ({ ...clause, features: featuresOfClause(clause.id, features, eventsByFeature) })),
      citedAbout,
    });
  });
  return router;
}
