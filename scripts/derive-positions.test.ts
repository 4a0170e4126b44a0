import { describe, expect, it } from 'vitest';
import { interpolateMarker } from './derive-positions';

describe('interpolateMarker', () => {
  const anchors = [
    { marker: 1090.5, km: 1120 },
    { marker: 1116.5, km: 1130 },
    { marker: 1369, km: 1360 },
  ];

  it('places a marker between its two nearest anchors in proportion to its number', () => {
    expect(interpolateMarker(anchors, 1103.5)).toEqual({ km: 1125, between: [1090.5, 1116.5] });
  });

  it('lands exactly on an anchor', () => {
    expect(interpolateMarker(anchors, 1369).km).toBe(1360);
  });

  it('extrapolates from the last two anchors beyond the ends', () => {
    expect(interpolateMarker(anchors, 1064.5).km).toBeCloseTo(1110);
  });
});
