import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<version>/bin), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((version) => existsSync(join(root, version, 'bin', 'initdb')) && existsSync(join(root, version, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? join(root, versions[versions.length - 1], 'bin') : null;
}

/** A loopback port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type PrivatePostgres = {
  /** A superuser's URL (trust authentication, loopback only) to the instance's `postgres` database. */
  url: string;
  start(): void;
  /** `fast`: the way a routine restart stops it (sessions ended with admin_shutdown). */
  stop(): void;
  restart(): void;
  /** Stops it (if running) and removes its folder. */
  remove(): void;
};

/**
 * A PostgreSQL instance of its own for one test: initdb into a temporary folder, listening on a free
 * port of 127.0.0.1 only (its socket in that folder), trust authentication for its one user. As root the
 * server's programs run as the `postgres` user (PostgreSQL refuses to run as root), who owns the folder.
 */
export async function createPrivatePostgres(binDir: string): Promise<PrivatePostgres> {
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'border-atlas-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const port = await freePort();
  const run = (program: string, args: string[]) => {
    const command = join(binDir, program);
    const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    return execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  };
  if (root) {
    const postgres = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const group = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, postgres, group);
  }
  run('initdb', ['-D', dataDir, '-U', 'atlas', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  // Only loopback; small, and nothing written to disk that a throw-away instance does not need.
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      "listen_addresses = '127.0.0.1'",
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 50',
      '',
    ].join('\n'),
  );
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', ...args]);
  let running = false;
  const instance: PrivatePostgres = {
    url: `postgresql://atlas@127.0.0.1:${port}/postgres`,
    start() {
      ctl('start');
      running = true;
    },
    stop() {
      ctl('stop', '-m', 'fast');
      running = false;
    },
    restart() {
      ctl('restart', '-m', 'fast');
      running = true;
    },
    remove() {
      try {
        if (running) ctl('stop', '-m', 'immediate');
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return instance;
}
