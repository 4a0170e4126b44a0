import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters';
import {
  agreementStarts,
  decodeMapStates,
  encodeMapStates,
  type MapFeatureStates,
  mapStatesOf,
  passesMapFilters,
  stateIndexOn,
} from './map-states';

const gate: MapFeatureStates = {
  id: 'g',
  number: 4_503_599_627_370_494,
  kind: 'gate_pair',
  agreements: ',003,',
  own: true,
  point: true,
  states: [
    {
      from: 20200101,
      status: 'proposed',
      upgradeStatus: null,
      provinces: ',VN-09,',
      stalled: false,
      overdue: false,
      icon: 'i0',
      level: null,
    },
    {
      from: 20230222,
      status: 'operating',
      upgradeStatus: 'agreed',
      provinces: ',VN-09,',
      stalled: true,
      overdue: true,
      icon: 'i1',
      level: 'bilateral',
    },
  ],
};

describe('a drawn feature’s states as the map picks them', () => {
  it('holds each state from its first day until the next starts, none before the first', () => {
    expect(stateIndexOn(gate.states, 20191231)).toBe(-1);
    expect(stateIndexOn(gate.states, 20200101)).toBe(0);
    expect(stateIndexOn(gate.states, 20230221)).toBe(0);
    expect(stateIndexOn(gate.states, 20230222)).toBe(1);
    expect(stateIndexOn(gate.states, 99_999_999)).toBe(1);
  });

  it('counts a feature for an agreement only from the agreement’s first day (a year alone: 1 January)', () => {
    const from = agreementStarts(new Map([['003', '2021-06']]));
    const filters = { ...NO_FILTERS, agreements: ['003'] };
    expect(passesMapFilters(gate, gate.states[0], filters, from, 20210531)).toBe(false);
    expect(passesMapFilters(gate, gate.states[0], filters, from, 20210601)).toBe(true);
    expect(passesMapFilters(gate, gate.states[0], { ...filters, agreements: ['004'] }, from, 20210601)).toBe(false);
    expect(agreementStarts(new Map([['x', '2019']])).get('x')).toBe(20190101);
  });

  it('reads status, upgrade, provinces, stalled and overdue of the state on the date', () => {
    const none = new Map<string, number>();
    const [before, after] = gate.states;
    const passes = (state: typeof before, filters: Partial<typeof NO_FILTERS>) =>
      passesMapFilters(gate, state, { ...NO_FILTERS, ...filters }, none, 0);
    expect(passes(before, { statuses: ['operating'] })).toBe(false);
    expect(passes(after, { statuses: ['operating'] })).toBe(true);
    expect(passes(after, { statuses: ['agreed'] })).toBe(true);
    expect(passes(before, { provinces: ['VN-09'] })).toBe(true);
    expect(passes(before, { provinces: ['VN-0'] })).toBe(false);
    expect(passes(before, { stalled: true })).toBe(false);
    expect(passes(after, { stalled: true, overdue: true })).toBe(true);
    expect(passes(after, { overdue: false })).toBe(false);
    expect(passes(after, { kinds: ['market'] })).toBe(false);
  });

  it('sends the same states it reads', () => {
    expect(decodeMapStates(JSON.parse(JSON.stringify(encodeMapStates([gate]))))).toEqual([gate]);
  });

  it('reads each drawn feature’s states from its tile properties, and which are points of their own', () => {
    const read = mapStatesOf({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106, 22] },
          properties: {
            id: 'p',
            fid: 8,
            filter_kind: 'market',
            filter_agreements: ',003,',
            'from@0': 20200101,
            'filter_status@0': 'agreed',
            'filter_provinces@0': ',VN-09,',
            'icon@0': 'shape:market:agreed:solid',
            'level@0': 'market',
          },
        },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [106, 22],
              [107, 22],
            ],
          },
          properties: { id: 'p#link', fid: 12, parent: 'p', filter_kind: 'market', filter_agreements: ',003,', 'from@0': 20200101 },
        },
      ],
    } as never);
    expect(read.map((f) => [f.id, f.number, f.own, f.point])).toEqual([
      ['p', 8, true, true],
      ['p#link', 12, false, false],
    ]);
    expect(read[0].states).toEqual([
      {
        from: 20200101,
        status: 'agreed',
        upgradeStatus: null,
        provinces: ',VN-09,',
        stalled: false,
        overdue: false,
        icon: 'shape:market:agreed:solid',
        level: 'market',
      },
    ]);
    expect(read[1].states[0]).toMatchObject({ status: null, provinces: '', icon: '', level: null });
  });
});
