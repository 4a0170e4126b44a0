import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { keepForReplay } from './replay';

export type CachedBody = { body: Buffer; etag: string; type: string };

/** Room for the largest answer the app gives, the whole record of 100 000 features (98 MB): the lists' cache and the replay keep it. */
export const LARGEST_ANSWER_BYTES = 128 * 1024 * 1024;

/**
 * Serialised responses kept by key, least recently used dropped first, bounded in entries and bytes.
 * The record changes only through a new revision, which is part of every key, so nothing stale is
 * served and nothing needs clearing.
 */
export function createResponseCache({ maxEntries = 500, maxBytes = 64 * 1024 * 1024 } = {}) {
  const entries = new Map<string, CachedBody>();
  // Bodies being made: requests asking for one meanwhile share it (a new revision under load is one
  // making, not one per waiting request). A failed making is not kept.
  const making = new Map<string, Promise<CachedBody>>();
  let bytes = 0;
  async function makeEntry(key: string, make: () => Promise<{ body: string | Uint8Array; type: string }>): Promise<CachedBody> {
    const made = await make();
    const body =
      typeof made.body === 'string' ? Buffer.from(made.body) : Buffer.from(made.body.buffer, made.body.byteOffset, made.body.byteLength);
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, type: made.type };
    if (body.length <= maxBytes) {
      entries.set(key, entry);
      bytes += body.length;
      for (const [oldKey, old] of entries) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        entries.delete(oldKey);
        bytes -= old.body.length;
      }
    }
    return entry;
  }
  return {
    get(key: string, make: () => Promise<{ body: string | Uint8Array; type: string }>): Promise<CachedBody> {
      const hit = entries.get(key);
      if (hit) {
        // Re-insert: Map order is the recency order.
        entries.delete(key);
        entries.set(key, hit);
        return Promise.resolve(hit);
      }
      let pending = making.get(key);
      if (!pending) {
        pending = makeEntry(key, make).finally(() => making.delete(key));
        making.set(key, pending);
      }
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * The query with its parameters in a fixed order: equal queries, equal keys. Values are written as
 * JSON, so a repeated parameter (an array, refused by validation) never shares a key with a list.
 */
export function canonicalQuery(request: Request): string {
  return JSON.stringify(Object.entries(request.query as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Sends a cached body with its ETag; a client that already has it gets 304 (Express checks freshness).
 * `recordKey`: the record key the body was made under — the answer may then be sent again for the same
 * URL without Express while that key holds (replay.ts).
 */
export function sendCached(request: Request, response: Response, cached: CachedBody, recordKey?: string) {
  response.setHeader('ETag', cached.etag);
  response.type(cached.type);
  if (request.fresh) {
    response.status(304).end();
    return;
  }
  response.send(cached.body);
  if (recordKey !== undefined) keepForReplay(request, response, recordKey, cached.body);
}
