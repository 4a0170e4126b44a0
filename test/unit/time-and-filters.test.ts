import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, readFilters, writeFilters } from '../../client/src/filters/filters';
import {
  eventsResponse,
  type FeatureCollectionResponse,
  featureCollectionResponse,
  featureDetailResponse,
  provincesResponse,
} from '../../server/src/domain/api';
import { changesBetween } from '../../server/src/domain/changes-between';
import { indexEvents, type RecordIndex, visibleFeatures } from '../../server/src/domain/record-on-date';
import { normalizeText } from '../../server/src/domain/text';
import { createTestApp, loadRealRecord } from '../helpers/app';

let collection: FeatureCollectionResponse;
let index: RecordIndex;
const TODAY = '2026-11-23';

beforeAll(async () => {
  const app = createTestApp();
  collection = featureCollectionResponse.parse((await request(app).get('/api/features')).body);
  const events = eventsResponse.parse((await request(app).get('/api/events')).body);
  index = { eventsByFeature: indexEvents(events), provinces: provincesResponse.parse((await request(app).get('/api/provinces')).body) };
});

const byId = (features: { id: string }[], id: string) => features.find((f) => f.id === id) as ReturnType<typeof visibleFeatures>[number];

describe('visibleFeatures (the client computes any date itself)', () => {
  it('agrees with the server for the same date', async () => {
    const app = createTestApp();
    for (const asOf of ['2023-06-01', '2025-07-01']) {
      const server = featureCollectionResponse.parse((await request(app).get(`/api/features?asOf=${asOf}`)).body);
      const client = visibleFeatures(collection, index, { ...NO_FILTERS, asOf }, TODAY);
      expect(client.map((f) => [f.id, f.properties.status, f.properties.level, f.properties.province])).toEqual(
        server.features.map((f) => [f.id, f.properties.status, f.properties.level, f.properties.province]),
      );
    }
  });

  it('moves the Tân Thanh – Pò Chài road from built (2023, audit S8) to operating (2026)', () => {
    expect(
      byId(visibleFeatures(collection, index, { ...NO_FILTERS, asOf: '2023-12-31' }, TODAY), 'tan-thanh-po-chai').properties.status,
    ).toBe('built');
    expect(
      byId(visibleFeatures(collection, index, { ...NO_FILTERS, asOf: '2026-03-01' }, TODAY), 'tan-thanh-po-chai').properties.status,
    ).toBe('operating');
  });

  it('filters by province as of the date: Tuyên Quang includes Lũng Làn only after the 2025 merger', () => {
    const tuyenQuang = (asOf: string) =>
      visibleFeatures(collection, index, { ...NO_FILTERS, asOf, provinces: ['VN-07'] }, TODAY).map((f) => f.id);
    expect(tuyenQuang('2024-01-01')).not.toContain('lung-lan');
    expect(tuyenQuang('2026-03-01')).toContain('lung-lan');
  });

  it('combines kind, status and agreement filters', () => {
    const result = visibleFeatures(
      collection,
      index,
      { ...NO_FILTERS, kinds: ['gate_pair'], statuses: ['agreed'], agreements: ['003'] },
      TODAY,
    );
    expect(result.map((f) => f.id).sort()).toEqual(['binh-nghi', 'ly-van', 'po-peo']);
  });
});

describe('agreements as of a date', () => {
  it('does not link a feature to an agreement signed after the date', () => {
    const dated = {
      ...index,
      agreementDates: new Map([
        ['003', '2026-02-11'],
        ['004', '2023-02-22'],
      ]),
    };
    const in2024 = visibleFeatures(collection, dated, { ...NO_FILTERS, asOf: '2024-06-01', agreements: ['003'] }, TODAY);
    expect(in2024).toEqual([]);
    const chiMa = visibleFeatures(collection, dated, { ...NO_FILTERS, asOf: '2024-06-01' }, TODAY).find((f) => f.id === 'chi-ma');
    // 2023 and the 2009 legal documents the texts cite about every crossing; not 2026's communiqué yet.
    expect(chiMa?.properties.agreements).toEqual([
      '004',
      'ref-land-border-legal-documents',
      'ref-demarcation-protocol',
      'ref-border-management-agreement',
      'ref-border-gate-agreement',
    ]);
  });
});

describe('stalled commitments as a filter', () => {
  it('keeps only features with a promise restated without progress for over two years, as the server does', async () => {
    const client = visibleFeatures(collection, index, { ...NO_FILTERS, stalled: true }, TODAY).map((f) => f.id);
    const server = featureCollectionResponse
      .parse((await request(createTestApp()).get('/api/features?stalled=true')).body)
      .features.map((f) => f.id);
    expect(client).toEqual(server);
    // Chi Ma's upgrade, proposed again in 2026, is stalled only while its 2026 step does not say what moved (audit B-D9).
    expect(client).toEqual(expect.arrayContaining(['lung-lan', 'binh-nghi']));
    expect(client).not.toContain('tan-thanh-po-chai');
    expect(visibleFeatures(collection, index, { ...NO_FILTERS, stalled: true, asOf: '2025-12-31' }, TODAY)).toEqual([]);
  });
});

describe('deadlines the documents set, and what is overdue on a date', () => {
  const detail = async (id: string, asOf: string) =>
    featureDetailResponse.parse((await request(createTestApp()).get(`/api/features/${id}?asOf=${asOf}`)).body);

  it('records every dated target of the five documents on the step that sets it, its words verbatim in the clause', () => {
    const record = loadRealRecord();
    const targeted = record.events.filter((event) => event.target);
    expect(targeted.map((event) => `${event.featureId}:${event.target?.by}`).sort()).toEqual([
      'a-pa-chai:2025',
      'a-pa-chai:2025',
      'bac-phong-sinh:2023',
      'ban-khoong:2026',
      'hoanh-mo:2023',
      'huu-nghi:2026',
      'mong-cai:2026-H1',
      'pairing-dien-bien-pu-er:2025',
    ]);
    const clauses = new Map(record.clauses.map((clause) => [clause.id, normalizeText(clause.text.vi)]));
    for (const event of targeted) expect(clauses.get(event.clauseId)).toContain(normalizeText(event.target?.cue ?? '∅'));
  });

  it('A Pa Chải: due this year as of 2025-06-30, overdue as of 2026-12-02 (no document says it opened)', async () => {
    const due = (await detail('a-pa-chai', '2025-06-30')).commitments.find((c) => c.key === 'level:bilateral')?.target;
    expect(due).toMatchObject({ by: '2025', state: 'dueThisYear', reach: 'operating', clauseId: '000-vn:II.1' });
    const late = (await detail('a-pa-chai', '2026-12-02')).commitments.find((c) => c.key === 'level:bilateral')?.target;
    expect(late).toMatchObject({ state: 'overdue', daysLate: 336, due: '2025-12-31' });
    expect(late?.cue).toContain('trong năm 2025');
  });

  it('Hoành Mô: the 2023 announcement is overdue as of 2024-01-01, not the day before; the filter follows the date', async () => {
    const overdueOn = async (asOf: string) =>
      featureCollectionResponse
        .parse((await request(createTestApp()).get(`/api/features?asOf=${asOf}&overdue=true`)).body)
        .features.map((f) => f.id);
    expect(await overdueOn('2023-12-31')).not.toContain('hoanh-mo');
    expect(await overdueOn('2024-01-01')).toEqual(expect.arrayContaining(['hoanh-mo', 'bac-phong-sinh']));
    // The client's own reading of the date agrees with the server's.
    const client = visibleFeatures(collection, index, { ...NO_FILTERS, asOf: '2024-01-01', overdue: true }, TODAY).map((f) => f.id);
    expect(client).toEqual(await overdueOn('2024-01-01'));
  });
});

describe('changesBetween', () => {
  it('lists what changed from 2023 to 2026 with the clause that changed it', () => {
    const changes = changesBetween(collection, index.eventsByFeature, '2023-12-31', '2026-03-01');
    const road = changes.find((c) => c.feature.id === 'tan-thanh-po-chai');
    expect(road?.before.status).toBe('built');
    expect(road?.after.status).toBe('operating');
    expect(road?.steps.map((s) => s.clauseId)).toContain('003:6.a');
    expect(changes.map((c) => c.feature.id)).not.toContain('bac-phong-sinh'); // not mentioned since 2023
  });

  it('is empty between two dates with no step in between', () => {
    expect(changesBetween(collection, index.eventsByFeature, '2023-03-01', '2023-06-01')).toEqual([]);
  });
});

describe('filters in the URL', () => {
  it('round-trip through the same parameter names as the API', () => {
    const filters = {
      asOf: '2024-08-22',
      kinds: ['gate_pair' as const],
      statuses: ['agreed' as const],
      agreements: ['003', '004'],
      provinces: ['VN-04'],
      stalled: true,
      overdue: null,
    };
    const params = new URLSearchParams('feature=chi-ma');
    writeFilters(filters, params);
    expect(params.toString()).toBe(
      'feature=chi-ma&asOf=2024-08-22&kind=gate_pair&status=agreed&agreement=003%2C004&province=VN-04&stalled=true',
    );
    expect(readFilters(params)).toEqual(filters);
  });

  it('drop malformed values instead of breaking the page', () => {
    expect(readFilters(new URLSearchParams('asOf=yesterday&kind=gate,gate_pair&status=open'))).toEqual({
      ...NO_FILTERS,
      kinds: ['gate_pair'],
    });
  });
});
