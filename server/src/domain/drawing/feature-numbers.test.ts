import { describe, expect, it } from 'vitest';
import { featureNumbers, linkNumber } from './feature-numbers';

describe('featureNumbers', () => {
  it('gives every id of a large record its own even number, below the largest number a map id can be', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `synthetic-${i}`);
    const numbers = featureNumbers(ids);
    const values = [...numbers.values()];
    expect(new Set(values).size).toBe(ids.length);
    expect(values.every((n) => Number.isSafeInteger(n) && n >= 0 && n % 2 === 0)).toBe(true);
    // A link's number (the point's + 1) is a safe integer too, and no other feature's.
    expect(values.every((n) => Number.isSafeInteger(linkNumber(n)) && !numbers.has(String(linkNumber(n))))).toBe(true);
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
