/**
 * Splits the text of a new Vietnamese agreement into clauses, the way the curated record splits the
 * source documents: a preamble, roman-numeral sections ("I.", "II-", "一、"), numbered items ("1.",
 * "1)"), parenthesised items ("(1)" … "(23)", "(一)") and lettered items ("a)"). Pure and linear in
 * the length of the input: one pass over the lines, then one over the structural lines found.
 */
import { normalizeText } from '../text';

export type SegmentedClause = {
  path: string[];
  label: { vi: string; en: string };
  /** Verbatim, line breaks joined by single spaces (see `normalizeText`). */
  text: string;
  /** Character offsets in the input, so the UI can highlight the clause. */
  start: number;
  end: number;
};

type Style = 'roman' | 'number' | 'numberParen' | 'paren' | 'letter';

type Line = { start: number; end: number; content: string; markdownHeading: boolean };

/** A line that opens a section or an item. */
type Marker = { line: number; style: Style; key: string; ordinal: number };

type Node = Marker & { depth: number; parent: Node | null; part: number; index: number };

const CHINESE_DIGITS = '一二三四五六七八九十';

/** Lines with their offsets; CRLF, CR and LF all end a line. */
function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  const breaks = /\r\n|\r|\n/g;
  let from = 0;
  for (;;) {
    const match = breaks.exec(input);
    const to = match ? match.index : input.length;
    const raw = input.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    const start = from + lead;
    lines.push({ start, end: start + content.length, content, markdownHeading: /^#{1,6}\s/.test(content) });
    if (!match) break;
    from = to + match[0].length;
  }
  return lines;
}

/** The line without Markdown heading marks and leading emphasis, where numbering would sit. */
function stripMarkup(content: string): string {
  return content
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(?:\*{1,3}|_{1,3}|<b>)\s*/, '')
    .trimStart();
}

function romanValue(numeral: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < numeral.length; i += 1) {
    const value = values[numeral[i]];
    const next = values[numeral[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const VALID_ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

function chineseValue(numeral: string): number {
  // Enough for section and item numbers (1–19, 一 … 十九).
  if (numeral === '十') return 10;
  if (numeral.startsWith('十')) return 10 + CHINESE_DIGITS.indexOf(numeral[1]) + 1;
  return CHINESE_DIGITS.indexOf(numeral) + 1;
}

/** Vietnamese letters as the documents order lettered items (a, b, c, d, đ, e, g …); f, j, w also accepted. */
const LETTERS = 'abcdđefghijklmnopqrstuvwxy';
const LETTER_NEXT: Record<string, string[]> = { d: ['đ', 'e'], đ: ['e'], e: ['g', 'f'], f: ['g'], h: ['i'], i: ['k', 'j'], j: ['k'] };

/**
 * What numbering, if any, opens the line. The text after the number must start like a sentence
 * (a capital, a quote, emphasis), which rules out "1.000 tấn", "2024." and dates such as "22/8/2024".
 */
function markerOf(content: string): Omit<Marker, 'line'> | null {
  const text = stripMarkup(content);
  const startsSentence = (rest: string) => rest === '' || /^[*_"“'‘(«\p{Lu}\p{Script=Han}]/u.test(rest);
  let m = /^([IVX]{1,6})\s*[.\-–)]\s*(.*)$/u.exec(text);
  if (m && VALID_ROMAN.test(m[1]) && startsSentence(m[2]) && (m[2] !== '' || /[.\-–]/.test(text))) {
    return { style: 'roman', key: m[1], ordinal: romanValue(m[1]) };
  }
  m = new RegExp(`^([${CHINESE_DIGITS}]{1,2})、`, 'u').exec(text);
  if (m) return { style: 'roman', key: m[1], ordinal: chineseValue(m[1]) };
  m = /^(\d{1,2})([.)])\s+(.*)$/u.exec(text);
  if (m && startsSentence(m[3])) return { style: m[2] === '.' ? 'number' : 'numberParen', key: m[1], ordinal: Number(m[1]) };
  m = /^[(（](\d{1,3})[)）]\s*(.*)$/u.exec(text);
  if (m && startsSentence(m[2])) return { style: 'paren', key: m[1], ordinal: Number(m[1]) };
  m = new RegExp(`^[(（]([${CHINESE_DIGITS}]{1,2})[)）]\\s*(.*)$`, 'u').exec(text);
  if (m) return { style: 'paren', key: m[1], ordinal: chineseValue(m[1]) };
  // Lettered items may start in lower case ("a) tổ chức …"); the letter sequence check guards them.
  m = /^([a-zđ])\)\s+\S/u.exec(text);
  if (m) return { style: 'letter', key: m[1], ordinal: LETTERS.indexOf(m[1]) + 1 };
  return null;
}

/** True when the previous line cannot be continuing into this one (a wrapped sentence). */
function followsBreak(lines: Line[], index: number, previousWasMarker: boolean): boolean {
  if (index === 0 || lines[index].markdownHeading || previousWasMarker) return true;
  const previous = lines[index - 1].content;
  // Blank, or ends a sentence or a heading: ". : ; ! ?" maybe followed by closing quotes, brackets, emphasis.
  return previous === '' || /[.:;!?…。；！？：]["”'’)\]*_」』]*$|\*\*$|<\/b>$/u.test(previous);
}

/** Does `next` continue the numbering of `previous` (same style, one step on) or restart it? */
function continues(previous: Marker | undefined, next: Omit<Marker, 'line'>): boolean {
  if (!previous) return true;
  if (next.ordinal === 1) return true;
  if (next.style === 'letter') return (LETTER_NEXT[previous.key] ?? [LETTERS[LETTERS.indexOf(previous.key) + 1]]).includes(next.key);
  return next.ordinal === previous.ordinal + 1;
}

/** Only top-level Markdown headings ("#", "##") title a whole document; "###" and below sit inside one. */
const isDocumentTitle = (line: Line) => /^#{1,2}\s/.test(line.content);

/**
 * Structural lines, each placed in the outline: a style seen before closes everything opened since
 * (a sibling), a new style opens a level below the current one. A restart of the outermost numbering,
 * or an unnumbered top-level Markdown heading after the numbering began, starts a new part (an annex,
 * the other side's text): its paths get a "P2", "P3" … prefix so that every path stays unique.
 */
function outline(lines: Line[]): { nodes: Node[]; partStarts: Map<number, number> } {
  const nodes: Node[] = [];
  const partStarts = new Map<number, number>();
  let stack: Node[] = [];
  let part = 1;
  let nodesInPart = 0;
  let previousMarkerLine = -2;
  // Last item of each style under each parent, for the sequence check.
  let lastInScope = new Map<string, Node>();
  const scopeOf = (style: Style, parent: Node | null) => `${style}@${parent ? parent.index : -1}`;
  const startPart = (line: number) => {
    part += 1;
    partStarts.set(part, line);
    stack = [];
    lastInScope = new Map();
    nodesInPart = 0;
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (line.content === '') continue;
    const found = markerOf(line.content);
    if (!found) {
      if (nodesInPart > 0 && isDocumentTitle(line)) startPart(index);
      continue;
    }
    // The first item of an outline ("1. …", "I. …") opens it even after an unpunctuated heading line.
    const opensOutline = found.ordinal === 1 && nodesInPart === 0 && found.style !== 'letter';
    if (!opensOutline && !followsBreak(lines, index, previousMarkerLine === index - 1)) continue;
    let level = stack.findIndex((node) => node.style === found.style);
    if (level === 0 && found.ordinal === 1 && nodesInPart > 0) {
      // The outermost numbering starts again at 1 (or I): a second document follows.
      startPart(index);
      level = -1;
    }
    const depth = level >= 0 ? level : stack.length;
    const parent = stack[depth - 1] ?? null;
    if (!continues(lastInScope.get(scopeOf(found.style, parent)), found)) continue;
    const node: Node = { ...found, line: index, depth, parent, part, index: nodes.length };
    stack = [...stack.slice(0, depth), node];
    nodes.push(node);
    nodesInPart += 1;
    lastInScope.set(scopeOf(found.style, parent), node);
    previousMarkerLine = index;
  }
  return { nodes, partStarts };
}

/**
 * Parents left out of a path: a numbered heading whose items keep counting across headings (the
 * communiqué's "1. …" headings over items (1)…(23)) is a topic title, and the document cites the
 * items by their own number. Roman sections always stay ("Mục II, điểm 3").
 */
function runOnParents(nodes: Node[]): Set<Node> {
  const omitted = new Set<Node>();
  const byStyle = new Map<Style, Node[]>();
  for (const node of nodes) {
    if (!node.parent || node.parent.style === 'roman') continue;
    const list = byStyle.get(node.style) ?? [];
    list.push(node);
    byStyle.set(node.style, list);
  }
  for (const list of byStyle.values()) {
    let changes = 0;
    let runsOn = true;
    for (let i = 1; i < list.length; i += 1) {
      if (list[i].parent === list[i - 1].parent || list[i].part !== list[i - 1].part) continue;
      changes += 1;
      if (list[i].ordinal !== list[i - 1].ordinal + 1) runsOn = false;
    }
    if (changes > 0 && runsOn) for (const node of list) if (node.parent) omitted.add(node.parent);
  }
  return omitted;
}

const STYLE_WORDS: Record<Style, { vi: string; en: string; first?: { vi: string; en: string } }> = {
  roman: { vi: 'mục', en: 'section' },
  number: { vi: 'điểm', en: 'item', first: { vi: 'mục', en: 'section' } },
  numberParen: { vi: 'điểm', en: 'item' },
  paren: { vi: 'điểm', en: 'item' },
  letter: { vi: 'tiết', en: 'sub-item' },
};

function shown(node: Node): string {
  return node.style === 'paren' ? `(${node.key})` : node.key;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function labelOf(chain: Node[], part: number): { vi: string; en: string } {
  const vi: string[] = part > 1 ? [`phần ${part}`] : [];
  const en: string[] = part > 1 ? [`part ${part}`] : [];
  chain.forEach((node, i) => {
    const words = STYLE_WORDS[node.style];
    const word = i === 0 && words.first ? words.first : words;
    vi.push(`${word.vi} ${shown(node)}`);
    en.push(`${word.en} ${shown(node)}`);
  });
  return { vi: capitalise(vi.join(', ')), en: capitalise(en.join(', ')) };
}

/** The node and its shown ancestors (a run-on heading is left out of its children's paths, never its own). */
function chainOf(node: Node, omitted: Set<Node>): Node[] {
  const chain: Node[] = [];
  for (let at: Node | null = node; at; at = at.parent) if (at === node || !omitted.has(at)) chain.unshift(at);
  return chain;
}

/**
 * A path element as clause ids allow ([A-Za-z0-9]): "đ" → "dd", Chinese numerals → their number
 * ("三" → "3"); labels keep the document's own numbering.
 */
function pathKey(node: Node): string {
  if (node.key === 'đ') return 'dd';
  if (new RegExp(`^[${CHINESE_DIGITS}]+$`, 'u').test(node.key)) return String(node.ordinal);
  return node.key;
}

function clauseFrom(lines: Line[], first: number, last: number, path: string[], label: SegmentedClause['label']): SegmentedClause | null {
  let from = first;
  let to = last;
  while (from <= to && lines[from].content === '') from += 1;
  while (to >= from && lines[to].content === '') to -= 1;
  if (from > to) return null;
  const joined = lines
    .slice(from, to + 1)
    .filter((line) => line.content !== '')
    // Heading marks only count at the start of a line, so they go before the lines are joined.
    .map((line) => (line.markdownHeading ? line.content.replace(/^#{1,6}\s+/, '') : line.content))
    .join(' ');
  const text = normalizeText(joined);
  if (text === '') return null;
  return { path, label, text, start: lines[from].start, end: lines[to].end };
}

const ENDS_SENTENCE_LINE = /[.:;!?…。；！？：]["”'’)\]*_」』]*$|\*\*$|<\/b>$/u;

/**
 * Whether the text is wrapped at a fixed width (a PDF's or an e-mail's lines) rather than written a
 * paragraph per line: then a line that does not end a sentence is usually continued by the next.
 */
function wrapWidth(lines: Line[]): number | null {
  const lengths = lines.map((line) => line.content.length).filter((n) => n > 0);
  if (lengths.length < 8) return null;
  const longest = Math.max(...lengths);
  const nearLongest = lengths.filter((n) => n >= longest * 0.75).length;
  return longest <= 140 && nearLongest >= lengths.length * 0.3 ? longest : null;
}

/**
 * The paragraphs of unnumbered text (a preamble, a press report): a blank line, a line that ends a
 * sentence, or a heading line ends one. A heading — a headline, a caption, a byline — is a short line
 * that ends no sentence: one line a paragraph, or shorter than most lines of wrapped text. Headings are
 * paragraphs of their own, so that their words never lend a status to the text under them.
 */
function paragraphsOf(lines: Line[], from: number, to: number, wrap: number | null): { from: number; to: number; heading: boolean }[] {
  const out: { from: number; to: number; heading: boolean }[] = [];
  const close = (start: number, end: number) => {
    const single = start === end;
    const content = lines[end].content;
    const short = wrap === null || content.length < wrap * 0.6;
    out.push({ from: start, to: end, heading: single && short && !ENDS_SENTENCE_LINE.test(content) });
  };
  let start = -1;
  for (let i = from; i <= to; i += 1) {
    const content = lines[i].content;
    if (content === '') {
      if (start >= 0) close(start, i - 1);
      start = -1;
      continue;
    }
    if (start < 0) start = i;
    const ends = ENDS_SENTENCE_LINE.test(content);
    // A sentence running on into a line that starts in lower case continues the paragraph.
    const runsOn = !ends && /^\p{Ll}/u.test(lines[i + 1]?.content ?? '');
    // Text written a paragraph per line breaks at every line; wrapped text where a sentence ends or
    // after a short line that ends none (a heading).
    const headingLine = wrap !== null && !ends && start === i && content.length < wrap * 0.6;
    if (i === to || ends || (wrap === null && !runsOn) || (headingLine && !runsOn) || lines[i].markdownHeading) {
      close(start, i);
      start = -1;
    }
  }
  // A single unpunctuated paragraph is the text itself, not its heading.
  if (out.length === 1) out[0].heading = false;
  return out;
}

/** Paths must identify clauses; a rare repeat (a heading with its own text over run-on items) gets "p2". */
function uniquePaths(clauses: SegmentedClause[]): SegmentedClause[] {
  const seen = new Map<string, number>();
  return clauses.map((clause) => {
    const key = clause.path.join('\u0000');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return clause;
    return {
      ...clause,
      path: [...clause.path, `p${count}`],
      label: { vi: `${clause.label.vi}, đoạn ${count}`, en: `${clause.label.en}, paragraph ${count}` },
    };
  });
}

export function segmentDocument(input: string): SegmentedClause[] {
  if (input.trim() === '') return [];
  const lines = splitLines(input);
  const { nodes, partStarts } = outline(lines);
  const omitted = runOnParents(nodes);
  const prefix = (part: number) => (part > 1 ? [`P${part}`] : []);

  // Each part opens with a preamble: the text before its first structural line.
  const partFirstNode = new Map<number, number>();
  for (const node of nodes) if (!partFirstNode.has(node.part)) partFirstNode.set(node.part, node.line);
  const preambles: { part: number; from: number; to: number }[] = [{ part: 1, from: 0, to: (nodes[0]?.line ?? lines.length) - 1 }];
  for (const [part, from] of partStarts) preambles.push({ part, from, to: (partFirstNode.get(part) ?? lines.length) - 1 });

  // A heading with no text of its own before its first child is read with that child ("I. … 1. …").
  const starts = nodes.map((node) => node.line);
  for (let i = 0; i < nodes.length - 1; i += 1) {
    const next = nodes[i + 1];
    const ownTextEnds = next.line;
    const hasOwnText = lines.slice(nodes[i].line + 1, ownTextEnds).some((line) => line.content !== '');
    if (!hasOwnText && next.depth > nodes[i].depth && next.part === nodes[i].part) starts[i + 1] = starts[i];
  }
  const mergedAway = new Set<number>();
  for (let i = 0; i < nodes.length - 1; i += 1) if (starts[i + 1] === starts[i]) mergedAway.add(i);

  // Where each node's text ends: the next structural line or part start (both sorted, walked once).
  const boundaries = [...nodes.map((node) => node.line), ...partStarts.values(), lines.length].sort((a, b) => a - b);
  let cursor = 0;
  const nextBoundary = (line: number) => {
    while (boundaries[cursor] <= line) cursor += 1;
    return boundaries[cursor];
  };

  const pieces: { line: number; clause: SegmentedClause | null }[] = [];
  const wrap = wrapWidth(lines);
  for (const { part, from, to } of preambles) {
    const label = part > 1 ? { vi: `Phần ${part}, phần mở đầu`, en: `Part ${part}, preamble` } : { vi: 'Phần mở đầu', en: 'Preamble' };
    // Text with no numbering at all is read paragraph by paragraph; so is a preamble of several.
    const paragraphs = paragraphsOf(lines, from, to, wrap);
    if (paragraphs.length <= 1) {
      pieces.push({ line: from, clause: clauseFrom(lines, from, to, [...prefix(part), '0'], label) });
      continue;
    }
    // Paragraphs are numbered 0.1, 0.2 … as the record numbers a preamble's; headings apart (0.h1 …);
    // a line of only dashes or stars separates, it says nothing.
    const unnumbered = nodes.length === 0;
    const count = { heading: 0, paragraph: 0 };
    for (const paragraph of paragraphs) {
      if (!lines.slice(paragraph.from, paragraph.to + 1).some((line) => /[\p{L}\p{N}]/u.test(line.content))) continue;
      const kind = paragraph.heading ? 'heading' : 'paragraph';
      count[kind] += 1;
      const n = count[kind];
      const words = paragraph.heading ? { vi: 'tiêu đề', en: 'heading' } : { vi: 'đoạn', en: 'paragraph' };
      const own = unnumbered
        ? { vi: capitalise(`${words.vi} ${n}`), en: capitalise(`${words.en} ${n}`) }
        : { vi: `${label.vi}, ${words.vi} ${n}`, en: `${label.en}, ${words.en} ${n}` };
      const path = [...prefix(part), '0', paragraph.heading ? `h${n}` : String(n)];
      pieces.push({ line: paragraph.from, clause: clauseFrom(lines, paragraph.from, paragraph.to, path, own) });
    }
  }
  nodes.forEach((node, i) => {
    if (mergedAway.has(i)) return;
    const chain = chainOf(node, omitted);
    const path = [...prefix(node.part), ...chain.map(pathKey)];
    pieces.push({ line: starts[i], clause: clauseFrom(lines, starts[i], nextBoundary(node.line) - 1, path, labelOf(chain, node.part)) });
  });
  pieces.sort((a, b) => a.line - b.line);
  return uniquePaths(pieces.flatMap((piece) => (piece.clause ? [piece.clause] : [])));
}
