import type { FeatureRow, RecordViewResponse } from '@domain/api';
import { describe, expect, it } from 'vitest';
import { sharedWith } from './view-queries';

const row = (id: string, status: FeatureRow['status']): FeatureRow =>
  ({
    id,
    name: { vi: id, en: id, zh: null },
    kind: 'gate_pair',
    status,
    located: true,
    since: null,
    reportedIn: null,
    zhInferred: false,
  }) as FeatureRow;

const view = (rows: FeatureRow[], operating: number): RecordViewResponse =>
  ({
    asOf: '2024-08-22',
    total: rows.length,
    onMap: rows.length,
    notLocated: 0,
    legend: { counts: { operating }, shapes: [], modes: [], flags: {} },
    progress: { byProvince: [{ key: '15', counts: { operating }, total: operating }], byAgreement: [], stalled: 0, overdue: 0 },
    rows,
    offset: 0,
    limit: 100,
    record: { kinds: ['gate_pair'], stepDates: ['2024-08-22'] },
  }) as unknown as RecordViewResponse;

describe('sharedWith: the next date’s answer keeps the objects of what it leaves as it was', () => {
  it('an equal answer is the one shown', () => {
    const shown = view([row('a', 'operating'), row('b', 'agreed')], 1);
    expect(sharedWith(shown, structuredClone(shown))).toBe(shown);
  });

  it('a row of the same feature keeps its object wherever it stands; a changed row, table or count is new', () => {
    const shown = view([row('a', 'operating'), row('b', 'agreed')], 1);
    const next = sharedWith(shown, view([row('new', 'agreed'), row('a', 'operating'), row('b', 'operating')], 2));
    expect(next.rows[1]).toBe(shown.rows[0]);
    expect(next.rows[2]).not.toBe(shown.rows[1]);
    expect(next.rows[2].status).toBe('operating');
    expect(next.rows.map((r) => r.id)).toEqual(['new', 'a', 'b']);
    expect(next.total).toBe(3);
    expect(next.legend).not.toBe(shown.legend);
    expect(next.legend.counts.operating).toBe(2);
    expect(next.progress.byProvince).not.toBe(shown.progress.byProvince);
    // What the date leaves as it was (the record's kinds and document dates) is the same object.
    expect(next.record).toBe(shown.record);
  });

  it('the first answer is taken as it is', () => {
    const first = view([row('a', 'operating')], 1);
    expect(sharedWith(undefined, first)).toBe(first);
  });
});
