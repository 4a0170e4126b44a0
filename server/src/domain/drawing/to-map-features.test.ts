import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../../../test/helpers/app';
import type { FeatureCollectionResponse, FeatureProperties } from '../api';
import { toMapFeatures } from './to-map-features';

const base = {
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [107.11, 21.79] as [number, number] },
};
const gateProperties: FeatureProperties = {
  kind: 'gate_pair',
  name: { vi: 'Chi Ma – Ái Điểm', zh: 'Chi Ma—爱店', en: 'Chi Ma – Aidian' },
  status: 'operating',
  level: 'bilateral',
  upgrade: { level: 'international', status: 'proposed' },
  since: '2023-02-22',
  reportedIn: '004',
  zhInferred: false,
  province: 'VN-09',
  provinces: ['VN-09', 'CN-GX'],
  recordedProvinces: ['VN-09', 'CN-GX'],
  firstRecorded: '2023-02-22',
  precision: 'approximate',
  approximate: true,
  located: true,
  schematic: false,
  route: null,
  stalled: false,
  overdue: false,
  sidePoints: [],
  waypoints: null,
  lengthKm: null,
  agreements: ['004'],
};
const collection: FeatureCollectionResponse = deepFreeze({
  type: 'FeatureCollection',
  features: [
    {
      ...base,
      id: 'chi-ma',
      properties: gateProperties,
    },
    {
      ...base,
      id: 'marker-1104',
      properties: {
        ...gateProperties,
        kind: 'marker',
        name: { vi: 'Mốc 1104', zh: '1104号界碑', en: 'Boundary marker 1104' },
        status: null,
        level: null,
        upgrade: null,
        since: null,
        provinces: ['VN-09'],
        recordedProvinces: ['VN-09'],
      },
    },
  ],
});

describe('toMapFeatures', () => {
  it('leaves features without a position off the map', () => {
    const unlocated = deepFreeze({
      ...collection,
      features: [{ ...collection.features[0], id: 'bac-luan-3', geometry: null }, collection.features[1]],
    });
    expect(toMapFeatures(unlocated).features.map((f) => f.id)).toEqual(['marker-1104']);
  });

  it('keeps only what the style reads, with the upgrade flattened for the ring layer', () => {
    const [gate] = toMapFeatures(collection).features;
    expect(gate.id).toBe('chi-ma');
    expect(gate.properties).toEqual({
      id: 'chi-ma',
      kind: 'gate_pair',
      status: 'operating',
      upgradeStatus: 'proposed',
      level: 'bilateral',
      approximate: true,
      precision: 'approximate',
      schematic: false,
      mode: null,
      name_vi: 'Chi Ma – Ái Điểm',
      name_zh: 'Chi Ma—爱店',
      name_en: 'Chi Ma – Aidian',
      short_vi: 'Chi Ma',
      short_zh: '爱店',
      short_en: 'Chi Ma',
      zh_inferred: false,
      icon: 'shape:bilateral:operating:hollow',
      rank: 0,
      filter_kind: 'gate_pair',
      filter_status: 'operating',
      filter_provinces: ',VN-09,CN-GX,',
      filter_agreements: ',004,',
      stalled: false,
      overdue: false,
    });
  });

  it('draws status-less markers with the unknown colour and ranks them last for labels', () => {
    const [gate, marker] = toMapFeatures(collection).features;
    expect(marker.properties.status).toBe('unknown');
    expect(marker.properties.rank).toBeGreaterThan(gate.properties.rank);
  });

  it('draws both sides of a pair apart, linked, when each has its own position', () => {
    const pair = deepFreeze({
      type: 'FeatureCollection' as const,
      features: [
        {
          ...collection.features[0],
          id: 'huu-nghi',
          properties: {
            ...collection.features[0].properties,
            sidePoints: [
              {
                country: 'VN',
                name: { vi: 'Cửa khẩu quốc tế Hữu Nghị', zh: '友谊口岸', en: 'Huu Nghi' },
                coordinates: [106.71083, 21.97111] as [number, number],
                approximate: false,
                zhInferred: false,
                alsoReported: [],
              },
              {
                country: 'CN',
                name: { vi: 'Hữu Nghị Quan', zh: '友谊关', en: 'Youyiguan' },
                coordinates: [106.71222, 21.97639] as [number, number],
                approximate: false,
                zhInferred: false,
                alsoReported: [],
              },
            ],
          },
        },
      ],
    });
    const drawn = toMapFeatures(pair).features;
    expect(drawn.map((f) => [f.id, f.properties.kind, f.properties.parent])).toEqual([
      ['huu-nghi', 'gate_pair', undefined],
      ['huu-nghi#link', 'side_link', 'huu-nghi'],
      ['huu-nghi#VN', 'side', 'huu-nghi'],
      ['huu-nghi#CN', 'side', 'huu-nghi'],
    ]);
    expect(drawn[3].properties.name_zh).toBe('友谊关');
  });

  it('draws a zone as a translucent area around its point, since no document gives its extent', () => {
    const zone = deepFreeze({
      type: 'FeatureCollection' as const,
      features: [
        {
          ...collection.features[1],
          id: 'ban-gioc-detian-area',
          properties: { ...collection.features[1].properties, kind: 'zone' as const },
        },
      ],
    });
    const [area] = toMapFeatures(zone).features;
    expect(area.geometry.type).toBe('Polygon');
    const ring = (area.geometry as { coordinates: number[][][] }).coordinates[0];
    expect(ring.length).toBeGreaterThan(40);
    // Every vertex about ZONE_RADIUS_KM (3 km ≈ 0.027° of latitude) from the point.
    for (const [lon, lat] of ring)
      expect(Math.hypot((lon - 107.11) * Math.cos((21.79 * Math.PI) / 180), lat - 21.79)).toBeCloseTo(0.027, 2);
  });

  it.each(['pairing', 'cooperation'] as const)('draws a %s as an arc between its two ends', (kind) => {
    const pairing = deepFreeze({
      type: 'FeatureCollection' as const,
      features: [
        {
          ...collection.features[1],
          id: 'pairing-dien-bien-luang-namtha',
          geometry: {
            type: 'LineString' as const,
            coordinates: [
              [103.0169, 21.3856],
              [100.975, 22.7308],
            ] as [number, number][],
          },
          properties: { ...collection.features[1].properties, kind },
        },
      ],
    });
    const [arc] = toMapFeatures(pairing).features;
    expect(arc.properties.kind).toBe(kind);
    expect(arc.geometry.type).toBe('LineString');
    const coordinates = (arc.geometry as { coordinates: number[][] }).coordinates;
    expect(coordinates.length).toBeGreaterThan(2);
    expect(coordinates[0]).toEqual([103.0169, 21.3856]);
  });

  it('draws a position sources disagree on as a ring joined to the side it belongs to, selecting the pair', () => {
    // Chi Ma – Ái Điểm: the record's estimate of the Vietnamese side, and a published point 9.6 km off
    // (audit: 爱店口岸's infobox). One side has a position of its own: the sides are not drawn apart.
    const reported: [number, number] = [107.1833, 21.8333];
    const gate = deepFreeze({
      type: 'FeatureCollection' as const,
      features: [
        {
          ...collection.features[0],
          properties: {
            ...gateProperties,
            zhInferred: true,
            sidePoints: [
              {
                country: 'VN',
                name: { vi: 'Chi Ma', zh: '峙马', en: 'Chi Ma' },
                coordinates: [107.11, 21.79] as [number, number],
                approximate: true,
                zhInferred: true,
                alsoReported: [{ coordinates: reported, source: 'https://zh.wikipedia.org/wiki/爱店口岸' }],
              },
            ],
          },
        },
      ],
    });
    const drawn = toMapFeatures(gate).features;
    expect(drawn.map((f) => [f.id, f.properties.kind, f.properties.parent])).toEqual([
      ['chi-ma', 'gate_pair', undefined],
      ['chi-ma#VN#reported-0-link', 'reported_link', 'chi-ma'],
      ['chi-ma#VN#reported-0', 'reported', 'chi-ma'],
    ]);
    const [pair, link, ring] = drawn;
    expect(link.geometry).toEqual({ type: 'LineString', coordinates: [[107.11, 21.79], reported] });
    expect(ring.geometry).toEqual({ type: 'Point', coordinates: reported });
    // Filtered with the pair (same kind, status, provinces, agreements for the planner's filters).
    for (const part of [link, ring])
      for (const key of ['filter_kind', 'filter_status', 'filter_provinces', 'filter_agreements'] as const)
        expect(part.properties[key]).toBe(pair.properties[key]);
    expect(pair.properties.zh_inferred).toBe(true);
    expect(ring.properties.zh_inferred).toBe(true);
  });

  it('draws no disagreement where every source agrees', () => {
    const kinds = toMapFeatures(collection).features.map((f) => f.properties.kind);
    expect(kinds).not.toContain('reported');
    expect(kinds).not.toContain('reported_link');
  });

  it('does not mutate its input (fixtures are frozen)', () => {
    expect(() => toMapFeatures(collection)).not.toThrow();
  });
});
