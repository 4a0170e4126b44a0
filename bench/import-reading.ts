import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentDocument } from '../server/src/domain/import/segment-document';
import { buildLinkIndex, suggestLinks } from '../server/src/domain/import/suggest-links';
import { MAX_DOCUMENT_CHARS } from '../server/src/domain/request-bodies';
import type { FeatureRecord } from '../server/src/domain/schemas';
import { projectRoot } from '../test/helpers/app';

export type ImportReadingResult = { document: string; characters: number; clauses: number; suggestions: number; medianMs: number };

/** `text` repeated up to `length` characters (whole copies, cut at the end). */
const filled = (text: string, length: number) => text.repeat(Math.ceil(length / text.length)).slice(0, length);

/**
 * POST /api/imports/read's work — segmenting a document and suggesting links against the real record —
 * timed on the five source documents, our two test documents, and the worst inputs the size limit
 * admits (an editor waits for it; it runs on the server's main thread).
 */
export function measureImportReading(runs = 5): ImportReadingResult[] {
  const features = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'record', 'features.json'), 'utf8')) as FeatureRecord[];
  const index = buildLinkIndex(features);
  const documents: [string, string][] = [];
  const seeds = join(projectRoot, 'geodata', 'documents');
  for (const name of readdirSync(seeds)
    .filter((file) => file.endsWith('.txt'))
    .sort())
    documents.push([name, readFileSync(join(seeds, name), 'utf8')]);
  const fixtures = join(projectRoot, 'test', 'fixtures', 'import');
  for (const name of readdirSync(fixtures).sort()) documents.push([name, readFileSync(join(fixtures, name), 'utf8')]);
  const minutes = readFileSync(join(fixtures, '2026-minutes-lao-cai.txt'), 'utf8');
  documents.push([`limit: the Lào Cai minutes repeated (${MAX_DOCUMENT_CHARS} characters)`, filled(`${minutes}\n`, MAX_DOCUMENT_CHARS)]);
  documents.push([`limit: one Chinese name repeated (${MAX_DOCUMENT_CHARS} characters)`, filled('友谊关口岸。', MAX_DOCUMENT_CHARS)]);
  documents.push([
    `limit: one Vietnamese sentence without a full stop (${MAX_DOCUMENT_CHARS} characters)`,
    filled('Hai Bên thúc đẩy mở cửa khẩu Hữu Nghị, ', MAX_DOCUMENT_CHARS),
  ]);
  return documents.map(([document, text]) => {
    const times: number[] = [];
    let clauses = 0;
    let suggestions = 0;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const segmented = segmentDocument(text);
      const suggested = suggestLinks(segmented, [], { index });
      times.push(performance.now() - started);
      clauses = segmented.length;
      suggestions = suggested.reduce((sum, list) => sum + list.length, 0);
    }
    times.sort((a, b) => a - b);
    return { document, characters: text.length, clauses, suggestions, medianMs: Math.round(times[Math.floor(times.length / 2)]) };
  });
}
