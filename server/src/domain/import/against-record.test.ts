import { describe, expect, it } from 'vitest';
import type { StatusEvent } from '../schemas';
import { checkAgainstRecord } from './against-record';

const step = (date: string, status: StatusEvent['status'], level: StatusEvent['level'] = null): StatusEvent => ({
  featureId: 'x',
  date,
  status,
  level,
  evidence: 'stated',
  agreementId: 'a',
  clauseId: `a:${date}`,
  quote: 'q',
});
const record = [step('2023-02-22', 'agreed'), step('2024-06-25', 'announced'), step('2025-01-01', 'agreed', 'international')];

describe('checkAgainstRecord', () => {
  it('names the step it would follow, and warns when it would move the feature backwards', () => {
    expect(checkAgainstRecord({ status: 'agreed', level: null }, record, '2024-07-01')).toEqual({
      date: '2024-07-01',
      before: { status: 'announced', date: '2024-06-25', clauseId: 'a:2024-06-25' },
      warnings: ['backwards'],
    });
    expect(checkAgainstRecord({ status: 'operating', level: null }, record, '2024-07-01')?.warnings).toEqual([]);
  });

  it('warns when a later step says the feature had not got that far, and when it repeats a step', () => {
    expect(checkAgainstRecord({ status: 'operating', level: null }, record, '2023-05-01')?.warnings).toEqual(['contradicts_later']);
    expect(checkAgainstRecord({ status: 'announced', level: null }, record, '2024-06-25')?.warnings).toEqual(['repeats']);
    // A later document restating the state is new evidence, not a repeat.
    expect(checkAgainstRecord({ status: 'announced', level: null }, record, '2024-09-01')?.warnings).toEqual([]);
  });

  it('compares an upgrade with its own level only, and checks nothing without a status', () => {
    // Operating as a bilateral gate is not "ahead" of an agreed upgrade to international.
    expect(checkAgainstRecord({ status: 'proposed', level: 'international' }, record, '2025-06-01')?.warnings).toEqual(['backwards']);
    expect(checkAgainstRecord({ status: 'agreed', level: 'international' }, record, '2024-12-01')).toMatchObject({
      before: null,
      warnings: [],
    });
    expect(checkAgainstRecord({ status: null, level: null }, record, '2024-12-01')).toBeNull();
  });

  it('reads the record as the map does: a corrected step does not count; an unstated level meets every level when it has no ladder of its own', () => {
    const misread = step('2026-02-11', 'operating');
    const correction: StatusEvent = {
      ...step('2026-02-11', 'under_construction', 'bilateral'),
      clauseId: 'a:other',
      corrects: { date: '2026-02-11', clauseId: 'a:2026-02-11', status: 'operating', level: null },
    };
    const events = [step('2023-02-22', 'under_construction', 'bilateral'), misread, correction];
    expect(checkAgainstRecord({ status: 'agreed', level: null }, events, '2027-03-15')).toEqual({
      date: '2027-03-15',
      before: { status: 'under_construction', date: '2026-02-11', clauseId: 'a:other' },
      warnings: ['backwards'],
    });
  });
});
