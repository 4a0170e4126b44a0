import type { ApiFeature } from '@domain/api';
import { STATUS_BY_ID } from '@domain/vocabulary';
import { describe, expect, it } from 'vitest';
import { text } from '../i18n/ui-text';
import { statusLegend, symbolLegend } from './map-caption';

const point = (id: string, status: 'agreed' | 'operating', approximate: boolean) =>
  ({
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [106.7, 22] },
    properties: { status, approximate },
  }) as unknown as ApiFeature;

describe("an exported map's legend", () => {
  it('names the statuses shown, in order, and how positions are drawn: solid where sourced, a ring where approximate', () => {
    const shown = [point('a', 'operating', true), point('b', 'agreed', false)];
    expect(statusLegend(shown, 'vi').map((item) => item.label)).toEqual([STATUS_BY_ID.agreed.label.vi, STATUS_BY_ID.operating.label.vi]);
    expect(symbolLegend(shown, 'en').map((item) => [item.shape, item.label])).toEqual([
      ['dot', text('exact', 'en')],
      ['ring', text('approximate', 'en')],
    ]);
    // Only what is in the image: no ring when every position shown is sourced.
    expect(symbolLegend([point('b', 'agreed', false)], 'vi').map((item) => item.shape)).toEqual(['dot']);
  });
});
