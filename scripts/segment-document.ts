/**
 * Cuts a source document into clauses from a segmentation spec (geodata/record/segments/<id>.json)
 * and writes geodata/record/clauses/<id>.json. Clause text is sliced from the document itself, so it
 * is verbatim by construction; tests check it again against the document.
 *
 * Usage: npx tsx scripts/segment-document.ts 004
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { collapseWhitespace } from '../server/src/domain/text';

type SegmentSpec = {
  agreementId: string;
  sourceFile: string;
  clauses: { id: string; path: string[]; label: { vi: string; en: string }; start: string }[];
};

const recordDir = join(import.meta.dirname, '..', 'geodata', 'record');
const documentsDir = join(import.meta.dirname, '..', 'geodata', 'documents');

export function segment(spec: SegmentSpec, documentText: string) {
  const text = collapseWhitespace(documentText);
  const starts = spec.clauses.map((clause) => {
    const at = text.indexOf(collapseWhitespace(clause.start));
    if (at < 0) throw new Error(`${spec.agreementId}: start of ${clause.id} not found: "${clause.start}"`);
    if (text.indexOf(collapseWhitespace(clause.start), at + 1) >= 0) {
      throw new Error(`${spec.agreementId}: start of ${clause.id} is ambiguous: "${clause.start}"`);
    }
    return at;
  });
  starts.forEach((at, index) => {
    if (index > 0 && at <= starts[index - 1]) throw new Error(`${spec.clauses[index].id} starts before the clause listed above it`);
  });
  return spec.clauses.map((clause, index) => ({
    id: clause.id,
    agreementId: spec.agreementId,
    path: clause.path,
    label: clause.label,
    text: { vi: text.slice(starts[index], starts[index + 1] ?? text.length).trim() },
  }));
}

if (process.argv[1] === import.meta.filename) {
  const id = process.argv[2];
  if (!id) throw new Error('usage: segment-document.ts <agreement id>');
  const spec = JSON.parse(readFileSync(join(recordDir, 'segments', `${id}.json`), 'utf8')) as SegmentSpec;
  const clauses = segment(spec, readFileSync(join(documentsDir, spec.sourceFile), 'utf8'));
  mkdirSync(join(recordDir, 'clauses'), { recursive: true });
  writeFileSync(join(recordDir, 'clauses', `${id}.json`), `${JSON.stringify(clauses, null, 2)}\n`);
  console.log(`${id}: ${clauses.length} clauses`);
}
