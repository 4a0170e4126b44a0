import { backupStore } from '../store/backup';
import type { Database } from '../store/database';
import { recordFiles } from '../store/export-record';
import { readRecord } from '../store/store-repository';

/**
 * What an admin does to a store from the command line (scripts/): accounts, sessions, backups, exports.
 * The same operations run on a store the command opened itself, or — while a server owns the embedded
 * store — inside that server, through its admin socket (admin-socket.ts), so nothing is done behind its back.
 */
export type NewUser = { username: string; displayName: string; role: 'editor' | 'admin'; passwordHash: string };
type UserSummary = { username: string; displayName: string; role: string; createdAt: string; sessions: number };
type RecordExport = { files: [string, string][]; documents: { fileName: string; text: string }[] };

export class AdminError extends Error {
  constructor(
    readonly code: 'user_exists' | 'no_such_user' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

export interface AdminOperations {
  addUser(user: NewUser): Promise<void>;
  /** Removes the account and ends its sessions (its known browsers go with it); the change log keeps the name on what the editor did. */
  removeUser(username: string): Promise<{ sessions: number }>;
  /** Ends every session of the user (every session when `username` is null): they must sign in again. */
  revokeSessions(username: string | null): Promise<{ sessions: number }>;
  listUsers(): Promise<UserSummary[]>;
  /** Every table in one snapshot (backup.ts). */
  backup(): Promise<Buffer>;
  /** The record in geodata/record's layout and the imported documents' texts, from one snapshot. */
  exportRecord(): Promise<RecordExport>;
}

export function storeOperations(db: Database): AdminOperations {
  const userId = async (username: string) => {
    const [row] = await db.query<{ id: string }>('SELECT id::text AS id FROM users WHERE username = $1', [username]);
    if (!row) throw new AdminError('no_such_user', `there is no user "${username}"`);
    return row.id;
  };
  return {
    async addUser({ username, displayName, role, passwordHash }) {
      await db.transaction(async (tx) => {
        if ((await tx.query('SELECT 1 FROM users WHERE username = $1', [username])).length > 0) {
          throw new AdminError('user_exists', `there is already a user "${username}"`);
        }
        await tx.query('INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)', [
          username,
          displayName,
          passwordHash,
          role,
        ]);
      });
    },
    async removeUser(username) {
      const id = await userId(username);
      return db.transaction(async (tx) => {
        const ended = await tx.query('DELETE FROM sessions WHERE user_id = $1 RETURNING 1', [id]);
        await tx.query('DELETE FROM users WHERE id = $1', [id]);
        return { sessions: ended.length };
      });
    },
    async revokeSessions(username) {
      const ended =
        username === null
          ? await db.query('DELETE FROM sessions RETURNING 1')
          : await db.query('DELETE FROM sessions WHERE user_id = $1 RETURNING 1', [await userId(username)]);
      return { sessions: ended.length };
    },
    async listUsers() {
      const rows = await db.query<{ username: string; display_name: string; role: string; created_at: string; sessions: string }>(
        `SELECT u.username, u.display_name, u.role, u.created_at::text AS created_at,
                (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now())::text AS sessions
         FROM users u ORDER BY u.username`,
      );
      return rows.map((row) => ({
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        createdAt: row.created_at,
        sessions: Number(row.sessions),
      }));
    },
    backup: () => backupStore(db),
    exportRecord: () =>
      db.transaction(async (tx) => {
        const files = [...recordFiles(await readRecord(tx))];
        const documents = await tx.query<{ file_name: string; text: string }>('SELECT file_name, text FROM documents ORDER BY file_name');
        return { files, documents: documents.map((row) => ({ fileName: row.file_name, text: row.text })) };
      }),
  };
}
