/**
 * One temporary folder per test run, removed when the run ends: every test's mkdtemp(tmpdir()), and
 * every server, store and browser it starts, lives under it (TMPDIR is inherited by the workers and
 * their child processes), so a run leaves nothing behind in the system's temp dir.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup() {
  // Each vitest project runs the global setup: the first makes the run's folder, the others keep it (nested
  // folders would make paths too long for Chromium's socket).
  if (process.env.BORDER_ATLAS_TEST_RUN) return () => undefined;
  const previous = process.env.TMPDIR;
  const runDir = mkdtempSync(join(tmpdir(), 'border-atlas-test-run-'));
  // Traversable by other users, as /tmp is: the private PostgreSQL the restart test starts runs as `postgres`
  // in a folder of its own below this one (each folder inside keeps its own, narrower mode).
  chmodSync(runDir, 0o755);
  process.env.TMPDIR = runDir;
  process.env.BORDER_ATLAS_TEST_RUN = runDir;
  return () => {
    delete process.env.BORDER_ATLAS_TEST_RUN;
    rmSync(runDir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
