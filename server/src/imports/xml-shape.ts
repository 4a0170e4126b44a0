/**
 * The shape of an XML part, read chunk by chunk as it is unpacked, before anything parses it: how many
 * elements it holds, how deep they nest, and whether it declares a document type (where entities that
 * expand without end are declared). A parser builds an object per element (≈1.5 kB each in mammoth), so
 * a part is judged by these counts, not by its bytes: 16 MB of `<w:p/>` is 2.7 million elements.
 *
 * A lexer, not a parser: it tells start tags, end tags, empty-element tags, comments, processing
 * instructions and CDATA sections apart (quoted attribute values may hold `>` and `/>`), which is all the
 * counts need. Malformed XML is the parser's to refuse; at worst it is counted deeper than it is.
 */
export type XmlShape = { elements: number; maxDepth: number; declaresDoctype: boolean };

const LT = 0x3c; // <
const GT = 0x3e; // >
const SLASH = 0x2f; // /
const BANG = 0x21; // !
const QUESTION = 0x3f; // ?
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** Where the lexer is: between tags, just after `<`, inside a tag, or skipping to the end of `<!…` / `<?…`. */
type State =
  | { at: 'text' }
  | { at: 'open' }
  | { at: 'start-tag'; quote: number; last: number }
  | { at: 'end-tag' }
  /** After `<!`: its first bytes decide between a comment, a CDATA section and a declaration. */
  | { at: 'bang'; seen: number[] }
  | { at: 'skip'; until: number[]; tail: number[] };

const COMMENT_START = [0x2d, 0x2d]; // --
const CDATA_START = [...'[CDATA['].map((c) => c.charCodeAt(0));
const endOf = (text: string) => [...text].map((c) => c.charCodeAt(0));

const startsWith = (bytes: number[], prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
const couldStart = (bytes: number[], prefix: number[]) => bytes.every((byte, i) => i >= prefix.length || prefix[i] === byte);

export class XmlShapeReader {
  elements = 0;
  maxDepth = 0;
  declaresDoctype = false;
  private depth = 0;
  private state: State = { at: 'text' };

  /** Reads the next bytes of the part (UTF-8: every byte the lexer looks for is ASCII). */
  read(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i += 1) {
      if (this.state.at === 'text') {
        // Text between tags is most of a part's bytes: skipped to the next `<` at once.
        i = chunk.indexOf(LT, i);
        if (i < 0) return;
      }
      this.step(chunk[i]);
    }
  }

  shape(): XmlShape {
    return { elements: this.elements, maxDepth: this.maxDepth, declaresDoctype: this.declaresDoctype };
  }

  private step(byte: number): void {
    const state = this.state;
    switch (state.at) {
      case 'text':
        if (byte === LT) this.state = { at: 'open' };
        return;
      case 'open':
        if (byte === SLASH) this.state = { at: 'end-tag' };
        else if (byte === BANG) this.state = { at: 'bang', seen: [] };
        else if (byte === QUESTION) this.state = { at: 'skip', until: endOf('?>'), tail: [] };
        else {
          this.elements += 1;
          this.state = { at: 'start-tag', quote: 0, last: byte };
        }
        return;
      case 'start-tag':
        if (state.quote !== 0) {
          if (byte === state.quote) state.quote = 0;
        } else if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) state.quote = byte;
        else if (byte === GT) {
          // `<a/>` opens and closes at once; `<a>` goes one level deeper.
          if (state.last !== SLASH) {
            this.depth += 1;
            if (this.depth > this.maxDepth) this.maxDepth = this.depth;
          }
          this.state = { at: 'text' };
          return;
        }
        state.last = byte;
        return;
      case 'end-tag':
        if (byte === GT) {
          this.depth = Math.max(0, this.depth - 1);
          this.state = { at: 'text' };
        }
        return;
      case 'bang':
        state.seen.push(byte);
        if (startsWith(state.seen, COMMENT_START)) this.state = { at: 'skip', until: endOf('-->'), tail: [] };
        else if (startsWith(state.seen, CDATA_START)) this.state = { at: 'skip', until: endOf(']]>'), tail: [] };
        else if (!couldStart(state.seen, COMMENT_START) && !couldStart(state.seen, CDATA_START)) {
          // <!DOCTYPE …> (or any other declaration): Word never writes one.
          this.declaresDoctype = true;
          this.state = { at: 'skip', until: [GT], tail: [] };
        }
        return;
      case 'skip':
        state.tail.push(byte);
        if (state.tail.length > state.until.length) state.tail.shift();
        if (state.tail.length === state.until.length && startsWith(state.tail, state.until)) this.state = { at: 'text' };
        return;
    }
  }
}

/** The shape of a whole part held in memory (tests and small parts). */
export function xmlShape(xml: string | Uint8Array): XmlShape {
  const reader = new XmlShapeReader();
  reader.read(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml);
  return reader.shape();
}
