import { describe, expect, it } from 'vitest';
import { impliedAgreementsOf, intersectsBbox, toApiFeature } from './api-feature';
import type { FeatureRecord, StatusEvent } from './schemas';

const name = { vi: 'Cửa khẩu thử', en: 'Test gate', zh: '测试口岸' };
const at = (coordinates: [number, number], precision: string, provenance: string) => ({
  coordinates,
  precision,
  provenance,
  source: 'test',
});
const record = (fields: Record<string, unknown>) =>
  ({ id: 'gate', kind: 'gate_pair', name, provinces: ['VN-09'], relations: [], mentionedIn: [], ...fields }) as unknown as FeatureRecord;
/** A passenger route through waypoints named A, B, C… */
const route = (...locations: ReturnType<typeof at>[]) =>
  record({
    kind: 'route',
    route: { mode: 'passenger', number: '01' },
    waypoints: locations.map((location, i) => ({ name: { vi: 'ABC'[i], en: 'ABC'[i] }, location })),
  });
const step = (date: string, status: StatusEvent['status'], extra: Partial<StatusEvent> = {}): StatusEvent => ({
  featureId: 'gate',
  date,
  status,
  level: 'bilateral',
  evidence: 'stated',
  agreementId: '004',
  clauseId: '004:3',
  quote: 'words',
  ...extra,
});

describe('a feature as the API serves it', () => {
  it('gives a route its worst waypoint’s precision, its length to a tenth of a km and its waypoints as recorded', () => {
    const line = route(at([106, 22], 'exact', 'survey'), at([106.5, 22], '5km', 'survey'), at([107, 22], '1km', 'survey'));
    const { properties, geometry } = toApiFeature(line, [], '2026-01-01');
    expect(properties.precision).toBe('5km');
    expect(properties.approximate).toBe(true);
    expect(properties.located).toBe(true);
    // One degree of longitude at 22°N: 103.1 km.
    expect(properties.lengthKm).toBe(103.1);
    expect(properties.waypoints).toEqual([
      { name: { vi: 'A', en: 'A' }, coordinates: [106, 22], precision: 'exact' },
      { name: { vi: 'B', en: 'B' }, coordinates: [106.5, 22], precision: '5km' },
      { name: { vi: 'C', en: 'C' }, coordinates: [107, 22], precision: '1km' },
    ]);
    expect(geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [106, 22],
        [106.5, 22],
        [107, 22],
      ],
    });
  });

  it('calls a position approximate when its precision is, or when it is an estimate however precise; a surveyed one is not', () => {
    const surveyed = toApiFeature(record({ location: at([106, 22], 'exact', 'survey') }), []).properties;
    expect([surveyed.precision, surveyed.approximate, surveyed.lengthKm, surveyed.waypoints]).toEqual(['exact', false, null, null]);
    expect(toApiFeature(record({ location: at([106, 22], 'exact', 'estimate') }), []).properties.approximate).toBe(true);
    expect(toApiFeature(record({ location: at([106, 22], '5km', 'survey') }), []).properties.approximate).toBe(true);
    // A line with one estimated waypoint, however precise, is approximate.
    expect(toApiFeature(route(at([106, 22], 'exact', 'survey'), at([107, 22], 'exact', 'estimate')), []).properties.approximate).toBe(true);
    const unlocated = toApiFeature(record({ unlocated: 'not in any document' }), []);
    expect([unlocated.properties.precision, unlocated.properties.approximate, unlocated.properties.located, unlocated.geometry]).toEqual([
      null,
      true,
      false,
      null,
    ]);
  });

  it('names its Vietnamese province first, each province as of the date once, and keeps the recorded ones', () => {
    const across = record({ provinces: ['CN-GX', 'VN-02', 'VN-07'] });
    expect(toApiFeature(across, []).properties.province).toBe('VN-02');
    expect(toApiFeature(record({ provinces: ['CN-GX'] }), []).properties.province).toBe('CN-GX');
    const merged = toApiFeature(across, [], '2026-01-01', (code, asOf) => (code === 'VN-02' && asOf >= '2025-07-01' ? 'VN-07' : code));
    expect(merged.properties.provinces).toEqual(['CN-GX', 'VN-07']);
    expect(merged.properties.province).toBe('VN-07');
    expect(merged.properties.recordedProvinces).toEqual(['CN-GX', 'VN-02', 'VN-07']);
  });

  it('says stalled and overdue for a feature with a status only, and leaves a marker’s status empty', () => {
    // Agreed, with a deadline long past, and only restated three years later (stalled: domain/commitments.ts).
    const promised = [
      step('2015-01-01', 'agreed', { target: { by: '2016', cue: 'words', reach: 'operating' } }),
      step('2018-01-01', 'agreed'),
    ];
    const gate = toApiFeature(record({ location: at([106, 22], 'exact', 'survey') }), promised, '2026-01-01').properties;
    expect([gate.status, gate.stalled, gate.overdue]).toEqual(['agreed', true, true]);
    const marker = toApiFeature(record({ kind: 'marker', location: at([106, 22], 'exact', 'survey') }), promised, '2026-01-01').properties;
    expect([marker.status, marker.stalled, marker.overdue]).toEqual([null, false, false]);
    const fresh = toApiFeature(record({}), [step('2025-06-01', 'agreed')], '2026-01-01').properties;
    expect([fresh.stalled, fresh.overdue, fresh.zhInferred, fresh.schematic, fresh.route]).toEqual([false, false, false, false, null]);
  });

  it('draws a pair’s located sides, each approximate by its precision or its provenance, with the other positions reported', () => {
    const pair = record({
      sides: [
        {
          country: 'VN',
          name,
          province: 'VN-09',
          location: { ...at([106, 22], 'exact', 'survey'), alsoReported: [{ coordinates: [106.1, 22], source: 'OSM', note: 'x' }] },
        },
        { country: 'CN', name, province: 'CN-GX', location: at([106.2, 22], 'exact', 'estimate'), zhInferred: true },
      ],
    });
    expect(toApiFeature(pair, []).properties.sidePoints).toEqual([
      {
        country: 'VN',
        name,
        coordinates: [106, 22],
        approximate: false,
        zhInferred: false,
        alsoReported: [{ coordinates: [106.1, 22], source: 'OSM' }],
      },
      { country: 'CN', name, coordinates: [106.2, 22], approximate: true, zhInferred: true, alsoReported: [] },
    ]);
    const oneLocated = record({
      sides: [
        { country: 'VN', name, province: 'VN-09' },
        { country: 'CN', name, province: 'CN-GX', location: at([106.2, 22], '5km', 'survey') },
      ],
    });
    expect(toApiFeature(oneLocated, []).properties.sidePoints.map((side) => [side.country, side.approximate])).toEqual([['CN', true]]);
  });

  it('links the agreements of its steps, clauses and citations, with the set each belongs to and the documents enclosing them', () => {
    const implied = impliedAgreementsOf([
      { id: 'set' },
      { id: 'a', memberOf: 'set' },
      { id: 'b', memberOf: 'set' },
      { id: 'letter' },
      { id: 'memo', partOf: 'letter' },
      { id: 'annex', partOf: 'memo' },
      { id: 'x', partOf: 'y' },
      { id: 'y', partOf: 'x' },
    ] as never);
    expect(Object.fromEntries(implied)).toEqual({ set: ['a', 'b'], memo: ['letter'], annex: ['memo', 'letter'], x: ['y'], y: ['x'] });
    const linked = record({ mentionedIn: ['annex:2'], citations: [{ agreementId: 'c', clauseId: '004:3' }] });
    expect(
      toApiFeature(linked, [step('2023-02-22', 'agreed', { agreementId: 'set' })], undefined, undefined, implied).properties.agreements,
    ).toEqual(['set', 'a', 'b', 'annex', 'memo', 'letter', 'c']);
  });

  it('touches a box its extent reaches, edges included, and no box beside it', () => {
    const point = toApiFeature(record({ location: at([106, 22], 'exact', 'survey') }), []);
    expect(intersectsBbox(point, [106, 22, 107, 23])).toBe(true);
    expect(intersectsBbox(point, [105, 21, 106, 22])).toBe(true);
    expect(intersectsBbox(point, [106.01, 21, 107, 23])).toBe(false);
    expect(intersectsBbox(point, [105, 21, 105.99, 23])).toBe(false);
    expect(intersectsBbox(point, [105, 22.01, 107, 23])).toBe(false);
    expect(intersectsBbox(point, [105, 21, 107, 21.99])).toBe(false);
    expect(intersectsBbox(toApiFeature(record({ unlocated: 'x' }), []), [-180, -90, 180, 90])).toBe(false);
  });
});
