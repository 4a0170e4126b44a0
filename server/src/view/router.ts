import { Router } from 'express';
import type { ApiFeature } from '../domain/api';
import { MAX_MARKED_CHANGES } from '../domain/api';
import { changesBetween } from '../domain/changes-between';
import { filtersOfQuery } from '../domain/filters';
import { progressTables } from '../domain/progress';
import { recordView } from '../domain/record-view';
import { CHANGES_QUERY_PARAMETERS, changesQuery, VIEW_QUERY_PARAMETERS, viewQuery } from '../domain/request-queries';
import { parseQuery } from '../http/parse-query';
import { canonicalQuery, createResponseCache, sendCached } from '../http/response-cache';
import { type CurrentRecord, type CurrentRecordSource, checkReferences } from '../record/current-record';

/**
 * The planner's screen, computed where the record is, so a browser never downloads the whole record:
 *   GET /api/view     counts, legend, progress tables and a page of the list for a date and filters
 *   GET /api/changes  what changed between two dates, a page at a time
 * Both read the record's timelines (record/current-record.ts): a date is one pick per feature.
 */
export function viewRouter(record: CurrentRecordSource): Router {
  const router = Router();
  const cache = createResponseCache({ maxEntries: 1000 });
  // The record as of a date and its progress tables serve every filter set on that date: the last
  // few dates asked are kept (a planner changing filters, or stepping back and forth in time).
  const dates = new Map<string, { onDate: ApiFeature[]; progress: ReturnType<typeof progressTables> }>();
  const asOfDate = (key: string, current: CurrentRecord, asOf: string | null) => {
    const dateKey = `${key}|${asOf}`;
    let entry = dates.get(dateKey);
    if (entry) dates.delete(dateKey);
    else {
      const onDate = current.timelines.onDate(asOf);
      entry = { onDate, progress: progressTables(onDate, (id) => current.heldAgreements.has(id)) };
    }
    dates.set(dateKey, entry);
    for (const old of dates.keys()) {
      if (dates.size <= 16) break;
      dates.delete(old);
    }
    return entry;
  };

  router.get('/view', async (request, response) => {
    const key = await record.key();
    const cached = await cache.get(`view|${key}|${canonicalQuery(request)}`, async () => {
      const query = parseQuery(request, viewQuery, VIEW_QUERY_PARAMETERS);
      const filters = filtersOfQuery(query);
      const current = await record.get(key);
      checkReferences(current, filters);
      const { onDate, progress } = asOfDate(key, current, query.asOf ?? null);
      const view = recordView(onDate, filters, query, { kinds: current.kinds, stepDates: current.stepDates }, progress);
      return { body: JSON.stringify(view), type: 'application/json' };
    });
    response.setHeader('Cache-Control', 'no-cache');
    sendCached(request, response, cached, key);
  });

  router.get('/changes', async (request, response) => {
    const key = await record.key();
    const cached = await cache.get(`changes|${key}|${canonicalQuery(request)}`, async () => {
      const query = parseQuery(request, changesQuery, CHANGES_QUERY_PARAMETERS);
      const current = await record.get(key);
      const changes = changesBetween(current.collection, current.index.eventsByFeature, query.from, query.to);
      return {
        body: JSON.stringify({
          from: query.from,
          to: query.to,
          total: changes.length,
          offset: query.offset,
          limit: query.limit,
          changes: changes.slice(query.offset, query.offset + query.limit),
          // Every changed feature (to mark them on the map), the first MAX_MARKED_CHANGES of them.
          featureIds: changes.slice(0, MAX_MARKED_CHANGES).map((change) => change.feature.id),
        }),
        type: 'application/json',
      };
    });
    response.setHeader('Cache-Control', 'no-cache');
    sendCached(request, response, cached, key);
  });
  return router;
}
