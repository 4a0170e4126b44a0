import { describe, expect, it } from 'vitest';
import type { StatusEvent } from './schemas';
import { dueDate, isOverdue, targetChangeDates, targetsOf } from './targets';

const step = (
  date: string,
  status: StatusEvent['status'],
  target?: StatusEvent['target'],
  extra: Partial<StatusEvent> = {},
): StatusEvent => ({
  featureId: 'gate',
  date,
  status,
  level: 'bilateral',
  evidence: 'stated',
  agreementId: 'doc',
  clauseId: 'doc:1',
  quote: 'q',
  ...(target ? { target } : {}),
  ...extra,
});
const in2025 = { by: '2025', cue: 'trong năm 2025', reach: 'operating' } as const;

describe('a commitment’s deadline, read on a date', () => {
  it('ends a period on its last day', () => {
    expect(dueDate('2025')).toBe('2025-12-31');
    expect(dueDate('2026-H1')).toBe('2026-06-30');
    expect(dueDate('2026-H2')).toBe('2026-12-31');
    expect(dueDate('2029-Q4')).toBe('2029-12-31');
    expect(dueDate('2024-02')).toBe('2024-02-29');
    expect(dueDate('2025-06-15')).toBe('2025-06-15');
  });

  it('is due this year before it passes, overdue the day after, with the days late', () => {
    const events = [step('2024-08-16', 'proposed', in2025)];
    expect(targetsOf(events, '2024-12-31')[0].state).toBe('upcoming');
    expect(targetsOf(events, '2025-06-30')[0].state).toBe('dueThisYear');
    expect(targetsOf(events, '2025-12-31')[0].state).toBe('dueThisYear');
    expect(targetsOf(events, '2026-01-01')).toMatchObject([{ state: 'overdue', daysLate: 1, due: '2025-12-31' }]);
    expect(targetsOf(events, '2026-12-02')[0].daysLate).toBe(336);
    expect(isOverdue(events, '2026-12-02')).toBe(true);
    expect(targetChangeDates(events)).toEqual(['2026-01-01']);
  });

  it('is met only when a document says the status was reached, at the same level', () => {
    const reached = [step('2024-08-16', 'proposed', in2025), step('2025-10-01', 'operating')];
    expect(targetsOf(reached, '2026-12-02')[0]).toMatchObject({ state: 'met', metBy: { date: '2025-10-01' } });
    // Another level reached is not this commitment.
    const otherLevel = [step('2024-08-16', 'proposed', in2025), step('2025-10-01', 'operating', undefined, { level: 'international' })];
    expect(targetsOf(otherLevel, '2026-12-02')[0].state).toBe('overdue');
    // A step after the reading date does not count yet.
    expect(targetsOf(reached, '2025-09-30')[0].state).toBe('dueThisYear');
  });

  it('follows the latest restatement, and says when it moved the deadline later', () => {
    const events = [
      step('2023-02-22', 'agreed', { by: '2023', cue: 'trong năm 2023', reach: 'announced' }),
      step('2026-02-11', 'agreed', { by: '2026', cue: 'trong năm 2026', reach: 'announced' }),
    ];
    expect(targetsOf(events, '2025-06-30')).toMatchObject([{ state: 'overdue', by: '2023', moved: false }]);
    expect(targetsOf(events, '2026-03-01')).toMatchObject([
      { state: 'dueThisYear', by: '2026', moved: true, restatements: [{ date: '2023-02-22' }] },
    ]);
  });

  it('has none for steps without a target', () => {
    expect(targetsOf([step('2024-08-16', 'proposed')], '2030-01-01')).toEqual([]);
    expect(isOverdue([step('2024-08-16', 'proposed')], '2030-01-01')).toBe(false);
  });
});
