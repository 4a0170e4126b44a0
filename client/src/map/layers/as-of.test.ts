import { AS_OF_STATE, asOfNumber, DATED_PROPERTIES, drawTimelines, statesOf } from '@domain/drawing/dated-drawing';
import { toMapFeatures } from '@domain/drawing/to-map-features';
import { agreementDatesOf, indexEvents, recordOnDate } from '@domain/record-on-date';
import { changeDates, recordTimelines } from '@domain/record-timeline';
import { describe, expect, it } from 'vitest';
import { createCurrentRecord } from '../../../../server/src/record/current-record';
import { createFileRepository } from '../../../../server/src/record/file-repository';
import { loadRealRecord } from '../../../../test/helpers/app';
import { evaluate } from '../../../../test/helpers/evaluate-expression';
import { asOfExpressions } from './as-of';

const TODAY = '2026-11-29';
const record = loadRealRecord();

describe('the map picks each feature’s state for the date from the style (no data sent per date)', () => {
  it('draws on every date exactly what the record as of that date draws', async () => {
    const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
    const agreementDates = agreementDatesOf(record.agreements);
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces, agreementDates };
    const { timelines } = recordTimelines(collection, index, TODAY);
    const drawn = drawTimelines(timelines);
    const dated = drawn.features;
    const { onDate, knownOnDate } = asOfExpressions(statesOf(drawn));
    const dates = new Set<string>();
    for (const feature of collection.features) for (const date of changeDates(feature, index)) dates.add(date);
    const probes = [null, '1999-12-31', ...[...dates].flatMap((d) => [d, new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10)])];
    let compared = 0;
    for (const asOf of probes) {
      const state = { [AS_OF_STATE]: asOfNumber(asOf) };
      const expected = new Map(
        toMapFeatures({ type: 'FeatureCollection', features: recordOnDate(collection, index, asOf, TODAY) }).features.map((f) => [
          f.id,
          f.properties,
        ]),
      );
      for (const feature of dated) {
        const shown = evaluate(knownOnDate, feature.properties, state) as boolean;
        const want = expected.get(String(feature.id));
        expect(shown, `${feature.id} on ${asOf}`).toBe(want !== undefined);
        if (!want) continue;
        for (const property of DATED_PROPERTIES) {
          expect(evaluate(onDate(property), feature.properties, state), `${feature.id}.${property} on ${asOf}`).toEqual(want[property]);
        }
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
