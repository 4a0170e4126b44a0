import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createThrottledLog, describeStoreError, isStoreUnavailable } from './store-unavailable';

/** What a migration, a seed or a repository needs of the database: PostgreSQL's dialect, either way. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements at once, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The embedded default: PostgreSQL compiled to WebAssembly (PGlite), its data in one folder. Every
 * commit is written through to the folder before it is acknowledged (a killed server loses nothing
 * acknowledged), but PGlite does not fsync: a power cut can lose the last writes — deployments that
 * need that use PostgreSQL (DATABASE_URL).
 */
async function openPglite(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
  };
}

/** The embedded store cannot be opened as it is: the message says what was found and what to do. */
class StoreOpenError extends Error {}

const nothingChanged = 'Nothing was changed.';
const restoreAdvice = (dataDir: string) =>
  `To recover: stop every process using it, move ${dataDir} aside and restore the last backup into a new store (npm run db:restore -- var/backups/<file>), then start again.`;

/** Why opening or making the store failed, in words an admin can act on (PGlite itself may throw `undefined` or "Aborted()"). */
function explainOpenFailure(dataDir: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC')
    return new StoreOpenError(`the disk holding ${dataDir} is full: free some space and start again. ${nothingChanged}`);
  if (code === 'EACCES' || code === 'EPERM') {
    return new StoreOpenError(
      `${dataDir} cannot be read or written by this account (${code}): run the server as the account that owns it.`,
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreOpenError(
    `the embedded store in ${dataDir} is damaged and cannot be opened (${detail || 'no detail'}). ${restoreAdvice(dataDir)}`,
  );
}

/**
 * What is in `store/` before PGlite opens it: PGlite would make a new database in an empty folder, and an
 * empty `store/` is what an unmounted volume looks like (a new install has no folder at all) — refused,
 * never seeded as a fresh record. A folder that is not a PostgreSQL data folder is refused too.
 */
function checkStoreFolder(dataDir: string): void {
  const entries = readdirSync(dataDir);
  if (entries.length === 0) {
    throw new StoreOpenError(
      `${dataDir} exists but is empty. If the store lives on a separate disk or volume, it is not mounted: mount it and start again. ` +
        `(A new install has no store folder; to make a new store from geodata/record, remove the empty folder.) ${nothingChanged}`,
    );
  }
  if (!entries.includes('PG_VERSION') || !entries.includes('global')) {
    throw new StoreOpenError(
      `${dataDir} is not a Border Atlas store (no PG_VERSION or global/ in it: ${entries.slice(0, 5).join(', ')}…). ${restoreAdvice(dataDir)}`,
    );
  }
}

/** Store files readable by their owner only (0600, folders 0700): they hold the accounts' password hashes and sessions. */
function restrictModes(path: string): void {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  const wanted = stat.isDirectory() ? 0o700 : 0o600;
  if ((stat.mode & 0o777) !== wanted) chmodSync(path, wanted);
  if (stat.isDirectory()) for (const name of readdirSync(path)) restrictModes(join(path, name));
}

/**
 * Half-made stores left by a process killed while making one (`store.making-<pid>`): the caller holds the store's
 * lock (store-lock.ts), so no other process can be making one now — every other such folder is abandoned.
 */
function removeAbandonedMakings(dataDir: string) {
  const prefix = `${basename(dataDir)}.making-`;
  if (!existsSync(dirname(dataDir))) return;
  for (const name of readdirSync(dirname(dataDir))) {
    if (name.startsWith(prefix) && name !== `${prefix}${process.pid}`)
      rmSync(join(dirname(dataDir), name), { recursive: true, force: true });
  }
}

/**
 * A new PGlite folder is made beside its final place and renamed into it once `prepare` (migrations,
 * seed) has run, so a start-up interrupted half-way leaves no half-made store behind. An existing
 * folder is checked first (checkStoreFolder); failures are explained (explainOpenFailure).
 */
export async function openPgliteCreating(dataDir: string, prepare: (db: Database) => Promise<void>): Promise<Database> {
  removeAbandonedMakings(dataDir);
  if (!existsSync(dataDir)) {
    const making = `${dataDir}.making-${process.pid}`;
    try {
      mkdirSync(dirname(dataDir), { recursive: true, mode: 0o700 });
      rmSync(making, { recursive: true, force: true });
      const fresh = await openPglite(making);
      try {
        await prepare(fresh);
        await fresh.close();
      } catch (error) {
        await fresh.close().catch(() => undefined);
        throw error;
      }
      restrictModes(making);
      renameSync(making, dataDir);
    } catch (error) {
      rmSync(making, { recursive: true, force: true });
      if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOSPC') throw explainOpenFailure(dataDir, error);
      throw error;
    }
  } else {
    checkStoreFolder(dataDir);
    restrictModes(dataDir);
  }
  let db: Database;
  try {
    db = await openPglite(dataDir);
    await db.query('SELECT 1');
  } catch (error) {
    throw explainOpenFailure(dataDir, error);
  }
  try {
    await prepare(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  // PGlite sets some files' modes itself (pg_internal.init 644, whatever the umask): narrowed again once open and when closed.
  restrictModes(dataDir);
  const close = db.close.bind(db);
  db.close = async () => {
    await close();
    restrictModes(dataDir);
  };
  return db;
}

/** The URL without its password, to name the server in messages. */
function describeUrl(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.password = '';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

const logStoreProblem = createThrottledLog();

/** How much longer than its own statement_timeout the app waits for PostgreSQL's answer before it stops waiting. */
const ANSWER_GRACE_MS = 1_000;

/**
 * The pool's bound on each statement (`statementTimeoutMs`): PostgreSQL cancels a statement that runs or waits for a
 * lock longer (statement_timeout; the connection stays usable), and the app stops waiting for an answer a little
 * after that (query_timeout) — what frees a request when the server is alive but runs nothing (a paused VM, a
 * storage stall), as its own timeout never fires then. Both errors are "store unavailable" (503, Retry-After).
 */
function statementBounds(statementTimeoutMs: number | undefined): pg.PoolConfig {
  if (statementTimeoutMs === undefined) return {};
  return { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + ANSWER_GRACE_MS };
}

/**
 * PostgreSQL server (DATABASE_URL): for deployments with several app servers behind a load balancer.
 * A restart or an outage of PostgreSQL never stops the app: connections it ends are logged and dropped,
 * requests meanwhile fail with errors http/errors.ts answers 503 (store-unavailable.ts), and the pool
 * opens new connections once it is back. With `statementTimeoutMs` (the server's requests), a stalled
 * PostgreSQL fails each statement after that long instead of holding it as long as it stalls; without it
 * (start-up's migrations and seed, admin commands) a statement takes as long as it takes.
 */
export async function openPostgres(
  connectionString: string,
  { statementTimeoutMs }: { statementTimeoutMs?: number } = {},
): Promise<Database> {
  // A server that does not answer fails a request after 5 s instead of holding it; keep-alive notices a
  // connection that went silently (a network cut).
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    ...statementBounds(statementTimeoutMs),
  });
  // An idle connection PostgreSQL ends (admin_shutdown on a restart) is an 'error' on the pool, which
  // would kill the process unheard: the pool has already dropped it.
  pool.on('error', (error) => logStoreProblem(`PostgreSQL connection lost (${describeStoreError(error)}): reconnecting when needed`));
  // Fail at start-up, with the server's message, rather than on the first request.
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    const where = describeUrl(connectionString);
    throw new Error(
      isStoreUnavailable(error)
        ? `cannot reach PostgreSQL at ${where} (${describeStoreError(error)}): is it running, and is DATABASE_URL right?`
        : `PostgreSQL at ${where} refused the connection (${describeStoreError(error)}): check DATABASE_URL`,
    );
  }
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => {
    // One connection runs one statement at a time: a transaction's statements sent together (Promise.all) wait
    // their turn here instead of in pg's own queue, which pg 8 deprecates (a warning at every start) and pg 9 drops.
    // The pool hands each statement its own connection and needs no queue (and closes it when the statement fails,
    // one that got no answer in time included, rather than handing it out again).
    let turn: Promise<unknown> = Promise.resolve();
    const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
      if (q instanceof pg.Pool) return run();
      const next = turn.then(run, run);
      turn = next.catch(() => undefined);
      return next;
    };
    return {
      async query<T>(sql: string, params: unknown[] = []) {
        return (await inTurn(() => q.query(sql, params))).rows as T[];
      },
      async exec(sql: string) {
        await inTurn(() => q.query(sql));
      },
    };
  };
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      // While checked out, the pool does not listen to the client: a connection ended mid-transaction
      // would be an unheard 'error'. It fails the transaction's query, and the client is not reused.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
        logStoreProblem(`PostgreSQL connection lost during a transaction (${describeStoreError(error)})`);
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (isStoreUnavailable(error)) broken ??= error as Error;
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        // Released with its error, a broken connection is closed and replaced rather than handed out again — so is one
        // whose statement got no answer in time (query_timeout): it still waits for that answer and would hold the next.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
