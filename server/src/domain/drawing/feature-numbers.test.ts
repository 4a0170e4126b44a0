import { describe, expect, it } from 'vitest';
import { featureNumbers, linkNumber } from './feature-numbers';

describe('featureNumbers', () => {
  it('gives every id of a large record its own even number of at most 7 digits, its link’s too', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `synthetic-${i}`);
    const numbers = featureNumbers(ids);
    const values = [...numbers.values()];
    expect(new Set(values).size).toBe(ids.length);
    expect(values.every((n) => Number.isInteger(n) && n >= 0 && n % 2 === 0)).toBe(true);
    // MapLibre reads a state's id back from text: 7 digits at most, for the point's link (+ 1) too.
    expect(Math.max(...values.map(linkNumber))).toBeLessThan(10_000_000);
    expect(new Set(values.map(linkNumber)).size).toBe(ids.length);
    // The link's number is the odd one just after its point's.
    expect(linkNumber(4_999_998)).toBe(4_999_999);
  });

  it('still finds a free number for each id of a record larger than its slots', () => {
    const ids = Array.from({ length: 1_200_000 }, (_, i) => `f${i}`);
    expect(new Set(featureNumbers(ids).values()).size).toBe(ids.length);
  });

  it('numbers an id the same whatever else the record holds (tiles and states of two revisions agree)', () => {
    const before = featureNumbers(['huu-nghi', 'ta-lung', 'lao-cai']);
    const after = featureNumbers(['a-pa-chai', 'lao-cai', 'huu-nghi', 'new-opening']);
    expect(after.get('huu-nghi')).toBe(before.get('huu-nghi'));
    expect(after.get('lao-cai')).toBe(before.get('lao-cai'));
    expect(before.get('huu-nghi')).not.toBe(before.get('lao-cai'));
  });

  it('tells two ids that hash alike apart, the same way whatever order they come in', () => {
    // A hash under which every id collides on its first try: the later id in id order takes its next hash.
    const colliding = (id: string, seed: number) => (seed === 0 ? 10 : id.length * 100 + seed * 2);
    const one = featureNumbers(['bb', 'a'], colliding);
    const other = featureNumbers(['a', 'bb'], colliding);
    expect(one).toEqual(other);
    expect(one.get('a')).toBe(10);
    expect(one.get('bb')).toBe(202);
  });
});
