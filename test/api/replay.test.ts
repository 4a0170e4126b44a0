import { rmSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withReplay } from '../../server/src/http/replay';
import type { Database } from '../../server/src/store/database';
import { createStoreTestApp, signInAsEditor } from '../helpers/app';
import { tanThanhStep } from '../helpers/record-fixtures';

// A cached answer is sent again without Express (server/src/http/replay.ts). What a user must never see:
// an answer from before an edit, a header Express would not send, or one reader's answer given to another.
let handler: RequestListener;
let db: Database;
let dataDir: string;
let editor: Record<string, string>;

beforeAll(async () => {
  const made = await createStoreTestApp({ username: 'replay.editor' });
  ({ db, dataDir } = made);
  handler = withReplay(made.app);
  editor = (await signInAsEditor(made.app, made)).headers;
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Through Express, always: a conditional request is never replayed. */
const throughExpress = (path: string) => request(handler).get(path).set('If-None-Match', '"not-this-one"');
const withoutDate = (headers: Record<string, unknown>) => {
  const { date: _date, ...rest } = headers;
  return rest;
};

describe('cached answers sent again without Express', () => {
  it('are the same bytes and headers Express sends', async () => {
    for (const path of [
      '/api/features?kind=gate_pair&asOf=2024-08-16',
      '/api/view?status=operating&limit=5',
      '/api/changes?from=2023-01-01&to=2026-02-11',
    ]) {
      const first = await request(handler).get(path);
      const replayed = await request(handler).get(path);
      const express = await throughExpress(path);
      expect(first.status, path).toBe(200);
      expect(replayed.text, path).toBe(express.text);
      expect(withoutDate(replayed.headers), path).toEqual(withoutDate(express.headers));
      expect(replayed.headers['content-security-policy'], path).toContain("default-src 'self'");
    }
  });

  it('never outlive an edit: the next request after a new step reads the new revision', async () => {
    const path = '/api/features?id=tan-thanh-po-chai&asOf=2026-02-11';
    const before = await request(handler).get(path);
    expect((await request(handler).get(path)).text).toBe(before.text);
    const { version } = (await request(handler).get('/api/features/tan-thanh-po-chai')).body as { version: number };
    const saved = await request(handler)
      .post('/api/features/tan-thanh-po-chai/steps')
      .set(editor)
      .send(tanThanhStep(version, { status: 'proposed', level: 'international' }));
    expect(saved.status, saved.text).toBe(201);
    const after = await request(handler).get(path);
    expect(before.body.features[0].properties.upgrade?.level).not.toBe('international');
    expect(after.body.features[0].properties.upgrade).toEqual({ level: 'international', status: 'proposed' });
    expect(after.text).toBe((await throughExpress(path)).text);
  });

  it('keep nothing that depends on who asks or on the host name', async () => {
    // A feature's detail names who recorded each step for an editor only.
    const visitor = await request(handler).get('/api/features/tan-thanh-po-chai');
    await request(handler).get('/api/features/tan-thanh-po-chai').set(editor);
    const signedIn = await request(handler).get('/api/features/tan-thanh-po-chai').set(editor);
    const visitorAgain = await request(handler).get('/api/features/tan-thanh-po-chai');
    expect(JSON.stringify(signedIn.body.history)).toContain('replay.editor');
    expect(JSON.stringify(visitorAgain.body.history)).not.toContain('replay.editor');
    expect(visitorAgain.text).toBe(visitor.text);
    // tiles.json names the origin its tiles are fetched from.
    const a = await request(handler).get('/api/map/tiles.json').set('Host', 'atlas-a.intranet');
    const b = await request(handler).get('/api/map/tiles.json').set('Host', 'atlas-b.intranet');
    expect(a.body.tiles[0]).toContain('atlas-a.intranet');
    expect(b.body.tiles[0]).toContain('atlas-b.intranet');
  });
});
