/**
 * Every reader selects the same features for the same date and filters (issue 17): over random filters
 * and dates, `/api/features`, the planner's `/api/view` rows, the GeoJSON export, the OGC items of every
 * collection and the map's own layer filter (evaluated as MapLibre does) give one set.
 */
import { mapStatesResponse } from '@domain/api';
import { drawTimelines } from '@domain/drawing/dated-drawing';
import { decodeMapStates } from '@domain/drawing/map-states';
import fc from 'fast-check';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { drawnOnDate } from '../../client/src/map/layers/as-of';
import { RecordStates } from '../../client/src/map/record-states';
import { type Filters, filterParams } from '../../server/src/domain/filters';
import { agreementDatesOf, indexEvents } from '../../server/src/domain/record-on-date';
import { recordTimelines } from '../../server/src/domain/record-timeline';
import { KIND_IDS, STATUS_IDS } from '../../server/src/domain/vocabulary';
import { OGC_COLLECTIONS } from '../../server/src/ogc/collections';
import { createCurrentRecord } from '../../server/src/record/current-record';
import { createFileRepository } from '../../server/src/record/file-repository';
import { createTestApp, loadRealRecord } from '../helpers/app';
import { evaluate } from '../helpers/evaluate-expression';

const app = createTestApp();
const record = loadRealRecord();
const TODAY = '2026-12-02';

const agreementIds = record.agreements.map((a) => a.id);
const provinceCodes = record.provinces.filter((p) => p.country === 'VN').map((p) => p.code);
const isoDay = fc
  .integer({ min: Date.parse('2021-06-01'), max: Date.parse('2027-06-01') })
  .map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
/** A filter dimension: usually unset (as planners use them, one or two at a time), else one or two values. */
const someOf = <T>(values: readonly T[]) =>
  fc.oneof(
    { arbitrary: fc.constant<T[]>([]), weight: 2 },
    { arbitrary: fc.subarray([...values], { minLength: 1, maxLength: 2 }), weight: 1 },
  );
const filtersArbitrary: fc.Arbitrary<Filters> = fc.record({
  asOf: fc.option(fc.oneof(isoDay, fc.constantFrom('2022-03-17', '2023-02-22', '2025-07-01', '2026-02-11')), { nil: null }),
  kinds: someOf(KIND_IDS),
  statuses: someOf(STATUS_IDS),
  agreements: someOf(agreementIds),
  provinces: someOf(provinceCodes),
  stalled: fc.constantFrom<boolean | null>(null, null, null, true, false),
  overdue: fc.constantFrom<boolean | null>(null, null, null, true, false),
});

const sorted = (ids: Iterable<string>) => [...ids].sort();

async function get(path: string) {
  const response = await request(app).get(path);
  expect(response.status, path).toBe(200);
  return response.body;
}

describe('one selection, whoever reads it', () => {
  it('features API, view rows, export, OGC items and the map filter agree on random filters and dates', async () => {
    const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
    const agreementDates = agreementDatesOf(record.agreements);
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces, agreementDates };
    const drawing = drawTimelines(recordTimelines(collection, index, TODAY).timelines);
    // The map's states of the features as the API sends them (GET /api/map/states), picked and filtered by the map's code.
    const mapStates = decodeMapStates(mapStatesResponse.parse(await get('/api/map/states')).features);
    const drawn = drawing.features.filter((feature) => feature.properties.parent === undefined);
    const located = new Set(drawn.map((feature) => String(feature.id)));
    let nonEmpty = 0;

    await fc.assert(
      fc.asyncProperty(filtersArbitrary, async (filters) => {
        // One codec for every reader (domain/filters.ts): the app's URL, /api/*, the exports, /ogc.
        const query = filterParams(filters);
        const api = sorted((await get(`/api/features?${query}`)).features.map((f: { id: string }) => f.id));

        const viewParams = filterParams(filters);
        viewParams.set('limit', '1000');
        const view = sorted((await get(`/api/view?${viewParams}`)).rows.map((row: { id: string }) => row.id));
        expect(view, `view ${viewParams}`).toEqual(api);

        const exported = sorted((await get(`/api/export/features.geojson?${query}`)).features.map((f: { id: string }) => f.id));
        expect(exported, `export ${query}`).toEqual(api);

        const ogcParams = new URLSearchParams(query);
        ogcParams.delete('asOf');
        if (filters.asOf) ogcParams.set('datetime', filters.asOf);
        ogcParams.set('limit', '10000');
        const ogc: string[] = [];
        for (const { id, kinds } of OGC_COLLECTIONS) {
          if (filters.kinds.length > 0 && !kinds.some((kind) => filters.kinds.includes(kind))) continue;
          const params = new URLSearchParams(ogcParams);
          if (filters.kinds.length > 0) params.set('kind', kinds.filter((kind) => filters.kinds.includes(kind)).join(','));
          else params.delete('kind');
          ogc.push(...(await get(`/ogc/collections/${id}/items?${params}`)).features.map((f: { id: string }) => f.id));
        }
        expect(sorted(ogc), `ogc ${ogcParams}`).toEqual(api);

        const states = new RecordStates(mapStates, agreementDates);
        states.update(filters.asOf, filters);
        // Drawn: the layers' own expression over the tile's properties and the feature state the map is given.
        const onMap = sorted(
          drawn.filter((f) => evaluate(drawnOnDate, f.properties, {}, 8, states.viewOf(String(f.id)))).map((f) => String(f.id)),
        );
        expect(sorted(Object.keys(states.current().symbols)), `symbols ${query}`).toEqual(onMap);
        expect(onMap, `map ${query}`).toEqual(api.filter((id: string) => located.has(id)));
        if (api.length > 0) nonEmpty += 1;
      }),
      { numRuns: 100, seed: 20261202 },
    );
    // The random filters are not all empty selections.
    expect(nonEmpty).toBeGreaterThan(5);
  });
});
