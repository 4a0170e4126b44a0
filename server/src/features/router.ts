import { type Request, Router } from 'express';
import { z } from 'zod';
import type { FeatureCollectionResponse } from '../domain/api';
import { realDate } from '../domain/query-params';
import { FEATURE_QUERY_PARAMETERS, featureQuery, selectionOfQuery } from '../domain/request-queries';
import { parseQuery } from '../http/parse-query';
import { canonicalQuery, createResponseCache, LARGEST_ANSWER_BYTES, sendCached } from '../http/response-cache';
import type { CurrentRecordSource } from '../record/current-record';
import type { createFeatureService } from './feature-service';

/**
 * `JSON.stringify(collection)` as UTF-8 bytes, made a thousand features at a time: the whole record's text is never
 * one string (at 100 000 features, 200 MB of UTF-16 beside its 98 MB of bytes).
 */
function collectionJson({ type, features }: FeatureCollectionResponse): Buffer {
  const parts = [Buffer.from(`{"type":${JSON.stringify(type)},"features":[`)];
  for (let start = 0; start < features.length; start += 1000) {
    const chunk = JSON.stringify(features.slice(start, start + 1000));
    parts.push(Buffer.from(`${start > 0 ? ',' : ''}${chunk.slice(1, -1)}`));
  }
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

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
  // The whole record is a list too (98 MB at 100 000 features): kept like any other answer, so it is made once per
  // revision and day and sent as it is, not made again for each request (http/replay.ts keeps it as large).
  const cache = createResponseCache({ maxBytes: LARGEST_ANSWER_BYTES });
  router.get('/', async (request, response) => {
    // Same record, same day, same query → the same bytes: validated and serialised once, then sent as
    // they are. A query that failed validation is never stored, so it is validated again each time.
    const recordKey = await record.key();
    const key = `${recordKey}|${canonicalQuery(request)}`;
    const cached = await cache.get(key, async () => {
      const { filters, narrowing } = selectionOfQuery(parseQuery(request, featureQuery, FEATURE_QUERY_PARAMETERS));
      return { body: collectionJson(await service.list(filters, narrowing)), type: 'application/geo+json' };
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
