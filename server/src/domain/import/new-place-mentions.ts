/**
 * Places a text names that the record may lack: a designation ("cặp cửa khẩu quốc tế", "lối thông quan",
 * "lối mở", "chợ biên giới", "đường chuyên dụng", "cầu", "tuyến đường sắt") followed by a proper name, or
 * a pair of them joined by a dash, each side with its country in brackets as the text gives it:
 * "cặp cửa khẩu chính Huổi Puốc - Na Son", "lối mở Bát Bố (Trung Quốc) - Nghĩa Thuận (Việt Nam)",
 * "tuyến đường sắt quốc tế đoạn Móng Cái - Đông Hưng", "cầu đa công năng tại cửa khẩu Ma Lù Thàng".
 *
 * The caller leaves out those the record already holds (their names were found as mentions). A name that
 * is a country ("cửa khẩu Việt Nam với Trung Quốc") is not a place; a province after the dash only
 * locates the place ("Cửa khẩu Bản Vược – Lào Cai").
 */
import type { KindId, LevelId } from '../vocabulary';
import { DESIGNATIONS } from './designations';
import { DASH, isWordGap, type Token, type Word, wordsOf } from './words';

export type PlaceSpan = {
  kind: KindId;
  level: LevelId | null;
  /** Token span of the whole name, designation included. */
  from: number;
  to: number;
  /** Token span of the proper name(s), where the status is read. */
  nameFrom: number;
  nameTo: number;
  /** Folded proper name of the first side: one place per document however often it is named. */
  key: string;
};

type Head = { words: Word[]; kind: KindId; level: LevelId | null; descriptive: boolean };

const HEADS: Head[] = DESIGNATIONS.map(([text, kind, level]) => ({
  words: wordsOf(text),
  kind,
  level,
  descriptive: kind === 'route' || kind === 'bridge',
}));

const COUNTRIES = ['Việt Nam', 'Trung Quốc', 'Lào', 'VN', 'TQ'].map((name) =>
  wordsOf(name)
    .map((w) => w.folded)
    .join(' '),
);
/** Words that may describe a road or bridge between its designation and its name: "quốc tế đoạn", "đa công năng". */
const MAX_DESCRIPTION = 4;

/** The same word: exactly ("cặp" is not "cấp"), or by its letters when the text is written without diacritics. */
const sameWord = (token: Token | undefined, word: Word) =>
  token !== undefined && (token.key === word.key || (token.folded === word.folded && token.folded === token.text.toLowerCase()));

export const headAt = (tokens: Token[], at: number) =>
  HEADS.find((h) => h.words.every((w, k) => sameWord(tokens[at + k], w) && (k === 0 || isWordGap(tokens[at + k].gapBefore))));

/** Spaces, or a hyphen inside a name ("Luông-nậm-thà"); not " - " between two names. */
const inName = (gap: string) => /^\s+$|^-$/u.test(gap);

/** Capitalised words from `at` (a proper name) in the sentence of the designation before it, or -1. */
function properName(tokens: Token[], at: number, afterDash = false): number {
  if (!tokens[at] || !tokens[at - 1] || tokens[at].sentence !== tokens[at - 1].sentence) return -1;
  if (!afterDash && !inName(tokens[at].gapBefore)) return -1;
  let t = at;
  while (tokens[t]?.upper && (t === at || inName(tokens[t].gapBefore)) && t - at < 5) t += 1;
  return t > at ? t : -1;
}

/** After a name: "(Việt Nam)", "(Điện Biên – Việt Nam)", "(tỉnh Lai Châu)" — skipped. */
function skipBrackets(tokens: Token[], at: number): number {
  const token = tokens[at];
  if (!token || !/[(（]/u.test(token.gapBefore)) return at;
  const depth = token.depth;
  let t = at;
  while (tokens[t] && tokens[t].depth >= depth && t - at < 8) t += 1;
  return tokens[t] && tokens[t].depth < depth ? t : at;
}

const words = (tokens: Token[], from: number, to: number) =>
  tokens
    .slice(from, to)
    .map((t) => t.folded)
    .join(' ');

export function placeSpans(tokens: Token[], provinces: ReadonlySet<string>): PlaceSpan[] {
  const spans: PlaceSpan[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const head = headAt(tokens, at);
    if (!head) continue;
    let t = at + head.words.length;
    if (head.descriptive) {
      // "cầu đa công năng tại cửa khẩu Ma Lù Thàng": a description, then where it is.
      let d = t;
      while (d < tokens.length && !tokens[d].upper && isWordGap(tokens[d].gapBefore) && d - t < MAX_DESCRIPTION) d += 1;
      if (tokens[d - 1]?.folded === 'tai' && d > t) {
        const inner = headAt(tokens, d);
        if (inner?.kind !== 'gate_pair') continue;
        d += inner.words.length;
      }
      t = d;
    }
    const nameFrom = t;
    let end = properName(tokens, t);
    if (end < 0 || COUNTRIES.includes(words(tokens, nameFrom, end))) continue;
    const key = words(tokens, nameFrom, end);
    let nameTo = end;
    end = skipBrackets(tokens, end);
    // A second side after a dash: "– Pang Hốc", "- Na Son", "– cửa khẩu Long Phú".
    const next = tokens[end];
    if (next && DASH.test(next.gapBefore) && next.sentence === tokens[at].sentence) {
      let s = end;
      const inner = headAt(tokens, s);
      if (inner) s += inner.words.length;
      const second = properName(tokens, s, s === end);
      const secondWords = second > 0 ? words(tokens, s, second) : '';
      if (second > 0 && !COUNTRIES.includes(secondWords) && !provinces.has(secondWords)) {
        nameTo = second;
        end = skipBrackets(tokens, second);
      }
    }
    spans.push({ kind: head.kind, level: head.level, from: at, to: end, nameFrom, nameTo, key });
    at = end - 1;
  }
  return spans;
}
