import { createHash } from 'node:crypto';
import { chmodSync, rmSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import express from 'express';
import { z } from 'zod';
import { AdminError, type AdminOperations, type NewUser } from './admin-operations';

/**
 * The server's admin socket: a Unix socket beside the store (mode 600, in the 700 data folder — only the
 * account running the server can reach it), through which `npm run user:add`, `user:remove`,
 * `db:backup`… act on the store the server owns instead of opening it a second time. Never on a TCP port.
 */
function adminSocketPathOf(dataDir: string): string {
  const path = join(resolve(dataDir), 'admin.sock');
  // A Unix socket's path must fit in 108 bytes: a deep data folder gets one named after it in the temp folder.
  return Buffer.byteLength(path) < 100
    ? path
    : join(tmpdir(), `border-atlas-admin-${createHash('sha256').update(path).digest('hex').slice(0, 16)}.sock`);
}

const newUser = z.strictObject({
  username: z.string().min(1).max(100),
  displayName: z.string().min(1).max(200),
  role: z.enum(['editor', 'admin']),
  passwordHash: z.string().startsWith('scrypt$').max(500),
});

/** Listens on the admin socket; resolves once it does. */
export async function startAdminSocket(operations: AdminOperations, dataDir: string): Promise<Server> {
  const app = express();
  app.use(express.json({ limit: '16kb' }));
  const run =
    (work: (request: express.Request) => Promise<unknown>): express.RequestHandler =>
    async (request, response) => {
      try {
        const result = await work(request);
        if (Buffer.isBuffer(result)) response.type('application/gzip').send(result);
        else response.json(result ?? {});
      } catch (error) {
        if (error instanceof AdminError)
          response.status(error.code === 'invalid' ? 400 : 409).json({ code: error.code, message: error.message });
        else response.status(500).json({ code: 'failed', message: (error as Error).message });
      }
    };
  app.get(
    '/users',
    run(() => operations.listUsers()),
  );
  app.post(
    '/users',
    run(async (request) => {
      const parsed = newUser.safeParse(request.body);
      if (!parsed.success) throw new AdminError('invalid', parsed.error.issues[0].message);
      await operations.addUser(parsed.data as NewUser);
    }),
  );
  app.delete(
    '/users/:username',
    run((request) => operations.removeUser(String(request.params.username))),
  );
  app.delete(
    '/users/:username/sessions',
    run((request) => operations.revokeSessions(String(request.params.username))),
  );
  app.delete(
    '/sessions',
    run(() => operations.revokeSessions(null)),
  );
  app.get(
    '/backup',
    run(() => operations.backup()),
  );
  app.get(
    '/export',
    run(() => operations.exportRecord()),
  );

  const path = adminSocketPathOf(dataDir);
  // Left by a server that was killed: this process holds the store's lock, so nobody else listens on it.
  rmSync(path, { force: true });
  const server = app.listen(path);
  await new Promise<void>((done, fail) => {
    server.once('listening', done);
    server.once('error', fail);
  });
  chmodSync(path, 0o600);
  return server;
}

/** AdminOperations carried out by the server that owns the store, over its admin socket. */
export function adminSocketClient(dataDir: string): AdminOperations {
  const socketPath = adminSocketPathOf(dataDir);
  const call = (method: string, path: string, body?: unknown): Promise<{ status: number; bytes: Buffer }> =>
    new Promise((done, fail) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const sent = httpRequest(
        { socketPath, method, path, headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {} },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done({ status: response.statusCode ?? 500, bytes: Buffer.concat(chunks) }));
          response.on('error', fail);
        },
      );
      sent.on('error', (error: NodeJS.ErrnoException) =>
        fail(
          error.code === 'ENOENT' || error.code === 'ECONNREFUSED'
            ? new Error(
                `the running server does not answer on its admin socket ${socketPath} (still starting?): try again in a few seconds`,
              )
            : error,
        ),
      );
      sent.end(payload);
    });
  const json = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const { status, bytes } = await call(method, path, body);
    const parsed = JSON.parse(bytes.toString('utf8') || '{}');
    if (status >= 400) {
      if (parsed.code === 'user_exists' || parsed.code === 'no_such_user' || parsed.code === 'invalid')
        throw new AdminError(parsed.code, parsed.message);
      throw new Error(parsed.message ?? `the server answered ${status}`);
    }
    return parsed as T;
  };
  const user = (username: string) => `/users/${encodeURIComponent(username)}`;
  return {
    addUser: (user) => json('POST', '/users', user),
    removeUser: (username) => json('DELETE', user(username)),
    revokeSessions: (username) => json('DELETE', username === null ? '/sessions' : `${user(username)}/sessions`),
    listUsers: () => json('GET', '/users'),
    async backup() {
      const { status, bytes } = await call('GET', '/backup');
      if (status !== 200) throw new Error(JSON.parse(bytes.toString('utf8')).message);
      return bytes;
    },
    exportRecord: () => json('GET', '/export'),
  };
}
