import { describe, expect, it } from 'vitest';
import { createResponseCache } from './response-cache';

describe('the response cache', () => {
  it('makes a body once per key and serves the same bytes after', async () => {
    const cache = createResponseCache();
    let made = 0;
    const make = async () => ({ body: `body ${++made}`, type: 'application/json' });
    const first = await cache.get('a', make);
    const again = await cache.get('a', make);
    expect(made).toBe(1);
    expect(again).toBe(first);
    expect((await cache.get('b', make)).body.toString()).toBe('body 2');
  });

  it('makes a body once for requests that ask for it while it is being made; a failed making is not kept', async () => {
    const cache = createResponseCache();
    let made = 0;
    let finish = () => {};
    const slow = () => {
      made += 1;
      return new Promise<{ body: string; type: string }>((resolve) => {
        finish = () => resolve({ body: 'made once', type: 'text/plain' });
      });
    };
    const waiting = Array.from({ length: 5 }, () => cache.get('a', slow));
    finish();
    const bodies = await Promise.all(waiting);
    expect(made).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    await expect(cache.get('b', async () => Promise.reject(new Error('store unavailable')))).rejects.toThrow('store unavailable');
    expect((await cache.get('b', async () => ({ body: 'made again', type: 'text/plain' }))).body.toString()).toBe('made again');
  });

  it('drops the least recently used entries beyond its bounds', async () => {
    const cache = createResponseCache({ maxEntries: 2, maxBytes: 1000 });
    const make = (text: string) => async () => ({ body: text, type: 'text/plain' });
    await cache.get('a', make('a'));
    await cache.get('b', make('b'));
    await cache.get('a', make('a')); // a is now the most recent
    await cache.get('c', make('c'));
    expect(cache.size).toBe(2);
    let remade = false;
    await cache.get('b', async () => {
      remade = true;
      return { body: 'b', type: 'text/plain' };
    });
    expect(remade).toBe(true);
  });

  it('never keeps a body larger than its byte bound, but still answers it', async () => {
    const cache = createResponseCache({ maxBytes: 4 });
    const entry = await cache.get('big', async () => ({ body: 'too large', type: 'text/plain' }));
    expect(entry.body.toString()).toBe('too large');
    expect(cache.size).toBe(0);
  });
});
