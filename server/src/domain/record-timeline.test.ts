import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticRecord } from '../../../scripts/synthetic-record';
import { loadRealRecord } from '../../../test/helpers/app';
import { readConfig } from '../config';
import { createCurrentRecord } from '../record/current-record';
import { createFileRepository } from '../record/file-repository';
import { loadRecord } from '../record/load-record';
import { agreementDatesOf, indexEvents, type RecordIndex, recordOnDate } from './record-on-date';
import { changeDates, recordTimelines } from './record-timeline';

const TODAY = '2026-11-29';
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function inputs(record: ReturnType<typeof loadRealRecord>) {
  const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
  const agreementDates = agreementDatesOf(record.agreements);
  const index: RecordIndex = { eventsByFeature: indexEvents(record.events), provinces: record.provinces, agreementDates };
  return { collection, index };
}

/** Every date where something changes, the day before each, a few in between, and no date. */
function probeDates(collection: Awaited<ReturnType<typeof inputs>>['collection'], index: RecordIndex): (string | null)[] {
  const dates = new Set<string>(['1990-01-01', '2024-08-16', TODAY, '2030-01-01']);
  for (const feature of collection.features) {
    for (const date of changeDates(feature, index)) {
      dates.add(date);
      dates.add(new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10));
    }
  }
  return [null, ...[...dates].sort()];
}

describe('record timelines (each feature’s states computed once, a date picks one)', () => {
  it('give exactly the record as of every date, real record', async () => {
    const { collection, index } = await inputs(loadRealRecord());
    const timelines = recordTimelines(collection, index, TODAY);
    const dates = probeDates(collection, index);
    expect(dates.length).toBeGreaterThan(20);
    for (const asOf of dates) {
      expect(timelines.onDate(asOf), String(asOf)).toEqual(recordOnDate(collection, index, asOf, TODAY));
    }
    // The Tân Thanh – Pò Chài road: built in 2023 (procedures to open it under way, audit S8), operating by 2026.
    const road = (asOf: string) => timelines.onDate(asOf).find((f) => f.id === 'tan-thanh-po-chai')?.properties.status;
    expect(road('2023-12-31')).toBe('built');
    expect(road('2026-03-01')).toBe('operating');
  });

  it('give exactly the record as of every date, 2 000 synthetic features with province mergers', async () => {
    const root = mkdtempSync(join(tmpdir(), 'border-atlas-timeline-'));
    roots.push(root);
    writeSyntheticRecord(join(root, 'record'), 2000, 7);
    const record = loadRecord(readConfig({ BORDER_ATLAS_RECORD_DIR: join(root, 'record') }));
    const { collection, index } = await inputs(record);
    const timelines = recordTimelines(collection, index, TODAY);
    const dates = probeDates(collection, index).filter((_, i) => i % 7 === 0);
    for (const asOf of [null, ...dates]) {
      expect(timelines.onDate(asOf), String(asOf)).toEqual(recordOnDate(collection, index, asOf, TODAY));
    }
  });

  it('hand back the same objects while a feature’s state holds', async () => {
    const { collection, index } = await inputs(loadRealRecord());
    const timelines = recordTimelines(collection, index, TODAY);
    const a = timelines.onDate('2026-02-11');
    const b = timelines.onDate('2026-02-12');
    expect(a.length).toBe(b.length);
    expect(a.every((feature, i) => feature === b[i])).toBe(true);
  });
});
