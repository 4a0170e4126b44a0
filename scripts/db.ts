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
import { restoreStore } from '../server/src/store/backup';
import { openStore } from '../server/src/store/open-store';
import { currentOwner, describeOwner } from '../server/src/store/store-lock';
import { adminTarget } from './store-admin';

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
    // A running server makes the backup itself, in one transaction: every write it acknowledged before is in it.
    const target = await adminTarget('db:backup');
    try {
      const bytes = await target.operations.backup();
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes, { mode: 0o600 });
      console.log(`db:backup: ${target.where} → ${file} (${Math.round(bytes.length / 1024)} kB)`);
    } finally {
      await target.close();
    }
  } else if (command === 'restore') {
    if (!args[0]) fail('name the backup file: npm run db:restore -- <file>');
    const bytes = readFileSync(resolve(args[0]));
    const owner = config.databaseUrl ? null : currentOwner(config.dataDir);
    if (owner) {
      fail(
        `${describeOwner(owner)} is using ${where}: stop it first. A restore goes into an empty store only (move ${where} aside, restore, then start the server)`,
      );
    }
    // Opened without seeding: a restore goes into an empty store only.
    const db = await openStore({ ...config, owner: 'db:restore' }, null);
    try {
      const counts = await restoreStore(db, bytes);
      console.log(
        `db:restore: ${args[0]} → ${where}: ${Object.entries(counts)
          .map(([table, n]) => `${n} ${table}`)
          .join(', ')}`,
      );
    } catch (error) {
      console.error(`db: ${(error as Error).message}`);
      process.exitCode = 1;
    } finally {
      await db.close();
    }
  } else if (command === 'export') {
    const to = resolve(args[0] === '--to' && args[1] ? args[1] : join(config.dataDir, 'export', 'record'));
    const target = await adminTarget('db:export');
    try {
      const { files, documents } = await target.operations.exportRecord();
      for (const [path, content] of files) {
        mkdirSync(dirname(join(to, path)), { recursive: true });
        writeFileSync(join(to, path), content);
      }
      // Texts of documents imported in the app, beside the record as geodata/documents/ is.
      for (const document of documents) {
        const file = join(to, '..', 'documents', document.fileName);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, document.text);
      }
      console.log(`db:export: ${target.where} → ${to} (${files.length} files; ${documents.length} imported documents in ../documents)`);
    } finally {
      await target.close();
    }
  } else {
    fail('usage: npm run db:backup -- [file] | db:restore -- <file> | db:export -- [--to <folder>]');
  }
}

await main();
