import { describe, expect, it } from 'vitest';
import { loadRealRecord } from '../../../test/helpers/app';
import { commitmentsOf, isStalled } from './commitments';

const record = loadRealRecord();
const eventsOf = (id: string) => record.events.filter((event) => event.featureId === id);

describe('commitments', () => {
  it('flags Lũng Làn – Lộng Bình as stalled: "promote the official opening" in 2023 and again in 2026', () => {
    const [opening] = commitmentsOf(eventsOf('lung-lan'));
    expect(opening.firstMade.date).toBe('2023-02-22');
    expect(opening.stalled).toMatchObject({ since: { date: '2023-02-22' }, restated: { date: '2026-02-11' } });
    expect(opening.stalled?.days).toBeGreaterThan(730);
  });

  it('is not stalled before the restatement', () => {
    expect(isStalled(eventsOf('lung-lan'), '2025-12-31')).toBe(false);
  });

  it('counts the Tân Thanh – Pò Chài road as achieved, not stalled', () => {
    const commitments = commitmentsOf(eventsOf('tan-thanh-po-chai'));
    expect(commitments.some((c) => c.achieved?.clauseId === '003:6.a')).toBe(true);
    expect(commitments.every((c) => c.stalled === null)).toBe(true);
  });

  it('keeps the Chi Ma upgrade apart from its existing bilateral operation, and finds it stalled', () => {
    const commitments = commitmentsOf(eventsOf('chi-ma'));
    expect(commitments.map((c) => c.key)).toEqual(['level:international']);
    expect(commitments[0].stalled?.restated.clauseId).toBe('003:6.c');
  });

  it('does not call a promise stalled when it moved on', () => {
    // Bản Giốc: under construction (2022) → operating (2026).
    expect(isStalled(eventsOf('ban-gioc-detian-area'))).toBe(false);
  });
});
