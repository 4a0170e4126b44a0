import express, { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { changesNoRecord, HttpError } from '../http/errors';
import { parseBody } from '../http/parse-body';
import { parseQuery } from '../http/parse-query';
import type { Database } from '../store/database';
import { refuseUnusableSignIn, requireEditor, sessionCookie, sessionOf, sessionTokenOf } from './editor-session';
import { UNUSABLE_HASH, verifyPassword } from './passwords';
import { createSession, deleteSession, SESSION_DAYS } from './sessions';
import { createSignInBudget, type SignInBudgetOptions } from './sign-in-budget';

const credentials = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

/**
 * Editors sign in and out:
 *   GET    /api/session   who is signed in ({user: null} for a visitor) and the CSRF token to send back
 *   POST   /api/session   {username, password} → a session cookie (__Host-, HttpOnly, Secure, SameSite=Strict;
 *                          `ba-sid` without Secure with BORDER_ATLAS_PLAIN_HTTP); 400 insecure_connection when the
 *                          browser could not keep it (plain HTTP to a host other than localhost), 403 cross_origin
 *                          from a page of another origin
 *   DELETE /api/session   signs out (needs the CSRF token like every change)
 * Failed sign-in attempts are limited per address (10 in 15 minutes; behind a trusted proxy, the forwarded
 * client's address); a wrong name and a wrong password get the same answer in the same time.
 */
export function accessRouter(db: Database, signInBudget: SignInBudgetOptions = {}): Router {
  const router = Router();
  // Beyond one address: a bounded queue for password checks and a failure budget for the whole server.
  const budget = createSignInBudget(signInBudget);
  const attempts = rateLimit({
    windowMs: 15 * 60_000,
    limit: 10,
    // Only failed attempts count: colleagues signing in from one office address are never locked out.
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_request, _response, next) =>
      next(new HttpError(429, 'too_many_attempts', 'Too many sign-in attempts from this address: wait 15 minutes')),
  });

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
    attempts,
    budget.overall,
    express.json({ limit: '4kb' }),
    async (request, response) => {
      const { username, password } = parseBody(credentials, request.body);
      const [user] = await db.query<{ id: string; password_hash: string; display_name: string; role: string }>(
        'SELECT id::text AS id, password_hash, display_name, role FROM users WHERE username = $1',
        [username],
      );
      budget.admitPasswordCheck(response);
      const valid = await verifyPassword(password, user?.password_hash ?? UNUSABLE_HASH);
      if (!user || !valid) throw new HttpError(401, 'wrong_credentials', 'Wrong username or password');
      const { token, csrfToken } = await createSession(db, Number(user.id));
      response.setHeader('Set-Cookie', sessionCookie(request, token, SESSION_DAYS * 24 * 3600));
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
