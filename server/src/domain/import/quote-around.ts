/**
 * The words a suggested step quotes: the sentence of the clause that holds the feature's name (where the
 * suggester also reads the status wording), verbatim, so the editor starts from the clause's
 * own words and shortens them if they like. Sentences end at . ; ! ? (and their Chinese forms), not at
 * a dot inside a number ("1.000 tấn").
 */
export function quoteAround(clauseText: string, matched: string): string {
  const at = clauseText.indexOf(matched);
  if (at < 0) return matched;
  const ends = /[.;!?。；！？](?!\d)/gu;
  let start = 0;
  let end = clauseText.length;
  for (const match of clauseText.matchAll(ends)) {
    const index = match.index ?? 0;
    if (index < at) start = index + 1;
    else {
      end = index + 1;
      break;
    }
  }
  // An item's number at the start of the clause ("(1)", "2.", "a)") is not part of the sentence's words.
  return clauseText
    .slice(start, end)
    .trim()
    .replace(/^(?:\(\d+\)|\d+\.|[a-zđ]\))\s+/u, '');
}
