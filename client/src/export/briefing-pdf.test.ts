import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BriefingPack, buildBriefingPdf, type PdfFont } from './briefing-pdf';
import { fontPicker, type PdfFontFile, parseUnicodeRange, splitRuns, wrapText } from './pdf-text';

const FONT_DIR = join(__dirname, '..', '..', '..', 'geodata', 'basemap', 'output', 'fonts');
const files = JSON.parse(readFileSync(join(FONT_DIR, 'fonts.json'), 'utf8')) as PdfFontFile[];
const fonts: PdfFont[] = files.map((file) => ({ file, bytes: readFileSync(join(FONT_DIR, file.ttf)) }));

const words = {
  citedClauses: 'Điều khoản được trích dẫn',
  noCitations: 'Không có',
  continued: 'tiếp theo',
  page: 'Trang',
  footer: 'Border Atlas',
  stepsHeading: 'Các bước',
};

function pack(steps: BriefingPack['steps']): BriefingPack {
  return {
    language: 'vi',
    cover: {
      title: 'Cửa khẩu Lạng Sơn 2023 → 2026',
      subtitle: 'Gói tài liệu thuyết trình',
      lines: ['Ngày xuất: 29/11/2026'],
      steps: steps.map((step) => ({ title: step.title, details: 'Tính đến ngày 22/02/2023 · Tỉnh: Lạng Sơn' })),
    },
    steps,
    words,
  };
}

function pdfText(bytes: Uint8Array, page?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  const file = join(dir, 'pack.pdf');
  writeFileSync(file, bytes);
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

function pageCount(bytes: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  writeFileSync(join(dir, 'pack.pdf'), bytes);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'pack.pdf')], { encoding: 'utf8' }))?.[1]);
}

describe('PDF text setting', () => {
  it('reads unicode ranges as fonts.json writes them', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+1EA0-1EF9')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x1ea0, 0x1ef9],
    ]);
  });

  it('draws Vietnamese, Latin and Chinese each with a file that has the glyphs', () => {
    const pick = fontPicker(files);
    const runs = splitRuns('Hữu Nghị 友谊关', pick, false);
    const fileOf = (text: string) => files[runs.find((run) => run.text.includes(text))?.font ?? -1]?.file;
    expect(fileOf('ữ')).toMatch(/vietnamese-400/);
    expect(fileOf('友')).toMatch(/noto-sans-sc/);
    expect(splitRuns('Hữu', pick, true).every((run) => files[run.font].weight === 700)).toBe(true);
    expect(runs.map((run) => run.text).join('')).toBe('Hữu Nghị 友谊关');
  });

  it('wraps at spaces, between Chinese characters, and cuts words longer than a line', () => {
    const measure = (s: string) => [...s].length;
    expect(wrapText('một hai ba bốn', 7, measure)).toEqual(['một hai', 'ba bốn']);
    expect(wrapText('友谊关口岸', 2, measure)).toEqual(['友谊', '关口', '岸']);
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('a\nb', 10, measure)).toEqual(['a', 'b']);
  });
});

describe('the briefing pack PDF', () => {
  const clause = 'Hai bên thống nhất thúc đẩy mở cặp cửa khẩu song phương A Pa Chải (Việt Nam) – Long Phú (Trung Quốc).';
  const step = (title: string, citations: number): BriefingPack['steps'][number] => ({
    kicker: `Bước · ${title}`,
    title,
    meta: ['Tính đến ngày 22/02/2023'],
    text: 'Đường chuyên dụng Tân Thanh – Pò Chài đã chính thức đi vào hoạt động.',
    image: null,
    citations: Array.from({ length: citations }, (_, index) => ({
      heading: `004:3.${index + 1} — Biên bản hội đàm 22/02/2023`,
      paragraphs: [clause, '中越友谊关口岸'],
    })),
  });

  it('has a cover and one page per step, with searchable Vietnamese and Chinese', async () => {
    const bytes = await buildBriefingPdf(pack([step('Lạng Sơn sau Gặp gỡ đầu Xuân 2023', 2), step('Chi Ma – Ái Điểm', 1)]), fonts);
    expect(pageCount(bytes)).toBe(3);
    expect(pdfText(bytes, 1)).toContain('Cửa khẩu Lạng Sơn 2023 → 2026');
    const second = pdfText(bytes, 2);
    expect(second).toContain('Lạng Sơn sau Gặp gỡ đầu Xuân 2023');
    expect(second.replace(/\s+/g, ' ')).toContain(clause);
    expect(second).toContain('中越友谊关口岸');
    expect(pdfText(bytes, 3)).toContain('Chi Ma – Ái Điểm');
  });

  it('continues clauses that do not fit beside the map on a page marked as a continuation, losing none', async () => {
    const bytes = await buildBriefingPdf(pack([step('Nhiều điều khoản', 40)]), fonts);
    const pages = pageCount(bytes);
    expect(pages).toBeGreaterThan(2);
    expect(pdfText(bytes, 3)).toContain('tiếp theo');
    const all = pdfText(bytes);
    for (let index = 1; index <= 40; index++) expect(all).toContain(`004:3.${index} —`);
  });
});
