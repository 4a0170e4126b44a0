/** A stretch of a clause's text the reader used: a feature's name, or the words that carry its status. */
export type Mark = { start: number; end: number; kind: 'mention' | 'cue'; card: string };

/** A run of text with the marks over it (none: plain text). */
export type Piece = { text: string; start: number; marks: Mark[] };

/**
 * A clause's text cut where any mark starts or ends, so overlapping marks (one name read by two cards,
 * a cue inside a name) each keep their own extent; offsets outside the text are clipped.
 */
export function markPieces(text: string, marks: readonly Mark[]): Piece[] {
  const inside = marks
    .map((mark) => ({ ...mark, start: Math.max(0, mark.start), end: Math.min(text.length, mark.end) }))
    .filter((mark) => mark.end > mark.start);
  const cuts = [...new Set([0, text.length, ...inside.flatMap((mark) => [mark.start, mark.end])])].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    pieces.push({ text: text.slice(start, end), start, marks: inside.filter((mark) => mark.start <= start && mark.end >= end) });
  }
  return pieces;
}
