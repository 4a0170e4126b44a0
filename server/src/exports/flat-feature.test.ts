import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../test/helpers/app';
import type { ApiFeature } from '../domain/api';
import type { FeatureRecord } from '../domain/schemas';
import { FLAT_FIELD_TYPES, FLAT_FIELDS, flattenFeature } from './flat-feature';
import { toKml } from './kml';

/** The columns every export had before issue 16, in order: files and scripts read them by name and by position. */
const COLUMNS_BEFORE_ISSUE_16 = [
  'id',
  'kind',
  'kind_vi',
  'name_vi',
  'name_en',
  'name_zh',
  'as_of',
  'status',
  'status_vi',
  'status_en',
  'status_zh',
  'status_since',
  'level',
  'upgrade_level',
  'upgrade_status',
  'stalled',
  'province',
  'province_vi',
  'first_recorded',
  'located',
  'precision',
  'approximate',
  'position_provenance',
  'position_source',
  'route_mode',
  'length_km',
  'agreements',
  'status_clauses',
  'mentioned_in',
  'api_url',
];

const feature: ApiFeature = deepFreeze({
  type: 'Feature',
  id: 'chi-ma',
  geometry: { type: 'Point', coordinates: [107.11, 21.79] },
  properties: {
    kind: 'gate_pair',
    name: { vi: 'Chi Ma – Ái Điểm', zh: '峙马—爱店', en: 'Chi Ma – Aidian' },
    status: 'operating',
    level: 'bilateral',
    upgrade: null,
    since: '2023-02-22',
    reportedIn: '004',
    zhInferred: true,
    province: 'VN-09',
    provinces: ['VN-09', 'CN-GX'],
    recordedProvinces: ['VN-09', 'CN-GX'],
    firstRecorded: '2023-02-22',
    precision: 'approximate',
    approximate: true,
    located: true,
    schematic: false,
    route: null,
    sidePoints: [],
    waypoints: null,
    lengthKm: null,
    stalled: false,
    overdue: false,
    agreements: ['004'],
  },
});
const record = deepFreeze({
  id: 'chi-ma',
  kind: 'gate_pair',
  name: feature.properties.name,
  provinces: ['VN-09', 'CN-GX'],
  location: { coordinates: [107.11, 21.79], precision: 'approximate', provenance: 'estimate', source: 'estimate' },
  relations: [],
  mentionedIn: [],
} as unknown as FeatureRecord);
const context = { record, events: [], asOf: '2026-02-11', provinces: [], origin: 'http://atlas.test' };

describe('flat features (CSV, GeoJSON, KML, OGC)', () => {
  it('keep every earlier column, in its place, and add the new ones after them', () => {
    expect(FLAT_FIELDS.slice(0, COLUMNS_BEFORE_ISSUE_16.length)).toEqual(COLUMNS_BEFORE_ISSUE_16);
    expect(FLAT_FIELDS.slice(COLUMNS_BEFORE_ISSUE_16.length)).toEqual(['last_reported', 'last_reported_in', 'zh_inferred', 'overdue']);
    expect(FLAT_FIELD_TYPES.zh_inferred).toBe('boolean');
  });

  it('say when and in which document the status was last reported, and whether the Chinese name is inferred', () => {
    const { properties } = flattenFeature(feature, context);
    expect(properties).toMatchObject({
      as_of: '2026-02-11',
      status: 'operating',
      status_since: '2023-02-22',
      last_reported: '2023-02-22',
      last_reported_in: '004',
      zh_inferred: true,
    });
    const none = flattenFeature(
      { ...feature, properties: { ...feature.properties, since: null, reportedIn: null, zhInferred: false } },
      context,
    );
    expect(none.properties).toMatchObject({ last_reported: null, last_reported_in: null, zh_inferred: false });
  });

  it('KML: the description gives the date the status was last reported, and every column is typed data', () => {
    const kml = toKml([flattenFeature(feature, context)], 'test');
    expect(kml).toContain('as reported on 2023-02-22 (004)');
    expect(kml).toContain('Chinese name inferred');
    expect(kml).toContain('<SimpleField name="zh_inferred" type="bool"/>');
    expect(kml).toContain('<SimpleData name="last_reported_in">004</SimpleData>');
  });
});
