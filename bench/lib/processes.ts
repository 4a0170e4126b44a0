import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../test/helpers/app';

export type RunningServer = { origin: string; pid: number; startMs: number; rssMb(): Peak; stop(): Promise<void> };
export type Peak = { rssMb: number; peakRssMb: number };

/** Resident and peak memory of a process, from /proc (Linux). */
function memoryOf(pid: number): Peak {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
}

/** Spawns `node --import tsx <script>` and waits for the line announcing its URL. */
function startProcess(args: string[], env: NodeJS.ProcessEnv, announce: RegExp, cwd = projectRoot): Promise<RunningServer> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = announce.exec(output);
      if (!match) return;
      child.stdout?.off('data', onData);
      const pid = child.pid as number;
      resolve({
        origin: match[1].replace('localhost', '127.0.0.1'),
        pid,
        startMs: performance.now() - started,
        rssMb: () => memoryOf(pid),
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill();
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${output.slice(-500)}`)));
  });
}

/**
 * The app's server on a record folder (the real one by default), served read-only from the files; `root`: another
 * checkout of the project (its own server and built client: the code before a change, measured in the same run).
 */
export function startApp(recordDir?: string, root = projectRoot): Promise<RunningServer> {
  return startProcess(
    [join('server', 'src', 'main.ts')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      // The read path is the same either way (the store is read whole into memory once per revision);
      // files spare seeding 100 000 synthetic features into a store for each run.
      BORDER_ATLAS_RECORD_SOURCE: 'files',
      ...(recordDir ? { BORDER_ATLAS_RECORD_DIR: recordDir } : {}),
    },
    /Border Atlas on (http:\/\/\S+)/,
    root,
  );
}

/** The app's server on its embedded store (PGlite, the default) in `dataDir`: editable, as `npm start` runs it. */
export function startStoreApp(dataDir: string): Promise<RunningServer> {
  return startProcess(
    [join('server', 'src', 'main.ts')],
    {
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      BORDER_ATLAS_DATA_DIR: dataDir,
      DATABASE_URL: '',
      BORDER_ATLAS_RECORD_SOURCE: 'store',
    },
    /Border Atlas on (http:\/\/\S+)/,
  );
}

/** A static server sending one file's bytes (the baseline an endpoint is compared with). */
export function startStatic(file: string, type: string): Promise<RunningServer> {
  return startProcess([join('bench', 'static-server.ts'), file, type], {}, /static on (http:\/\/\S+)/);
}

/** A folder served as it is; `proxy`: an app's origin that requests under /api/map/ are passed on to. */
export function startDirectory(
  dir: string,
  { compress = false, proxy }: { compress?: boolean; proxy?: string } = {},
): Promise<RunningServer> {
  return startProcess(
    [join('bench', 'dir-server.ts'), dir, ...(compress ? ['--compress'] : []), ...(proxy ? ['--proxy', proxy] : [])],
    {},
    /static on (http:\/\/\S+)/,
  );
}
