import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters';
import { dropUnknownIds } from './unknown-ids';

const known = { agreements: ['003', '004'], provinces: ['VN-09', 'VN-04'] };

describe('filters naming what the record lacks', () => {
  it('keeps the known agreements and provinces, drops and names the others, touches nothing else', () => {
    const filters = {
      ...NO_FILTERS,
      asOf: '2025-01-01',
      kinds: ['gate_pair' as const],
      agreements: ['003', 'nope'],
      provinces: ['VN-99', 'VN-04'],
    };
    expect(dropUnknownIds(filters, known)).toEqual({
      filters: { ...filters, agreements: ['003'], provinces: ['VN-04'] },
      unknown: { agreements: ['nope'], provinces: ['VN-99'] },
    });
  });

  it('says nothing while every id is known, or before the record is loaded', () => {
    expect(dropUnknownIds({ ...NO_FILTERS, agreements: ['004'], provinces: ['VN-09'] }, known)).toBeNull();
    expect(dropUnknownIds({ ...NO_FILTERS, agreements: ['nope'] }, { agreements: undefined, provinces: known.provinces })).toBeNull();
  });
});
