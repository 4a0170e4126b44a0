import turfBbox from '@turf/bbox';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import type { FeatureQuery } from '../domain/request-queries';
import { KIND_BY_ID } from '../domain/vocabulary';
import type { FlatFeature, FlatValue } from '../exports/flat-feature';
import type { FlatFeatureService } from '../exports/flat-feature-service';
import { requestOrigin } from '../http/deployment';
import { badRequest, HttpError, notFound } from '../http/errors';
import { parseQuery } from '../http/parse-query';
import type { RecordRepository } from '../record/repository';
import { OGC_COLLECTIONS, type OgcCollection } from './collections';
import { ITEMS_PARAMETERS, type ItemsQuery, itemsQuery } from './items-query';
import { featureJsonSchema, openApiDocument } from './openapi';

const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';
const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

const onlyF = z.object({ f: z.enum(['json', 'geojson'], { message: 'only json and geojson are offered' }).optional() });

/** Base URL of the service ("https://atlas.example/ogc"): BORDER_ATLAS_PUBLIC_ORIGIN, else from the request (trusted values only). */
const base = (request: Request) => `${requestOrigin(request)}${request.baseUrl}`;

function collectionOf(id: string): OgcCollection {
  const collection = OGC_COLLECTIONS.find((c) => c.id === id);
  if (!collection) throw notFound(`No collection "${id}"; collections: ${OGC_COLLECTIONS.map((c) => c.id).join(', ')}`);
  return collection;
}

/** OGC API – Features, Part 1 (Core, GeoJSON, OpenAPI 3.0), over the same record and filters as /api. */
export function ogcRouter(repository: RecordRepository, flat: FlatFeatureService): Router {
  const router = Router();

  /** The items of a collection with the filters of our own API; the kind filter stays within the collection. */
  async function itemsOf(collection: OgcCollection, query: ItemsQuery, origin: string): Promise<FlatFeature[]> {
    const kinds = query.kind ?? [...collection.kinds];
    const outside = kinds.find((kind) => !(collection.kinds as readonly string[]).includes(kind));
    if (outside !== undefined)
      throw badRequest(
        'invalid_parameter',
        `Query parameter "kind": "${outside}" is not in collection "${collection.id}" (${collection.kinds.join(', ')})`,
      );
    if (query.asOf && query.datetime)
      throw badRequest('invalid_parameter', 'Query parameters "asOf" and "datetime" both give the date: use one');
    const featureQuery: FeatureQuery = {
      kind: kinds as FeatureQuery['kind'],
      status: query.status,
      agreement: query.agreement,
      province: query.province,
      stalled: query.stalled,
      overdue: query.overdue,
      bbox: query.bbox,
      asOf: query.asOf ?? query.datetime?.asOf,
    };
    return flat.list(featureQuery, origin);
  }

  /** A collection's description with its extent, from its features (all kinds, listed once by the caller). */
  async function collectionJson(request: Request, collection: OgcCollection, all: readonly FlatFeature[]) {
    const features = all.filter((feature) => (collection.kinds as readonly FlatValue[]).includes(feature.properties.kind));
    // A collection whose items have no position (regional commitments) spans the region the record covers.
    const ownLocated = features.filter((feature) => feature.geometry);
    const located = ownLocated.length > 0 ? ownLocated : all.filter((feature) => feature.geometry);
    const box =
      located.length > 0
        ? turfBbox({
            type: 'FeatureCollection',
            features: located.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} })),
          } as never)
        : null;
    const eventsByFeature = await repository.listEventsByFeature();
    const dates = features
      .flatMap((feature) => [feature.properties.first_recorded, ...(eventsByFeature.get(feature.id) ?? []).map((event) => event.date)])
      .filter((date): date is string => typeof date === 'string')
      .sort();
    const href = `${base(request)}/collections/${collection.id}`;
    return {
      id: collection.id,
      title: collection.title,
      description: `${collection.description} Kinds: ${collection.kinds.map((kind) => `${kind} (${KIND_BY_ID[kind].label.vi})`).join(', ')}. ${features.length} features, ${features.length - ownLocated.length} without a position (geometry null).`,
      itemType: 'feature',
      crs: [CRS84],
      extent: {
        spatial: { bbox: box ? [box.slice(0, 4)] : [[-180, -90, 180, 90]], crs: CRS84 },
        temporal: {
          interval: [[dates[0] ? `${dates[0]}T00:00:00Z` : null, dates.at(-1) ? `${dates.at(-1)}T00:00:00Z` : null]],
          trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian',
        },
      },
      links: [
        { href, rel: 'self', type: JSON_TYPE, title: collection.title },
        { href: `${href}/items`, rel: 'items', type: GEOJSON, title: `${collection.title}: features` },
        { href: `${href}/schema`, rel: 'describedby', type: 'application/schema+json', title: 'Schema of the features' },
      ],
    };
  }

  router.get('/', (request, response) => {
    parseQuery(request, onlyF, ['f']);
    const root = base(request);
    response.type(JSON_TYPE).json({
      title: 'Border Atlas — OGC API Features',
      description:
        "Cross-border cooperation on Vietnam's northern borders: gates, crossings, markers, routes, pairings, zones and bridges, each with its status as of a date (datetime) and the clauses behind it.",
      links: [
        { href: `${root}/`, rel: 'self', type: JSON_TYPE, title: 'This document' },
        { href: `${root}/api`, rel: 'service-desc', type: OPENAPI, title: 'The API definition (OpenAPI 3.0)' },
        { href: `${root}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
        { href: `${root}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collections' },
      ],
    });
  });

  router.get('/conformance', (request, response) => {
    parseQuery(request, onlyF, ['f']);
    response.type(JSON_TYPE).json({ conformsTo: CONFORMANCE });
  });

  router.get('/api', (request, response) => {
    parseQuery(request, onlyF, ['f']);
    response.type(OPENAPI).send(JSON.stringify(openApiDocument(base(request))));
  });

  router.get('/collections', async (request, response) => {
    parseQuery(request, onlyF, ['f']);
    const root = base(request);
    const all = await flat.list({}, requestOrigin(request));
    response.type(JSON_TYPE).json({
      links: [{ href: `${root}/collections`, rel: 'self', type: JSON_TYPE, title: 'Collections' }],
      collections: await Promise.all(OGC_COLLECTIONS.map((collection) => collectionJson(request, collection, all))),
    });
  });

  router.get('/collections/:collectionId', async (request, response) => {
    const collection = collectionOf(request.params.collectionId);
    parseQuery(request, onlyF, ['f']);
    const features = await flat.list({ kind: [...collection.kinds] }, requestOrigin(request));
    response.type(JSON_TYPE).json(await collectionJson(request, collection, features));
  });

  router.get('/collections/:collectionId/schema', (request, response) => {
    const collection = collectionOf(request.params.collectionId);
    parseQuery(request, onlyF, ['f']);
    response
      .type('application/schema+json')
      .send(JSON.stringify(featureJsonSchema(`${base(request)}/collections/${collection.id}/schema`, collection.title)));
  });

  router.get('/collections/:collectionId/items', async (request, response) => {
    const collection = collectionOf(request.params.collectionId);
    const query = parseQuery(request, itemsQuery, ITEMS_PARAMETERS);
    const all = await itemsOf(collection, query, requestOrigin(request));
    const page = all.slice(query.offset, query.offset + query.limit);
    const href = `${base(request)}/collections/${collection.id}/items`;
    // Links repeat every parameter given (filters, bbox, datetime), changing only the offset.
    const withOffset = (offset: number) => {
      const params = new URLSearchParams(request.query as Record<string, string>);
      params.set('offset', String(offset));
      params.set('limit', String(query.limit));
      return `${href}?${params}`;
    };
    const selfParams = new URLSearchParams(request.query as Record<string, string>).toString();
    const links = [
      { href: selfParams ? `${href}?${selfParams}` : href, rel: 'self', type: GEOJSON, title: 'This page' },
      { href: `${base(request)}/collections/${collection.id}`, rel: 'collection', type: JSON_TYPE, title: collection.title },
      ...(query.offset + query.limit < all.length
        ? [{ href: withOffset(query.offset + query.limit), rel: 'next', type: GEOJSON, title: 'Next page' }]
        : []),
      ...(query.offset > 0
        ? [{ href: withOffset(Math.max(0, query.offset - query.limit)), rel: 'prev', type: GEOJSON, title: 'Previous page' }]
        : []),
    ];
    response.type(GEOJSON).json({
      type: 'FeatureCollection',
      features: page.map((feature) => ogcFeature(request, collection, feature)),
      numberMatched: all.length,
      numberReturned: page.length,
      timeStamp: new Date().toISOString(),
      links,
    });
  });

  router.get('/collections/:collectionId/items/:featureId', async (request, response) => {
    const collection = collectionOf(request.params.collectionId);
    const query = parseQuery(request, itemsQuery.pick({ f: true, datetime: true }), ['f', 'datetime']);
    const record = await repository.getFeature(request.params.featureId);
    if (!record || !(collection.kinds as readonly string[]).includes(record.kind))
      throw notFound(`No feature "${request.params.featureId}" in collection "${collection.id}"`);
    const [feature] = (await itemsOf(collection, { ...query, limit: 1, offset: 0, kind: [record.kind] }, requestOrigin(request))).filter(
      (candidate) => candidate.id === record.id,
    );
    if (!feature) throw notFound(`Feature "${record.id}" is not yet in the record on ${query.datetime?.asOf}`);
    response.type(GEOJSON).json({ ...ogcFeature(request, collection, feature), links: featureLinks(request, collection, feature) });
  });

  router.use((request, _response, next) => next(notFound(`No OGC API resource ${request.method} ${request.originalUrl.split('?')[0]}`)));
  router.use(ogcErrorHandler);
  return router;
}

function featureLinks(request: Request, collection: OgcCollection, feature: FlatFeature) {
  const root = base(request);
  const origin = requestOrigin(request);
  const clauses = [
    ...new Set(
      String(feature.properties.status_clauses || '')
        .split(',')
        .filter(Boolean),
    ),
  ];
  return [
    { href: `${root}/collections/${collection.id}/items/${encodeURIComponent(feature.id)}`, rel: 'self', type: GEOJSON },
    { href: `${root}/collections/${collection.id}`, rel: 'collection', type: JSON_TYPE },
    {
      href: `${origin}/api/features/${encodeURIComponent(feature.id)}`,
      rel: 'alternate',
      type: JSON_TYPE,
      title: 'Full record with history',
    },
    ...clauses.map((clauseId) => ({
      href: `${origin}/api/clauses/${encodeURIComponent(clauseId)}`,
      rel: 'describedby',
      type: JSON_TYPE,
      title: `Clause ${clauseId}`,
    })),
  ];
}

function ogcFeature(request: Request, collection: OgcCollection, feature: FlatFeature) {
  return {
    type: 'Feature',
    id: feature.id,
    geometry: feature.geometry,
    properties: feature.properties,
    links: featureLinks(request, collection, feature),
  };
}

/** Errors as the standard's exception document: {code, description}. */
export const ogcErrorHandler: ErrorRequestHandler = (error, _request, response: Response, next) => {
  if (!(error instanceof HttpError)) return next(error);
  const code = error.status === 404 ? 'NotFound' : error.code === 'unknown_parameter' ? 'InvalidParameter' : 'InvalidParameterValue';
  response.status(error.status).type(JSON_TYPE).json({ code, description: error.message });
};
