import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyRecord, projectRoot } from '../helpers/app';

function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
      cwd: projectRoot,
      // Each start in a data folder of its own: a new embedded store, seeded from the record folder.
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        BORDER_ATLAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'border-atlas-start-')),
        DATABASE_URL: '',
        ...env,
      },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Border Atlas on')) child.kill();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('server start-up', () => {
  it('starts on the real record, seeding a new embedded store from it', async () => {
    const { output } = await startServer({});
    expect(output).toMatch(
      /Border Atlas on http:\/\/localhost:\d+ — \d+ features, \d+ status events, \d+ agreements \(the embedded store\)/,
    );
  });

  it('serves the record folder read-only when asked to', async () => {
    const { output } = await startServer({ BORDER_ATLAS_RECORD_SOURCE: 'files' });
    expect(output).toMatch(/— \d+ features, .* \(the record folder, read-only\)/);
  });

  it('refuses to start on invalid data, naming the file and the problem', async () => {
    const copy = copyRecord();
    const file = join(copy.recordDir, 'status-events', '004.json');
    const events = JSON.parse(readFileSync(file, 'utf8'));
    events[2].status = 'opened';
    writeFileSync(file, JSON.stringify(events));
    const { code, output } = await startServer({ BORDER_ATLAS_RECORD_DIR: copy.recordDir });
    expect(code).toBe(1);
    expect(output).toMatch(/Refusing to start: invalid data in geodata\/record\/status-events\/004\.json: 2\.status/);
    expect(output).not.toMatch(/Border Atlas on/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, by name', async () => {
    const { code, output } = await startServer({ DATABASE_URL: 'mysql://localhost/atlas' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid environment variable DATABASE_URL: must be a postgresql:\/\/ URL/);
  });

  it('refuses a bad PORT by name', async () => {
    const { code, output } = await startServer({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid environment variable PORT/);
  });
});
