import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from '../http/errors';
import type { KnownBrowser } from './known-browsers';
import { type HashTurn, hashesWaiting } from './passwords';

export type SignInBudgetOptions = {
  /** Sign-ins waiting for their password check (one runs at a time) beyond which a new one is refused: 503. */
  maxWaiting?: number;
  /** Failed sign-ins of strangers, from all addresses together, per window; past it strangers are refused: 429. */
  failuresPerWindow?: number;
  /** Failed sign-ins per window from one address (strangers), or from one known browser: 429 past it. */
  failuresPerSource?: number;
  windowMs?: number;
};

export const SIGN_IN_BUDGET: Required<SignInBudgetOptions> = {
  maxWaiting: 8,
  failuresPerWindow: 100,
  failuresPerSource: 10,
  windowMs: 15 * 60_000,
};

/** What a refused sign-in is told to wait when the queue is full: a few hashes' time (~0.3 s each). */
const BUSY_RETRY_SECONDS = 3;

/** The browser this attempt comes from, when it proved it signed in before as the user it tries (known-browsers.ts). */
export function setKnownBrowser(response: Response, known: KnownBrowser | null): void {
  response.locals.knownBrowser = known;
}
export const knownBrowserOn = (response: Response): KnownBrowser | null => response.locals.knownBrowser ?? null;
const fromStranger = (_request: Request, response: Response) => knownBrowserOn(response) === null;
/** Only failed password checks count against a budget: a sign-in refused before hashing (busy, malformed) costs nothing. */
const failedPasswordCheck = (_request: Request, response: Response) => response.statusCode !== 401;

/**
 * What sign-in may cost the server, and who pays when it is too much. Two kinds of attempt:
 *   - a known browser: its cookie proves it signed in before as the user it tries (known-browsers.ts);
 *   - a stranger: everything else — a new machine, a cleared browser, a cookie for another user, a forged one.
 * The budgets:
 *   - per address, strangers: `failuresPerSource` failures per `windowMs` (behind a trusted proxy, the forwarded
 *     client's address), then 429 `too_many_attempts`;
 *   - per known browser: the same number for each browser, whatever its address, then 429 `too_many_attempts`
 *     — a copied cookie gives a guesser no more than an address does, and locks out only that browser;
 *   - the whole server, strangers only: `failuresPerWindow` failures per `windowMs` from all addresses together,
 *     then every stranger is refused (429 `too_many_attempts_overall`, Retry-After) until the window moves on. Many
 *     addresses (IPv6 gives any number) can spend it on purpose; known browsers go on signing in, so that locks
 *     out only editors on a new machine, for the window (a restart resets it);
 *   - password checks run one at a time (passwords.ts): a stranger whose check would wait behind `maxWaiting`
 *     other strangers is refused at once (503 `sign_in_busy`, Retry-After) instead of queueing without end; a
 *     known browser's check goes ahead of strangers' and is refused only behind `maxWaiting` checks of its kind.
 */
export function createSignInBudget(options: SignInBudgetOptions = {}) {
  const { maxWaiting, failuresPerWindow, failuresPerSource, windowMs } = { ...SIGN_IN_BUDGET, ...options };
  const minutes = Math.ceil(windowMs / 60_000);
  const perAddress = rateLimit({
    windowMs,
    limit: failuresPerSource,
    skip: (request, response) => !fromStranger(request, response),
    // Only failed attempts count: colleagues signing in from one office address are never locked out.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) =>
      next(new HttpError(429, 'too_many_attempts', `Too many sign-in attempts from this address: wait ${minutes} minutes`)),
  });
  const perKnownBrowser = rateLimit({
    windowMs,
    limit: failuresPerSource,
    skip: fromStranger,
    keyGenerator: (_request, response) => knownBrowserOn(response)?.tokenHash ?? '',
    skipSuccessfulRequests: true,
    requestWasSuccessful: failedPasswordCheck,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) =>
      next(new HttpError(429, 'too_many_attempts', `Too many failed sign-ins from this browser: wait ${minutes} minutes`)),
  });
  const overall = rateLimit({
    windowMs,
    limit: failuresPerWindow,
    skip: (request, response) => !fromStranger(request, response),
    // One key for every address: the budget is the server's.
    keyGenerator: () => 'all addresses',
    skipSuccessfulRequests: true,
    requestWasSuccessful: failedPasswordCheck,
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
          `Too many failed sign-ins on this server, from all addresses together: signing in is paused for ${Math.ceil(seconds / 60)} minutes, except from a browser that has signed in here before as the same user`,
        ),
      );
    },
  });
  return {
    /** Middleware, once the credentials are read and the browser recognised (setKnownBrowser): the budgets of this attempt. */
    limits: [perAddress, perKnownBrowser, overall] as RequestHandler[],
    /** Called right before a password is checked: refuses the sign-in when too many checks of its kind wait already. */
    admitPasswordCheck(turn: HashTurn, response: Response): void {
      if (hashesWaiting(turn) < maxWaiting) return;
      response.setHeader('Retry-After', String(BUSY_RETRY_SECONDS));
      throw new HttpError(503, 'sign_in_busy', `Too many sign-ins are being checked at once: try again in ${BUSY_RETRY_SECONDS} seconds`);
    },
  };
}
