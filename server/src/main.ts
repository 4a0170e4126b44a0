import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { storeOperations } from './admin/admin-operations';
import { startAdminSocket } from './admin/admin-socket';
import { createApp } from './app';
import { type BriefingStore, createFileBriefingStore } from './briefings/briefing-store';
import { createStoreBriefingStore } from './briefings/store-briefing-store';
import { readConfig } from './config';
import { withReplay } from './http/replay';
import { createFileRepository } from './record/file-repository';
import { loadRecord, loadTranslations } from './record/load-record';
import { RecordError } from './record/record-error';
import type { RecordRepository } from './record/repository';
import type { Database } from './store/database';
import { openStore } from './store/open-store';
import { briefingSourcesOf } from './store/seed-briefings';
import { StoreLockedError } from './store/store-lock';
import { createStoreRepository } from './store/store-repository';

/** Binds the port before anything else: a second server whose port is taken stops here, before it touches the store. */
function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Until the store is open (a first start seeds it, ≈8 s), every request is told to come back. */
const starting: RequestListener = (_request, response) => {
  response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '5' });
  response.end(JSON.stringify({ error: { code: 'starting', message: 'The server is starting: try again in a few seconds' } }));
};

/**
 * SIGTERM (docker stop, a supervisor, npm forwarding it) and SIGINT (Ctrl-C) are caught from the first moment:
 * a signal while the store opens (a first start seeds it) stops the server once it is open, never halfway.
 * A signal often comes twice — to the process group, and again from npm, which forwards it to its script —
 * and the second one, arriving while the store closes, must not kill the process before it releases its lock.
 */
function catchStopSignals() {
  let requested = false;
  let stop: (() => void) | null = null;
  const onSignal = () => {
    if (requested) return;
    requested = true;
    if (stop) stop();
    else console.log('Stopping once the store is open…');
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  /** What stops the started server; run at once if a signal came while it started. */
  return (stopServer: () => void) => {
    stop = stopServer;
    if (requested) stopServer();
  };
}

async function start() {
  const onStop = catchStopSignals();
  // Everything this process writes (the store, backups, the admin socket) is its owner's only.
  process.umask(0o077);
  const config = readConfig();
  let handler: RequestListener = starting;
  const server = createServer((request, response) => handler(request, response));
  let port: number;
  try {
    port = await listen(server, config.port, config.host);
  } catch (error) {
    throw new Error(`cannot listen on port ${config.port}: ${(error as Error).message}`);
  }

  let db: Database | null = null;
  let admin: Server | null = null;
  let repository: RecordRepository;
  let briefings: BriefingStore;
  if (config.recordSource === 'files') {
    repository = createFileRepository(loadRecord(config));
    // No store, no editors: briefings are read from var/briefings.json and served read-only (briefings/router.ts).
    briefings = createFileBriefingStore(config.dataDir, config.briefingExamplesDir);
  } else {
    // The curated files are read (and checked) only to seed an empty store; briefings are brought in once.
    // The embedded store is locked for this server until it stops (store-lock.ts).
    // With PostgreSQL each statement of a request is bounded (BORDER_ATLAS_STATEMENT_TIMEOUT_MS): a stalled server answers 503.
    db = await openStore(
      { ...config, owner: 'server', requestTimeoutMs: config.statementTimeoutMs },
      () => loadRecord(config),
      briefingSourcesOf(config),
    );
    repository = createStoreRepository(db);
    briefings = createStoreBriefingStore(db);
    // Admin commands (user:add, db:backup…) act through the server that owns the embedded store.
    if (db.kind === 'pglite') admin = await startAdminSocket(storeOperations(db), config.dataDir);
  }
  if (!existsSync(config.clientDir)) {
    console.warn(`No built client in ${config.clientDir}: run "npm run build" first. Serving the API only.`);
  }
  const app = createApp({
    repository,
    briefings,
    clientDir: config.clientDir,
    basemapDir: config.basemapDir,
    // BORDER_ATLAS_BASEMAP_PMTILES or BORDER_ATLAS_BASEMAP_STYLE_URL (README "Your own basemap").
    ownBasemap: config.ownBasemap,
    store: db ?? undefined,
    // BORDER_ATLAS_PUBLIC_ORIGIN, BORDER_ATLAS_TRUST_PROXY, BORDER_ATLAS_PLAIN_HTTP (README "Deployments").
    deployment: config.deployment,
    translations: loadTranslations(config.recordDir),
  });
  const [features, events, agreements] = await Promise.all([
    repository.listFeatures(),
    repository.listEventsByFeature(),
    repository.listAgreements(),
  ]);
  handler = withReplay(app);
  const stepCount = [...events.values()].reduce((sum, list) => sum + list.length, 0);
  const source = db === null ? 'the record folder, read-only' : db.kind === 'postgres' ? 'PostgreSQL' : 'the embedded store';
  console.log(
    `Border Atlas on http://localhost:${port} — ${features.length} features, ${stepCount} status events, ${agreements.length} agreements (${source})`,
  );
  server.on('error', (error) => console.error(`Server error: ${error.message}`));
  // Stop taking requests, let those in flight finish, then close the store (which releases its lock).
  onStop(() => {
    admin?.close();
    server.close(() => {
      void (db?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  });
}

start().catch((error: unknown) => {
  if (error instanceof RecordError) {
    console.error(`Refusing to start: invalid data in ${error.file}: ${error.problem}`);
  } else if (error instanceof StoreLockedError) {
    console.error(
      `Refusing to start: ${error.message}. One process owns an embedded store: stop that one first, or give this one another ` +
        'data folder (BORDER_ATLAS_DATA_DIR). Several servers on one record need PostgreSQL (DATABASE_URL).',
    );
  } else {
    console.error(`Refusing to start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
