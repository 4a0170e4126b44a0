import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

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

/** PostgreSQL server (DATABASE_URL): for deployments with several app servers behind a load balancer. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Fail at start-up, with the server's message, rather than on the first request.
  await pool.query('SELECT 1');
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
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
