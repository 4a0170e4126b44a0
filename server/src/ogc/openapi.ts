import { STATUS_IDS } from '../domain/vocabulary';
import { FLAT_FIELD_TYPES, FLAT_FIELDS, type FlatField } from '../exports/flat-feature';
import { OGC_COLLECTIONS } from './collections';
import { DEFAULT_LIMIT, MAX_LIMIT } from './items-query';

const DATE_COLUMNS: readonly FlatField[] = ['as_of', 'status_since', 'first_recorded', 'last_reported'];

/** One column's schema: OpenAPI 3.0 says "nullable", JSON Schema a type list. */
function columnSchema(field: FlatField, dialect: 'openapi' | 'json-schema') {
  const type = FLAT_FIELD_TYPES[field];
  if (type === 'array') return { type: 'array', items: { type: 'string' } };
  const format = DATE_COLUMNS.includes(field) ? { format: 'date' } : {};
  return dialect === 'openapi' ? { type, nullable: true, ...format } : { type: [type, 'null'], ...format };
}

const json = (schema: object) => ({ 'application/json': { schema } });
const geojson = (schema: object) => ({ 'application/geo+json': { schema } });
const exception = { type: 'object', required: ['code'], properties: { code: { type: 'string' }, description: { type: 'string' } } };
const errors = {
  '400': { description: 'A parameter is unknown or malformed.', content: json(exception) },
  '404': { description: 'No such collection or feature.', content: json(exception) },
};
const link = {
  type: 'object',
  required: ['href', 'rel'],
  properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' } },
};
const featureSchema = {
  type: 'object',
  required: ['type', 'id', 'geometry', 'properties'],
  properties: {
    type: { type: 'string', enum: ['Feature'] },
    id: { type: 'string' },
    geometry: {
      nullable: true,
      type: 'object',
      description: 'GeoJSON Point or LineString (WGS 84 lon/lat); null when no position can be justified.',
    },
    properties: {
      type: 'object',
      properties: Object.fromEntries(FLAT_FIELDS.map((field) => [field, columnSchema(field, 'openapi')])),
    },
    links: { type: 'array', items: link },
  },
};

const query = (name: string, description: string, schema: object, extra: object = {}) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
  ...extra,
});
const itemParameters = [
  query('limit', `Features per page (default ${DEFAULT_LIMIT}).`, {
    type: 'integer',
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
  }),
  query('offset', 'Features to skip (the next link sets it).', { type: 'integer', minimum: 0, default: 0 }),
  query(
    'bbox',
    'minLon,minLat,maxLon,maxLat (WGS 84): features whose extent touches the box.',
    { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 6 },
    { style: 'form', explode: false },
  ),
  query(
    'datetime',
    'The date the record is read as of: an instant reads it as of that day, an interval as of its end ("../2024-08-16"). Status, level and links are given as of that date; features first recorded later are left out.',
    { type: 'string' },
  ),
  query('asOf', 'Same as datetime with a date (YYYY-MM-DD), as in /api/features.', { type: 'string', format: 'date' }),
  query('kind', 'Kinds within the collection, comma-separated.', { type: 'string' }),
  query('status', `Status as of the date (or the status of a pending upgrade), comma-separated: ${STATUS_IDS.join(', ')}.`, {
    type: 'string',
  }),
  query('agreement', 'Agreement ids, comma-separated (GET /api/agreements).', { type: 'string' }),
  query('province', 'Vietnamese province codes as of the date, comma-separated (GET /api/provinces).', { type: 'string' }),
  query('stalled', 'true: only features with a commitment restated without progress for over two years.', { type: 'boolean' }),
  query('overdue', 'true: only features with a commitment whose deadline has passed on the date with no document saying it was reached.', {
    type: 'boolean',
  }),
  query('f', 'Output format.', { type: 'string', enum: ['json', 'geojson'] }),
];

/** The OpenAPI 3.0 definition of the service, one items path per collection (GDAL reads it for -where). */
export function openApiDocument(serverUrl: string) {
  const itemsPaths = Object.fromEntries(
    OGC_COLLECTIONS.flatMap((collection) => [
      [
        `/collections/${collection.id}/items`,
        {
          get: {
            operationId: `getItems_${collection.id.replaceAll('-', '_')}`,
            summary: `${collection.title}: features`,
            description: collection.description,
            parameters: itemParameters,
            responses: {
              '200': {
                description: 'A page of features (GeoJSON), with next/prev links that keep every parameter.',
                content: geojson({
                  type: 'object',
                  properties: {
                    type: { type: 'string', enum: ['FeatureCollection'] },
                    features: { type: 'array', items: featureSchema },
                    numberMatched: { type: 'integer' },
                    numberReturned: { type: 'integer' },
                    timeStamp: { type: 'string', format: 'date-time' },
                    links: { type: 'array', items: link },
                  },
                }),
              },
              ...errors,
            },
          },
        },
      ],
      [
        `/collections/${collection.id}/items/{featureId}`,
        {
          get: {
            operationId: `getItem_${collection.id.replaceAll('-', '_')}`,
            summary: `${collection.title}: one feature`,
            parameters: [
              { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
              itemParameters.find((p) => p.name === 'datetime'),
              itemParameters.find((p) => p.name === 'f'),
            ],
            responses: {
              '200': { description: 'The feature, with links to the clauses behind it.', content: geojson(featureSchema) },
              ...errors,
            },
          },
        },
      ],
    ]),
  );
  const simple = (operationId: string, summary: string) => ({
    get: {
      operationId,
      summary,
      parameters: [itemParameters.find((p) => p.name === 'f')],
      responses: { '200': { description: summary, content: json({ type: 'object' }) }, ...errors },
    },
  });
  return {
    openapi: '3.0.3',
    info: {
      title: 'Border Atlas — OGC API Features',
      version: '1.0.0',
      description:
        "Cross-border cooperation on Vietnam's northern borders, as OGC API – Features Part 1 (Core, GeoJSON). Every feature carries its status as of a date and the clauses it rests on.",
      license: { name: 'Record: see the source documents; basemap: ODbL, CC BY 4.0' },
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/': simple('getLandingPage', 'Landing page'),
      '/conformance': simple('getConformance', 'Conformance classes'),
      '/api': simple('getApi', 'This document'),
      '/collections': simple('getCollections', 'The collections'),
      '/collections/{collectionId}': {
        get: {
          operationId: 'getCollection',
          summary: 'One collection',
          parameters: [
            { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: OGC_COLLECTIONS.map((c) => c.id) } },
          ],
          responses: { '200': { description: 'The collection', content: json({ type: 'object' }) }, ...errors },
        },
      },
      ...itemsPaths,
    },
  };
}

/** JSON Schema of one collection's features (OGC API – Features Part 5 style), for clients that type columns. */
export function featureJsonSchema(id: string, title: string) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title,
    type: 'object',
    properties: Object.fromEntries(FLAT_FIELDS.map((field) => [field, columnSchema(field, 'json-schema')])),
  };
}
