/**
 * How an admin command reaches the record's store (used by user-add.ts, user-remove.ts, db.ts):
 * - PostgreSQL (DATABASE_URL): directly — PostgreSQL serves any number of clients;
 * - the embedded store, while a server owns it: through that server's admin socket, so the command's
 *   change or backup is the server's own (an account works at once; a backup holds every acknowledged write);
 * - the embedded store, no server running: the command opens it, holding its lock until it is done
 *   (a server started meanwhile refuses, naming the command).
 */
import { join } from 'node:path';
import { type AdminOperations, storeOperations } from '../server/src/admin/admin-operations';
import { adminSocketClient } from '../server/src/admin/admin-socket';
import { readConfig } from '../server/src/config';
import { loadRecord } from '../server/src/record/load-record';
import { openStore } from '../server/src/store/open-store';
import { briefingSourcesOf } from '../server/src/store/seed-briefings';
import { currentOwner, describeOwner, StoreLockedError } from '../server/src/store/store-lock';

export type AdminTarget = { operations: AdminOperations; where: string; close(): Promise<void> };

export function fail(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(1);
}

/** The store as `command` (e.g. `user:add`) should reach it; exits with a message when it cannot. */
export async function adminTarget(command: string): Promise<AdminTarget> {
  process.umask(0o077);
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (error) {
    fail(command, (error as Error).message);
  }
  if (config.recordSource === 'files') fail(command, 'BORDER_ATLAS_RECORD_SOURCE=files is read-only and has no store');
  if (!config.databaseUrl) {
    const owner = currentOwner(config.dataDir);
    if (owner?.role === 'server') {
      return {
        operations: adminSocketClient(config.dataDir),
        where: `the running server's store (pid ${owner.pid}, ${join(config.dataDir, 'store')})`,
        close: async () => undefined,
      };
    }
    if (owner) fail(command, `${describeOwner(owner)} is using the store: wait for it to finish, then run this again`);
  }
  try {
    // Opened as the server opens it (seeded and briefings brought in on a first use), so a backup made before the first start is whole.
    const db = await openStore({ ...config, owner: command }, () => loadRecord(config), briefingSourcesOf(config));
    return {
      operations: storeOperations(db),
      where: config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : join(config.dataDir, 'store'),
      close: () => db.close(),
    };
  } catch (error) {
    if (error instanceof StoreLockedError) fail(command, `${describeOwner(error.owner)} took the store meanwhile: run this again`);
    fail(command, error instanceof Error ? error.message : String(error));
  }
}
