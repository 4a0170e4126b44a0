import { describe, expect, it } from 'vitest';
import { latestByKey } from './latest-by-key';

describe('latestByKey', () => {
  it('makes once per key, shares it while being made, makes afresh for a new key, and retries after a failure', async () => {
    let made = 0;
    let fail = true;
    const get = latestByKey(async (key) => {
      made += 1;
      if (key === 'r2' && fail) throw new Error('store unreachable');
      return `${key}#${made}`;
    });
    const [a, b] = await Promise.all([get('r1'), get('r1')]);
    expect([a, b, made]).toEqual(['r1#1', 'r1#1', 1]);
    await expect(get('r2')).rejects.toThrow('store unreachable');
    fail = false;
    expect(await get('r2')).toBe('r2#3');
    expect(await get('r2')).toBe('r2#3');
  });
});
