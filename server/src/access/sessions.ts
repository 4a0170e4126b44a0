import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/database';

/** The session cookie over HTTPS (and on localhost): Secure, so it may carry the `__Host-` prefix. */
const SESSION_COOKIE = '__Host-sid';
/** The session cookie with BORDER_ATLAS_PLAIN_HTTP: no Secure, so no `__Host-` prefix (browsers refuse one without Secure). */
const PLAIN_HTTP_SESSION_COOKIE = 'ba-sid';
/** The one cookie name a server accepts: its mode's. */
export const sessionCookieName = (plainHttp: boolean | undefined) => (plainHttp ? PLAIN_HTTP_SESSION_COOKIE : SESSION_COOKIE);
export const SESSION_DAYS = 7;

type SessionUser = { id: number; username: string; displayName: string; role: 'editor' | 'admin' };
export type Session = { user: SessionUser; csrfToken: string };

/** What the store keeps of a cookie's token (sessions, known browsers): its SHA-256, never the token. */
export const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A new session for the user: the cookie's token (only its hash is stored) and the CSRF token. */
export async function createSession(db: Queryable, userId: number): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [tokenHashOf(token), userId, csrfToken, SESSION_DAYS],
  );
  return { token, csrfToken };
}

/** The session a cookie's token names, if it exists and has not expired. */
export async function findSession(db: Queryable, token: string | undefined): Promise<Session | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db.query<{ id: string; username: string; display_name: string; role: SessionUser['role']; csrf_token: string }>(
    `SELECT u.id::text AS id, u.username, u.display_name, u.role, s.csrf_token
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [tokenHashOf(token)],
  );
  return row
    ? { user: { id: Number(row.id), username: row.username, displayName: row.display_name, role: row.role }, csrfToken: row.csrf_token }
    : null;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1 OR expires_at < now()', [tokenHashOf(token)]);
}
