import { Router } from 'express';
import { z } from 'zod';
import { notFound } from '../http/errors';
import { parseQuery } from '../http/parse-query';
import { canonicalQuery, createResponseCache, sendCached } from '../http/response-cache';
import type { CurrentRecordSource } from '../record/current-record';
import type { RecordRepository } from '../record/repository';
import { featuresOfClause } from './clause-features';

const noQuery = z.object({});

/**
 * GET /api/agreements (each agreement with its clause count) and GET /api/agreements/:id (its clauses, each
 * with the features it stands behind): the latter cached per revision and day like every list (an import
 * of 1 000 clauses makes it ≈15 MB), and sent again without Express while the record is unchanged.
 */
export function agreementRouter(repository: RecordRepository, record: CurrentRecordSource): Router {
  const router = Router();
  const details = createResponseCache({ maxEntries: 100 });
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
    const recordKey = await record.key();
    const key = JSON.stringify([recordKey, request.params.id, canonicalQuery(request)]);
    const cached = await details.get(key, async () => {
      parseQuery(request, noQuery, []);
      return { body: JSON.stringify(await agreementDetail(await repository.snapshot(), request.params.id)), type: 'application/json' };
    });
    sendCached(request, response, cached, recordKey);
  });
  return router;
}

/** An agreement with its clauses (each with its features) and, for a referenced document, what the held clauses cite it about. */
async function agreementDetail(repository: RecordRepository, agreementId: string) {
  const agreement = await repository.getAgreement(agreementId);
  if (!agreement) throw notFound(`No agreement with id "${agreementId}"`);
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
  return {
    ...agreement,
    clauses: clauses.map((clause) => ({ ...clause, features: featuresOfClause(clause.id, features, eventsByFeature) })),
    citedAbout,
  };
}
