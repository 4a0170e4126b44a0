import type { Request } from 'express';
import { Router } from 'express';
import { todayIso } from '../domain/dates';
import { FEATURE_QUERY_PARAMETERS, type FeatureQuery, featureQuery } from '../domain/request-queries';
import { STATUS_BY_ID } from '../domain/vocabulary';
import { requestOrigin } from '../http/deployment';
import { parseQuery } from '../http/parse-query';
import type { RecordRepository } from '../record/repository';
import { toCsv, toWkt } from './csv';
import { asText, FLAT_FIELDS } from './flat-feature';
import type { FlatFeatureService } from './flat-feature-service';
import { toKml } from './kml';

/** "border-atlas-features-2026-02-11" for the date the file describes. */
const fileName = (what: string, query: FeatureQuery, extension: string) => `border-atlas-${what}-${query.asOf ?? todayIso()}.${extension}`;

const EVENT_COLUMNS = [
  'feature_id',
  'feature_name_vi',
  'feature_name_en',
  'feature_name_zh',
  'date',
  'status',
  'status_vi',
  'status_en',
  'level',
  'subject_vi',
  'evidence',
  'agreement_id',
  'agreement_title_vi',
  'clause_id',
  'clause_label_vi',
  'quote',
  'note',
] as const;

/**
 * Downloads of the filtered set (the parameters of GET /api/features): GeoJSON, CSV (one row per
 * feature, WKT and lon/lat, UTF-8 with BOM) and KML; the status histories as CSV.
 */
export function exportRouter(repository: RecordRepository, flat: FlatFeatureService): Router {
  const router = Router();
  const features = async (request: Request) => {
    const query = parseQuery(request, featureQuery, FEATURE_QUERY_PARAMETERS);
    return { query, features: await flat.list(query, requestOrigin(request)) };
  };

  router.get('/features.geojson', async (request, response) => {
    const { query, features: rows } = await features(request);
    response.attachment(fileName('features', query, 'geojson')).type('application/geo+json');
    response.send(
      JSON.stringify({
        type: 'FeatureCollection',
        features: rows.map((row) => ({ type: 'Feature', id: row.id, geometry: row.geometry, properties: row.properties })),
      }),
    );
  });

  router.get('/features.csv', async (request, response) => {
    const { query, features: rows } = await features(request);
    const columns = [...FLAT_FIELDS, 'lon', 'lat', 'wkt'];
    const csv = toCsv(
      columns,
      rows.map((row) => ({
        ...Object.fromEntries(FLAT_FIELDS.map((field) => [field, asText(row.properties[field])])),
        lon: row.geometry?.type === 'Point' ? row.geometry.coordinates[0] : null,
        lat: row.geometry?.type === 'Point' ? row.geometry.coordinates[1] : null,
        wkt: toWkt(row.geometry),
      })),
    );
    response
      .attachment(fileName('features', query, 'csv'))
      .type('text/csv; charset=utf-8')
      .send(csv);
  });

  router.get('/features.kml', async (request, response) => {
    const { query, features: rows } = await features(request);
    response
      .attachment(fileName('features', query, 'kml'))
      .type('application/vnd.google-earth.kml+xml; charset=utf-8')
      .send(toKml(rows, `Border Atlas — ${query.asOf ?? todayIso()}`));
  });

  router.get('/events.csv', async (request, response) => {
    const { query, features: rows } = await features(request);
    const [eventsByFeature, agreements] = await Promise.all([repository.listEventsByFeature(), repository.listAgreements()]);
    const agreementTitle = new Map(agreements.map((a) => [a.id, a.title.vi]));
    const date = query.asOf ?? todayIso();
    const lines = [];
    for (const row of rows) {
      for (const event of (eventsByFeature.get(row.id) ?? []).filter((e) => e.date <= date)) {
        const clause = await repository.getClause(event.clauseId);
        lines.push({
          feature_id: row.id,
          feature_name_vi: asText(row.properties.name_vi),
          feature_name_en: asText(row.properties.name_en),
          feature_name_zh: asText(row.properties.name_zh),
          date: event.date,
          status: event.status,
          status_vi: STATUS_BY_ID[event.status].label.vi,
          status_en: STATUS_BY_ID[event.status].label.en,
          level: event.level,
          subject_vi: event.subject?.vi ?? null,
          evidence: event.evidence,
          agreement_id: event.agreementId,
          agreement_title_vi: agreementTitle.get(event.agreementId) ?? null,
          clause_id: event.clauseId,
          clause_label_vi: clause?.label.vi ?? null,
          quote: event.quote,
          note: event.note ?? null,
        });
      }
    }
    lines.sort((a, b) => a.date.localeCompare(b.date) || a.feature_id.localeCompare(b.feature_id));
    response
      .attachment(fileName('events', query, 'csv'))
      .type('text/csv; charset=utf-8')
      .send(toCsv(EVENT_COLUMNS, lines));
  });
  return router;
}
