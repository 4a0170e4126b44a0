import { describe, expect, it } from 'vitest';
import { deepFreeze, loadRealRecord } from '../../../test/helpers/app';
import { createCurrentRecord } from '../record/current-record';
import { createFileRepository } from '../record/file-repository';
import type { ApiFeature } from './api';
import { parseIconName } from './drawing/shapes';
import { isDrawingPart, toMapFeatures } from './drawing/to-map-features';
import { summariseLegend } from './legend-summary';
import { indexEvents, recordOnDate } from './record-on-date';

const record = loadRealRecord();

describe('the legend', () => {
  it('explains exactly what the map draws: status counts, shapes, modes and symbols, on every date', async () => {
    const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces };
    for (const asOf of ['2022-06-01', '2023-06-01', '2024-08-16', '2026-02-11', null]) {
      const features = recordOnDate(collection, index, asOf, '2026-11-29');
      const legend = summariseLegend(features);
      // What the map draws for the same features.
      const drawn = toMapFeatures({ type: 'FeatureCollection', features }).features;
      const counts = new Map<string, number>();
      for (const { properties: p } of drawn)
        if (p.kind !== 'marker' && !isDrawingPart(p)) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
      const shapes = new Set(
        drawn
          .filter((f) => f.geometry.type === 'Point' && f.properties.kind !== 'marker' && f.properties.kind !== 'zone')
          .map((f) => parseIconName(f.properties.icon)?.shape),
      );
      expect(legend.counts, String(asOf)).toEqual(Object.fromEntries(counts));
      expect(new Set(legend.shapes), String(asOf)).toEqual(shapes);
      expect(new Set(legend.modes), String(asOf)).toEqual(new Set(drawn.flatMap((f) => (f.properties.mode ? [f.properties.mode] : []))));
      expect(legend.flags.side, String(asOf)).toBe(drawn.some((f) => f.properties.kind === 'side'));
      expect(legend.flags.approximate, String(asOf)).toBe(drawn.some((f) => f.properties.approximate));
      expect(legend.flags.upgrade, String(asOf)).toBe(drawn.some((f) => f.properties.upgradeStatus !== null));
      expect(legend.flags.cooperation, String(asOf)).toBe(drawn.some((f) => f.properties.kind === 'cooperation'));
      expect(legend.flags.pairing, String(asOf)).toBe(drawn.some((f) => f.properties.kind === 'pairing'));
      expect(legend.flags.positionsDisagree, String(asOf)).toBe(drawn.some((f) => f.properties.kind === 'reported'));
      expect(legend.flags.plannedRoute, String(asOf)).toBe(
        drawn.some((f) => f.properties.kind === 'route' && f.properties.status !== 'operating'),
      );
    }
    expect(summariseLegend(recordOnDate(collection, index, null, '2026-11-29')).flags.side).toBe(true);
  });
});

/** A feature of `kind` with a position, nothing else the legend explains. */
function fixture(kind: ApiFeature['properties']['kind'], extra: Partial<ApiFeature['properties']> = {}): ApiFeature {
  return {
    type: 'Feature',
    id: `${kind}-1`,
    geometry: {
      type: 'LineString',
      coordinates: [
        [106.76, 21.85],
        [108.32, 22.82],
      ],
    },
    properties: {
      kind,
      name: { vi: 'Lạng Sơn – Quảng Tây', zh: '谅山—广西', en: 'Lang Son – Guangxi' },
      status: 'operating',
      level: null,
      upgrade: null,
      since: '2022-03-17',
      reportedIn: '002',
      zhInferred: false,
      province: 'VN-09',
      provinces: ['VN-09', 'CN-GX'],
      recordedProvinces: ['VN-09', 'CN-GX'],
      firstRecorded: '2022-03-17',
      precision: 'exact',
      approximate: false,
      located: true,
      schematic: false,
      route: null,
      sidePoints: [],
      waypoints: null,
      lengthKm: null,
      stalled: false,
      overdue: false,
      agreements: ['002'],
      ...extra,
    },
  };
}

describe('the legend of pairings, cooperation mechanisms and disagreeing positions', () => {
  it('explains cooperation mechanisms apart from sister pairings', () => {
    const cooperation = summariseLegend(deepFreeze([fixture('cooperation')])).flags;
    expect(cooperation).toMatchObject({ cooperation: true, pairing: false });
    const pairing = summariseLegend(deepFreeze([fixture('pairing')])).flags;
    expect(pairing).toMatchObject({ cooperation: false, pairing: true });
  });

  it('explains the rings drawn where sources disagree on a side, and only then', () => {
    const side = {
      country: 'VN',
      name: { vi: 'Chi Ma', zh: '峙马', en: 'Chi Ma' },
      coordinates: [107.11, 21.79] as [number, number],
      approximate: true,
      zhInferred: false,
    };
    const point = { type: 'Point' as const, coordinates: [107.11, 21.79] as [number, number] };
    const disagreeing = {
      ...fixture('gate_pair', { sidePoints: [{ ...side, alsoReported: [{ coordinates: [107.18, 21.83], source: 'x' }] }] }),
      geometry: point,
    };
    const agreeing = { ...fixture('gate_pair', { sidePoints: [{ ...side, alsoReported: [] }] }), geometry: point };
    expect(summariseLegend(deepFreeze([agreeing])).flags.positionsDisagree).toBe(false);
    expect(summariseLegend(deepFreeze([agreeing, disagreeing])).flags.positionsDisagree).toBe(true);
    // What the map draws for them: a ring exactly where the legend says so.
    for (const features of [[agreeing], [agreeing, disagreeing]]) {
      const drawn = toMapFeatures(deepFreeze({ type: 'FeatureCollection', features })).features;
      expect(summariseLegend(features).flags.positionsDisagree).toBe(drawn.some((f) => f.properties.kind === 'reported'));
    }
    // Not drawn, not explained: a feature without a position.
    expect(summariseLegend(deepFreeze([{ ...disagreeing, geometry: null }])).flags.positionsDisagree).toBe(false);
  });
});
