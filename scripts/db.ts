/**
 * The record's store, from the command line (the embedded store in var/store, or DATABASE_URL):
 *
 *   npm run db:backup -- [file]            every table (record, history, accounts, briefings) as gzipped JSON
 *                                          (default var/backups/border-atlas-<time>.json.gz; holds password hashes: mode 600)
 *   npm run db:restore -- <file>           into an empty store only (a new var/store, or a new database)
 *   npm run db:export -- [--to <folder>]   the record in geodata/record's file layout (default var/export/record),
 *                                          to compare with the curated files: git diff --no-index geodata/record var/export/record
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readConfig } from '../server/src/config';
import { loadRecord } from '../server/src/record/load-record';
import { backupStore, restoreStore } from '../server/src/store/backup';
import { recordFiles } from '../server/src/store/export-record';
import { openStore } from '../server/src/store/open-store';
import { briefingSourcesOf } from '../server/src/store/seed-briefings';
import { readRecord } from '../server/src/store/store-repository';

function fail(message: string): never {
  console.error(`db: ${message}`);
  process.exit(1);
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const config = readConfig();
  if (config.recordSource === 'files') fail('BORDER_ATLAS_RECORD_SOURCE=files has no store');
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : join(config.dataDir, 'store');
  if (command === 'backup') {
    const file = resolve(
      args[0] ?? join(config.dataDir, 'backups', `border-atlas-${new Date().toISOString().replaceAll(':', '-')}.json.gz`),
    );
    // Opened as the server opens it, so a backup made before its first start holds the briefings too.
    const db = await openStore(config, () => loadRecord(config), briefingSourcesOf(config));
    try {
      const bytes = await backupStore(db);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes, { mode: 0o600 });
      console.log(`db:backup: ${where} → ${file} (${Math.round(bytes.length / 1024)} kB)`);
    } finally {
      await db.close();
    }
  } else if (command === 'restore') {
    if (!args[0]) fail('name the backup file: npm run db:restore -- <file>');
    const bytes = readFileSync(resolve(args[0]));
    // Opened without seeding: a restore goes into an empty store only.
    const db = await openStore(config, null);
    try {
      const counts = await restoreStore(db, bytes);
      console.log(
        `db:restore: ${args[0]} → ${where}: ${Object.entries(counts)
          .map(([table, n]) => `${n} ${table}`)
          .join(', ')}`,
      );
    } catch (error) {
      fail((error as Error).message);
    } finally {
      await db.close();
    }
  } else if (command === 'export') {
    const to = resolve(args[0] === '--to' && args[1] ? args[1] : join(config.dataDir, 'export', 'record'));
    const db = await openStore(config, () => loadRecord(config));
    try {
      const files = recordFiles(await readRecord(db));
      for (const [path, content] of files) {
        mkdirSync(dirname(join(to, path)), { recursive: true });
        writeFileSync(join(to, path), content);
      }
      // Texts of documents imported in the app, beside the record as geodata/documents/ is.
      const documents = await db.query<{ file_name: string; text: string }>('SELECT file_name, text FROM documents ORDER BY file_name');
      for (const document of documents) {
        const file = join(to, '..', 'documents', document.file_name);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, document.text);
      }
      console.log(`db:export: ${where} → ${to} (${files.size} files; ${documents.length} imported documents in ../documents)`);
    } finally {
      await db.close();
    }
  } else {
    fail('usage: npm run db:backup -- [file] | db:restore -- <file> | db:export -- [--to <folder>]');
  }
}

await main();
