import type { ApiFeature } from '@domain/api';
import { drawTimelines } from '@domain/drawing/dated-drawing';
import { mapStatesOf } from '@domain/drawing/map-states';
import { agreementDatesOf, filterOnDate, indexEvents } from '@domain/record-on-date';
import { changeDates, recordTimelines } from '@domain/record-timeline';
import { KIND_IDS, STATUS_IDS } from '@domain/vocabulary';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCurrentRecord } from '../../../server/src/record/current-record';
import { createFileRepository } from '../../../server/src/record/file-repository';
import { loadRealRecord } from '../../../test/helpers/app';
import { type Filters, NO_FILTERS } from '../filters/filters';
import { RecordStates } from './record-states';

const TODAY = '2026-11-29';
const record = loadRealRecord();
const agreementDates = agreementDatesOf(record.agreements);
const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces, agreementDates };

async function setup() {
  const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
  const timelines = recordTimelines(collection, index, TODAY);
  const features = mapStatesOf(drawTimelines(timelines.timelines));
  const dates = new Set<string>();
  for (const feature of collection.features) for (const date of changeDates(feature, index)) dates.add(date);
  return { timelines, features, dates: [...dates].sort() };
}

/** The record's own features the map draws for its views (known on the date, kept by the filters). */
const drawnIds = (states: RecordStates) =>
  states
    .current()
    .views.filter(([id, view]) => view.s >= 0 && !view.out && states.features.find((f) => f.id === id)?.own)
    .map(([id]) => id)
    .sort();

describe('the map’s states of the features for a date and the planner’s filters', () => {
  it('keep on the map exactly the features the lists show, for every kind of filter and date', async () => {
    const { timelines, features } = await setup();
    const cases: Filters[] = [
      NO_FILTERS,
      { ...NO_FILTERS, kinds: ['gate_pair', 'opening'] },
      { ...NO_FILTERS, statuses: ['proposed'] },
      { ...NO_FILTERS, statuses: ['unknown'] },
      { ...NO_FILTERS, provinces: ['VN-07'] },
      { ...NO_FILTERS, provinces: ['VN-02'] },
      { ...NO_FILTERS, agreements: ['003'], kinds: ['route'] },
      { ...NO_FILTERS, agreements: ['004'] },
      { ...NO_FILTERS, stalled: true },
      { ...NO_FILTERS, overdue: true },
      // Referenced documents the texts cite about features (issue 16): a member of the set, and one document.
      { ...NO_FILTERS, agreements: ['ref-border-gate-agreement'] },
      { ...NO_FILTERS, agreements: ['ref-ban-gioc-agreement'], kinds: ['zone'] },
      { ...NO_FILTERS, kinds: ['cooperation'] },
    ];
    let nonEmpty = 0;
    for (const asOf of ['2019-01-01', '2023-06-01', '2025-07-01', '2026-02-11', null]) {
      const onDate = timelines.onDate(asOf);
      for (const filters of cases) {
        const expected = filterOnDate(onDate, filters)
          .filter((f: ApiFeature) => f.geometry)
          .map((f) => f.id)
          .sort();
        const states = new RecordStates(features, agreementDates);
        states.update(asOf, filters);
        expect(drawnIds(states), `${asOf} ${JSON.stringify(filters)}`).toEqual(expected);
        // Symbols and labels: the same features, by the global state.
        expect(Object.keys(states.current().symbols).sort()).toEqual(expected);
        if (expected.length > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(25);
  });

  it('after any walk through dates and filters, show what a map given that date and those filters at once shows', async () => {
    const { features, dates } = await setup();
    const some = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 2 });
    const step = fc.record({
      asOf: fc.constantFrom<string | null>(null, '1999-12-31', ...dates),
      filters: fc.oneof(
        { weight: 3, arbitrary: fc.constant(NO_FILTERS) },
        fc.record({
          asOf: fc.constant(null),
          kinds: some(KIND_IDS),
          statuses: some(STATUS_IDS),
          agreements: some([...agreementDates.keys(), 'ref-border-gate-agreement']),
          provinces: some(['VN-02', 'VN-07', 'VN-09', 'VN-13', 'CN-GX']),
          stalled: fc.constantFrom<boolean | null>(null, null, true, false),
          overdue: fc.constantFrom<boolean | null>(null, null, true, false),
        }),
      ),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (walk) => {
        const live = new RecordStates(features, agreementDates);
        // A map following the walk: each feature's state as the changes reported so far have set it.
        const applied = new Map<string, { s: number; out: boolean }>();
        let symbols: Record<string, string> = {};
        for (const { asOf, filters } of walk) {
          const change = live.update(asOf, filters);
          for (const [id, view] of change.views) applied.set(id, view);
          if (change.symbols) symbols = change.symbols;
          const fresh = new RecordStates(features, agreementDates).snapshot(asOf, filters);
          for (const [id, view] of fresh.views) expect(applied.get(id) ?? { s: -1, out: false }, `${id} ${asOf}`).toEqual(view);
          expect(symbols).toStrictEqual(fresh.symbols);
        }
      }),
      { numRuns: 60, seed: 20261207 },
    );
  });

  it('a date step touches only the features whose state or agreements start between the two dates', async () => {
    const { features, dates } = await setup();
    const states = new RecordStates(features, agreementDates);
    expect(states.update('2024-01-01', NO_FILTERS).views.length).toBe(features.length);
    // A day on which nothing starts: nothing to repaint.
    const quiet = ['2024-01-02', '2024-01-03', '2024-01-04'].find((date) => !dates.includes(date)) ?? '2024-01-02';
    expect(states.update(quiet, NO_FILTERS)).toEqual({ views: [], symbolStates: [], symbols: null });
    // The next date a drawn state starts on (the tiles keep a state only where what is drawn changes): a few features, not all.
    const starts = features.flatMap((feature) => feature.states.map((state) => state.from)).filter((from) => from > 20240104);
    const next = String(Math.min(...starts)).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
    const { views } = states.update(next, NO_FILTERS);
    expect(views.length).toBeGreaterThan(0);
    expect(views.length).toBeLessThan(features.length / 4);
  });

  it('a filter change repaints only the features it flips; a status change alone leaves the symbols’ layout as it is', async () => {
    const { features } = await setup();
    const states = new RecordStates(features, agreementDates);
    expect(states.viewOf('no-such-feature')).toBeUndefined();
    states.update('2026-06-01', NO_FILTERS);
    const before = new Map(states.current().views);
    const { views, symbolStates } = states.update('2026-06-01', { ...NO_FILTERS, kinds: ['market'] });
    const flipped = [...before].filter(([id, view]) => view.s >= 0 && states.viewOf(id)?.out !== view.out).map(([id]) => id);
    expect(views.map(([id]) => id).sort()).toEqual(flipped.sort());
    expect(views.length).toBeGreaterThan(0);
    expect(views.every(([, view]) => view.out)).toBe(true);
    // The symbols' source draws what `symbols` lists: a filter change gives it no feature state to repaint.
    expect(symbolStates).toEqual([]);
    // A date on which a shown feature's status changes but no symbol comes, goes or changes shape or level.
    const walker = new RecordStates(features, agreementDates);
    walker.update('2023-02-22', NO_FILTERS);
    let colourOnly = 0;
    for (const from of [...new Set(features.flatMap((f) => f.states.map((state) => state.from)))].sort((a, b) => a - b)) {
      if (from <= 20230222 || from >= 99_999_999) continue;
      const symbolsBefore = walker.current().symbols;
      const date = String(from).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3');
      const change = walker.update(date, NO_FILTERS);
      const symbolsAfter = walker.current().symbols;
      if (JSON.stringify(symbolsBefore) === JSON.stringify(symbolsAfter)) {
        expect(change.symbols, date).toBeNull();
        if (change.views.length > 0) colourOnly += 1;
      } else expect(change.symbols, date).toStrictEqual(symbolsAfter);
    }
    expect(colourOnly).toBeGreaterThan(0);
  });

  it('counts a feature for an agreement from the agreement’s date, even when none of its states starts then', () => {
    const gate = {
      id: 'g',
      number: 2,
      kind: 'gate_pair',
      agreements: ',agr-1,',
      own: true,
      point: true,
      states: [
        {
          from: 20200101,
          status: 'agreed',
          upgradeStatus: null,
          provinces: ',VN-09,',
          stalled: false,
          overdue: false,
          icon: 'shape:bilateral:agreed:solid',
          level: 'bilateral',
        },
      ],
    };
    const states = new RecordStates(
      [gate, { ...gate, id: 'g#link', number: 4, own: false, point: false }, { ...gate, id: 'g#side', number: 6, own: false, point: true }],
      new Map([['agr-1', '2021-06-15']]),
    );
    const filters = { ...NO_FILTERS, agreements: ['agr-1'] };
    const hidden = { s: 0, out: true };
    const shown = { s: 0, out: false };
    const first = states.update('2021-06-14', filters);
    expect(first.views).toEqual([
      ['g', hidden],
      ['g#link', hidden],
      ['g#side', hidden],
    ]);
    // The first update gives the symbols' source every own feature's state.
    expect(first.symbolStates).toEqual([['g', 0]]);
    // A map given the states afresh gets every own feature's state on the date, for its symbols' colours.
    expect(states.current().symbolStates).toEqual([['g', 0]]);
    // The state on the date is the same: the symbols' colours are not touched, their list is.
    expect(states.update('2021-06-15', filters)).toStrictEqual({
      views: [
        ['g', shown],
        ['g#link', shown],
        ['g#side', shown],
      ],
      symbolStates: [],
      symbols: { g: 'bilateral|bilateral' },
    });
    expect(states.update('2021-06-14', filters)).toStrictEqual({
      views: [
        ['g', hidden],
        ['g#link', hidden],
        ['g#side', hidden],
      ],
      symbolStates: [],
      symbols: {},
    });
    // Before its first state, the state index changes: the symbol's colour is told, its link's and side's are not.
    expect(states.update('2019-01-01', filters).symbolStates).toEqual([['g', -1]]);
    expect(states.numberOf('g#side')).toBe(6);
    expect(states.numberOf('x')).toBeUndefined();
    // Only a feature of its own has a symbol (and, drawn as a point, a link to where the record puts it when spread).
    expect(['g', 'g#link', 'g#side', 'x'].map((id) => [states.isOwn(id), states.isOwnPoint(id)])).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });
});
