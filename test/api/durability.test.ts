import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/access/passwords';
import { readConfig } from '../../server/src/config';
import type { StatusEvent } from '../../server/src/domain/schemas';
import { loadRecord } from '../../server/src/record/load-record';
import { openStore } from '../../server/src/store/open-store';
import { postTanThanhStep } from '../helpers/record-fixtures';
import { startServer } from '../helpers/server-process';

const PASSWORD = 'đèo Mã Phục 1999';

const startServerOn = (dataDir: string) => startServer({ BORDER_ATLAS_DATA_DIR: dataDir });

async function stepsOf(origin: string, id: string): Promise<{ version: number; history: (StatusEvent & { note?: string })[] }> {
  return (await fetch(`${origin}/api/features/${id}`)).json();
}

describe('durability', () => {
  it('kill -9 in the middle of a burst of writes: after a restart every acknowledged write is there, and no partial one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-durable-'));
    const config = readConfig({});
    const setup = await openStore({ dataDir }, () => loadRecord(config));
    await setup.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ('lan', 'Lan', $1, 'editor')", [
      await hashPassword(PASSWORD),
    ]);
    await setup.close();

    const first = await startServerOn(dataDir);
    const signIn = await fetch(`${first.origin}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'lan', password: PASSWORD }),
    });
    const cookie = String(signIn.headers.get('set-cookie')).split(';')[0];
    const { csrfToken } = await signIn.json();
    const start = await stepsOf(first.origin, 'tan-thanh-po-chai');

    // Writes one after another as fast as they are acknowledged; once five are, a sixth is sent and the
    // server is killed while it is in flight (counted in writes, not in seconds).
    const acknowledged: string[] = [];
    let version = start.version;
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrfToken };
    for (let i = 0; i < 5; i += 1) {
      const note = `burst ${i}`;
      const response = await postTanThanhStep(first.origin, headers, version, note);
      if (response.status !== 201) throw new Error(`write ${i}: ${response.status} ${await response.text()}`);
      version = (await response.json()).version;
      acknowledged.push(note);
    }
    const inFlight = postTanThanhStep(first.origin, headers, version, 'burst 5').catch(() => null);
    first.child.kill('SIGKILL');
    await inFlight;
    await new Promise((resolve) =>
      first.child.exitCode !== null || first.child.signalCode ? resolve(null) : first.child.once('exit', resolve),
    );
    expect(acknowledged).toHaveLength(5);

    const second = await startServerOn(dataDir);
    try {
      const after = await stepsOf(second.origin, 'tan-thanh-po-chai');
      const burst = after.history.map((step) => step.note).filter((note): note is string => note?.startsWith('burst ') ?? false);
      // Every acknowledged write is there, in order; at most the one in flight when killed is there too.
      expect(burst.slice(0, acknowledged.length)).toEqual(acknowledged);
      expect(burst.length - acknowledged.length).toBeLessThanOrEqual(1);
      // No partial write: the version was raised exactly once per step stored.
      expect(after.version).toBe(start.version + burst.length);
      expect(after.history.length).toBe(start.history.length + burst.length);
    } finally {
      second.child.kill('SIGKILL');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
    // Each stored step has its entry in the change log, and no entry is without its step.
    const store = await openStore({ dataDir }, () => loadRecord(config));
    try {
      const [{ steps }] = await store.query<{ steps: string }>(
        "SELECT count(*)::text AS steps FROM status_events WHERE feature_id = 'tan-thanh-po-chai' AND body ->> 'note' LIKE 'burst %'",
      );
      const [{ entries }] = await store.query<{ entries: string }>(
        "SELECT count(*)::text AS entries FROM changes WHERE entity_id = 'tan-thanh-po-chai' AND action = 'status_step' AND actor = 'lan'",
      );
      expect(Number(entries)).toBe(Number(steps));
      expect(Number(steps)).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await store.close();
    }
    console.log(`durability: ${acknowledged.length} writes acknowledged before kill -9, all found after restart`);
  }, 180_000);
});
