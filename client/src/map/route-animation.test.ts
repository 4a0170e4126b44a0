import { describe, expect, it } from 'vitest';
import { pointAlong } from './route-animation';

describe('pointAlong', () => {
  const line = [
    [0, 0],
    [2, 0],
    [2, 2],
  ];
  it('finds the point at a fraction of the distance', () => {
    expect(pointAlong(line, 0)).toEqual([0, 0]);
    expect(pointAlong(line, 0.25)).toEqual([1, 0]);
    expect(pointAlong(line, 0.5)).toEqual([2, 0]);
    expect(pointAlong(line, 1)).toEqual([2, 2]);
  });
  it('clamps fractions outside 0..1', () => {
    expect(pointAlong(line, 1.5)).toEqual([2, 2]);
    expect(pointAlong(line, -1)).toEqual([0, 0]);
  });
});
