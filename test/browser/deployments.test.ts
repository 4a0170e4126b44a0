import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, type TextKey, text } from '../../client/src/i18n/ui-text';
import { createApp } from '../../server/src/app';
import { createStoreBriefingStore } from '../../server/src/briefings/store-briefing-store';
import { readConfig } from '../../server/src/config';
import { featureDetailResponse } from '../../server/src/domain/api';
import type { Deployment } from '../../server/src/http/deployment';
import type { Database } from '../../server/src/store/database';
import { createStoreRepository } from '../../server/src/store/store-repository';
import { createStoreTestApp } from '../helpers/app';
import { artifactsDir, launchChromium, listen, openPage, openTools, requireBuiltClient, signInThroughHeader } from './chromium';

/**
 * Editing where offices deploy the app (README "Deployments"), in real Chromium: an intranet name over
 * plain HTTP (not a secure context) and a TLS reverse proxy started here. Host names are mapped to
 * 127.0.0.1 by Chromium itself; nothing leaves this machine. One store and one browser for the file.
 */
const INTRANET = 'intranet.test';
const PROXIED = 'atlas.test';

let db: Database;
let credentials: { username: string; password: string };
let browser: Browser;
const servers: Server[] = [];
let certificateDir: string;
let dataDir: string;
/** The app with BORDER_ATLAS_PLAIN_HTTP and the app without it at http://intranet.test:PORT (the latter also at 127.0.0.1); the TLS proxy's https://atlas.test:PORT. */
const urls = { plainHttp: '', securedOnly: '', securedOnlyLoopback: '', proxied: '' };
/** Where this test reads the store through the API (Node cannot resolve the mapped names). */
const api = () => urls.securedOnlyLoopback;

async function serve(deployment: Deployment) {
  const config = readConfig({});
  const app = createApp({
    repository: createStoreRepository(db),
    briefings: createStoreBriefingStore(db),
    store: db,
    clientDir: config.clientDir,
    basemapDir: config.basemapDir,
    deployment,
  });
  const { server, baseUrl } = await listen(app);
  servers.push(server);
  return { port: new URL(baseUrl).port, baseUrl };
}

/**
 * A TLS reverse proxy as an office runs one (nginx with the README's settings): the browser's Host passed on, and
 * X-Forwarded-Proto/Host/For set, to the app on 127.0.0.1:`port`. Its certificate is self-signed for atlas.test.
 */
async function startTlsProxy(port: string): Promise<string> {
  certificateDir = mkdtempSync(join(tmpdir(), 'border-atlas-tls-'));
  const [key, cert] = [join(certificateDir, 'key.pem'), join(certificateDir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${PROXIED}`,
      '-addext',
      `subjectAltName=DNS:${PROXIED}`,
    ],
    { stdio: 'ignore' },
  );
  const proxy = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (incoming, outgoing) => {
    const forwarded = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: incoming.method,
        path: incoming.url,
        headers: {
          ...incoming.headers,
          'x-forwarded-proto': 'https',
          'x-forwarded-host': incoming.headers.host,
          'x-forwarded-for': incoming.socket.remoteAddress,
        },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.headersSent || outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  proxy.listen(0, '127.0.0.1');
  await new Promise((resolve) => proxy.once('listening', resolve));
  servers.push(proxy);
  return `https://${PROXIED}:${(proxy.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  requireBuiltClient();
  const made = await createStoreTestApp();
  db = made.db;
  dataDir = made.dataDir;
  credentials = { username: made.username, password: made.password };
  const plain = await serve({ plainHttp: true });
  urls.plainHttp = `http://${INTRANET}:${plain.port}`;
  const secured = await serve({});
  urls.securedOnly = `http://${INTRANET}:${secured.port}`;
  urls.securedOnlyLoopback = secured.baseUrl;
  urls.proxied = await startTlsProxy((await serve({ trustProxy: 'loopback' })).port);
  browser = await launchChromium([
    `--host-resolver-rules=MAP ${INTRANET} 127.0.0.1, MAP ${PROXIED} 127.0.0.1`,
    '--ignore-certificate-errors',
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await db?.close();
  for (const dir of [certificateDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const detail = async (baseUrl: string, id: string) =>
  featureDetailResponse.parse(await (await fetch(`${baseUrl}/api/features/${id}`)).json());

/** The feature page of Pò Peo, the map drawn; every request outside `baseUrl` is refused and recorded. */
async function openPoPeo(baseUrl: string, language = 'vi') {
  const outsideRequests: string[] = [];
  const page = await openPage(browser, baseUrl, `/?feature=po-peo&asOf=2026-10-15&lang=${language}`, outsideRequests);
  await page.locator('aside.panel[data-feature-id="po-peo"]').waitFor();
  return { page, outsideRequests };
}

/** A page of the app, without waiting for the map (for sign-in alone); requests outside `baseUrl` are refused. */
async function openHeader(baseUrl: string, language: 'vi' | 'en' | 'zh') {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.route('**/*', (route) => (route.request().url().startsWith(baseUrl) ? route.fallback() : route.abort()));
  await page.goto(`${baseUrl}/?feature=po-peo&lang=${language}`);
  await openTools(page);
  await page.getByRole('button', { name: text('signIn', language) }).waitFor();
  return page;
}

/** Fills and sends the header's sign-in form in the page's language (without waiting for the outcome). */
async function submitSignIn(page: Page, language: 'vi' | 'en' | 'zh') {
  await openTools(page);
  await page.getByRole('button', { name: text('signIn', language) }).click();
  await page.locator('#sign-in-form input[name="username"]').fill(credentials.username);
  await page.locator('#sign-in-form input[name="password"]').fill(credentials.password);
  await page.locator('#sign-in-form button[type="submit"]').click();
}

/** The sign-in form shows `key`'s message and the header does not show an editor signed in. */
async function expectNotSignedIn(page: Page, key: TextKey, language: 'vi' | 'en' | 'zh') {
  await page.locator('#sign-in-form [role="alert"]').waitFor();
  expect(await page.locator('#sign-in-form [role="alert"]').textContent()).toBe(text(key, language));
  expect(await page.locator('.editor-name').count()).toBe(0);
  expect(await page.locator('.record-step').count()).toBe(0);
}

/** Records a step on Pò Peo through the feature panel, as the editing test does, with `note` to find it again. */
async function saveStepThroughPanel(page: Page, note: string) {
  await page.locator('.record-step').click();
  const form = page.locator('form.step-form');
  await form.locator('#step-status').selectOption('announced');
  await form.locator('#step-level').selectOption('bilateral');
  await form.locator('#step-agreementId').selectOption('003');
  expect(await form.locator('#step-date').inputValue()).toBe(formatDate('2026-02-11', 'vi'));
  await form.locator('#step-clauseId').selectOption('003:6.d');
  await form.locator('#step-quote').fill('thúc đẩy thủ tục mở cửa khẩu song phương Pò Peo');
  await form.locator('#step-note').fill(note);
  await form.locator('button[type="submit"]').click();
  await page.getByText(text('stepSaved', 'vi')).waitFor();
}

describe('an office intranet over plain HTTP (http://intranet.test:PORT, not a secure context)', () => {
  it('with BORDER_ATLAS_PLAIN_HTTP a real editor signs in from the header and saves a status step', async () => {
    const { page, outsideRequests } = await openPoPeo(urls.plainHttp);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    const before = await detail(api(), 'po-peo');
    await signInThroughHeader(page, credentials);
    expect(await page.locator('.editor-name').textContent()).toContain('Biên tập viên');
    await saveStepThroughPanel(page, 'Ghi qua mạng nội bộ (HTTP)');
    const after = await detail(api(), 'po-peo');
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toMatchObject({
      status: 'announced',
      note: 'Ghi qua mạng nội bộ (HTTP)',
      recordedBy: credentials.username,
    });
    await page.screenshot({ path: join(artifactsDir, 'deployment-intranet-saved.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  }, 120_000);

  it('without it the page says, in its language, that sign-in cannot work here, and never shows the editor signed in', async () => {
    const page = await openHeader(urls.securedOnly, 'zh');
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await submitSignIn(page, 'zh');
    await expectNotSignedIn(page, 'insecureConnection', 'zh');
    await page.screenshot({ path: join(artifactsDir, 'deployment-intranet-refused.png') });
    await page.close();
  }, 120_000);

  it('checks that the session stuck: a sign-in whose cookie the browser did not keep is not shown as signed in', async () => {
    // What a proxy that strips cookies (or any lost cookie) looks like: the server says 200, no cookie arrives.
    const page = await openHeader(urls.securedOnlyLoopback, 'en');
    await page.route('**/api/session', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      const response = await route.fetch();
      // route.fetch keeps the cookie in the page's jar: drop it, as the browser or the proxy would have.
      await page.context().clearCookies();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => name !== 'set-cookie'));
      return route.fulfill({ response, headers });
    });
    await submitSignIn(page, 'en');
    await expectNotSignedIn(page, 'sessionNotKept', 'en');
    await page.close();
  }, 120_000);
});

describe('behind a TLS reverse proxy (https://atlas.test:PORT, BORDER_ATLAS_TRUST_PROXY=loopback)', () => {
  it('a real editor signs in and saves a status step over https', async () => {
    const { page, outsideRequests } = await openPoPeo(urls.proxied);
    expect(await page.evaluate(() => [window.isSecureContext, window.location.protocol])).toEqual([true, 'https:']);
    const before = await detail(api(), 'po-peo');
    await signInThroughHeader(page, credentials);
    await saveStepThroughPanel(page, 'Ghi qua proxy HTTPS');
    const after = await detail(api(), 'po-peo');
    expect(after.version).toBe(before.version + 1);
    expect(after.history.at(-1)).toMatchObject({ status: 'announced', note: 'Ghi qua proxy HTTPS', recordedBy: credentials.username });
    // The map's tiles came through the proxy too (TileJSON names https://atlas.test:PORT, from the trusted forwarded values).
    expect(await page.evaluate(async () => (await (await fetch('/api/map/tiles.json')).json()).tiles[0])).toMatch(
      new RegExp(`^${urls.proxied.replaceAll('.', '\\.')}/api/map/tiles/`),
    );
    await page.screenshot({ path: join(artifactsDir, 'deployment-tls-proxy-saved.png') });
    expect(outsideRequests).toEqual([]);
    await page.close();
  }, 120_000);
});
