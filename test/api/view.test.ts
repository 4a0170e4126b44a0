import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Filters, NO_FILTERS, writeFilters } from '../../client/src/filters/filters';
import {
  agreementListResponse,
  changesResponse,
  eventsResponse,
  type FeatureCollectionResponse,
  featureCollectionResponse,
  provincesResponse,
  recordViewResponse,
} from '../../server/src/domain/api';
import { changesBetween } from '../../server/src/domain/changes-between';
import { todayIso } from '../../server/src/domain/dates';
import { summariseLegend } from '../../server/src/domain/legend-summary';
import { progressTables } from '../../server/src/domain/progress';
import { agreementDatesOf, indexEvents, type RecordIndex, recordOnDate, visibleFeatures } from '../../server/src/domain/record-on-date';
import { createTestApp } from '../helpers/app';

const app = createTestApp();
let collection: FeatureCollectionResponse;
let index: RecordIndex;
/** Documents whose text is held: the progress table's rows (referenced documents are a basis, not progress). */
let held: Set<string>;

// The reference: what the browser computed itself from the whole record before the server did it.
beforeAll(async () => {
  collection = featureCollectionResponse.parse((await request(app).get('/api/features')).body);
  const events = eventsResponse.parse((await request(app).get('/api/events')).body);
  const provinces = provincesResponse.parse((await request(app).get('/api/provinces')).body);
  const agreements = agreementListResponse.parse((await request(app).get('/api/agreements')).body);
  held = new Set(agreements.filter((agreement) => agreement.sourceFile !== null).map((agreement) => agreement.id));
  index = { eventsByFeature: indexEvents(events), provinces, agreementDates: agreementDatesOf(agreements) };
});

async function view(filters: Filters, page: { limit?: number; offset?: number } = {}) {
  const params = new URLSearchParams();
  writeFilters(filters, params);
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.offset !== undefined) params.set('offset', String(page.offset));
  const response = await request(app).get(`/api/view?${params}`);
  expect(response.status, params.toString()).toBe(200);
  return recordViewResponse.parse(response.body);
}

async function expectError(path: string, mentions: RegExp) {
  const response = await request(app).get(path);
  expect(response.status, path).toBe(400);
  expect(response.body.error.message, path).toMatch(mentions);
  // The parameter at fault is data too, so a form can mark it without parsing the sentence.
  expect(response.body.error.field, path).toBe(/"([^"]+)"/.exec(response.body.error.message)?.[1]);
}

const FILTER_SETS: Partial<Filters>[] = [
  {},
  { kinds: ['gate_pair'] },
  { statuses: ['operating'] },
  { agreements: ['003'] },
  { provinces: ['VN-09'] },
  { provinces: ['VN-07'], kinds: ['gate_pair', 'opening'] },
  { stalled: true },
  { kinds: ['route'], statuses: ['agreed', 'operating'] },
];
const DATES = [null, '2000-01-01', '2022-06-01', '2023-06-01', '2024-08-22', '2026-02-11'];

describe('GET /api/view (what the planner’s screen shows for a date and filters)', () => {
  it('gives the same list, counts, legend and progress tables as the whole record filtered as of the date', async () => {
    const today = todayIso();
    let seen = 0;
    for (const asOf of DATES) {
      const onDate = recordOnDate(collection, index, asOf, today);
      for (const set of FILTER_SETS) {
        const filters = { ...NO_FILTERS, ...set, asOf };
        const label = JSON.stringify(filters);
        const visible = visibleFeatures(collection, index, filters, today);
        const answer = await view(filters, { limit: 1000 });
        expect(answer.total, label).toBe(visible.length);
        expect(answer.onMap, label).toBe(visible.filter((f) => f.geometry).length);
        expect(answer.notLocated, label).toBe(visible.filter((f) => !f.geometry).length);
        expect(
          answer.rows.map((row) => [row.id, row.status, row.located]),
          label,
        ).toEqual(visible.map((f) => [f.id, f.properties.status, f.geometry !== null]));
        expect(answer.legend, label).toEqual(summariseLegend(visible));
        // The progress tables count the whole record as of the date, whatever the other filters.
        expect(answer.progress, label).toEqual(progressTables(onDate, (id) => held.has(id)));
        expect(answer.asOf).toBe(asOf);
        seen += visible.length;
      }
    }
    expect(seen).toBeGreaterThan(100);
    // Before the first document nothing is known; today Hữu Nghị operates.
    expect((await view({ ...NO_FILTERS, asOf: '2000-01-01' })).total).toBe(0);
    expect((await view(NO_FILTERS, { limit: 1000 })).rows.find((row) => row.id === 'huu-nghi')?.status).toBe('operating');
  });

  it('names the kinds the record holds and the dates of its steps, whatever the filters', async () => {
    const all = await view(NO_FILTERS);
    const narrow = await view({ ...NO_FILTERS, asOf: '2000-01-01', kinds: ['bridge'] });
    expect(narrow.record).toEqual(all.record);
    expect(new Set(all.record.kinds)).toEqual(new Set(collection.features.map((f) => f.properties.kind)));
    expect(all.record.stepDates).toEqual([...new Set([...index.eventsByFeature.values()].flat().map((e) => e.date))].sort());
  });

  it('sends the list a page at a time: the pages together are the whole list, once each', async () => {
    const whole = await view(NO_FILTERS, { limit: 1000 });
    expect(whole.total).toBeGreaterThan(25);
    const first = await view(NO_FILTERS);
    expect(first.limit).toBe(100);
    expect(first.offset).toBe(0);
    const pages = [];
    for (let offset = 0; offset < whole.total; offset += 10) pages.push(...(await view(NO_FILTERS, { limit: 10, offset })).rows);
    expect(pages).toEqual(whole.rows);
    const beyond = await view(NO_FILTERS, { offset: whole.total + 5 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(whole.total);
  });

  it('answers 304 to a client that already has the same answer', async () => {
    const first = await request(app).get('/api/view?kind=gate_pair');
    const again = await request(app).get('/api/view?kind=gate_pair').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('refuses bad parameters by name', async () => {
    await expectError('/api/view?limit=0', /"limit".*whole number from 1 to 1000/);
    await expectError('/api/view?limit=5000', /"limit"/);
    await expectError('/api/view?limit=ten', /"limit"/);
    await expectError('/api/view?offset=-1', /"offset"/);
    await expectError('/api/view?stalled=yes', /"stalled".*must be true or false/);
    await expectError('/api/view?asOf=2023-02-30', /"asOf"/);
    await expectError('/api/view?kind=gate', /unknown kind "gate"/);
    await expectError('/api/view?agreement=999', /unknown agreement "999"/);
    await expectError('/api/view?province=VN-99', /unknown province "VN-99"/);
    await expectError('/api/view?bbox=1,2,3,4', /Unknown query parameter "bbox"/);
    await expectError('/api/view?limit=5&limit=6', /"limit" must be given once/);
  });
});

describe('GET /api/changes (what changed between two dates)', () => {
  it('lists the same changes as the whole record compared on the two dates, a page at a time', async () => {
    for (const [from, to] of [
      ['2023-01-01', todayIso()],
      ['2023-12-31', '2026-03-01'],
      ['2022-01-01', '2022-12-31'],
    ]) {
      const expected = changesBetween(collection, index.eventsByFeature, from, to);
      const response = await request(app).get(`/api/changes?from=${from}&to=${to}&limit=1000`);
      expect(response.status).toBe(200);
      const answer = changesResponse.parse(response.body);
      expect(answer.total).toBe(expected.length);
      expect(answer.changes).toEqual(JSON.parse(JSON.stringify(expected)));
      if (expected.length > 2) {
        const second = changesResponse.parse((await request(app).get(`/api/changes?from=${from}&to=${to}&limit=2&offset=2`)).body);
        expect(second.changes).toEqual(answer.changes.slice(2, 4));
        // Every page names every changed feature, for the map to mark them all.
        expect(second.featureIds).toEqual(expected.map((change) => change.feature.id));
      }
    }
    const road = changesResponse
      .parse((await request(app).get('/api/changes?from=2023-12-31&to=2026-03-01')).body)
      .changes.find((change) => change.feature.id === 'tan-thanh-po-chai');
    expect([road?.before.status, road?.after.status]).toEqual(['built', 'operating']);
    expect(road?.steps.map((step) => step.clauseId)).toContain('003:6.a');
  });

  it('refuses missing, malformed and reversed dates by name', async () => {
    await expectError('/api/changes?to=2024-01-01', /"from"/);
    await expectError('/api/changes?from=2024-01-01', /"to"/);
    await expectError('/api/changes?from=2024-13-01&to=2025-01-01', /"from".*real date/);
    await expectError('/api/changes?from=2025-01-01&to=2024-01-01', /"from".*must not be after "to"/);
    await expectError('/api/changes?from=2024-01-01&to=2025-01-01&limit=0', /"limit"/);
  });
});

describe('GET /api/features?id=', () => {
  it('gives just the features asked for, with their positions', async () => {
    const response = await request(app).get('/api/features?id=huu-nghi,tan-thanh-po-chai');
    expect(response.status).toBe(200);
    const body = featureCollectionResponse.parse(response.body);
    expect(body.features.map((f) => f.id).sort()).toEqual(['huu-nghi', 'tan-thanh-po-chai']);
    expect(body.features.every((f) => f.geometry)).toBe(true);
  });

  it('refuses an id the record does not know, by name', () =>
    expectError('/api/features?id=huu-nghi,nowhere', /unknown feature "nowhere"/));
});
