import { rmSync } from 'node:fs';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/src/app';
import { readConfig } from '../../server/src/config';
import { featureDetailResponse } from '../../server/src/domain/api';
import { type Deployment, PLAIN_HTTP_WARNING } from '../../server/src/http/deployment';
import type { Database } from '../../server/src/store/database';
import { createStoreRepository } from '../../server/src/store/store-repository';
import { createStoreTestApp } from '../helpers/app';

/**
 * The deployments offices have (README "Deployments"): plain HTTP on an intranet, behind a TLS reverse
 * proxy, a configured public origin. Every app here reads one store; each has its own sign-in limiter.
 */
let db: Database;
let dataDir: string;
let credentials: { username: string; password: string };
let stepQuote: string;

beforeAll(async () => {
  const made = await createStoreTestApp();
  db = made.db;
  dataDir = made.dataDir;
  credentials = { username: made.username, password: made.password };
  stepQuote = (await request(made.app).get('/api/clauses/003:6.a')).body.text.vi.slice(0, 60);
}, 120_000);
afterAll(async () => {
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const appWith = (deployment?: Deployment): Express => createApp({ repository: createStoreRepository(db), store: db, deployment });

/** A proxy's headers for a browser at https://atlas.example.gov.vn (what nginx sends with the README's settings). */
const PUBLIC = 'https://atlas.example.gov.vn';
const throughProxy = (client = '203.0.113.7') => ({
  Host: 'atlas.example.gov.vn',
  'X-Forwarded-Proto': 'https',
  'X-Forwarded-Host': 'atlas.example.gov.vn',
  'X-Forwarded-For': client,
});

const signIn = (app: Express, headers: Record<string, string> = {}, password = credentials.password) =>
  request(app).post('/api/session').set(headers).send({ username: credentials.username, password });

/** The session cookie ("name=token") a successful sign-in set. */
function cookieOf(response: request.Response): string {
  expect(response.status, response.text).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0];
}

/** Records a status step on Tân Thanh – Pò Chài with the given session and headers. */
async function postStep(app: Express, session: request.Response, headers: Record<string, string>) {
  const { version } = featureDetailResponse.parse((await request(app).get('/api/features/tan-thanh-po-chai')).body);
  return request(app)
    .post('/api/features/tan-thanh-po-chai/steps')
    .set({ Cookie: cookieOf(session), 'X-CSRF-Token': session.body.csrfToken, ...headers })
    .send({
      version,
      date: '2026-02-11',
      status: 'announced',
      level: null,
      evidence: 'stated',
      agreementId: '003',
      clauseId: '003:6.a',
      quote: stepQuote,
    });
}

describe('settings (config.ts)', () => {
  it('reads the public origin, the trusted proxies and plain HTTP; defaults are none, none and HTTPS cookies', () => {
    expect(readConfig({}).deployment).toEqual({ publicOrigin: undefined, trustProxy: undefined, plainHttp: false });
    expect(
      readConfig({
        BORDER_ATLAS_PUBLIC_ORIGIN: 'https://Atlas.Example.gov.vn:443/',
        BORDER_ATLAS_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1',
      }).deployment,
    ).toEqual({ publicOrigin: 'https://atlas.example.gov.vn', trustProxy: 'loopback, 10.0.0.0/8, fd00::1', plainHttp: false });
    expect(readConfig({ BORDER_ATLAS_PLAIN_HTTP: 'true', BORDER_ATLAS_PUBLIC_ORIGIN: 'http://intranet.so:8080' }).deployment).toEqual({
      publicOrigin: 'http://intranet.so:8080',
      trustProxy: undefined,
      plainHttp: true,
    });
  });

  it('refuses bad values by name', () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{ BORDER_ATLAS_PUBLIC_ORIGIN: 'https://atlas.example.gov.vn/ogc' }, /BORDER_ATLAS_PUBLIC_ORIGIN: .*no path/],
      [{ BORDER_ATLAS_PUBLIC_ORIGIN: 'atlas.example.gov.vn' }, /BORDER_ATLAS_PUBLIC_ORIGIN/],
      [{ BORDER_ATLAS_PUBLIC_ORIGIN: 'ftp://atlas.example.gov.vn' }, /BORDER_ATLAS_PUBLIC_ORIGIN/],
      [{ BORDER_ATLAS_TRUST_PROXY: 'true' }, /BORDER_ATLAS_TRUST_PROXY: must be an explicit .*list/],
      [{ BORDER_ATLAS_TRUST_PROXY: '2' }, /BORDER_ATLAS_TRUST_PROXY: .*hop count/],
      [{ BORDER_ATLAS_TRUST_PROXY: '0.0.0.0/0' }, /BORDER_ATLAS_TRUST_PROXY: "0\.0\.0\.0\/0"/],
      [{ BORDER_ATLAS_TRUST_PROXY: 'loopback,nginx' }, /BORDER_ATLAS_TRUST_PROXY: "nginx" is not an IP address/],
      [{ BORDER_ATLAS_PLAIN_HTTP: 'yes' }, /BORDER_ATLAS_PLAIN_HTTP: must be true or false/],
      [{ BORDER_ATLAS_PLAIN_HTTP: 'true', BORDER_ATLAS_PUBLIC_ORIGIN: PUBLIC }, /BORDER_ATLAS_PLAIN_HTTP: .*https/],
    ];
    for (const [env, message] of refused) expect(() => readConfig(env), JSON.stringify(env)).toThrowError(message);
  });
});

describe('behind a TLS reverse proxy (BORDER_ATLAS_TRUST_PROXY)', () => {
  it('honours X-Forwarded-Proto/Host from a trusted proxy: a secure cookie, and changes from the public https origin', async () => {
    const app = appWith({ trustProxy: 'loopback' }); // supertest connects from 127.0.0.1
    const session = await signIn(app, throughProxy());
    expect(String(session.headers['set-cookie'])).toMatch(/^__Host-sid=[\w-]{40,}; Path=\/; HttpOnly; Secure; SameSite=Strict/);
    const saved = await postStep(app, session, { ...throughProxy(), Origin: PUBLIC });
    expect(saved.status, saved.text).toBe(201);
    // The origin is compared whole: a site whose name merely starts with ours is another site.
    for (const other of [`${PUBLIC}.evil.example`, `${PUBLIC}:8443`, `${PUBLIC}/`]) {
      const forged = await postStep(app, session, { ...throughProxy(), Origin: other });
      expect(forged.status, other).toBe(403);
      expect(forged.body.error.code, other).toBe('cross_origin');
    }
    const links = (await request(app).get('/ogc').set(throughProxy())).body.links as { href: string }[];
    for (const { href } of links) expect(href.startsWith(`${PUBLIC}/ogc`), href).toBe(true);
  });

  it('on a port other than 443: the public origin with its port, or X-Forwarded-Host with it; a refusal names both addresses and the setting', async () => {
    const ON_8443 = 'https://atlas.example.gov.vn:8443';
    // nginx's $host drops the port, $http_host keeps it (README "Behind a TLS reverse proxy").
    const dropsPort = { ...throughProxy(), Origin: ON_8443 };
    const keepsPort = { ...dropsPort, Host: 'atlas.example.gov.vn:8443', 'X-Forwarded-Host': 'atlas.example.gov.vn:8443' };

    const refused = await signIn(appWith({ trustProxy: 'loopback' }), dropsPort);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('cross_origin');
    expect(refused.body.error.message).toBe(
      `Sign-ins are accepted only from this site's address, ${PUBLIC} (as this request names it: its Host header, or from a trusted proxy X-Forwarded-Proto and X-Forwarded-Host, which must carry the port), not from ${ON_8443}. If that is the address people open, the administrator sets BORDER_ATLAS_PUBLIC_ORIGIN to it exactly, port included`,
    );
    const withoutPort = await signIn(appWith({ trustProxy: 'loopback', publicOrigin: PUBLIC }), keepsPort);
    expect(withoutPort.status).toBe(403);
    expect(withoutPort.body.error.message).toMatch(
      new RegExp(
        `only from this site's address, ${PUBLIC} \\(BORDER_ATLAS_PUBLIC_ORIGIN\\), not from ${ON_8443}\\..*BORDER_ATLAS_PUBLIC_ORIGIN to it exactly, port included`,
      ),
    );

    for (const [app, headers] of [
      [appWith({ trustProxy: 'loopback' }), keepsPort],
      [appWith({ trustProxy: 'loopback', publicOrigin: ON_8443 }), dropsPort],
    ] as const) {
      const session = await signIn(app, headers);
      expect(session.status, session.text).toBe(200);
      const saved = await postStep(app, session, headers);
      expect(saved.status, saved.text).toBe(201);
    }
  });

  it('ignores forwarded headers from a peer it does not trust: the sign-in is refused as plain HTTP, a change from https is cross-origin', async () => {
    for (const deployment of [undefined, { trustProxy: '10.1.2.3, 192.168.0.0/16' }]) {
      const app = appWith(deployment);
      const refused = await signIn(app, throughProxy());
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('insecure_connection');
      expect(refused.body.error.message).toMatch(/proxy the server does not trust.*BORDER_ATLAS_TRUST_PROXY/);
      expect(refused.headers['set-cookie']).toBeUndefined();
      // Signed in on the machine itself (localhost), a change claiming the proxied https origin is refused.
      const session = await signIn(app);
      const forged = await postStep(app, session, { ...throughProxy(), Origin: PUBLIC });
      expect(forged.status).toBe(403);
      expect(forged.body.error.code).toBe('cross_origin');
      const links = (await request(app).get('/ogc').set(throughProxy())).body.links as { href: string }[];
      for (const { href } of links) expect(href.startsWith('http://atlas.example.gov.vn/ogc'), href).toBe(true);
    }
  });

  it('counts failed sign-ins per forwarded client behind a trusted proxy: ten failures from one do not lock out another', async () => {
    const app = appWith({ trustProxy: 'loopback' });
    // Only the client's address differs (the limiter's key); the proxy is on this machine.
    const from = (client: string) => ({ 'X-Forwarded-For': client });
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await signIn(app, from('203.0.113.1'), 'not the password')).status).toBe(401);
    }
    expect((await signIn(app, from('203.0.113.1'), 'not the password')).status).toBe(429);
    expect((await signIn(app, from('203.0.113.1'))).status).toBe(429);
    // Another editor behind the same proxy signs in, and still has attempts of their own.
    expect((await signIn(app, from('203.0.113.2'), 'not the password')).status).toBe(401);
    expect((await signIn(app, from('203.0.113.2'))).status).toBe(200);
    expect((await signIn(app, throughProxy('203.0.113.3'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For forged by a peer it does not trust: every attempt counts against the peer', async () => {
    const app = appWith({ trustProxy: '10.1.2.3' });
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await signIn(app, { 'X-Forwarded-For': `198.51.100.${attempt + 1}` }, 'not the password');
      expect(response.status).toBe(401);
    }
    const next = await signIn(app, { 'X-Forwarded-For': '198.51.100.200' });
    expect(next.status).toBe(429);
    expect(next.body.error.code).toBe('too_many_attempts');
  });
});

describe('absolute URLs and the origin check with BORDER_ATLAS_PUBLIC_ORIGIN', () => {
  const hostile = { Host: 'evil.example:666', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' };

  it('builds OGC links, TileJSON tile URLs and export links from it, never from a hostile Host header', async () => {
    for (const deployment of [{ publicOrigin: PUBLIC }, { publicOrigin: PUBLIC, trustProxy: 'loopback' }]) {
      const app = appWith(deployment);
      const landing = await request(app).get('/ogc').set(hostile);
      expect(landing.status).toBe(200);
      const links = landing.body.links as { href: string }[];
      expect(links.length).toBeGreaterThan(3);
      for (const { href } of links) expect(href.startsWith(`${PUBLIC}/ogc`), href).toBe(true);
      const items = await request(app).get('/ogc/collections/gates/items?limit=2').set(hostile);
      expect(JSON.stringify(items.body)).not.toContain('evil.example');
      expect(items.body.features[0].links.map((link: { href: string }) => new URL(link.href).origin)).toEqual(
        expect.arrayContaining([PUBLIC]),
      );
      const tiles = await request(app).get('/api/map/tiles.json').set(hostile);
      expect(tiles.status).toBe(200);
      expect(tiles.body.tiles).toHaveLength(1);
      expect(tiles.body.tiles[0]).toMatch(/^https:\/\/atlas\.example\.gov\.vn\/api\/map\/tiles\/\{z\}\/\{x\}\/\{y\}\.pbf\?rev=/);
      const exported = await request(app).get('/api/export/features.geojson?id=chi-ma').set(hostile);
      expect(JSON.parse(exported.text).features[0].properties.api_url).toBe(`${PUBLIC}/api/features/chi-ma`);
    }
  });

  it('accepts sign-ins and changes only from that origin', async () => {
    const app = appWith({ publicOrigin: PUBLIC });
    // A page opened at another address (on the server itself, a hostile site) could sign in but never save: refused at once.
    for (const Origin of ['http://localhost:8080', 'https://evil.example']) {
      const elsewhere = await signIn(app, { Origin });
      expect(elsewhere.status, Origin).toBe(403);
      expect(elsewhere.body.error.code).toBe('cross_origin');
      // The address expected, where it comes from, and the address received.
      expect(elsewhere.body.error.message).toMatch(
        new RegExp(
          `^Sign-ins are accepted only from this site's address, ${PUBLIC} \\(BORDER_ATLAS_PUBLIC_ORIGIN\\), not from ${Origin}\\.`,
        ),
      );
      expect(elsewhere.headers['set-cookie']).toBeUndefined();
    }
    expect((await signIn(app, { Origin: PUBLIC })).status).toBe(200);
    const session = await signIn(app);
    const own = await postStep(app, session, { Origin: PUBLIC });
    expect(own.status, own.text).toBe(201);
    // The request's own origin (http://127.0.0.1:port, what the Host header says) is not the public one.
    const local = await postStep(app, session, { Host: 'evil.example', Origin: 'http://evil.example' });
    expect(local.status).toBe(403);
    expect(local.body.error.code).toBe('cross_origin');
    expect(local.body.error.message).toMatch(/^Changes are accepted only from this site's address, https:\/\/atlas\.example\.gov\.vn \(/);
  });
});

describe('plain HTTP on an intranet', () => {
  const intranet = { Host: 'intranet.test:8080' };

  it('without BORDER_ATLAS_PLAIN_HTTP refuses a sign-in the browser could not keep, saying why, before checking the password', async () => {
    const app = appWith();
    const refused = await signIn(app, intranet);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('insecure_connection');
    expect(refused.body.error.message).toMatch(
      /plain HTTP.*will not keep the sign-in.*BORDER_ATLAS_PLAIN_HTTP=true.*BORDER_ATLAS_TRUST_PROXY/,
    );
    expect(refused.headers['set-cookie']).toBeUndefined();
    // Refusals are not failed attempts: the limiter has counted none of them.
    for (let attempt = 0; attempt < 10; attempt++) expect((await signIn(app, intranet)).status).toBe(400);
    // Loopback names are secure contexts: a Secure cookie is kept there.
    for (const Host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'atlas.localhost']) {
      expect((await signIn(app, { Host })).status, Host).toBe(200);
    }
  });

  it('with BORDER_ATLAS_PLAIN_HTTP: a ba-sid cookie without Secure that signs in and saves, a warning in the log, and only its own cookie name', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = appWith({ plainHttp: true });
    expect(warn).toHaveBeenCalledWith(PLAIN_HTTP_WARNING);
    warn.mockRestore();
    expect(PLAIN_HTTP_WARNING).toMatch(/unencrypted on the network.*act as the signed-in editor/);

    const session = await signIn(app, intranet);
    // The session's cookie and the known-browser cookie (access/known-browsers.ts), both without Secure.
    const [sessionHeader, knownBrowserHeader] = session.headers['set-cookie'] as unknown as string[];
    expect(sessionHeader).toMatch(/^ba-sid=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(knownBrowserHeader).toMatch(/^ba-known=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(String(session.headers['set-cookie'])).not.toMatch(/Secure/);
    const saved = await postStep(app, session, { ...intranet, Origin: 'http://intranet.test:8080' });
    expect(saved.status, saved.text).toBe(201);

    // The same token under the other mode's name is no session, either way round.
    const token = cookieOf(session).split('=')[1];
    expect((await request(app).get('/api/session').set('Cookie', `__Host-sid=${token}`)).body).toEqual({ user: null });
    expect((await request(app).get('/api/session').set('Cookie', `ba-sid=${token}`)).body.user).toMatchObject({ username: 'editor' });
    expect((await request(appWith()).get('/api/session').set('Cookie', `ba-sid=${token}`)).body).toEqual({ user: null });

    // Signing out clears the same cookie.
    const out = await request(app)
      .delete('/api/session')
      .set({ ...intranet, Cookie: cookieOf(session), 'X-CSRF-Token': session.body.csrfToken });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^ba-sid=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
  });
});
