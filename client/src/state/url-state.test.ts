import { describe, expect, it } from 'vitest';
import { readUrlState, writeUrlState } from './url-state';

describe("the sidebar's tab and the changes dates in the address", () => {
  it('round-trip, and a bad value gives the default instead of a broken screen', () => {
    const state = readUrlState('?tab=changes&changesFrom=2024-01-01&changesTo=2026-03-01');
    expect([state.tab, state.changes]).toEqual(['changes', { from: '2024-01-01', to: '2026-03-01' }]);
    expect(new URLSearchParams(writeUrlState(state, '')).get('changesFrom')).toBe('2024-01-01');
    const bad = readUrlState('?tab=nope&changesFrom=2024-02-30&changesTo=01/03/2026');
    expect([bad.tab, bad.changes]).toEqual(['progress', { from: null, to: null }]);
    // The default tab is not written: a plain link stays plain.
    expect(writeUrlState(readUrlState(''), '')).toBe('');
  });
});
