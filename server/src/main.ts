import { existsSync } from 'node:fs';
import { createApp } from './app';
import { createFileBriefingStore } from './briefings/briefing-store';
import { readConfig } from './config';
import { createFileRepository } from './record/file-repository';
import { loadRecord } from './record/load-record';
import { RecordError } from './record/record-error';

function start() {
  const config = readConfig();
  const record = loadRecord(config);
  if (!existsSync(config.clientDir)) {
    console.warn(`No built client in ${config.clientDir}: run "npm run build" first. Serving the API only.`);
  }
  const app = createApp({
    repository: createFileRepository(record),
    briefings: createFileBriefingStore(config.dataDir, config.briefingExamplesDir),
    clientDir: config.clientDir,
    basemapDir: config.basemapDir,
  });
  const server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(
      `Border Atlas on http://localhost:${port} — ${record.features.length} features, ${record.events.length} status events, ${record.agreements.length} agreements`,
    );
  });
  server.on('error', (error) => {
    console.error(`Cannot listen on port ${config.port}: ${error.message}`);
    process.exit(1);
  });
}

try {
  start();
} catch (error) {
  if (error instanceof RecordError) {
    console.error(`Refusing to start: invalid data in ${error.file}: ${error.problem}`);
  } else {
    console.error(`Refusing to start: ${(error as Error).message}`);
  }
  process.exit(1);
}
