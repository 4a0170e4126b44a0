import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyRecord, projectRoot } from '../helpers/app';

function startServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'src', 'main.ts')], {
      cwd: projectRoot,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
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
  it('starts on the real record', async () => {
    const { output } = await startServer({});
    expect(output).toMatch(/Border Atlas on http:\/\/localhost:\d+ — \d+ features/);
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

  it('refuses a bad PORT by name', async () => {
    const { code, output } = await startServer({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid environment variable PORT/);
  });
});
