/**
 * One temporary folder per test run, removed when the run ends: every test's mkdtemp(tmpdir()), and
 * every server, store and browser it starts, lives under it (TMPDIR is inherited by the workers and
 * their child processes), so a run leaves nothing behind in the system's temp dir.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  const previous = process.env.TMPDIR;
  const runDir = mkdtempSync(join(tmpdir(), 'border-atlas-test-run-'));
  process.env.TMPDIR = runDir;
  return () => {
    rmSync(runDir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
