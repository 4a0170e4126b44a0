import { Router } from 'express';
import { z } from 'zod';
import { todayIso } from '../domain/dates';
import { NO_FILTERS } from '../domain/filters';
import { realDate } from '../domain/query-params';
import { requestOrigin } from '../http/deployment';
import { notFound } from '../http/errors';
import { parseQuery } from '../http/parse-query';
import { type CurrentRecordSource, selectFeatures } from '../record/current-record';
import type { RecordRepository } from '../record/repository';
import { bundledFontFaces } from './fonts';
import { provinceReportHtml } from './province-report';
import { loadReportBasemap } from './report-map';

const reportQuery = z.object({ asOf: realDate.optional(), lang: z.enum(['vi', 'en', 'zh']).optional() });

/**
 * GET /api/reports/province/:code.html?asOf=&lang= — a printable page per Vietnamese province as of a date (today
 * by default): counts by status, overdue commitments with their clauses, each feature's status and last document.
 */
export function reportRouter(repository: RecordRepository, record: CurrentRecordSource, basemapDir?: string): Router {
  const fontFaces = bundledFontFaces(basemapDir);
  const basemap = loadReportBasemap(basemapDir);
  return Router().get('/province/:file', async (request, response) => {
    const { asOf, lang } = parseQuery(request, reportQuery, ['asOf', 'lang']);
    const match = /^(.+)\.html$/.exec(request.params.file);
    if (!match) throw notFound(`No report "${request.params.file}": ask for /api/reports/province/<code>.html`);
    const snapshot = await repository.snapshot();
    const [provinces, agreements, eventsByFeature] = await Promise.all([
      snapshot.listProvinces(),
      snapshot.listAgreements(),
      snapshot.listEventsByFeature(),
    ]);
    const province = provinces.find((p) => p.code === match[1] && p.country === 'VN');
    if (!province) throw notFound(`No Vietnamese province "${match[1]}"`);
    const date = asOf ?? todayIso();
    const features = selectFeatures(await record.now(), { ...NO_FILTERS, asOf: asOf ?? null, provinces: [province.code] });
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(
      provinceReportHtml({
        province,
        features,
        eventsByFeature,
        agreements: new Map(agreements.map((a) => [a.id, a])),
        date,
        language: lang ?? 'vi',
        origin: requestOrigin(request),
        fontFaces,
        basemap,
      }),
    );
  });
}
