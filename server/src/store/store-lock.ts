import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process owns an embedded store. PGlite is PostgreSQL in one process's memory: two processes on one
 * folder each keep their own copy of the database and overwrite each other's files (acknowledged writes lost,
 * a primary key stored twice, a store that no longer opens). So whoever opens `store/` — the server, or a
 * command while no server runs — first takes `store.lock` beside it, as PostgreSQL's own postmaster.pid does:
 * a file made atomically (written under a temporary name, then hard-linked to its name, which fails if it
 * exists) holding the owner's pid, its start time and its role. A lock whose owner is gone (killed, machine
 * restarted) is taken over; a live owner's is refused, naming it.
 */
export type LockOwner = {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (Linux /proc/<pid>/stat), so a reused pid is not taken for the owner. */
  processStart: string | null;
  /** `server` (commands go through its admin socket) or the command holding it (`db:backup`…). */
  role: string;
  since: string;
};

export class StoreLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner,
  ) {
    super(
      owner.host === hostname()
        ? `${describeOwner(owner)} holds the store (${lockFile})`
        : // Another machine's (or an earlier container's) process cannot be checked from here: say so, and how to take over.
          `${describeOwner(owner)} holds the store (${lockFile}). It was written on host "${owner.host}", not this one ("${hostname()}"), so whether that process still runs cannot be checked from here. If no Border Atlas server or command runs on "${owner.host}" (e.g. a container recreated on the same volume), stop every process using this data folder and delete ${lockFile}; then start again.`,
    );
  }
}

export const describeOwner = (owner: LockOwner) =>
  `${owner.role === 'server' ? 'a Border Atlas server' : `the command ${owner.role}`} (pid ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}, since ${owner.since})`;

const lockFileOf = (dataDir: string) => join(dataDir, 'store.lock');

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces): the start time. Null off Linux. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Locks this process holds, so an earlier life of the same pid (a container restarted) is not taken for us. */
const held = new Set<string>();

function isAlive(owner: LockOwner, lockFile: string): boolean {
  // No real owner (an empty or cut-off file, what a power cut leaves): never a live process. Checked before the
  // host, and before kill(): kill(-1, 0) or kill(0, 0) would ask about every process and always succeed.
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.host !== hostname()) return true; // another machine's process (a shared folder): cannot be checked, assumed alive
  if (owner.pid === process.pid) return held.has(lockFile);
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStartOf(owner.pid);
  return owner.processStart === null || start === null || start === owner.processStart;
}

/** The lock's owner if the lock is held by a live process, else null (no lock, or a stale one). */
export function currentOwner(dataDir: string): LockOwner | null {
  const lockFile = lockFileOf(dataDir);
  const owner = readOwner(lockFile);
  return owner && isAlive(owner, lockFile) ? owner : null;
}

function readOwner(lockFile: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') return owner;
  } catch {
    // An empty or unreadable lock file (a power cut or a full disk while writing it): it names no owner (pid 0,
    // which isAlive never takes for a live process), so it is taken over.
  }
  return { pid: 0, host: hostname(), processStart: null, role: 'unknown', since: 'unknown' };
}

export type StoreLock = { readonly lockFile: string; release(): void };

/** Takes the store's lock for `role`, or throws StoreLockedError naming the live owner. */
export function acquireStoreLock(dataDir: string, role: string): StoreLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockFile = lockFileOf(dataDir);
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    processStart: processStartOf(process.pid),
    role,
    since: new Date().toISOString(),
  };
  const temporary = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        linkSync(temporary, lockFile);
        held.add(lockFile);
        return {
          lockFile,
          release() {
            if (!held.delete(lockFile)) return;
            const owner = readOwner(lockFile);
            if (owner?.pid === me.pid && owner.since === me.since) rmSync(lockFile, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
      }
      const owner = readOwner(lockFile);
      if (owner && isAlive(owner, lockFile)) throw new StoreLockedError(lockFile, owner);
      // Stale: moved aside under a unique name (only one of several starting processes manages it), then retried.
      try {
        renameSync(lockFile, `${lockFile}.stale-${process.pid}`);
        unlinkSync(`${lockFile}.stale-${process.pid}`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}
