import { Router } from 'express';
import type { Queryable } from '../store/database';
import { StoreTimeoutError } from '../store/store-unavailable';

/** How long the readiness check waits for the store's answer: well past a live server's, short of a probe's patience. */
const READY_TIMEOUT_MS = 2_000;

/**
 * Liveness (`/api/health`): the process answers. It never touches the store, so a load balancer or an
 * orchestrator does not restart a server because its database is away — restarting would not bring it back.
 */
export function healthRouter(): Router {
  return Router().get('/', (_request, response) => {
    response.json({ status: 'ok' });
  });
}

/** The store's answer to a trivial query, or a StoreTimeoutError after `timeoutMs` (the query itself is bounded by the pool). */
async function storeAnswers(store: Queryable, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(`the store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const query = store.query('SELECT 1');
  // Left behind on a timeout, the query still settles (its own bound, database.ts): its failure is not an unhandled rejection.
  query.catch(() => undefined);
  try {
    await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness (`/api/ready`): this server can serve the record now — the store answers `SELECT 1` within 2 s;
 * otherwise `503 store_unavailable` with Retry-After (http/errors.ts), and a load balancer sends the requests
 * elsewhere until it answers again. Without a store (the record folder, read-only) it is always ready.
 */
export function readyRouter(store: Queryable | undefined): Router {
  return Router().get('/', async (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    if (store) await storeAnswers(store, READY_TIMEOUT_MS);
    response.json({ status: 'ready' });
  });
}
