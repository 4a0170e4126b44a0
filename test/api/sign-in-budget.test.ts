import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashesWaiting } from '../../server/src/access/passwords';
import { SIGN_IN_BUDGET } from '../../server/src/access/sign-in-budget';
import { createApp } from '../../server/src/app';
import type { Database } from '../../server/src/store/database';
import { createStoreRepository } from '../../server/src/store/store-repository';
import { createStoreTestApp, projectRoot } from '../helpers/app';
import { type Answer, listenOnLoopback } from '../helpers/loopback-client';

/**
 * Password hashing (scrypt) runs on libuv's thread pool, which static files wait for too: a flood of failed
 * sign-ins from many addresses must never hold up index.html. Checked by order of arrival, never by time.
 * (Browsers that signed in before, and the budget strangers cannot spend for them: known-browsers.test.ts.)
 */
let made: Awaited<ReturnType<typeof createStoreTestApp>>;
let server: Awaited<ReturnType<typeof listenOnLoopback>>;

beforeAll(async () => {
  expect(existsSync(join(projectRoot, 'client', 'dist', 'index.html')), 'run npm run build first').toBe(true);
  made = await createStoreTestApp({ withClient: true });
  server = await listenOnLoopback(made.app);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await made?.db.close();
  if (made?.dataDir) rmSync(made.dataDir, { recursive: true, force: true });
});

/** One request over its own connection, from `localAddress` (any of 127.0.0.0/8 reaches the server). */
const send = (method: string, path: string, { body, localAddress }: { body?: object; localAddress?: string } = {}) =>
  server.send(method, path, { body, from: localAddress });

describe('a flood of failed sign-ins from many addresses', () => {
  it('never holds up index.html: it is answered while password checks still wait their turn, and the overflow gets 503', async () => {
    // 40 wrong passwords at once from 5 addresses (8 each: within the per-address limit of 10).
    const signIns: Promise<Answer>[] = [];
    for (let address = 0; address < 5; address += 1) {
      for (let i = 0; i < 8; i += 1) {
        signIns.push(
          send('POST', '/api/session', {
            body: { username: made.username, password: `wrong password ${address}-${i}` },
            localAddress: `127.0.0.${11 + address}`,
          }),
        );
      }
    }
    // The most password checks seen waiting at once, sampled once per turn of the event loop while the flood
    // lasts (a sample can miss a peak, never invent one).
    let mostWaiting = 0;
    let sampling = true;
    const sample = () => {
      mostWaiting = Math.max(mostWaiting, hashesWaiting());
      if (sampling) setImmediate(sample);
    };
    setImmediate(sample);
    // Once the first sign-in is answered, every one of them has reached the server.
    await Promise.race(signIns);
    const page = await send('GET', '/');
    const waitingWhenPageArrived = hashesWaiting();
    const answers = await Promise.all(signIns);
    sampling = false;

    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    // Password checks were still queued when the page came back, and most checked sign-ins were answered
    // after it (here up to 9; with every hash let onto libuv's 4 threads at once, the page's file reads
    // queued behind them all and at most the last 4 came after it).
    expect(waitingWhenPageArrived).toBeGreaterThan(0);
    const checked = answers.filter((answer) => answer.status === 401);
    expect(checked.filter((answer) => answer.order > page.order).length).toBeGreaterThanOrEqual(6);

    // The queue never grew past its length, and the rest were refused at once. (How many were hashed in all
    // is not fixed: on a slow machine a check can finish before the last sign-in arrives, letting one more in.)
    expect(mostWaiting).toBeGreaterThan(0);
    expect(mostWaiting).toBeLessThanOrEqual(SIGN_IN_BUDGET.maxWaiting);
    expect(checked.length).toBeLessThan(40);
    const busy = answers.filter((answer) => answer.status === 503);
    expect(busy.length + checked.length).toBe(40);
    expect(busy.length).toBeGreaterThan(0);
    for (const answer of busy) {
      expect(JSON.parse(answer.body).error).toMatchObject({
        code: 'sign_in_busy',
        message: expect.stringMatching(/try again in \d+ seconds/),
      });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
  });
});

describe("the server's budget of failed sign-ins", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    db = made.db;
    // The same store behind an app with a small budget: 3 failures, from all addresses together.
    app = createApp({ repository: createStoreRepository(db), store: db, signInBudget: { failuresPerWindow: 3 } });
  });

  it("once spent, refuses every stranger's sign-in (429, Retry-After) — a correct one too — until the window moves on", async () => {
    const attempt = (password: string) => request(app).post('/api/session').send({ username: made.username, password });
    // Refused before any hashing (malformed), these cost nothing.
    for (let i = 0; i < 3; i += 1) expect((await request(app).post('/api/session').send({ username: 'x' })).status).toBe(400);
    // A successful sign-in costs nothing either.
    expect((await attempt(made.password)).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect((await attempt(`wrong password ${i}`)).status).toBe(401);

    for (const password of ['wrong password 4', made.password]) {
      const refused = await attempt(password);
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'too_many_attempts_overall', message: expect.stringMatching(/from all addresses/) });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    }
  });
});
