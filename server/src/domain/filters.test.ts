import { describe, expect, it } from 'vitest';
import { type Filters, filterParams, filtersOfQuery, hasFilters, NO_FILTERS, readFilters } from './filters';

const read = (query: string) => readFilters(new URLSearchParams(query));

describe('the one filter’s URL codec (the app’s links, /api/*, /ogc)', () => {
  it('reads back what it writes, for every dimension', () => {
    const filters: Filters = {
      asOf: '2025-08-01',
      kinds: ['gate_pair', 'bridge'],
      statuses: ['operating', 'proposed'],
      agreements: ['003', '004'],
      provinces: ['VN-07'],
      stalled: false,
      overdue: null,
    };
    expect(filterParams(filters).toString()).toBe(
      'asOf=2025-08-01&kind=gate_pair%2Cbridge&status=operating%2Cproposed&agreement=003%2C004&province=VN-07&stalled=false',
    );
    expect(readFilters(filterParams(filters))).toEqual(filters);
    expect(readFilters(filterParams({ ...filters, stalled: true })).stalled).toBe(true);
    expect(filterParams(NO_FILTERS).toString()).toBe('');
    expect(read('')).toEqual(NO_FILTERS);
  });

  it('opens a stale or hand-edited link with what it can use, never failing', () => {
    // Unknown kinds and statuses are dropped, known ones kept (a kind renamed since the link was shared).
    expect(read('kind=gate_pair,gate,bridge').kinds).toEqual(['gate_pair', 'bridge']);
    expect(read('status=operating,opened').statuses).toEqual(['operating']);
    expect(read('kind=gate').kinds).toEqual([]);
    expect(read('status=opened').statuses).toEqual([]);
    // Spaces around items and empty items are not values.
    expect(read('kind= gate_pair , bridge').kinds).toEqual(['gate_pair', 'bridge']);
    expect(read('agreement=003,,004,').agreements).toEqual(['003', '004']);
    expect(read('province=').provinces).toEqual([]);
    // Not a real date, not true/false: left out.
    expect(read('asOf=2023-02-30').asOf).toBeNull();
    expect(read('asOf=11/02/2026').asOf).toBeNull();
    expect(read('stalled=yes').stalled).toBeNull();
    expect(read('stalled=false').stalled).toBe(false);
  });

  it('says whether anything but the date narrows the record', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, asOf: '2024-01-01' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, stalled: false })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, stalled: true })).toBe(true);
    for (const key of ['kinds', 'statuses', 'agreements', 'provinces'] as const)
      expect(hasFilters({ ...NO_FILTERS, [key]: ['x'] }), key).toBe(true);
  });

  it('turns parsed query parameters into the filter, absent ones meaning all', () => {
    expect(filtersOfQuery({})).toEqual(NO_FILTERS);
    expect(filtersOfQuery({ kind: ['market'], stalled: false, asOf: '2026-02-11' })).toEqual({
      ...NO_FILTERS,
      kinds: ['market'],
      stalled: false,
      overdue: null,
      asOf: '2026-02-11',
    });
  });
});
