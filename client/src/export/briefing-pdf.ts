import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage, rgb } from 'pdf-lib';
import { INK_MUTED, INK as PALETTE_INK, RULE as PALETTE_RULE } from '../map/palette';
import { type FontPicker, fontPicker, type PdfFontFile, splitRuns, wrapText } from './pdf-text';

/** A bundled font file and its TrueType bytes. */
export type PdfFont = { file: PdfFontFile; bytes: Uint8Array };

/** A clause cited on a step's page: where it is from, and its text as the document words it. */
export type PackCitation = { heading: string; paragraphs: string[] };

export type PackStep = {
  /** "Bước 2/3 · Cửa khẩu Lạng Sơn 2023 → 2026" */
  kicker: string;
  title: string;
  /** Date shown, filters used, the selected feature. */
  meta: string[];
  text: string;
  /** The step's map as JPEG, and its width / height. */
  image: { jpeg: Uint8Array; aspect: number } | null;
  citations: PackCitation[];
};

type PackCover = {
  title: string;
  subtitle: string;
  /** "Ngày xuất: 29/11/2026", … */
  lines: string[];
  /** One entry per step: its title and the date and filters it shows. */
  steps: { title: string; details: string }[];
};

type PackWords = {
  citedClauses: string;
  noCitations: string;
  continued: string;
  page: string;
  footer: string;
  stepsHeading: string;
};

/** The progress timeline of the features the briefing selects (timeline-image.ts), on a page after the steps. */
export type PackTimeline = { title: string; caption: string; png: Uint8Array; aspect: number };

export type BriefingPack = { language: string; cover: PackCover; steps: PackStep[]; words: PackWords; timeline?: PackTimeline | null };

// A4 landscape in points.
const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 36;
/** A palette colour ("#2b2d42") as pdf-lib's rgb. */
const pdfColor = (hex: string) =>
  rgb(...([1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as [number, number, number]));
const INK = pdfColor(PALETTE_INK);
const MUTED = pdfColor(INK_MUTED);
const RULE = pdfColor(PALETTE_RULE);
const MAP_WIDTH = 500;
const GUTTER = 20;

type Style = { size: number; bold?: boolean; color?: ReturnType<typeof rgb> };

/** Draws mixed-script text with the bundled files, embedding each file the first time it is needed. */
class TextSetter {
  private readonly embedded = new Map<number, PDFFont>();
  private readonly pick: FontPicker;

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: readonly PdfFont[],
  ) {
    this.pick = fontPicker(fonts.map((font) => font.file));
  }

  async prepare(texts: readonly string[]) {
    for (const bold of [false, true])
      for (const text of texts)
        for (const run of splitRuns(text, this.pick, bold))
          if (!this.embedded.has(run.font))
            this.embedded.set(run.font, await this.document.embedFont(this.fonts[run.font].bytes, { subset: true }));
  }

  private font(index: number): PDFFont {
    const font = this.embedded.get(index);
    if (!font) throw new Error(`font ${this.fonts[index]?.file.file} was not prepared`);
    return font;
  }

  width(text: string, style: Style): number {
    return splitRuns(text, this.pick, style.bold ?? false).reduce(
      (sum, run) => sum + this.font(run.font).widthOfTextAtSize(run.text, style.size),
      0,
    );
  }

  wrap(text: string, maxWidth: number, style: Style): string[] {
    return wrapText(text, maxWidth, (s) => this.width(s, style));
  }

  draw(page: PDFPage, line: string, x: number, y: number, style: Style) {
    let cursor = x;
    for (const run of splitRuns(line, this.pick, style.bold ?? false)) {
      const font = this.font(run.font);
      page.drawText(run.text, { x: cursor, y, size: style.size, font, color: style.color ?? INK });
      cursor += font.widthOfTextAtSize(run.text, style.size);
    }
  }
}

const lineHeight = (style: Style) => style.size * 1.35;

/** Every string the pack draws, so the fonts it needs are embedded before drawing starts. */
function allText(pack: BriefingPack): string[] {
  const { cover, steps, words } = pack;
  return [
    cover.title,
    cover.subtitle,
    ...cover.lines,
    ...cover.steps.flatMap((step) => [step.title, step.details]),
    ...Object.values(words),
    ...(pack.timeline ? [pack.timeline.title, pack.timeline.caption] : []),
    '0123456789/ ·…',
    ...steps.flatMap((step) => [
      step.kicker,
      step.title,
      ...step.meta,
      step.text,
      ...step.citations.flatMap((c) => [c.heading, ...c.paragraphs]),
    ]),
  ];
}

/**
 * The briefing pack: a cover with the date and every step's date and filters, then one page per
 * step (its map, its text, the clauses it cites verbatim). Clauses that do not fit beside the map
 * continue on a page of their own, marked as a continuation. All text is real text.
 */
export async function buildBriefingPdf(pack: BriefingPack, fonts: readonly PdfFont[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(pack.cover.title);
  document.setSubject(pack.cover.subtitle);
  document.setLanguage(pack.language);
  document.setProducer('Border Atlas');
  document.setCreator('Border Atlas');
  const setter = new TextSetter(document, fonts);
  await setter.prepare(allText(pack));

  const newPage = () => document.addPage([PAGE.width, PAGE.height]);
  /** Draws wrapped text from the top down; returns the next free y, or the lines that did not fit. */
  const block = (page: PDFPage, text: string, x: number, top: number, width: number, style: Style, bottom = MARGIN + 24) => {
    const lines = setter.wrap(text, width, style);
    let y = top;
    for (const [index, line] of lines.entries()) {
      if (y - style.size < bottom) return { y, rest: lines.slice(index).join('\n') };
      setter.draw(page, line, x, y - style.size, style);
      y -= lineHeight(style);
    }
    return { y, rest: null as string | null };
  };

  // Cover.
  const cover = newPage();
  let y = PAGE.height - 90;
  y = block(cover, pack.cover.title, MARGIN, y, PAGE.width - 2 * MARGIN, { size: 26, bold: true }).y - 6;
  y = block(cover, pack.cover.subtitle, MARGIN, y, PAGE.width - 2 * MARGIN, { size: 14, color: MUTED }).y - 10;
  for (const line of pack.cover.lines) y = block(cover, line, MARGIN, y, PAGE.width - 2 * MARGIN, { size: 11 }).y;
  y -= 14;
  cover.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE.width - MARGIN, y }, thickness: 0.8, color: RULE });
  y -= 12;
  y = block(cover, pack.words.stepsHeading, MARGIN, y, PAGE.width - 2 * MARGIN, { size: 12, bold: true }).y - 4;
  for (const [index, step] of pack.cover.steps.entries()) {
    y = block(cover, `${index + 1}. ${step.title}`, MARGIN, y, PAGE.width - 2 * MARGIN, { size: 11, bold: true }).y;
    y = block(cover, step.details, MARGIN + 14, y, PAGE.width - 2 * MARGIN - 14, { size: 9.5, color: MUTED }).y - 6;
  }

  // Steps.
  const images: (PDFImage | null)[] = await Promise.all(pack.steps.map((step) => (step.image ? document.embedJpg(step.image.jpeg) : null)));
  for (const [index, step] of pack.steps.entries()) {
    const page = newPage();
    let top = PAGE.height - MARGIN;
    top = block(page, step.kicker, MARGIN, top, PAGE.width - 2 * MARGIN, { size: 9, color: MUTED }).y - 2;
    top = block(page, step.title, MARGIN, top, PAGE.width - 2 * MARGIN, { size: 18, bold: true }).y - 2;
    for (const line of step.meta) top = block(page, line, MARGIN, top, PAGE.width - 2 * MARGIN, { size: 9, color: MUTED }).y;
    top -= 6;
    // Left: the map, then the step's text.
    let left = top;
    const image = images[index];
    if (image && step.image) {
      const height = Math.min(MAP_WIDTH / step.image.aspect, 330);
      const width = height * step.image.aspect;
      page.drawImage(image, { x: MARGIN, y: left - height, width, height });
      page.drawRectangle({ x: MARGIN, y: left - height, width, height, borderColor: RULE, borderWidth: 0.8 });
      left -= height + 10;
    }
    const stepText = block(page, step.text, MARGIN, left, MAP_WIDTH, { size: 11 });
    let overflow = stepText.rest;
    // The clauses cited, verbatim: beside the map, then under the step's text, then on continuation
    // pages of two columns each.
    type Column = { page: PDFPage; x: number; top: number; width: number; heading?: string };
    const columnX = MARGIN + MAP_WIDTH + GUTTER;
    const columnWidth = PAGE.width - MARGIN - columnX;
    const firstTop = block(page, pack.words.citedClauses, columnX, top, columnWidth, { size: 10, bold: true }).y - 2;
    const queue: Column[] = [{ page, x: columnX, top: firstTop, width: columnWidth }];
    if (!overflow && stepText.y - (MARGIN + 24) > 90)
      queue.push({
        page,
        x: MARGIN,
        top: stepText.y - 12,
        width: MAP_WIDTH,
        heading: `${pack.words.citedClauses} (${pack.words.continued})`,
      });
    const continuation = () => {
      const next = newPage();
      const heading = `${step.kicker} · ${step.title} (${pack.words.continued})`;
      let columnTop = block(next, heading, MARGIN, PAGE.height - MARGIN, PAGE.width - 2 * MARGIN, { size: 10, bold: true }).y - 6;
      if (overflow) {
        columnTop = block(next, overflow, MARGIN, columnTop, PAGE.width - 2 * MARGIN, { size: 11 }).y - 6;
        overflow = null;
      }
      const width = (PAGE.width - 2 * MARGIN - GUTTER) / 2;
      queue.push({ page: next, x: MARGIN, top: columnTop, width }, { page: next, x: MARGIN + width + GUTTER, top: columnTop, width });
    };
    let column = queue.shift() as Column;
    let y = column.top;
    const advance = () => {
      if (queue.length === 0) continuation();
      column = queue.shift() as Column;
      y = column.top;
      if (column.heading) y = block(column.page, column.heading, column.x, y, column.width, { size: 10, bold: true }).y - 2;
    };
    if (step.citations.length === 0) block(page, pack.words.noCitations, columnX, firstTop, columnWidth, { size: 8.5, color: MUTED });
    // Clause text as large as lets it fit on the step's own page (down to 6.5 pt); larger text that
    // would not fit anyway stays at 8 pt and continues overleaf.
    const itemsAt = (size: number) =>
      step.citations.flatMap((citation) => [
        { text: citation.heading, style: { size: size + 0.5, bold: true } as Style, gapAfter: 1, keepWithNext: true },
        ...citation.paragraphs.map((paragraph) => ({ text: paragraph, style: { size } as Style, gapAfter: 3, keepWithNext: false })),
      ]);
    const room = [column, ...queue].reduce((sum, c) => sum + (c.top - (MARGIN + 24)) - 2 * lineHeight({ size: 10 }), 0);
    const height = (size: number) =>
      itemsAt(size).reduce(
        (sum, item) => sum + setter.wrap(item.text, columnWidth, item.style).length * lineHeight(item.style) + item.gapAfter,
        0,
      );
    const items = itemsAt([8, 7.5, 7, 6.5].find((size) => height(size) <= room) ?? 8);
    for (const item of items) {
      // A clause's heading never ends a column alone: it needs room for itself and two lines after it.
      if (item.keepWithNext && y - 4 * lineHeight(item.style) < MARGIN + 24) advance();
      let rest: string | null = item.text;
      while (rest) {
        const result = block(column.page, rest, column.x, y, column.width, item.style);
        y = result.y - item.gapAfter;
        rest = result.rest;
        if (rest) advance();
      }
    }
    if (overflow) continuation();
  }

  // The progress timeline of the briefing's features: as wide as the page, as tall as fits.
  if (pack.timeline) {
    const page = newPage();
    let top = PAGE.height - MARGIN;
    top = block(page, pack.timeline.title, MARGIN, top, PAGE.width - 2 * MARGIN, { size: 18, bold: true }).y - 2;
    top = block(page, pack.timeline.caption, MARGIN, top, PAGE.width - 2 * MARGIN, { size: 9, color: MUTED }).y - 8;
    const image = await document.embedPng(pack.timeline.png);
    const room = { width: PAGE.width - 2 * MARGIN, height: top - (MARGIN + 24) };
    const height = Math.min(room.width / pack.timeline.aspect, room.height);
    const width = height * pack.timeline.aspect;
    page.drawImage(image, { x: MARGIN, y: top - height, width, height });
  }

  // Footers: briefing title and page numbers.
  const pages = document.getPages();
  for (const [index, page] of pages.entries()) {
    page.drawLine({ start: { x: MARGIN, y: MARGIN + 14 }, end: { x: PAGE.width - MARGIN, y: MARGIN + 14 }, thickness: 0.5, color: RULE });
    setter.draw(page, pack.words.footer, MARGIN, MARGIN, { size: 7.5, color: MUTED });
    const number = `${pack.words.page} ${index + 1}/${pages.length}`;
    setter.draw(page, number, PAGE.width - MARGIN - setter.width(number, { size: 7.5 }), MARGIN, { size: 7.5, color: MUTED });
  }
  return document.save();
}
