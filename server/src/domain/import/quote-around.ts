/** Sentences end at . ; ! ? (and their Chinese forms), not at a dot inside a number ("1.000 tấn"). */
const SENTENCE_END = /[.;!?。；！？](?!\d)/gu;
/** A quote longer than this is cut to the comma parts around the words it must hold. */
const MAX_QUOTE = 600;
const PART_END = /[,，、:：]/u;

/** Where the sentences of a text end (exclusive offsets), in order: computed once per clause. */
export function sentenceEnds(text: string): number[] {
  return [...text.matchAll(SENTENCE_END)].map((m) => (m.index ?? 0) + 1);
}

/** Index of the first element of the sorted `list` that is ≥ `value`. */
function firstAtLeast(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The words a suggested step quotes: the sentence (or sentences) of the clause holding the characters
 * `from`–`to` — the feature's name and the words carrying its status — verbatim, so the editor starts
 * from the clause's own words and shortens them if they like. A sentence too long to read (a list without
 * full stops) is cut at the commas nearest the words. `ends` (from `sentenceEnds`) keeps many quotes of
 * one long clause linear.
 */
export function quoteSpan(clauseText: string, from: number, to: number, ends: readonly number[] = sentenceEnds(clauseText)): string {
  // The sentence ends before `from`, and the first one at or after `to`.
  const before = firstAtLeast(ends, from + 1) - 1;
  let start = before >= 0 ? ends[before] : 0;
  const after = firstAtLeast(ends, to);
  let end = after < ends.length ? ends[after] : clauseText.length;
  if (end - start > MAX_QUOTE && to - from < MAX_QUOTE) {
    const slack = Math.floor((MAX_QUOTE - (to - from)) / 2);
    const lower = Math.max(start, from - slack);
    const upper = Math.min(end, to + slack);
    let cutStart = lower;
    for (let i = from - 1; i >= lower; i -= 1)
      if (PART_END.test(clauseText[i])) {
        cutStart = i + 1;
        break;
      }
    let cutEnd = upper;
    for (let i = to; i < upper; i += 1)
      if (PART_END.test(clauseText[i])) {
        cutEnd = i;
        break;
      }
    start = cutStart;
    end = cutEnd;
  }
  // An item's number at the start of the clause ("(1)", "2.", "a)") is not part of the sentence's words.
  return clauseText
    .slice(start, end)
    .trim()
    .replace(/^(?:\(\d+\)|\d+\.|[a-zđ]\))\s+/u, '');
}

/** The sentence of the clause that holds `matched` (its first occurrence); the words themselves when absent. */
export function quoteAround(clauseText: string, matched: string): string {
  const at = clauseText.indexOf(matched);
  if (at < 0) return matched;
  return quoteSpan(clauseText, at, at + matched.length);
}
