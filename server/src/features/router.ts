import { type Request, Router } from 'express';
import { z } from 'zod';
import { realDate } from '../domain/query-params';
import { FEATURE_QUERY_PARAMETERS, featureQuery, selectionOfQuery } from '../domain/request-queries';
import { parseQuery } from '../http/parse-query';
import { canonicalQuery, createResponseCache, sendCached } from '../http/response-cache';
import type { CurrentRecordSource } from '../record/current-record';
import type { createFeatureService } from './feature-service';

/**
 * GET /api/features and GET /api/features/:id, each cached per revision, day and query. A feature's detail
 * is also cached per reader: its history names who recorded a step only for a signed-in editor (`isEditor`;
 * a visitor reads "editor"), so it is never replayed without Express (http/replay.ts).
 */
export function featureRouter(
  service: ReturnType<typeof createFeatureService>,
  record: CurrentRecordSource,
  isEditor: (request: Request) => Promise<boolean> = async () => false,
): Router {
  const router = Router();
  const cache = createResponseCache();
  router.get('/', async (request, response) => {
    // Same record, same day, same query → the same bytes: validated and serialised once, then sent as
    // they are. A query that failed validation is never stored, so it is validated again each time.
    const recordKey = await record.key();
    const key = `${recordKey}|${canonicalQuery(request)}`;
    const cached = await cache.get(key, async () => {
      const { filters, narrowing } = selectionOfQuery(parseQuery(request, featureQuery, FEATURE_QUERY_PARAMETERS));
      return { body: JSON.stringify(await service.list(filters, narrowing)), type: 'application/geo+json' };
    });
    sendCached(request, response, cached, recordKey);
  });
  // A feature's history grows a step at a time (≈1 KB each; 840 steps after a large import): made once per
  // revision, day (its state today, deadlines read on today), reader and query, not on every request.
  const details = createResponseCache({ maxEntries: 200 });
  router.get('/:id', async (request, response) => {
    const editor = await isEditor(request);
    const recordKey = await record.key();
    const key = JSON.stringify([recordKey, request.params.id, editor, canonicalQuery(request)]);
    const cached = await details.get(key, async () => {
      // asOf: the date the deadlines are read on (the slider's); the state and history are the record's.
      const { asOf } = parseQuery(request, z.object({ asOf: realDate.optional() }), ['asOf']);
      return { body: JSON.stringify(await service.detail(request.params.id, { editor }, asOf ?? null)), type: 'application/json' };
    });
    // The body depends on who asks: a shared cache must not give an editor's to a visitor.
    response.setHeader('Vary', 'Cookie');
    sendCached(request, response, cached);
  });
  return router;
}
