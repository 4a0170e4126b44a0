import { type Request, Router } from 'express';
import { z } from 'zod';
import { FILTER_PARAMETERS, filterQueryShape, filtersOfQuery } from '../domain/filters';
import { requestOrigin } from '../http/deployment';
import { parseQuery } from '../http/parse-query';
import { type CurrentRecordSource, checkReferences, selectFeatures } from '../record/current-record';
import type { RecordRepository } from '../record/repository';
import { changesFeed, type FeedStep, learntAt } from './changes-feed';

const feedQuery = z.object({
  ...filterQueryShape,
  /** Entries to send, newest first (default 100, at most 500). */
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number from 1 to 500')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 500, 'must be a whole number from 1 to 500')
    .optional(),
});

/**
 * GET /api/changes.atom: the record's status steps as an Atom feed, newest first, filterable like /api/features
 * (the one filter: kind, status, agreement, province, stalled, overdue, asOf select the features whose steps are
 * listed), so a planner's feed reader or mail client says when a gate moved.
 */
export function feedRouter(
  repository: RecordRepository,
  record: CurrentRecordSource,
  isEditor: (request: Request) => Promise<boolean>,
): Router {
  return Router().get('/', async (request, response) => {
    const query = parseQuery(request, feedQuery, [...FILTER_PARAMETERS, 'limit']);
    const filters = filtersOfQuery(query);
    const current = await record.now();
    checkReferences(current, filters);
    const snapshot = await repository.snapshot();
    const steps: FeedStep[] = [];
    for (const feature of selectFeatures(current, filters)) {
      const [history, records] = await Promise.all([snapshot.listStepHistory(feature.id), snapshot.stepRecords(feature.id)]);
      history.forEach((step, index) => {
        steps.push({ feature, step, recorded: records[index] ?? { recordedBy: null, recordedAt: null } });
      });
    }
    steps.sort((a, b) => learntAt(b).localeCompare(learntAt(a)) || a.feature.id.localeCompare(b.feature.id));
    const origin = requestOrigin(request);
    const body = changesFeed(steps.slice(0, query.limit ?? 100), {
      origin,
      self: `${origin}${request.originalUrl}`,
      editor: await isEditor(request),
    });
    response.setHeader('Vary', 'Cookie');
    response.setHeader('Cache-Control', 'no-cache');
    response.type('application/atom+xml; charset=utf-8').send(body);
  });
}
