import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RecordLocation } from '../record/load-record';
import type { Queryable } from './database';

/** The name, in `setup_steps`, of what the store was seeded from: the curated files' digests. */
const CURATED_SETUP_STEP = 'curated-files';

type Fingerprint = { files: Record<string, string> };

function filesUnder(dir: string, root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

/** SHA-256 of every file of the record folder and the documents beside it, by path (`record/features.json`…). */
function fingerprintOf({ recordDir, documentsDir }: RecordLocation): Fingerprint {
  const files: Record<string, string> = {};
  for (const [prefix, dir] of [
    ['record', recordDir],
    ['documents', documentsDir],
  ] as const) {
    for (const path of filesUnder(dir, dir)) {
      files[`${prefix}/${path}`] = createHash('sha256')
        .update(readFileSync(join(dir, path)))
        .digest('hex');
    }
  }
  return { files };
}

/** The files that differ between two fingerprints: changed, added or removed. */
function changedFiles(before: Fingerprint, after: Fingerprint): string[] {
  const paths = new Set([...Object.keys(before.files), ...Object.keys(after.files)]);
  return [...paths].filter((path) => before.files[path] !== after.files[path]).sort();
}

/**
 * The curated files are read once, to seed a new store; after that the store is the record. An admin who
 * edits geodata/record later would otherwise see nothing happen: this notes what the store was seeded
 * from (or, for a store seeded before this check, what the files were when first checked) and says
 * which files changed since, with what to do.
 */
export async function checkCuratedFiles(db: Queryable, location: RecordLocation, seededNow: boolean): Promise<string | null> {
  const now = fingerprintOf(location);
  const [row] = await db.query<{ detail: Fingerprint & { at: string }; done_at: string }>(
    'SELECT detail, done_at::text AS done_at FROM setup_steps WHERE name = $1',
    [CURATED_SETUP_STEP],
  );
  if (!row || seededNow) {
    await db.query(
      `INSERT INTO setup_steps (name, detail) VALUES ($1, $2::jsonb)
       ON CONFLICT (name) DO UPDATE SET detail = EXCLUDED.detail, done_at = now()`,
      [CURATED_SETUP_STEP, JSON.stringify({ ...now, at: seededNow ? 'seeded' : 'first checked' })],
    );
    return null;
  }
  const changed = changedFiles(row.detail, now);
  if (changed.length === 0) return null;
  const shown = changed.slice(0, 8).join(', ') + (changed.length > 8 ? ` and ${changed.length - 8} more` : '');
  return [
    `The curated files changed after this store was ${row.detail.at === 'seeded' ? 'seeded from them' : 'first started'} (${row.done_at.slice(0, 10)}): ${shown}.`,
    'They are NOT applied: the store is the record now, and editors may have changed it since.',
    'To see the difference: npm run db:export && git diff --no-index var/export/record geodata/record',
    'To apply them: record the changes in the app (a status step, or an import), or — dropping every change made in the app —',
    'npm run db:backup, stop the server, move var/store aside, and start again (a new store is seeded from the files).',
  ].join('\n  ');
}
