/**
 * Clause text is kept verbatim, with the source's line breaks joined. The documents wrap lines
 * mid-sentence and carry Markdown emphasis from their transcription (`**I. …**`, `### `, `<b>`), so
 * documents, clauses and quotes are compared after the same normalisation: whitespace collapsed,
 * emphasis marks, heading marks and inline tags removed, and Unicode composed (NFC: some documents
 * write "ớ" as "ơ" + a combining accent). Words and punctuation are never touched.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^[ \t]*#{1,6}[ \t]+/gmu, '')
    .replace(/<\/?(?:b|sup|i|u)>/gu, '')
    .replace(/\\\*/gu, '')
    .replace(/\*+/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Kept for callers that only need whitespace joined (no markup in the text). */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * True when `quote` appears word for word (whitespace and emphasis marks aside) in `source`. A quote of
 * no words ("**", "# ") quotes nothing: false.
 */
export function isVerbatimIn(quote: string, source: string): boolean {
  const words = normalizeText(quote);
  return /[\p{L}\p{N}]/u.test(words) && normalizeText(source).includes(words);
}

/** True when `quote` is found word for word in a clause's Vietnamese text, or in its Chinese text where it has one. */
export function quotesClause(quote: string, text: { vi: string; zh?: string }): boolean {
  return isVerbatimIn(quote, text.vi) || (text.zh !== undefined && isVerbatimIn(quote, text.zh));
}
