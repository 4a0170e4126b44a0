/**
 * A clause a note names is a clause of the record, and the words a note quotes right beside it are that clause's words
 * (geodata/READING.md; audit-2 B-W1…B-W3: notes citing 003:6.d and 003:18 for sentences of 003:6.c and 003:10).
 * "Right beside": the quotation just before the id — `"…" (003:6.c)`, `'…', 003:6.c` — or just after it —
 * `003:6.c "…"`, `003:6.c: '…'`. The words are compared NFC-normalised, whitespace collapsed and capitals aside, with
 * the clause's Vietnamese text or its Chinese; an ellipsis ("…", "...") in the quotation stands for words left out.
 */
import { recordProse } from '../server/src/domain/record-translations';
import type { Clause } from '../server/src/domain/schemas';
import { normalizeText } from '../server/src/domain/text';
import type { LoadedRecord } from '../server/src/record/load-record';
import { placesOfSteps, stepName } from './step-places';

/** A held document's clause id as notes write it: "003:6.c", "000-vn:II.1", "004:closing" (not a time, "10:30"). */
const CLAUSE_ID = /(?<![\p{L}\p{N}_-])\d{3}(?:-[a-z]+)*:[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*/gu;

const CLOSING: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const OPENING: Record<string, string> = { '"': '"', "'": "'", '”': '“', '’': '‘' };
const LONGEST_QUOTATION = 400;
const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/** The opening quote mark matching the one closing at `close` (a `'` opens only where no word runs into it: "pair's" is no quote). */
function openingBefore(text: string, close: number): number {
  const mark = OPENING[text[close]];
  for (let at = close - 1; at >= 0 && close - at <= LONGEST_QUOTATION; at--)
    if (text[at] === mark && (mark !== "'" || !isWordCharacter(text[at - 1]))) return at;
  return -1;
}

/** The closing quote mark matching the one opening at `open` (a `'` closes only where no word follows it). */
function closingAfter(text: string, open: number): number {
  const mark = CLOSING[text[open]];
  for (let at = open + 1; at < text.length && at - open <= LONGEST_QUOTATION; at++)
    if (text[at] === mark && (mark !== "'" || !isWordCharacter(text[at + 1]))) return at;
  return -1;
}

/** The quotations right beside the clause id found at [start, end) of `text`. */
export function quotationsBeside(text: string, start: number, end: number): string[] {
  const quotations: string[] = [];
  const before = /(["'”’])[,;]?\s*\(?\s*$/u.exec(text.slice(0, start));
  if (before) {
    const close = before.index;
    const open = openingBefore(text, close);
    if (open >= 0) quotations.push(text.slice(open + 1, close));
  }
  const after = /^\s*[:,]?\s*(["'“‘])/u.exec(text.slice(end));
  if (after) {
    const open = end + after[0].length - 1;
    const close = closingAfter(text, open);
    if (close >= 0) quotations.push(text.slice(open + 1, close));
  }
  return quotations.filter((quotation) => /[\p{L}\p{N}]/u.test(quotation));
}

const comparable = (text: string) => normalizeText(text).toLocaleLowerCase('vi');

/** True when each part of `quotation` between ellipses is in `text`, in order. */
function quotes(quotation: string, text: string): boolean {
  const source = comparable(text);
  let from = 0;
  for (const part of quotation.split(/\[?(?:…|\.\.\.)\]?/u).map(comparable)) {
    if (part === '') continue;
    const at = source.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

const quotesClause = (quotation: string, clause: Clause) =>
  quotes(quotation, clause.text.vi) || (clause.text.zh !== undefined && quotes(quotation, clause.text.zh));

/** What is wrong with the clause ids a text names and the words it quotes beside them. */
function problemsOf(text: string, clauseById: ReadonlyMap<string, Clause>): string[] {
  const problems: string[] = [];
  for (const match of text.matchAll(CLAUSE_ID)) {
    const id = match[0];
    const clause = clauseById.get(id);
    if (!clause) {
      problems.push(`names clause ${id}, which the record does not hold`);
      continue;
    }
    for (const quotation of quotationsBeside(text, match.index, match.index + id.length))
      if (!quotesClause(quotation, clause)) problems.push(`quotes "${quotation}" beside ${id}, words clause ${id} does not hold`);
  }
  return problems;
}

/**
 * Every note of the record (and every other text its editors write: sources, reasons, datesSource): the clause ids
 * it names exist, and the words it quotes beside one are that clause's. A step's note is named by its place.
 */
export function checkNoteClauseReferences(record: LoadedRecord): string[] {
  const clauseById = new Map(record.clauses.map((clause) => [clause.id, clause]));
  const problems: string[] = [];
  for (const prose of recordProse({ ...record, events: [] }))
    for (const problem of problemsOf(prose.text, clauseById)) problems.push(`${prose.where}: ${problem}`);
  const places = placesOfSteps(record.events);
  for (const step of record.events)
    for (const problem of problemsOf(step.note ?? '', clauseById)) problems.push(`${stepName(step, places)}: its note ${problem}`);
  return problems;
}
