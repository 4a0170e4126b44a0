import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { createTestApp, projectRoot } from '../helpers/app';

export const artifactsDir = join(projectRoot, 'test', 'artifacts');

/** Flags that keep Debian's Chromium quiet on a machine with no network (see DEVELOPERS.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function startAppServer(): Promise<{ server: Server; baseUrl: string }> {
  if (!existsSync(join(projectRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('client/dist is missing: run "npm run build" before the browser tests');
  }
  const server = createTestApp({ withClient: true }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
