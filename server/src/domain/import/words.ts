/**
 * The words of a clause as the import reader sees them: whole words with their offsets, folded for
 * matching with or without diacritics, and the sentence, comma part and parenthesis they stand in.
 */
import { foldForSearch } from '../fold-text';

export type Token = {
  text: string;
  start: number;
  end: number;
  folded: string;
  /** Lower case, tone marks set apart: "Thuỷ" and "Thủy" (old and new tone placement) share a key. */
  key: string;
  upper: boolean;
  han: boolean;
  /** Text between the previous token and this one. */
  gapBefore: string;
  sentence: number;
  /** Comma-separated part of the sentence. */
  part: number;
  /** Sentence up to a full stop: an aim governs the list of things after it, across semicolons. */
  period: number;
  /** Parenthesis depth at the token. */
  depth: number;
};

const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{M}\p{N}])+/gu;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

export function toneKey(word: string): string {
  const decomposed = word.normalize('NFD').toLowerCase();
  const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
  return `${decomposed.replace(TONE_MARKS, '').normalize('NFC')}|${tones}`;
}

export const isDigits = (text: string) => /^\d+$/.test(text);
const ENDS_SENTENCE = /[.;!?。；！？]/u;
// A colon opens the list that spells out its sentence ("đề nghị …, cụ thể như sau: - Tuyến …"): a part, not a new sentence.
const ENDS_PART = /[,，、:：]/u;

/** Whole words with their offsets; sentence and part ids let the status stay in its sentence. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Documents repeat their words: fold each distinct word once.
  const forms = new Map<string, { folded: string; key: string }>();
  let sentence = 0;
  let part = 0;
  let period = 0;
  let depth = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0];
    const start = match.index;
    const gap = text.slice(previousEnd, start);
    const previous = tokens[tokens.length - 1];
    // "1.000" and "1,5" are numbers, not sentence or list breaks.
    const inNumber = previous !== undefined && isDigits(previous.text) && /^\d/.test(word) && /^[.,]$/.test(gap);
    if (!inNumber && ENDS_SENTENCE.test(gap) && !/^\.\.+$|…/.test(gap.trim())) {
      sentence += 1;
      part += 1;
      depth = 0;
      if (/[.!?。！？]/u.test(gap)) period += 1;
    } else if (!inNumber && ENDS_PART.test(gap)) part += 1;
    for (const char of gap) {
      if (char === '(' || char === '（') depth += 1;
      else if ((char === ')' || char === '）') && depth > 0) depth -= 1;
    }
    const han = /\p{Script=Han}/u.test(word);
    let form = forms.get(word);
    if (!form) {
      form = han ? { folded: word, key: word } : { folded: foldForSearch(word), key: toneKey(word) };
      forms.set(word, form);
    }
    tokens.push({
      text: word,
      start,
      end: start + word.length,
      folded: form.folded,
      key: form.key,
      upper: /^\p{Lu}/u.test(word),
      han,
      gapBefore: gap,
      sentence,
      part,
      period,
      depth,
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** Plain word spacing (or the hyphens of "Luông-nậm-thà"): the words belong to one name. */
export const isWordGap = (gap: string) => /^[\s-]*$/u.test(gap) && gap.length > 0;
export const DASH = /[-–—‒－]/u;

export type Word = { folded: string; key: string; upper: boolean; digits: boolean };

export function wordsOf(text: string): Word[] {
  return tokenize(text).map((t) => ({ folded: t.folded, key: t.key, upper: t.upper, digits: isDigits(t.text) }));
}

/**
 * How a word of the text compares with a word of a name: the same word ("exact", even with the old
 * tone placement), the same letters with different or missing diacritics ("folded"), or not at all.
 * Status wording must be exact when the text has diacritics: "mở" is not "mô".
 */
export function compare(token: Token, word: Word): 'exact' | 'folded' | null {
  if (token.folded !== word.folded) return null;
  return token.key === word.key ? 'exact' : 'folded';
}

export const hasDiacritics = (token: Token) => token.folded !== token.text.toLowerCase();
