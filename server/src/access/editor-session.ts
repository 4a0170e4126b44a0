import type { Request, RequestHandler } from 'express';
import { deploymentOf, isLoopbackHost, protocolOf, requestOrigin } from '../http/deployment';
import { HttpError } from '../http/errors';
import type { Queryable } from '../store/database';
import { findSession, type Session, sessionCookieName } from './sessions';

/** The value of one cookie from the request (the app reads only its own: the session, the known browser). */
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

/** The session cookie's token: only the cookie name of this deployment's mode (`__Host-sid`, or `ba-sid` over plain HTTP). */
export const sessionTokenOf = (request: Request) => cookieValue(request, sessionCookieName(deploymentOf(request).plainHttp));

export const sessionOf = (db: Queryable, request: Request) => findSession(db, sessionTokenOf(request));

/**
 * A request from a page of another site is refused (403 cross_origin): "this site" is BORDER_ATLAS_PUBLIC_ORIGIN,
 * or without it the request's own origin (forwarded scheme and host only from a trusted proxy). Requests without
 * `Origin` (not from a browser's page) pass. The refusal names the address expected, where it came from, and
 * the address received: what an administrator needs when the page's own address is refused (a proxy on a port
 * other than 443 whose X-Forwarded-Host drops the port, a public origin without it).
 */
function refuseOtherOrigin(request: Request, what: string) {
  const origin = request.get('origin');
  const expected = requestOrigin(request);
  if (origin !== undefined && origin !== expected) {
    const source =
      deploymentOf(request).publicOrigin === undefined
        ? 'as this request names it: its Host header, or from a trusted proxy X-Forwarded-Proto and X-Forwarded-Host, which must carry the port'
        : 'BORDER_ATLAS_PUBLIC_ORIGIN';
    throw new HttpError(
      403,
      'cross_origin',
      `${what} accepted only from this site's address, ${expected.slice(0, 200)} (${source}), not from ${origin.slice(0, 200)}. ` +
        'If that is the address people open, the administrator sets BORDER_ATLAS_PUBLIC_ORIGIN to it exactly, port included',
    );
  }
}

/**
 * Every state-changing request: a signed-in editor (401 otherwise), from a page of this site (403 otherwise,
 * see refuseOtherOrigin) carrying the session's CSRF token in `X-CSRF-Token` (403 otherwise).
 * The session is left on `response.locals.session`.
 */
export function requireEditor(db: Queryable): RequestHandler {
  return async (request, response, next) => {
    const session: Session | null = await sessionOf(db, request);
    if (!session) throw new HttpError(401, 'not_signed_in', 'Sign in as an editor to change the record');
    refuseOtherOrigin(request, 'Changes are');
    if (request.get('x-csrf-token') !== session.csrfToken) {
      throw new HttpError(403, 'csrf_token', 'Missing or wrong X-CSRF-Token header: reload the page and try again');
    }
    response.locals.session = session;
    next();
  };
}

/**
 * The Set-Cookie header of one of the app's cookies, named by `nameOf` for the deployment's mode: HttpOnly,
 * SameSite=Strict, Path=/; over HTTPS with Secure (so its `__Host-` name: no other host or path can set or
 * shadow it); with BORDER_ATLAS_PLAIN_HTTP without Secure (it travels unencrypted).
 */
export function accessCookie(request: Request, nameOf: (plainHttp: boolean | undefined) => string, value: string, maxAgeSeconds: number) {
  const { plainHttp } = deploymentOf(request);
  return `${nameOf(plainHttp)}=${value}; Path=/; HttpOnly;${plainHttp ? '' : ' Secure;'} SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

/** The Set-Cookie header of a session (an empty token and 0 sign out): `__Host-sid`, or `ba-sid` over plain HTTP. */
export const sessionCookie = (request: Request, token: string, maxAgeSeconds: number) =>
  accessCookie(request, sessionCookieName, token, maxAgeSeconds);

/**
 * Sign-ins that could not work are refused before any password is checked (and not counted as failed attempts):
 * over plain HTTP to a host other than localhost the browser drops a Secure cookie, so without
 * BORDER_ATLAS_PLAIN_HTTP the editor would look signed in while every change got 401 (400 insecure_connection);
 * from a page of another origin (the app opened by another address than BORDER_ATLAS_PUBLIC_ORIGIN) every change
 * would get 403 (403 cross_origin).
 */
export const refuseUnusableSignIn: RequestHandler = (request, _response, next) => {
  if (deploymentOf(request).plainHttp || protocolOf(request) === 'https' || isLoopbackHost(request.hostname)) {
    refuseOtherOrigin(request, 'Sign-ins are');
    return next();
  }
  const forwarded = request.get('x-forwarded-proto');
  const hint =
    forwarded === undefined
      ? 'use the https:// address, or the administrator sets BORDER_ATLAS_PLAIN_HTTP=true (intranet over plain HTTP) or, behind an HTTPS reverse proxy, BORDER_ATLAS_TRUST_PROXY'
      : `this request came through a proxy the server does not trust (X-Forwarded-Proto: ${forwarded.slice(0, 20)}): the administrator sets BORDER_ATLAS_TRUST_PROXY to its address`;
  next(
    new HttpError(
      400,
      'insecure_connection',
      `This address (http://${String(request.host).slice(0, 100)}) is plain HTTP: the browser will not keep the sign-in. To sign in, ${hint}`,
    ),
  );
};
