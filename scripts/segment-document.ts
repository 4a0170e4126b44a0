/**
 * Cuts a source document into clauses from a segmentation spec (geodata/record/segments/<id>.json)
 * and writes geodata/record/clauses/<id>.json. Clause text is sliced from the normalised document
 * itself, so it is verbatim by construction; tests check it again against the document.
 *
 * A clause runs from its `start` to the next clause's `start`, or to its own `end` (exclusive) when
 * given — needed for the last clause of an agreement that shares its file with other text. For a
 * bilingual document, `zhStart` / `zhEnd` cut the matching Chinese clause the same way from the
 * Chinese part.
 *
 * Usage: npx tsx scripts/segment-document.ts 004 [001-mou …]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../server/src/domain/text';

export type SegmentSpec = {
  agreementId: string;
  sourceFile: string;
  note?: string;
  clauses: {
    id: string;
    path: string[];
    label: { vi: string; en: string };
    start: string;
    end?: string;
    zhStart?: string;
    zhEnd?: string;
  }[];
};

const recordDir = join(import.meta.dirname, '..', 'geodata', 'record');
const documentsDir = join(import.meta.dirname, '..', 'geodata', 'documents');

function locate(text: string, anchor: string, what: string, from = 0): number {
  const needle = normalizeText(anchor);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${what} not found: "${anchor}"`);
  if (text.indexOf(needle, at + 1) >= 0 && from === 0) throw new Error(`${what} is ambiguous: "${anchor}"`);
  return at;
}

/** Slices one language's clauses; `pick` chooses start/end anchors for that language. */
function slice(
  text: string,
  spec: SegmentSpec,
  pick: (clause: SegmentSpec['clauses'][number]) => { start?: string; end?: string },
): (string | undefined)[] {
  const anchors = spec.clauses.map((clause) => pick(clause));
  const starts = anchors.map((anchor, index) =>
    anchor.start === undefined ? -1 : locate(text, anchor.start, `${spec.clauses[index].id}: start`),
  );
  let previous = -1;
  starts.forEach((at, index) => {
    if (at < 0) return;
    if (at <= previous) throw new Error(`${spec.clauses[index].id} starts before the clause listed above it`);
    previous = at;
  });
  return anchors.map((anchor, index) => {
    const start = starts[index];
    if (start < 0) return undefined;
    const nextStart = starts.slice(index + 1).find((at) => at >= 0) ?? text.length;
    const end = anchor.end === undefined ? nextStart : locate(text, anchor.end, `${spec.clauses[index].id}: end`, start);
    if (end > nextStart) throw new Error(`${spec.clauses[index].id}: end lies beyond the next clause's start`);
    return text.slice(start, end).trim();
  });
}

export function segment(spec: SegmentSpec, documentText: string) {
  const text = normalizeText(documentText);
  const vi = slice(text, spec, (clause) => ({ start: clause.start, end: clause.end }));
  const zh = slice(text, spec, (clause) => ({ start: clause.zhStart, end: clause.zhEnd }));
  return spec.clauses.map((clause, index) => ({
    id: clause.id,
    agreementId: spec.agreementId,
    path: clause.path,
    label: clause.label,
    text: zh[index] === undefined ? { vi: vi[index] as string } : { vi: vi[index] as string, zh: zh[index] as string },
  }));
}

if (process.argv[1] === import.meta.filename) {
  const ids = process.argv.slice(2);
  if (ids.length === 0) throw new Error('usage: segment-document.ts <agreement id> [more ids]');
  mkdirSync(join(recordDir, 'clauses'), { recursive: true });
  for (const id of ids) {
    const spec = JSON.parse(readFileSync(join(recordDir, 'segments', `${id}.json`), 'utf8')) as SegmentSpec;
    const clauses = segment(spec, readFileSync(join(documentsDir, spec.sourceFile), 'utf8'));
    writeFileSync(join(recordDir, 'clauses', `${id}.json`), `${JSON.stringify(clauses, null, 2)}\n`);
    console.log(`${id}: ${clauses.length} clauses`);
  }
}
