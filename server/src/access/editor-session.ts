import type { Request, RequestHandler } from 'express';
import { HttpError } from '../http/errors';
import type { Queryable } from '../store/database';
import { findSession, SESSION_COOKIE, type Session } from './sessions';

/** The value of one cookie from the request (the app reads only its session cookie). */
export function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined; // malformed encoding: no session, not an error
    }
  }
  return undefined;
}

export const sessionOf = (db: Queryable, request: Request) => findSession(db, cookieValue(request, SESSION_COOKIE));

/** The request's own origin, as a browser would send it in `Origin`. */
const originOf = (request: Request) => `${request.protocol}://${request.get('host')}`;

/**
 * Every state-changing request: a signed-in editor (401 otherwise), from a page of this site (an
 * `Origin` other than ours → 403) carrying the session's CSRF token in `X-CSRF-Token` (403 otherwise).
 * The session is left on `response.locals.session`.
 */
export function requireEditor(db: Queryable): RequestHandler {
  return async (request, response, next) => {
    const session: Session | null = await sessionOf(db, request);
    if (!session) throw new HttpError(401, 'not_signed_in', 'Sign in as an editor to change the record');
    const origin = request.get('origin');
    if (origin !== undefined && origin !== originOf(request)) {
      throw new HttpError(403, 'cross_origin', `Changes are accepted only from this site, not from ${origin}`);
    }
    if (request.get('x-csrf-token') !== session.csrfToken) {
      throw new HttpError(403, 'csrf_token', 'Missing or wrong X-CSRF-Token header: reload the page and try again');
    }
    response.locals.session = session;
    next();
  };
}
