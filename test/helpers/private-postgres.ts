import { execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
  /**
   * Stalls it as a paused VM or a storage stall does (SIGSTOP to its postmaster and backends): connections stay
   * open, nothing is answered. Only this instance's processes: its postmaster and the postmaster's children.
   */
  pause(): void;
  /** Lets it run on from where it was paused (SIGCONT). */
  resume(): void;
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
  /** A process's parent (`/proc/<pid>/stat`: the field after the state, itself after the command's closing parenthesis). */
  const parentOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  };
  /**
   * This instance's processes: its postmaster (postmaster.pid's first line, checked to be running on this data
   * folder) first, then its children — the backends and workers. Each child is a session of its own (PostgreSQL
   * calls setsid), so they are found by their parent, never by a process group or a name.
   */
  const ownProcesses = () => {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(postmaster) || postmaster <= 1) throw new Error(`no postmaster pid in ${dataDir}`);
    if (!readFileSync(`/proc/${postmaster}/cmdline`, 'utf8').split('\0').includes(dataDir)) {
      throw new Error(`process ${postmaster} is not the postmaster of ${dataDir}: not signalling`);
    }
    const children = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .filter((pid) => {
        try {
          return parentOf(pid) === postmaster;
        } catch {
          return false; // ended meanwhile
        }
      });
    return { postmaster, children };
  };
  /** A backend may end between being found and signalled. */
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  let paused = false;
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
    pause() {
      // The postmaster first: stopped, it starts no new backend while its children are found and stopped.
      const { postmaster } = ownProcesses();
      process.kill(postmaster, 'SIGSTOP');
      paused = true;
      for (const child of ownProcesses().children) signal(child, 'SIGSTOP');
    },
    resume() {
      const { postmaster, children } = ownProcesses();
      for (const child of children) signal(child, 'SIGCONT');
      process.kill(postmaster, 'SIGCONT');
      paused = false;
    },
    remove() {
      try {
        // A paused instance would not hear pg_ctl's stop.
        if (paused) instance.resume();
        if (running) ctl('stop', '-m', 'immediate');
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return instance;
}
