import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { hashPassword } from '../../server/src/access/passwords';
import { type AppOptions, createApp } from '../../server/src/app';
import { createFileBriefingStore } from '../../server/src/briefings/briefing-store';
import { createStoreBriefingStore } from '../../server/src/briefings/store-briefing-store';
import { readConfig } from '../../server/src/config';
import { createFileRepository } from '../../server/src/record/file-repository';
import { loadRecord, loadTranslations } from '../../server/src/record/load-record';
import type { RecordRepository } from '../../server/src/record/repository';
import { openStore } from '../../server/src/store/open-store';
import { briefingSourcesOf } from '../../server/src/store/seed-briefings';
import { createStoreRepository } from '../../server/src/store/store-repository';

export const projectRoot = join(import.meta.dirname, '..', '..');

/** The real record, loaded and validated exactly as the server does. */
export function loadRealRecord() {
  return loadRecord(readConfig({}));
}

/**
 * The app over the real record; `withClient` also serves the built client and the basemap; `deployment` and the
 * deployment's own basemap (`ownBasemap`) as configured.
 */
export function createTestApp({
  withClient = false,
  deployment,
  ownBasemap,
}: {
  withClient?: boolean;
  deployment?: AppOptions['deployment'];
  ownBasemap?: AppOptions['ownBasemap'];
} = {}) {
  const config = readConfig({});
  return createApp({
    deployment,
    ownBasemap,
    repository: createFileRepository(loadRecord(config)),
    // Briefings in a throw-away folder, seeded with the shipped examples.
    briefings: createFileBriefingStore(mkdtempSync(join(tmpdir(), 'border-atlas-data-')), config.briefingExamplesDir),
    clientDir: withClient ? config.clientDir : undefined,
    basemapDir: withClient ? config.basemapDir : undefined,
    translations: loadTranslations(config.recordDir),
  });
}

/** A throw-away copy of geodata/record and geodata/documents that a test may break. */
export function copyRecord(): { recordDir: string; documentsDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'border-atlas-record-'));
  cpSync(join(projectRoot, 'geodata', 'record'), join(root, 'geodata', 'record'), { recursive: true });
  cpSync(join(projectRoot, 'geodata', 'documents'), join(root, 'geodata', 'documents'), { recursive: true });
  return { recordDir: join(root, 'geodata', 'record'), documentsDir: join(root, 'geodata', 'documents') };
}

/** Deep-freezes a fixture so a function that mutates its input fails its test. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The app over a new embedded store (seeded from the real record) with one editor, as the server runs
 * it by default: for tests of signing in and changing the record.
 */
export async function createStoreTestApp({
  username = 'editor',
  password = 'correct horse battery',
  withClient = false,
  deployment,
  watch = (repository) => repository,
}: {
  username?: string;
  password?: string;
  withClient?: boolean;
  deployment?: AppOptions['deployment'];
  /** Wraps the store's repository before the app reads it (to count what a request reads). */
  watch?: (repository: RecordRepository) => RecordRepository;
} = {}) {
  const config = readConfig({});
  const dataDir = mkdtempSync(join(tmpdir(), 'border-atlas-store-app-'));
  // Briefings in the store, seeded with the shipped examples (the new data folder has no briefings.json).
  const db = await openStore({ dataDir }, () => loadRecord(config), briefingSourcesOf({ ...config, dataDir }));
  await db.query("INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, 'Biên tập viên', $2, 'editor')", [
    username,
    await hashPassword(password),
  ]);
  const app = createApp({
    deployment,
    repository: watch(createStoreRepository(db)),
    briefings: createStoreBriefingStore(db),
    store: db,
    clientDir: withClient ? config.clientDir : undefined,
    basemapDir: withClient ? config.basemapDir : undefined,
    translations: loadTranslations(config.recordDir),
  });
  return { app, db, username, password, dataDir };
}

/** Signs an editor in through the API: the session cookie, the CSRF token, and both as request headers. */
export async function signInAsEditor(app: Express, credentials: { username: string; password: string }) {
  const response = await request(app).post('/api/session').send({ username: credentials.username, password: credentials.password });
  if (response.status !== 200) throw new Error(`sign-in refused: ${response.status} ${response.text}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0];
  const csrf = response.body.csrfToken as string;
  return { cookie, csrf, headers: { Cookie: cookie, 'X-CSRF-Token': csrf } };
}
