import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { KIND_IDS } from '../../server/src/domain/vocabulary';
import { OGC_COLLECTIONS } from '../../server/src/ogc/collections';
import { createTestApp, loadRealRecord } from '../helpers/app';

const app = createTestApp();
const record = loadRealRecord();

type Link = { href: string; rel: string; type?: string };
const linkOf = (links: Link[], rel: string) => links.find((link) => link.rel === rel);
/** The path and query of an absolute link, to follow it with supertest. */
const follow = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

describe('OGC API – Features: landing, conformance, definition', () => {
  it('links the definition, the conformance classes and the collections from the landing page', async () => {
    const response = await request(app).get('/ogc');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json');
    const links = response.body.links as Link[];
    expect(linkOf(links, 'self')).toBeDefined();
    expect(linkOf(links, 'service-desc')?.type).toBe('application/vnd.oai.openapi+json;version=3.0');
    for (const rel of ['conformance', 'data', 'service-desc']) {
      const target = await request(app).get(follow(linkOf(links, rel)?.href ?? ''));
      expect(target.status, rel).toBe(200);
    }
  });

  it('declares Core, GeoJSON and OpenAPI 3.0 conformance', async () => {
    const response = await request(app).get('/ogc/conformance');
    expect(response.body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      ]),
    );
  });

  it('serves an OpenAPI 3 document with an items path and its filters for every collection', async () => {
    const response = await request(app).get('/ogc/api');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/vnd.oai.openapi+json');
    const document = JSON.parse(response.text);
    expect(document.openapi).toMatch(/^3\.0\./);
    for (const collection of OGC_COLLECTIONS) {
      const items = document.paths[`/collections/${collection.id}/items`];
      const names = items.get.parameters.map((p: { name: string }) => p.name);
      expect(names).toEqual(expect.arrayContaining(['limit', 'offset', 'bbox', 'datetime', 'status', 'agreement', 'province', 'stalled']));
      expect(items.get.responses['200'].content['application/geo+json']).toBeDefined();
    }
  });

  it('never answers /ogc paths with the web page', async () => {
    const response = await request(createTestApp({ withClient: true })).get('/ogc/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ code: 'NotFound', description: expect.stringContaining('/ogc/nothing-here') });
  });
});

describe('OGC API – Features: collections', () => {
  it('publishes every feature kind in exactly one collection, each with its extent and a description', async () => {
    const response = await request(app).get('/ogc/collections');
    const collections = response.body.collections as {
      id: string;
      description: string;
      extent: { spatial: { bbox: number[][] }; temporal: { interval: (string | null)[][] } };
      links: Link[];
    }[];
    expect(collections.map((c) => c.id).sort()).toEqual(OGC_COLLECTIONS.map((c) => c.id).sort());
    expect(OGC_COLLECTIONS.flatMap((c) => c.kinds).sort()).toEqual([...KIND_IDS].sort());
    for (const collection of collections) {
      expect(collection.description.length).toBeGreaterThan(20);
      const [west, south, east, north] = collection.extent.spatial.bbox[0];
      // Northern Vietnam and its neighbours.
      expect(west).toBeGreaterThan(100);
      expect(east).toBeLessThan(110);
      expect(south).toBeGreaterThan(19);
      expect(north).toBeLessThan(26);
      expect(collection.extent.temporal.interval[0][0]).toMatch(/^20\d\d-/);
      expect(linkOf(collection.links, 'items')?.type).toBe('application/geo+json');
      expect(linkOf(collection.links, 'self')).toBeDefined();
    }
  });

  it('describes the columns of its features in a JSON Schema linked as describedby', async () => {
    const collection = await request(app).get('/ogc/collections/gates');
    const link = linkOf(collection.body.links, 'describedby');
    expect(link?.type).toBe('application/schema+json');
    const schema = JSON.parse((await request(app).get(follow(link?.href ?? ''))).text);
    const items = await request(app).get('/ogc/collections/gates/items?limit=1');
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(items.body.features[0].properties).sort());
    expect(schema.properties.status_clauses.type).toBe('array');
    expect(schema.properties.as_of.format).toBe('date');
  });

  it('answers one collection by id and 404 with the exception shape for an unknown one', async () => {
    expect((await request(app).get('/ogc/collections/routes')).body.id).toBe('routes');
    const missing = await request(app).get('/ogc/collections/rivers');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NotFound');
    expect(missing.body.description).toContain('rivers');
  });
});

describe('OGC API – Features: items', () => {
  it('holds as many features per collection as the record has of its kinds', async () => {
    for (const collection of OGC_COLLECTIONS) {
      const response = await request(app).get(`/ogc/collections/${collection.id}/items?limit=1000`);
      expect(response.type).toBe('application/geo+json');
      const expected = record.features.filter((f) => (collection.kinds as readonly string[]).includes(f.kind)).length;
      expect(response.body.numberMatched, collection.id).toBe(expected);
      expect(response.body.numberReturned).toBe(expected);
    }
  });

  it('pages with next links that keep bbox and filters, and covers each feature once', async () => {
    const first = await request(app).get('/ogc/collections/gates/items?limit=3&bbox=102,21,108,23.5&agreement=003');
    const seen: string[] = [];
    let page = first;
    for (;;) {
      expect(page.status).toBe(200);
      seen.push(...page.body.features.map((f: { id: string }) => f.id));
      const next = linkOf(page.body.links, 'next');
      if (!next) break;
      const url = new URL(next.href);
      expect(url.searchParams.get('bbox')).toBe('102,21,108,23.5');
      expect(url.searchParams.get('agreement')).toBe('003');
      page = await request(app).get(follow(next.href));
    }
    expect(seen.length).toBe(first.body.numberMatched);
    expect(new Set(seen).size).toBe(seen.length);
    const api = await request(app).get('/api/features?kind=gate_pair&bbox=102,21,108,23.5&agreement=003');
    expect(seen.sort()).toEqual(api.body.features.map((f: { id: string }) => f.id).sort());
  });

  it('reads datetime as the as-of date: statuses and membership as on that day', async () => {
    const old = await request(app).get('/ogc/collections/channels-openings/items/tan-thanh-po-chai?datetime=2023-02-22');
    const now = await request(app).get('/ogc/collections/channels-openings/items/tan-thanh-po-chai?datetime=2026-02-11T00:00:00Z');
    expect(old.body.properties.status).toBe('built');
    expect(now.body.properties.status).toBe('operating');
    const interval = await request(app).get('/ogc/collections/channels-openings/items?datetime=../2023-02-22&limit=1000');
    const asOf = await request(app).get('/api/features?kind=channel,opening,special_road&asOf=2023-02-22');
    expect(interval.body.numberMatched).toBe(asOf.body.features.length);
  });

  it('gives each feature names in three languages, its status clauses and links to them in our API', async () => {
    const response = await request(app).get('/ogc/collections/gates/items/huu-nghi');
    expect(response.status).toBe(200);
    const { properties, links } = response.body as { properties: Record<string, unknown>; links: Link[] };
    expect(properties).toMatchObject({ name_vi: expect.stringContaining('Hữu Nghị'), name_zh: expect.stringContaining('友谊') });
    const clauses = properties.status_clauses as string[];
    expect(clauses).toContain('003:6.a');
    const clauseLink = links.find((link) => link.href.endsWith('/api/clauses/003%3A6.a'));
    expect(clauseLink).toBeDefined();
    const clause = await request(app).get(follow(clauseLink?.href ?? ''));
    expect(clause.status).toBe(200);
    expect(clause.body.text.vi).toContain('Hữu Nghị');
    expect(clause.body.features.map((f: { id: string }) => f.id)).toContain('huu-nghi');
  });

  it.each([
    ['/ogc/collections/gates/items?limit=0', 'InvalidParameterValue', 'limit'],
    ['/ogc/collections/gates/items?limit=ten', 'InvalidParameterValue', 'limit'],
    ['/ogc/collections/gates/items?bbox=1,2,3', 'InvalidParameterValue', 'bbox'],
    ['/ogc/collections/gates/items?datetime=yesterday', 'InvalidParameterValue', 'datetime'],
    ['/ogc/collections/gates/items?status=open', 'InvalidParameterValue', 'status'],
    ['/ogc/collections/gates/items?kind=route', 'InvalidParameterValue', 'kind'],
    ['/ogc/collections/gates/items?agreement=999', 'InvalidParameterValue', 'agreement'],
    ['/ogc/collections/gates/items?colour=red', 'InvalidParameter', 'colour'],
  ])('%s → 400 %s naming the parameter', async (path, code, name) => {
    const response = await request(app).get(path);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe(code);
    expect(response.body.description).toContain(name);
  });

  it('answers 404 for a feature that is not in the collection', async () => {
    const response = await request(app).get('/ogc/collections/routes/items/huu-nghi');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NotFound');
  });
});
