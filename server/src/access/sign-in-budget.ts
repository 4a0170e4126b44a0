import type { RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../http/errors';
import { hashesWaiting } from './passwords';

export type SignInBudgetOptions = {
  /** Sign-ins waiting for their password check (one runs at a time) beyond which a new one is refused: 503. */
  maxWaiting?: number;
  /** Failed sign-ins, from all addresses together, per window; past it every sign-in is refused: 429. */
  failuresPerWindow?: number;
  windowMs?: number;
};

export const SIGN_IN_BUDGET: Required<SignInBudgetOptions> = { maxWaiting: 8, failuresPerWindow: 100, windowMs: 15 * 60_000 };

/** What a refused sign-in is told to wait when the queue is full: a few hashes' time (~0.3 s each). */
const BUSY_RETRY_SECONDS = 3;

/**
 * What sign-in may cost the server, whoever asks. The per-address limit (access/router.ts) stops one
 * address; many addresses together could still keep the password hashing busy for ever. So:
 *   - a sign-in whose password check would wait behind `maxWaiting` others is refused at once
 *     (503 `sign_in_busy`, Retry-After) instead of queueing without end;
 *   - failed sign-ins (wrong name or password: the ones that were hashed) count against one budget for
 *     the whole server, `failuresPerWindow` per `windowMs`; past it every sign-in is refused
 *     (429 `too_many_attempts_overall`, Retry-After) until the window moves on — editors too, which is the
 *     price of never letting an attacker keep the CPU and the thread pool busy. A restart resets it.
 */
export function createSignInBudget(options: SignInBudgetOptions = {}) {
  const { maxWaiting, failuresPerWindow, windowMs } = { ...SIGN_IN_BUDGET, ...options };
  const overall: RequestHandler = rateLimit({
    windowMs,
    limit: failuresPerWindow,
    // One key for every address: the budget is the server's.
    keyGenerator: () => 'all addresses',
    // Only failed password checks count: a sign-in refused before hashing (busy, malformed) costs nothing.
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_request, response) => response.statusCode !== 401,
    requestPropertyName: 'overallSignInLimit',
    standardHeaders: false,
    legacyHeaders: false,
    handler: (request, response, next) => {
      const reset = (request as unknown as { overallSignInLimit?: { resetTime?: Date } }).overallSignInLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : Math.ceil(windowMs / 1000);
      response.setHeader('Retry-After', String(seconds));
      next(
        new HttpError(
          429,
          'too_many_attempts_overall',
          `Too many failed sign-ins on this server, from all addresses together: signing in is paused for ${Math.ceil(seconds / 60)} minutes`,
        ),
      );
    },
  });
  return {
    /** Middleware, before the body is read: refuses every sign-in once the server's failure budget is spent. */
    overall,
    /** Called right before a password is checked: refuses the sign-in when too many checks wait already. */
    admitPasswordCheck(response: Response): void {
      if (hashesWaiting() < maxWaiting) return;
      response.setHeader('Retry-After', String(BUSY_RETRY_SECONDS));
      throw new HttpError(503, 'sign_in_busy', `Too many sign-ins are being checked at once: try again in ${BUSY_RETRY_SECONDS} seconds`);
    },
  };
}
