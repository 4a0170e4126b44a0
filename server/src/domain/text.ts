/**
 * Clause text is kept verbatim, with the source's line breaks joined: the documents wrap lines
 * mid-sentence, so comparing quotes with documents happens on whitespace-collapsed text.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** True when `quote` appears word for word (whitespace aside) in `source`. */
export function isVerbatimIn(quote: string, source: string): boolean {
  return collapseWhitespace(source).includes(collapseWhitespace(quote));
}
