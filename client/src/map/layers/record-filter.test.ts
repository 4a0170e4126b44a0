import type { ApiFeature } from '@domain/api';
import { AS_OF_STATE, asOfNumber, drawTimelines, statesOf } from '@domain/drawing/dated-drawing';
import { agreementDatesOf, filterOnDate, indexEvents } from '@domain/record-on-date';
import { recordTimelines } from '@domain/record-timeline';
import { describe, expect, it } from 'vitest';
import { createCurrentRecord } from '../../../../server/src/record/current-record';
import { createFileRepository } from '../../../../server/src/record/file-repository';
import { loadRealRecord } from '../../../../test/helpers/app';
import { evaluate } from '../../../../test/helpers/evaluate-expression';
import { type Filters, NO_FILTERS } from '../../filters/filters';
import { asOfExpressions } from './as-of';
import { recordLayers } from './record-features';
import { combinedFilter, recordFilter } from './record-filter';

const record = loadRealRecord();
const current = createCurrentRecord(createFileRepository(record));

describe('the planner’s filters as a MapLibre layer filter', () => {
  it('keeps on the map exactly the features the lists show, for every kind of filter and date', async () => {
    const collection = (await current.now()).collection;
    const agreementDates = agreementDatesOf(record.agreements);
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces, agreementDates };
    const timelines = recordTimelines(collection, index, '2026-11-29');
    const drawing = drawTimelines(timelines.timelines);
    const states = statesOf(drawing);
    const { knownOnDate } = asOfExpressions(states);
    const drawn = drawing.features.filter((feature) => feature.properties.parent === undefined);
    const cases: Filters[] = [
      { ...NO_FILTERS, kinds: ['gate_pair', 'opening'] },
      { ...NO_FILTERS, statuses: ['proposed'] },
      { ...NO_FILTERS, statuses: ['unknown'] },
      { ...NO_FILTERS, provinces: ['VN-07'] },
      { ...NO_FILTERS, provinces: ['VN-02'] },
      { ...NO_FILTERS, agreements: ['003'], kinds: ['route'] },
      { ...NO_FILTERS, agreements: ['004'] },
      { ...NO_FILTERS, stalled: true },
      // Referenced documents the texts cite about features (issue 16): a member of the set, and one document.
      { ...NO_FILTERS, agreements: ['ref-border-gate-agreement'] },
      { ...NO_FILTERS, agreements: ['ref-ban-gioc-agreement'], kinds: ['zone'] },
      { ...NO_FILTERS, kinds: ['cooperation'] },
    ];
    let nonEmpty = 0;
    for (const asOf of ['2019-01-01', '2023-06-01', '2025-07-01', '2026-02-11', null]) {
      const onDate = timelines.onDate(asOf);
      for (const filters of cases) {
        const expected = new Set(
          filterOnDate(onDate, filters)
            .filter((f: ApiFeature) => f.geometry)
            .map((f) => f.id),
        );
        const layerFilter = ['all', knownOnDate, recordFilter(filters, agreementDates, states)];
        const state = { [AS_OF_STATE]: asOfNumber(asOf) };
        const kept = new Set(drawn.filter((feature) => evaluate(layerFilter, feature.properties, state)).map((f) => f.id));
        expect([...kept].sort(), `${asOf} ${JSON.stringify(filters)}`).toEqual([...expected].sort());
        if (expected.size > 0) nonEmpty += 1;
      }
    }
    expect(nonEmpty).toBeGreaterThan(25);
  });

  it('adds to each record layer’s own filter, and removes nothing when no filter is set', () => {
    expect(recordFilter(NO_FILTERS, new Map(), 3)).toBeNull();
    const points = recordLayers('vi', 3).find((layer) => layer.id === 'record-points');
    expect(points && 'filter' in points ? points.filter : undefined).toBeDefined();
    expect(combinedFilter('record-points', null, 3)).toEqual(points && 'filter' in points ? points.filter : undefined);
    expect(combinedFilter('basemap-land', null, 3)).toBeUndefined();
    const combined = combinedFilter('record-points', recordFilter({ ...NO_FILTERS, stalled: true }, new Map(), 3), 3);
    expect((combined as unknown[])[0]).toBe('all');
  });
});
