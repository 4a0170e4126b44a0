import { randomBytes } from 'node:crypto';
import type { Request } from 'express';
import { deploymentOf } from '../http/deployment';
import type { Queryable } from '../store/database';
import { accessCookie, cookieValue } from './editor-session';
import { tokenHashOf } from './sessions';

/**
 * A browser an editor signed in from before proves it with a cookie holding a random token; the store keeps the
 * token's hash and whose it is (table `known_browsers`). A later sign-in from that browser as that editor is not
 * a stranger's: the per-address and server-wide budgets of failed sign-ins do not apply to it (it has its own) and
 * its password is checked ahead of strangers' (sign-in-budget.ts), so strangers who spend those budgets cannot keep
 * the editor out. It grants nothing without the password, and survives signing out (signing in again is what it is
 * for). The token is random, not signed: the store is the one place that says which user it proves, so nothing
 * can be forged or altered into a proof, and removing the account forgets its browsers.
 */

/** Over HTTPS (and on localhost): Secure, hence `__Host-`. */
const KNOWN_BROWSER_COOKIE = '__Host-known';
/** With BORDER_ATLAS_PLAIN_HTTP: no Secure, so no `__Host-` prefix (browsers refuse one without Secure). */
const PLAIN_HTTP_KNOWN_BROWSER_COOKIE = 'ba-known';
const knownBrowserCookieName = (plainHttp: boolean | undefined) => (plainHttp ? PLAIN_HTTP_KNOWN_BROWSER_COOKIE : KNOWN_BROWSER_COOKIE);

/** How long a browser stays known without signing in; every sign-in from it starts the time again. */
const KNOWN_BROWSER_DAYS = 365;

/** A browser that proved it signed in as the user it now tries; its token's hash keys its own failure budget. */
export type KnownBrowser = { token: string; tokenHash: string };

const carriedToken = (request: Request) => cookieValue(request, knownBrowserCookieName(deploymentOf(request).plainHttp));

/**
 * The browser, if its cookie proves it signed in before as `username` (a token the store holds for that user,
 * not expired); otherwise null — a stranger, whatever it sends.
 */
export async function knownBrowserOf(db: Queryable, request: Request, username: string): Promise<KnownBrowser | null> {
  const token = carriedToken(request);
  if (!token || token.length > 100) return null;
  const tokenHash = tokenHashOf(token);
  const [row] = await db.query<{ username: string }>(
    'SELECT u.username FROM known_browsers k JOIN users u ON u.id = k.user_id WHERE k.token_hash = $1 AND k.expires_at > now()',
    [tokenHash],
  );
  return row?.username === username ? { token, tokenHash } : null;
}

/**
 * After a successful sign-in: the Set-Cookie header that keeps this browser known for the user — its token, its
 * time started again, when it was known already; else a new token. A browser proves one editor, the last who
 * signed in with it: a token it held for another is forgotten (the browser no longer has it).
 */
export async function rememberBrowser(db: Queryable, request: Request, userId: number, known: KnownBrowser | null): Promise<string> {
  const cookie = (token: string) => accessCookie(request, knownBrowserCookieName, token, KNOWN_BROWSER_DAYS * 24 * 3600);
  if (known) {
    await db.query('UPDATE known_browsers SET expires_at = now() + make_interval(days => $2) WHERE token_hash = $1', [
      known.tokenHash,
      KNOWN_BROWSER_DAYS,
    ]);
    return cookie(known.token);
  }
  const replaced = carriedToken(request);
  const token = randomBytes(32).toString('base64url');
  await db.query('DELETE FROM known_browsers WHERE token_hash = $1 OR expires_at < now()', [tokenHashOf(replaced ?? '')]);
  await db.query('INSERT INTO known_browsers (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))', [
    tokenHashOf(token),
    userId,
    KNOWN_BROWSER_DAYS,
  ]);
  return cookie(token);
}
