/**
 * PostgreSQL restarting, gone or stalled (DATABASE_URL): errors that say "the store cannot be reached just now",
 * not "this request is wrong". The pool makes new connections as they are needed, so such a request is
 * worth trying again in a few seconds: the API answers it 503 with Retry-After (http/errors.ts).
 */

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of reaching the server: refused (stopped), no socket file (stopped, local socket), reset, unreachable. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/**
 * SQLSTATEs of a server going away or not taking connections (admin_shutdown, crash_shutdown, cannot_connect_now,
 * too_many_connections), and of a statement it cancelled (query_canceled: its statement_timeout, database.ts, or an
 * admin's pg_cancel_backend) — nothing the request did wrong, and worth trying again.
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
/** What node-postgres says when a connection ends or cannot be made in time. */
const MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /Cannot use a pool after calling end on the pool/,
  // No answer within query_timeout (database.ts): a stalled server (paused VM, storage stall) runs no statement_timeout.
  /^Query read timeout$/,
];

/** The store gave no answer in the time a caller allowed (the readiness check, health/router.ts). */
export class StoreTimeoutError extends Error {}

type ErrorLike = { code?: unknown; syscall?: unknown; message?: unknown; errors?: unknown };

export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  if (error instanceof StoreTimeoutError) return true;
  const { code, syscall, message, errors } = error as ErrorLike;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code)) return true;
    // No socket file: a local PostgreSQL that is stopped (only when connecting: ENOENT is otherwise a missing file).
    if (code === 'ENOENT' && syscall === 'connect') return true;
    if (SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Node tries every address of a name (localhost: ::1 and 127.0.0.1) and rejects with all of their errors.
  return Array.isArray(errors) && errors.length > 0 && errors.every((inner) => isStoreUnavailable(inner, depth + 1));
}

/** The error in one line: its SQLSTATE or errno and message (an AggregateError's message is empty: its errors'). */
export function describeStoreError(error: unknown): string {
  if (!error || typeof error !== 'object') return String(error);
  const { code, message, errors } = error as ErrorLike;
  const text =
    typeof message === 'string' && message !== ''
      ? message
      : Array.isArray(errors)
        ? [...new Set(errors.map((inner) => describeStoreError(inner)))].join('; ')
        : '';
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}`.trim() : text || String(error);
}

/**
 * Logs what went wrong with the store, each message at most once per interval: an outage under load is
 * hundreds of failed requests a second, and one line says it.
 */
export function createThrottledLog(intervalMs = 10_000, log: (line: string) => void = console.error) {
  const lastLogged = new Map<string, number>();
  return (line: string) => {
    const now = Date.now();
    const last = lastLogged.get(line);
    if (last !== undefined && now - last < intervalMs) return;
    lastLogged.set(line, now);
    if (lastLogged.size > 100) lastLogged.delete(lastLogged.keys().next().value as string);
    log(line);
  };
}
