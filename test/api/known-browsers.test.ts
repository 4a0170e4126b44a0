import { randomBytes, scryptSync } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app';
import type { Database } from '../../server/src/store/database';
import { createStoreRepository } from '../../server/src/store/store-repository';
import { createStoreTestApp } from '../helpers/app';
import { type Answer, listenOnLoopback } from '../helpers/loopback-client';

/**
 * Issue 30: strangers from 11 addresses (10 failures each) spent the server's budget of 100 failed sign-ins and
 * kept every editor out for 15 minutes, again and again. A browser that signed in before as an editor now proves
 * it (a cookie) and signs in as that editor whatever strangers do; it is held to a budget of its own. Every
 * address here is a real source address on this machine (127.0.0.x), as the server's limits see them.
 */
let db: Database;
let dataDir: string;
let slowEditor: { username: string; password: string };
const LAN = { username: 'lan', password: 'sông Kỳ Cùng 2026' };
const MINH = { username: 'minh', password: 'cửa khẩu Hữu Nghị' };

/**
 * A hash in the stored format (access/passwords.ts) at a tiny scrypt cost, which travels with it: the server
 * checks these passwords in about a millisecond, so a test spends a budget of 100 failures in moments.
 */
function quickHash(password: string): string {
  const [N, r, p] = [16, 8, 1];
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, 64, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

beforeAll(async () => {
  const made = await createStoreTestApp();
  db = made.db;
  dataDir = made.dataDir;
  slowEditor = { username: made.username, password: made.password };
  for (const [user, name] of [
    [LAN, 'Nguyễn Thị Lan'],
    [MINH, 'Trần Văn Minh'],
  ] as const) {
    await db.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $2, $3, 'editor')", [
      user.username,
      name,
      quickHash(user.password),
    ]);
  }
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A server of its own for each test (its sign-in budgets are fresh), over the one store; closed after the test. */
let closeServer: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await closeServer?.();
  closeServer = undefined;
});
async function startServer() {
  const server = await listenOnLoopback(createApp({ repository: createStoreRepository(db), store: db }));
  closeServer = server.close;
  const signIn = (user: { username: string; password: string }, from: string, cookie?: string) =>
    server.send('POST', '/api/session', { body: user, from, cookie });
  return { signIn };
}

/** The known-browser cookie ("name=token") a successful sign-in gave the browser. */
function knownBrowserCookie(answer: Answer): string {
  expect(answer.status, answer.body).toBe(200);
  const cookie = answer.setCookie.find((header) => header.startsWith('__Host-known='));
  expect(cookie, answer.setCookie.join(' | ')).toBeDefined();
  return String(cookie).split(';')[0];
}

describe('strangers who spend the server-wide budget of failed sign-ins', () => {
  it('keep out only browsers that never signed in: an editor signs in from a browser that did, as that editor only', async () => {
    const { signIn } = await startServer();
    // Before the attack Lan and Minh each sign in once from their own browser, which keeps the cookie.
    const lanFirst = await signIn(LAN, '127.0.0.2');
    const lanBrowser = knownBrowserCookie(lanFirst);
    const minhBrowser = knownBrowserCookie(await signIn(MINH, '127.0.0.3'));
    // Long-lived, and out of the page's and other sites' reach, like the session's.
    const header = String(lanFirst.setCookie.find((value) => value.startsWith('__Host-known=')));
    expect(header).toMatch(/^__Host-known=[\w-]{40,}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=31536000$/);

    // The report: 11 addresses, 10 wrong passwords each (within each address's own limit of 10).
    const codes: (string | undefined)[] = [];
    for (let address = 10; address <= 20; address += 1) {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const target = attempt % 2 === 0 ? LAN : MINH;
        codes.push((await signIn({ username: target.username, password: `guess ${address}-${attempt}` }, `127.0.0.${address}`)).code);
      }
    }
    expect(codes.slice(0, 100)).toEqual(Array(100).fill('wrong_credentials'));
    expect(codes.slice(100)).toEqual(Array(10).fill('too_many_attempts_overall'));

    // A stranger is refused now, even with Lan's password, even from Lan's usual address: what remains of the
    // budget's price (README: editors on a new machine wait for the window).
    for (const from of ['127.0.0.30', '127.0.0.2']) {
      const stranger = await signIn(LAN, from);
      expect(stranger.code).toBe('too_many_attempts_overall');
      expect(Number(stranger.retryAfter)).toBeGreaterThan(0);
    }

    // Lan's browser signs in — from her address, and from one whose own limit the attack spent.
    for (const from of ['127.0.0.2', '127.0.0.10']) {
      const lan = await signIn(LAN, from, lanBrowser);
      expect(lan.status, lan.body).toBe(200);
      expect(JSON.parse(lan.body).user).toMatchObject({ username: 'lan' });
    }
    expect((await signIn(MINH, '127.0.0.3', minhBrowser)).status).toBe(200);

    // Lan's cookie does not let Minh's password through from her browser: it proves Lan only.
    expect((await signIn(MINH, '127.0.0.2', lanBrowser)).code).toBe('too_many_attempts_overall');
    // A cookie altered or made up proves nothing; nor does the right token under the plain-HTTP mode's name.
    const token = lanBrowser.split('=')[1];
    const altered = `__Host-known=${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const madeUp = `__Host-known=${randomBytes(32).toString('base64url')}`;
    for (const cookie of [altered, madeUp, `ba-known=${token}`]) {
      expect((await signIn(LAN, '127.0.0.2', cookie)).code, cookie).toBe('too_many_attempts_overall');
    }
  });
});

describe('a browser that signed in before', () => {
  it('is still held to a budget of failed sign-ins, its own: ten wrong passwords lock that browser, not the editor', async () => {
    const { signIn } = await startServer();
    const laptop = knownBrowserCookie(await signIn(LAN, '127.0.0.2'));
    const office = knownBrowserCookie(await signIn(LAN, '127.0.0.3'));
    expect(office).not.toBe(laptop);

    // Someone holding the laptop's cookie guesses from ten addresses (one each: no address reaches its limit).
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await signIn({ ...LAN, password: `guess ${attempt}` }, `127.0.0.${40 + attempt}`, laptop)).code).toBe('wrong_credentials');
    }
    const locked = await signIn(LAN, '127.0.0.50', laptop);
    expect(locked.status).toBe(429);
    expect(locked.code).toBe('too_many_attempts');
    expect(JSON.parse(locked.body).error.message).toMatch(/from this browser/);

    // Lan's other browser signs in.
    expect((await signIn(LAN, '127.0.0.3', office)).status).toBe(200);
  });
});

describe("a flood of strangers' sign-ins", () => {
  it("does not keep a known browser waiting: its password is checked ahead of the strangers' (200), who get 503 once their queue is full", async () => {
    // The editor with a real password hash (~0.3 s a check), so strangers' checks queue up.
    const { signIn } = await startServer();
    const browser = knownBrowserCookie(await signIn(slowEditor, '127.0.0.2'));

    // 40 wrong passwords at once from 5 addresses (8 each: within each address's limit).
    const strangers: Promise<Answer>[] = [];
    for (let address = 0; address < 5; address += 1) {
      for (let attempt = 0; attempt < 8; attempt += 1) {
        strangers.push(signIn({ ...slowEditor, password: `guess ${address}-${attempt}` }, `127.0.0.${60 + address}`));
      }
    }
    // Once a stranger is told the server is busy, the strangers' queue is full: the editor signs in then.
    const firstBusy = new Promise<void>((resolve) => {
      for (const stranger of strangers) void stranger.then((answer) => answer.status === 503 && resolve());
    });
    await Promise.race([firstBusy, Promise.all(strangers)]);
    const editor = await signIn(slowEditor, '127.0.0.2', browser);
    const answers = await Promise.all(strangers);

    expect(answers.filter((answer) => answer.code === 'sign_in_busy').length).toBeGreaterThan(0);
    expect(editor.status, editor.body).toBe(200);
    // Strangers queued before the editor were still answered after: the editor's check went ahead of them.
    const checkedAfter = answers.filter((answer) => answer.code === 'wrong_credentials' && answer.order > editor.order);
    expect(checkedAfter.length).toBeGreaterThanOrEqual(4);
  });
});
