import { asOfNumber, DATED_PROPERTIES, drawTimelines } from '@domain/drawing/dated-drawing';
import { mapStatesOf, stateIndexOn } from '@domain/drawing/map-states';
import { toMapFeatures } from '@domain/drawing/to-map-features';
import { agreementDatesOf, indexEvents, recordOnDate } from '@domain/record-on-date';
import { changeDates, recordTimelines } from '@domain/record-timeline';
import { describe, expect, it } from 'vitest';
import { createCurrentRecord } from '../../../../server/src/record/current-record';
import { createFileRepository } from '../../../../server/src/record/file-repository';
import { loadRealRecord } from '../../../../test/helpers/app';
import { evaluate } from '../../../../test/helpers/evaluate-expression';
import { drawnOnDate, onDate } from './as-of';

const TODAY = '2026-11-29';
const record = loadRealRecord();

describe('the map picks each feature’s state for the date from its feature state (no data sent, nothing laid out per date)', () => {
  it('draws on every date exactly what the record as of that date draws', async () => {
    const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
    const agreementDates = agreementDatesOf(record.agreements);
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces, agreementDates };
    const { timelines } = recordTimelines(collection, index, TODAY);
    const drawn = drawTimelines(timelines);
    const states = new Map(mapStatesOf(drawn).map((feature) => [feature.id, feature.states]));
    const dates = new Set<string>();
    for (const feature of collection.features) for (const date of changeDates(feature, index)) dates.add(date);
    const probes = [null, '1999-12-31', ...[...dates].flatMap((d) => [d, new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10)])];
    let compared = 0;
    for (const asOf of probes) {
      const expected = new Map(
        toMapFeatures({ type: 'FeatureCollection', features: recordOnDate(collection, index, asOf, TODAY) }).features.map((f) => [
          f.id,
          f.properties,
        ]),
      );
      for (const feature of drawn.features) {
        // The feature state the map is given for the date (record-states.ts), read by the layers' expressions.
        const featureState = { s: stateIndexOn(states.get(String(feature.id)) ?? [], asOfNumber(asOf)), out: false };
        const shown = evaluate(drawnOnDate, feature.properties, {}, 8, featureState) as boolean;
        const want = expected.get(String(feature.id));
        expect(shown, `${feature.id} on ${asOf}`).toBe(want !== undefined);
        if (!want) continue;
        for (const property of DATED_PROPERTIES) {
          expect(evaluate(onDate(property), feature.properties, {}, 8, featureState), `${feature.id}.${property} on ${asOf}`).toEqual(
            want[property],
          );
        }
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('draws nothing of a feature the map has no state for yet, or that the filters leave out', () => {
    const properties = { 'from@0': 20200101, 'status@0': 'operating' };
    expect(evaluate(drawnOnDate, properties, {}, 8, {})).toBe(false);
    expect(evaluate(drawnOnDate, properties, {}, 8, { s: 0, out: true })).toBe(false);
    expect(evaluate(drawnOnDate, properties, {}, 8, { s: 0, out: false })).toBe(true);
  });
});
