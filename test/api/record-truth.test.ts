/**
 * What a planner reads on the map and through the API is what the five documents say (issue 16, the
 * audit in shared/reference/record-audit.md): each test is one reading the audit found wrong, seen as
 * the user sees it.
 */
import { asOfNumber, drawTimelines } from '@domain/drawing/dated-drawing';
import { mapStatesOf, stateIndexOn } from '@domain/drawing/map-states';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { onDate } from '../../client/src/map/layers/as-of';
import {
  agreementDetailResponse,
  agreementListResponse,
  featureCollectionResponse,
  featureDetailResponse,
} from '../../server/src/domain/api';
import { agreementDatesOf, indexEvents } from '../../server/src/domain/record-on-date';
import { recordTimelines } from '../../server/src/domain/record-timeline';
import { createCurrentRecord } from '../../server/src/record/current-record';
import { createFileRepository } from '../../server/src/record/file-repository';
import { createTestApp, loadRealRecord } from '../helpers/app';
import { evaluate } from '../helpers/evaluate-expression';

const app = createTestApp();
const record = loadRealRecord();

async function features(query: string) {
  const response = await request(app).get(`/api/features?${query}`);
  expect(response.status, query).toBe(200);
  return featureCollectionResponse.parse(response.body).features;
}
const ids = (list: { id: string }[]) => list.map((feature) => feature.id).sort();

/** What the map draws for a feature on a date: its properties evaluated by the style's own expressions. */
async function drawnOnDate(featureId: string, asOf: string) {
  const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
  const index = {
    eventsByFeature: indexEvents(record.events),
    provinces: record.provinces,
    agreementDates: agreementDatesOf(record.agreements),
  };
  const drawn = drawTimelines(recordTimelines(collection, index, '2026-12-02').timelines);
  const feature = drawn.features.find((f) => f.id === featureId);
  const states = mapStatesOf(drawn).find((f) => f.id === featureId)?.states;
  if (!feature || !states) throw new Error(`${featureId} is not drawn`);
  // The feature state the map is given for the date (client/src/map/record-states.ts).
  const featureState = { s: stateIndexOn(states, asOfNumber(asOf)) };
  return {
    status: evaluate(onDate('status'), feature.properties, {}, 8, featureState),
    level: evaluate(onDate('level'), feature.properties, {}, 8, featureState),
  };
}

describe('status steps as the documents give them', () => {
  it('Co Sa – Nà Ủ is proposed (with the Chi Ma upgrade), not operating, as of 2026-02-11 — in the API and on the map', async () => {
    const [coSa] = await features('id=co-sa&asOf=2026-02-11');
    expect(coSa.properties).toMatchObject({ status: 'proposed', level: 'channel', reportedIn: '003', since: '2026-02-11' });
    expect(await drawnOnDate('co-sa', '2026-02-11')).toEqual({ status: 'proposed', level: 'channel' });
    // The misreading stays in the history, marked corrected, so a planner who saw it knows it changed.
    const detail = featureDetailResponse.parse((await request(app).get('/api/features/co-sa')).body);
    const wrong = detail.history.find((step) => step.status === 'operating');
    expect(wrong?.correctedBy).toMatchObject({ status: 'proposed', level: 'channel', clauseId: wrong?.clauseId });
  });

  it('the four Guangxi cooperation mechanisms are operating as of 2022-03-17 (running since 2016), stated', async () => {
    const guangxi = await features('kind=cooperation&province=CN-GX&asOf=2022-03-17');
    expect(ids(guangxi)).toEqual([
      'pairing-cao-bang-guangxi',
      'pairing-ha-giang-guangxi',
      'pairing-lang-son-guangxi',
      'pairing-quang-ninh-guangxi',
    ]);
    for (const mechanism of guangxi) expect(mechanism.properties, mechanism.id).toMatchObject({ status: 'operating', since: '2022-03-17' });
    const steps = record.events.filter(
      (e) => e.featureId === 'pairing-lang-son-guangxi' && e.date === '2022-03-17' && e.status === 'operating',
    );
    expect(steps.map((e) => e.evidence)).toEqual(['stated']);
  });

  it("Hữu Nghị's smart-gate commitment starts in 2026: the 2023 pilot names no gate (audit-2 B-D3, the regional commitment)", async () => {
    const detail = featureDetailResponse.parse((await request(app).get('/api/features/huu-nghi')).body);
    const smartGate = detail.commitments.find((c) => c.subject?.en === 'Smart border gate');
    expect(smartGate).toMatchObject({ firstMade: '2026-02-11', lastRestated: '2026-02-11' });
    const pilot = featureDetailResponse.parse((await request(app).get('/api/features/smart-gate-pilot')).body);
    expect(pilot.commitments.map((c) => c.firstMade)).toEqual(['2023-02-22']);
  });

  it('the memo of 20/01/2024 stands behind A Pa Chải – Long Phú, not the Điện Biên – Yunnan relation', async () => {
    const memo = await features('agreement=ref-dien-bien-yunnan-mou-2024');
    expect(ids(memo)).toEqual(['a-pa-chai']);
    const yunnan = featureDetailResponse.parse((await request(app).get('/api/features/pairing-dien-bien-yunnan')).body);
    expect(yunnan.history.map((step) => step.quote).join(' ')).not.toContain('20/01/2024');
  });
});

describe('referenced documents link the features the texts cite them about', () => {
  it('filtering by the Bản Giốc agreement gives the Bản Giốc area; by the road-transport protocol, the A Pa Chải routes and gate', async () => {
    expect(ids(await features('agreement=ref-ban-gioc-agreement'))).toEqual(['ban-gioc-detian-area']);
    const routes = ids(await features('agreement=ref-road-transport-protocol'));
    expect(routes).toEqual(['a-pa-chai', 'route-01-cn', 'route-01-vn-1', 'route-01-vn-2', 'route-02-1', 'route-02-cn-2', 'route-02-vn-2']);
  });

  it('each of the three legal documents gives what the texts cite the set about: crossings, border works, markers', async () => {
    const set = ids(await features('agreement=ref-land-border-legal-documents'));
    for (const member of ['ref-demarcation-protocol', 'ref-border-management-agreement', 'ref-border-gate-agreement'])
      expect(ids(await features(`agreement=${member}`)), member).toEqual(set);
    expect(set).toEqual(expect.arrayContaining(['chi-ma', 'huu-nghi', 'marker-1088-2', 'km3-4-floating-bridge', 'a-pa-chai']));
  });

  it('a letter or submission gives the features of the documents it encloses', async () => {
    const memorandum = ids(await features('agreement=001-mou'));
    expect(memorandum.length).toBeGreaterThan(0);
    expect(ids(await features('agreement=001'))).toEqual(memorandum);
    const drafts = new Set([...ids(await features('agreement=000-vn')), ...ids(await features('agreement=000-cn'))]);
    expect(ids(await features('agreement=000'))).toEqual(expect.arrayContaining([...drafts]));
  });

  it('every agreement filter returns at least one feature, or the agreement says why not', async () => {
    const agreements = agreementListResponse.parse((await request(app).get('/api/agreements')).body);
    for (const agreement of agreements) {
      const found = await features(`agreement=${agreement.id}`);
      if (found.length === 0)
        expect(agreement.unlinked, agreement.id).toEqual({ vi: expect.any(String), en: expect.any(String), zh: expect.any(String) });
      else expect(agreement.unlinked, agreement.id).toBeUndefined();
    }
  });

  it('the feature panel lists its basis ("căn cứ") with the citing clause; the document lists what it is cited about', async () => {
    const area = featureDetailResponse.parse((await request(app).get('/api/features/ban-gioc-detian-area')).body);
    expect(area.basis.map((b) => [b.agreementId, b.clauseId])).toEqual([
      ['ref-ban-gioc-agreement', '004:3.6'],
      ['ref-ban-gioc-agreement', '003:19'],
    ]);
    const document = agreementDetailResponse.parse((await request(app).get('/api/agreements/ref-beilun-navigation-agreement')).body);
    expect(document.citedAbout).toEqual([
      { clauseId: '003:5.c', clauseLabel: expect.any(Object), features: [expect.objectContaining({ id: 'beilun-free-navigation-area' })] },
    ]);
  });
});

describe('names and kinds as both sides use them', () => {
  it('province-level relations are cooperation mechanisms; kết nghĩa is kept for the commune and district pairings', async () => {
    expect(ids(await features('kind=pairing'))).toEqual(['pairing-muong-nhe-giang-thanh', 'pairing-sin-thau-khuc-thuy']);
    const mechanisms = await features('kind=cooperation');
    // Eleven mechanisms drawn between provinces, and the agriculture directors' conference (audit-2 B-M3), not drawn.
    expect(mechanisms).toHaveLength(12);
    expect(mechanisms.filter((f) => !f.properties.located).map((f) => f.id)).toEqual(['agriculture-directors-conference']);
    // Old ids keep working.
    expect((await request(app).get('/api/features/pairing-lang-son-guangxi')).body.properties.kind).toBe('cooperation');
  });

  it('no Chinese name holds a Vietnamese one; readings of our own are flagged', async () => {
    const all = await features('');
    const latin = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;
    for (const feature of all) {
      expect(feature.properties.name.zh ?? '', feature.id).not.toMatch(latin);
      for (const side of feature.properties.sidePoints) expect(side.name.zh ?? '', feature.id).not.toMatch(latin);
    }
    const byId = new Map(all.map((f) => [f.id, f.properties]));
    expect(byId.get('chi-ma')).toMatchObject({ name: { zh: '峙马—爱店' }, zhInferred: false });
    // 横模 is attested on the Chinese side (audit-2 B-N5); Bình Nghi's 平宜 is still our reading.
    expect(byId.get('hoanh-mo')).toMatchObject({ name: { zh: '横模—峒中' }, zhInferred: false });
    expect(byId.get('binh-nghi')).toMatchObject({ zhInferred: true });
  });
});
