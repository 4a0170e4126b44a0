import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { createCurrentRecord } from '../record/current-record';
import { createFileRepository } from '../record/file-repository';
import { CROSSING_KINDS, progressTables } from './progress';
import { indexEvents, recordOnDate } from './record-on-date';

const record = loadRealRecord();

describe('progress tables (crossings by status per province and per agreement)', () => {
  it('count every crossing with a status once per Vietnamese province and per agreement, as of the date', async () => {
    const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces };
    for (const asOf of ['2023-06-01', '2026-02-11', null]) {
      const features = recordOnDate(collection, index, asOf, '2026-11-29');
      const tables = progressTables(features);
      const crossings = features.filter((f) => (CROSSING_KINDS as string[]).includes(f.properties.kind) && f.properties.status);
      for (const row of tables.byProvince) {
        const here = crossings.filter((f) => f.properties.provinces.includes(row.key));
        expect(row.total, `${asOf} ${row.key}`).toBe(here.length);
        for (const [status, n] of Object.entries(row.counts)) {
          expect(n, `${asOf} ${row.key} ${status}`).toBe(here.filter((f) => f.properties.status === status).length);
        }
      }
      const provinces = new Set(crossings.flatMap((f) => f.properties.provinces.filter((code) => code.startsWith('VN-'))));
      expect(tables.byProvince.map((row) => row.key)).toEqual([...provinces].sort((a, b) => a.localeCompare(b)));
      for (const row of tables.byAgreement)
        expect(row.total).toBe(crossings.filter((f) => f.properties.agreements.includes(row.key)).length);
      expect(tables.stalled).toBe(features.filter((f) => f.properties.stalled).length);
    }
    // As of 2026-02-11 Lạng Sơn (VN-09) has crossings operating.
    const lang = progressTables(recordOnDate(collection, index, '2026-02-11', '2026-11-29')).byProvince.find((row) => row.key === 'VN-09');
    expect(lang?.counts.operating).toBeGreaterThan(0);
  });

  it('give rows to the documents that move or name crossings, not to those cited only as their basis', async () => {
    const collection = (await createCurrentRecord(createFileRepository(record)).now()).collection;
    const index = { eventsByFeature: indexEvents(record.events), provinces: record.provinces };
    const held = new Set(record.agreements.filter((a) => a.sourceFile).map((a) => a.id));
    const rows = progressTables(recordOnDate(collection, index, null, '2026-11-29'), (id) => held.has(id)).byAgreement.map((r) => r.key);
    expect(rows).toEqual(expect.arrayContaining(['003', '004']));
    expect(rows.filter((id) => !held.has(id))).toEqual([]);
  });
});
