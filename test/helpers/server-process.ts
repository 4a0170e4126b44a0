import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './app';

export type ServerProcess = { child: ChildProcess; origin: string; output: () => string; stop(): Promise<void> };

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

/**
 * The server as `npm start` runs it, in a process of its own (port 0 on loopback, the environment given
 * on top of this one's, DATABASE_URL empty unless given); resolves once it listens, rejects with its output
 * if it exits first.
 */
export function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Border Atlas on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        resolve({
          child,
          origin: `http://127.0.0.1:${match[1]}`,
          output: () => output,
          async stop() {
            if (child.exitCode === null && !child.signalCode) child.kill('SIGTERM');
            await exited(child);
          },
        });
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new ServerExited(code, output)));
  });
}

/**
 * Asks until the answer is 200, as a client retrying after a 503 does (bounded: a store coming back takes a second
 * or two); throws with the last answer if it never comes, or at once if the server exits.
 */
export async function until200(url: string, server: { child: ChildProcess; output: () => string }): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited: ${server.output().slice(-600)}`);
    }
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never answered 200 again; last: ${last.slice(0, 300)}`);
}

export class ServerExited extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`server exited with ${code}: ${output.slice(-600)}`);
  }
}

/** A server start expected to fail: its exit code and everything it printed. */
export async function failedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  try {
    const server = await startServer(env);
    await server.stop();
    throw new Error(`the server started: ${server.output()}`);
  } catch (error) {
    if (error instanceof ServerExited) return { code: error.code, output: error.output };
    throw error;
  }
}

/** An npm script's command (scripts/<file>.ts) on a data folder, as an admin runs it; `input` is its standard input. */
export function runCommand(file: string, args: string[], env: Record<string, string>, input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', join('scripts', file), ...args], {
    cwd: projectRoot,
    input,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
}

/** runCommand without blocking this process (while it sends requests of its own). */
export function runCommandAsync(
  file: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', file), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end(input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })));
}
