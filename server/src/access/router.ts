import express, { Router } from 'express';
import { z } from 'zod';
import { changesNoRecord, HttpError } from '../http/errors';
import { parseBody } from '../http/parse-body';
import { parseQuery } from '../http/parse-query';
import type { Database } from '../store/database';
import { refuseUnusableSignIn, requireEditor, sessionCookie, sessionOf, sessionTokenOf } from './editor-session';
import { knownBrowserOf, rememberBrowser } from './known-browsers';
import { UNUSABLE_HASH, verifyPassword } from './passwords';
import { createSession, deleteSession, SESSION_DAYS } from './sessions';
import { createSignInBudget, knownBrowserOn, type SignInBudgetOptions, setKnownBrowser } from './sign-in-budget';

const credentials = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

/**
 * Editors sign in and out:
 *   GET    /api/session   who is signed in ({user: null} for a visitor) and the CSRF token to send back
 *   POST   /api/session   {username, password} → a session cookie (__Host-, HttpOnly, Secure, SameSite=Strict;
 *                          `ba-sid` without Secure with BORDER_ATLAS_PLAIN_HTTP) and the known-browser cookie
 *                          (known-browsers.ts: later sign-ins from this browser as this user are not strangers');
 *                          400 insecure_connection when the browser could not keep them (plain HTTP to a host other
 *                          than localhost), 403 cross_origin from a page of another origin
 *   DELETE /api/session   signs out (needs the CSRF token like every change); the browser stays known
 * Failed sign-in attempts are limited per address, per known browser and, for strangers, on the whole server
 * (sign-in-budget.ts); a wrong name and a wrong password get the same answer in the same time.
 */
export function accessRouter(db: Database, signInBudget: SignInBudgetOptions = {}): Router {
  const router = Router();
  const budget = createSignInBudget(signInBudget);

  router.get('/', async (request, response) => {
    parseQuery(request, z.object({}), []);
    const session = await sessionOf(db, request);
    response.setHeader('Cache-Control', 'no-store');
    response.json(session ? { user: session.user, csrfToken: session.csrfToken } : { user: null });
  });

  router.post(
    '/',
    changesNoRecord,
    refuseUnusableSignIn,
    express.json({ limit: '4kb' }),
    // Which budgets apply depends on who tries which user: read the name and recognise the browser first.
    async (request, response, next) => {
      response.locals.credentials = parseBody(credentials, request.body);
      setKnownBrowser(response, await knownBrowserOf(db, request, response.locals.credentials.username));
      next();
    },
    ...budget.limits,
    async (request, response) => {
      const { username, password }: z.infer<typeof credentials> = response.locals.credentials;
      const [user] = await db.query<{ id: string; password_hash: string; display_name: string; role: string }>(
        'SELECT id::text AS id, password_hash, display_name, role FROM users WHERE username = $1',
        [username],
      );
      const known = knownBrowserOn(response);
      const turn = known ? 'ahead of strangers' : 'stranger';
      budget.admitPasswordCheck(turn, response);
      const valid = await verifyPassword(password, user?.password_hash ?? UNUSABLE_HASH, turn);
      if (!user || !valid) throw new HttpError(401, 'wrong_credentials', 'Wrong username or password');
      const { token, csrfToken } = await createSession(db, Number(user.id));
      const browserCookie = await rememberBrowser(db, request, Number(user.id), known);
      // The session's cookie first: what a client reading one cookie takes.
      response.setHeader('Set-Cookie', [sessionCookie(request, token, SESSION_DAYS * 24 * 3600), browserCookie]);
      response.setHeader('Cache-Control', 'no-store');
      response.json({ user: { id: Number(user.id), username, displayName: user.display_name, role: user.role }, csrfToken });
    },
  );

  router.delete('/', changesNoRecord, requireEditor(db), async (request, response) => {
    await deleteSession(db, sessionTokenOf(request) ?? '');
    response.setHeader('Set-Cookie', sessionCookie(request, '', 0));
    response.status(204).end();
  });
  return router;
}
