import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
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
export async function openPglite(dataDir: string): Promise<Database> {
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

/**
 * A new PGlite folder is made beside its final place and renamed into it once `prepare` (migrations,
 * seed) has run, so a start-up interrupted half-way leaves no half-made store behind.
 */
export async function openPgliteCreating(dataDir: string, prepare: (db: Database) => Promise<void>): Promise<Database> {
  if (!existsSync(dataDir)) {
    mkdirSync(dirname(dataDir), { recursive: true });
    const making = `${dataDir}.making-${process.pid}`;
    rmSync(making, { recursive: true, force: true });
    const fresh = await openPglite(making);
    try {
      await prepare(fresh);
      await fresh.close();
    } catch (error) {
      await fresh.close().catch(() => undefined);
      rmSync(making, { recursive: true, force: true });
      throw error;
    }
    renameSync(making, dataDir);
  }
  const db = await openPglite(dataDir);
  await prepare(db);
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

/**
 * PostgreSQL server (DATABASE_URL): for deployments with several app servers behind a load balancer.
 * A restart or an outage of PostgreSQL never stops the app: connections it ends are logged and dropped,
 * requests meanwhile fail with errors http/errors.ts answers 503 (store-unavailable.ts), and the pool
 * opens new connections once it is back.
 */
export async function openPostgres(connectionString: string): Promise<Database> {
  // A server that does not answer fails a request after 5 s instead of holding it; keep-alive notices a
  // connection that went silently (a network cut).
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000, keepAlive: true });
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
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
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
        // Released with its error, a broken connection is closed and replaced rather than handed out again.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
