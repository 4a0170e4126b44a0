/**
 * Text for the PDF pack without a text engine: the bundled Noto files each cover part of Unicode
 * (latin, latin-ext, Vietnamese, the project's Chinese), so a line is cut into runs, each drawn
 * with the file that maps its characters, and wrapped by measured width.
 */

/** One bundled font file as fonts.json describes it. */
export type PdfFontFile = {
  file: string;
  ttf: string;
  family: string;
  weight: number;
  /** The code points the file really maps (its CSS unicode-range may name more). */
  coverage: string;
};

/** "U+0000-00FF,U+0131" → inclusive code point ranges. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').flatMap((part) => {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) return [];
    const start = Number.parseInt(match[1], 16);
    return [[start, match[2] ? Number.parseInt(match[2], 16) : start] as [number, number]];
  });
}

export type FontPicker = (codePoint: number, bold: boolean) => number;

/**
 * The index of the file to draw a character with: the first file of the wanted weight that maps
 * it (Vietnamese before latin before latin-ext, as fonts.json lists them), then any weight
 * (Chinese has one), then the first regular Latin file (which draws its "missing" box).
 */
export function fontPicker(files: readonly PdfFontFile[]): FontPicker {
  const ranges = files.map((file) => parseUnicodeRange(file.coverage));
  const holds = (index: number, codePoint: number) => ranges[index].some(([a, b]) => codePoint >= a && codePoint <= b);
  const order = files
    .map((_, index) => index)
    .sort((a, b) => Number(files[a].family !== 'Noto Sans') - Number(files[b].family !== 'Noto Sans'));
  const fallback = Math.max(
    0,
    files.findIndex((file) => file.family === 'Noto Sans' && file.weight === 400),
  );
  const cache = new Map<string, number>();
  return (codePoint, bold) => {
    const key = `${codePoint}:${bold}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const weight = bold ? 700 : 400;
    const index =
      order.find((i) => files[i].weight === weight && holds(i, codePoint)) ?? order.find((i) => holds(i, codePoint)) ?? fallback;
    cache.set(key, index);
    return index;
  };
}

export type Run = { font: number; text: string };

/** Cuts a line into runs of characters drawn with the same file. */
export function splitRuns(line: string, pick: FontPicker, bold: boolean): Run[] {
  const runs: Run[] = [];
  for (const character of line) {
    const font = pick(character.codePointAt(0) ?? 32, bold);
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}

const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/** Break opportunities: after spaces, and between Chinese characters (written without spaces). */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const character of paragraph) {
    if (CJK.test(character)) {
      if (current) out.push(current);
      out.push(character);
      current = '';
    } else {
      current += character;
      if (character === ' ') {
        out.push(current);
        current = '';
      }
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Wraps text to lines no wider than `maxWidth` by `measure`. Newlines start new lines; a word wider
 * than a line is cut by characters rather than running off the page.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) {
    let line = '';
    for (const token of tokens(paragraph)) {
      if (measure(line + token.trimEnd()) <= maxWidth) {
        line += token;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      let rest = token;
      while (measure(rest.trimEnd()) > maxWidth) {
        const characters = [...rest];
        let cut = 1;
        while (cut < characters.length && measure(characters.slice(0, cut + 1).join('')) <= maxWidth) cut++;
        lines.push(characters.slice(0, cut).join(''));
        rest = characters.slice(cut).join('');
      }
      line = rest;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
