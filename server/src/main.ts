import { existsSync } from 'node:fs';
import { createApp } from './app';
import { type BriefingStore, createFileBriefingStore } from './briefings/briefing-store';
import { createStoreBriefingStore } from './briefings/store-briefing-store';
import { readConfig } from './config';
import { createFileRepository } from './record/file-repository';
import { loadRecord } from './record/load-record';
import { RecordError } from './record/record-error';
import type { RecordRepository } from './record/repository';
import type { Database } from './store/database';
import { openStore } from './store/open-store';
import { briefingSourcesOf } from './store/seed-briefings';
import { createStoreRepository } from './store/store-repository';

async function start() {
  const config = readConfig();
  let db: Database | null = null;
  let repository: RecordRepository;
  let briefings: BriefingStore;
  if (config.recordSource === 'files') {
    repository = createFileRepository(loadRecord(config));
    // No store, no editors: briefings are read from var/briefings.json and served read-only (briefings/router.ts).
    briefings = createFileBriefingStore(config.dataDir, config.briefingExamplesDir);
  } else {
    // The curated files are read (and checked) only to seed an empty store; briefings are brought in once.
    db = await openStore(config, () => loadRecord(config), briefingSourcesOf(config));
    repository = createStoreRepository(db);
    briefings = createStoreBriefingStore(db);
  }
  if (!existsSync(config.clientDir)) {
    console.warn(`No built client in ${config.clientDir}: run "npm run build" first. Serving the API only.`);
  }
  const app = createApp({
    repository,
    briefings,
    clientDir: config.clientDir,
    basemapDir: config.basemapDir,
    store: db ?? undefined,
  });
  const [features, events, agreements] = await Promise.all([
    repository.listFeatures(),
    repository.listEventsByFeature(),
    repository.listAgreements(),
  ]);
  const stepCount = [...events.values()].reduce((sum, list) => sum + list.length, 0);
  const source = db === null ? 'the record folder, read-only' : db.kind === 'postgres' ? 'PostgreSQL' : 'the embedded store';
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(
      `Border Atlas on http://localhost:${port} — ${features.length} features, ${stepCount} status events, ${agreements.length} agreements (${source})`,
    );
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on port ${config.port}: ${error.message}`);
    process.exit(1);
  });
  // Stop taking requests, let those in flight finish, then close the store.
  const stop = () => {
    server.close(() => {
      void (db?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

start().catch((error: unknown) => {
  if (error instanceof RecordError) {
    console.error(`Refusing to start: invalid data in ${error.file}: ${error.problem}`);
  } else {
    console.error(`Refusing to start: ${(error as Error).message}`);
  }
  process.exit(1);
});
