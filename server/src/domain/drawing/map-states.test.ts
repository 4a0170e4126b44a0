import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../filters';
import { agreementStarts, decodeMapStates, encodeMapStates, type MapFeatureStates, passesMapFilters, stateIndexOn } from './map-states';

const gate: MapFeatureStates = {
  id: 'g',
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
});
