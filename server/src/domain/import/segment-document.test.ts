import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../record/load-record';
import { isVerbatimIn, normalizeText } from '../text';
import { type SegmentedClause, segmentDocument } from './segment-document';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const documentsDir = join(root, 'geodata', 'documents');
const record = loadRecord({ recordDir: join(root, 'geodata', 'record'), documentsDir });
const seeds = readdirSync(documentsDir).filter((name) => name.endsWith('.txt'));
const readSeed = (name: string) => readFileSync(join(documentsDir, name), 'utf8');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'import', name), 'utf8');
const paths = (clauses: SegmentedClause[]) => clauses.map((clause) => clause.path.join('.'));

/** The curated clauses of an agreement whose position is a numbered item or section. */
function curatedNumbered(agreementId: string) {
  return record.clauses.filter((clause) => clause.agreementId === agreementId && /^\d+$/.test(clause.path[0]) && clause.path[0] !== '0');
}

/** The record's preamble paragraphs (0.1, 0.2 …). */
function curatedPreamble(agreementId: string) {
  return record.clauses.filter((clause) => clause.agreementId === agreementId && clause.path[0] === '0');
}

describe('segmentDocument on the five source documents', () => {
  it.each(seeds)('%s: every clause is verbatim in the document, in order, with offsets that point at it', (name) => {
    const text = readSeed(name);
    const clauses = segmentDocument(text);
    expect(clauses.length).toBeGreaterThan(5);
    let previousEnd = 0;
    for (const clause of clauses) {
      expect(isVerbatimIn(clause.text, text), clause.path.join('.')).toBe(true);
      expect(normalizeText(text.slice(clause.start, clause.end))).toBe(clause.text);
      expect(clause.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = clause.end;
    }
    // Paths identify clauses.
    expect(new Set(paths(clauses)).size).toBe(clauses.length);
  });

  it('splits the 2026 communiqué into its preamble and items (1)–(23), paths and labels as the record has them', () => {
    const clauses = segmentDocument(readSeed('003_93f20d81c9923966.txt'));
    // The preamble in paragraphs, numbered as the record numbers them (0.1 … 0.6), its two headings apart.
    expect(paths(clauses)).toEqual([
      '0.h1',
      '0.h2',
      ...Array.from({ length: 6 }, (_, i) => `0.${i + 1}`),
      ...Array.from({ length: 23 }, (_, i) => String(i + 1)),
    ]);
    // Each paragraph has the record's clause id and label.
    for (const curated of curatedPreamble('003')) {
      const mine = clauses.find((clause) => `003:${clause.path.join('.')}` === curated.id);
      expect(normalizeText(mine?.text ?? ''), curated.id).toBe(normalizeText(curated.text.vi));
      expect(mine?.label).toEqual(curated.label);
    }
    expect(clauses.find((c) => c.path.join('.') === '0.h2')?.label).toEqual({ vi: 'Phần mở đầu, tiêu đề 2', en: 'Preamble, heading 2' });
    for (const curated of curatedNumbered('003')) {
      const mine = clauses.find((clause) => clause.path.join('.') === curated.path[0]);
      expect(mine, curated.id).toBeDefined();
      // The record splits some items into paragraphs; each paragraph lies inside the item found here.
      expect(normalizeText(mine?.text ?? '')).toContain(normalizeText(curated.text.vi));
      if (curated.path.length === 1) expect(mine?.label).toEqual(curated.label);
    }
    expect(clauses[6 + 7].label).toEqual({ vi: 'Điểm (6)', en: 'Item (6)' });
    // The topic heading "2. Tăng cường phối hợp …" is read with the item under it, as the record does.
    expect(clauses[4 + 7].text.startsWith('2. Tăng cường phối hợp chặt chẽ trong quản lý biên giới (4) Các Bên')).toBe(true);
  });

  it('splits the 2023 minutes into sections 1–5, as the record has them', () => {
    const clauses = segmentDocument(readSeed('004_5c64e609df01bd85.txt'));
    // The preamble: the title running on into its wrapped lines, then the record's paragraphs.
    expect(paths(clauses)).toEqual(['0.1', '0.2', '0.3', '0.4', '0.5', '0.6', '1', '2', '3', '4', '5']);
    const preamble = clauses.filter((c) => c.path[0] === '0').map((c) => normalizeText(c.text));
    for (const curated of curatedPreamble('004'))
      expect(
        preamble.some((text) => normalizeText(curated.text.vi).startsWith(text) || text.startsWith(normalizeText(curated.text.vi))),
        curated.id,
      ).toBe(true);
    for (const curated of curatedNumbered('004')) {
      const mine = clauses.find((clause) => clause.path[0] === curated.path[0]);
      expect(normalizeText(mine?.text ?? ''), curated.id).toContain(normalizeText(curated.text.vi));
      if (curated.path.length === 1) expect(mine?.label).toEqual(curated.label);
    }
    expect(clauses[3 + 5].label).toEqual({ vi: 'Mục 3', en: 'Section 3' });
  });

  it('keeps the roman section in the path of its items ("Mục II, điểm 3"), as the record does for the 2025 plan', () => {
    const clauses = segmentDocument(readSeed('000_6f44fee0dce67405.txt'));
    const byPath = new Map(clauses.map((clause) => [clause.path.join('.'), clause]));
    for (const curated of record.clauses.filter(
      (clause) => clause.agreementId === '000-vn' && clause.path.length === 2 && clause.path[0] !== 'end',
    )) {
      const mine = byPath.get(curated.path.join('.'));
      expect(mine?.label, curated.id).toEqual(curated.label);
      expect(normalizeText(mine?.text ?? '')).toContain(normalizeText(curated.text.vi));
    }
    // The Chinese side's draft, appended after the Vietnamese one, numbers its sections again: a second part.
    expect(byPath.get('P2.II.4')?.label).toEqual({ vi: 'Phần 2, mục II, điểm 4', en: 'Part 2, section II, item 4' });
  });
});

describe('segmentDocument on new documents', () => {
  it('reads the 2027 communiqué (Markdown): a preamble and items (1)–(6) under bold topic headings', () => {
    const clauses = segmentDocument(fixture('2027-communique.md'));
    // The preamble in paragraphs: the title heading apart, so that its words lend no status to the text.
    expect(paths(clauses)).toEqual(['0.h1', '0.1', '0.2', '1', '2', '3', '4', '5', '6']);
    expect(clauses[0]).toMatchObject({ label: { vi: 'Phần mở đầu, tiêu đề 1', en: 'Preamble, heading 1' }, text: 'THÔNG CÁO CHUNG' });
    expect(clauses[1].text).toContain('Hội nghị lần thứ 18 Ủy ban công tác liên hợp');
    expect(clauses[2]).toMatchObject({ label: { vi: 'Phần mở đầu, đoạn 2', en: 'Preamble, paragraph 2' } });
    expect(clauses[2].text.startsWith('Ngày 24 tháng 3 năm 2027')).toBe(true);
    expect(clauses[3].text.startsWith('1. Về kết nối hạ tầng cửa khẩu (1) Đường chuyên dụng')).toBe(true);
    // "1.000 tấn" at the start of a wrapped line and the date "22/8/2026" stay inside their items.
    expect(clauses[3].text).toContain('bình quân đạt 1.000 tấn mỗi ngày.');
    expect(clauses[7].text).toContain('ký ngày 22/8/2026 giữa hai huyện biên giới.');
  });

  it('reads the 2026 minutes: roman sections, numbered items restarting in each, lettered sub-items', () => {
    const clauses = segmentDocument(fixture('2026-minutes-lao-cai.txt'));
    expect(paths(clauses)).toEqual(['0.h1', '0.1', '0.2', 'I.1', 'I.2', 'II.1.a', 'II.1.b', 'II.2', 'III.1', 'III.2']);
    expect(clauses.map((clause) => clause.label.vi)).toEqual([
      'Phần mở đầu, tiêu đề 1',
      'Phần mở đầu, đoạn 1',
      'Phần mở đầu, đoạn 2',
      'Mục I, điểm 1',
      'Mục I, điểm 2',
      'Mục II, điểm 1, tiết a',
      'Mục II, điểm 1, tiết b',
      'Mục II, điểm 2',
      'Mục III, điểm 1',
      'Mục III, điểm 2',
    ]);
    expect(clauses[5].label.en).toBe('Section II, item 1, sub-item a');
    // The two wrapped lines of the title are one paragraph.
    expect(clauses[1].text).toBe(
      'Phiên họp lần thứ 11 Nhóm Công tác liên hợp giữa các tỉnh Lào Cai, Lai Châu, Điện Biên, Tuyên Quang (Việt Nam) và tỉnh Vân Nam (Trung Quốc)',
    );
    expect(clauses[4].text).toContain('bảo đảm lưu thông cho xe tải trọng 1.000 tấn hàng hóa mỗi tháng.');
  });

  it('gives the same clauses for CRLF line endings, with offsets into the CRLF text', () => {
    const lf = fixture('2026-minutes-lao-cai.txt');
    const crlf = lf.replace(/\n/g, '\r\n');
    const clauses = segmentDocument(crlf);
    expect(clauses.map(({ path, text }) => ({ path, text }))).toEqual(segmentDocument(lf).map(({ path, text }) => ({ path, text })));
    for (const clause of clauses) expect(normalizeText(crlf.slice(clause.start, clause.end))).toBe(clause.text);
  });
});

describe('segmentDocument, edge cases', () => {
  it('returns nothing for empty or blank input', () => {
    expect(segmentDocument('')).toEqual([]);
    expect(segmentDocument(' \n\t\r\n ')).toEqual([]);
  });

  it('keeps one paragraph with no structure as one preamble clause, trimmed', () => {
    const text = '\n\n  Hai Bên nhất trí tăng cường hợp tác. Tiếp tục\ntrao đổi đoàn.  \n\n';
    expect(segmentDocument(text)).toEqual([
      {
        path: ['0'],
        label: { vi: 'Phần mở đầu', en: 'Preamble' },
        text: 'Hai Bên nhất trí tăng cường hợp tác. Tiếp tục trao đổi đoàn.',
        start: text.indexOf('Hai'),
        end: text.indexOf('đoàn.') + 'đoàn.'.length,
      },
    ]);
  });

  it('reads unnumbered prose (a press report) paragraph by paragraph, its headline and captions apart', () => {
    const text = [
      'Chính thức mở lối thông quan mới tại cửa khẩu',
      'Sáng 3/4, hai tỉnh tổ chức lễ công bố. Lễ diễn ra trang trọng.',
      'Ảnh: Phóng viên',
      'Sau lễ, hai bên trao đổi về kế hoạch năm tới.',
    ].join('\n');
    const clauses = segmentDocument(text);
    expect(clauses.map((c) => [c.path.join('.'), c.label.vi, c.text])).toEqual([
      ['0.h1', 'Tiêu đề 1', 'Chính thức mở lối thông quan mới tại cửa khẩu'],
      ['0.1', 'Đoạn 1', 'Sáng 3/4, hai tỉnh tổ chức lễ công bố. Lễ diễn ra trang trọng.'],
      ['0.h2', 'Tiêu đề 2', 'Ảnh: Phóng viên'],
      ['0.2', 'Đoạn 2', 'Sau lễ, hai bên trao đổi về kế hoạch năm tới.'],
    ]);
    // Text wrapped at a fixed width keeps its sentences whole across lines.
    const wrapped = `${'Hai Bên thống nhất thúc đẩy hợp tác trên nhiều lĩnh vực và tăng cường trao đổi đoàn các cấp '.repeat(12)}.`;
    const lines = wrapped.match(/.{1,80}(\s|$)/g) ?? [];
    expect(segmentDocument(lines.join('\n'))).toHaveLength(1);
  });

  it('does not split on numbers that continue a sentence: quantities, years, dates, out-of-sequence numbers', () => {
    const text = [
      '1. Hai Bên thống nhất nâng lượng hàng hóa lên',
      '1.000 tấn mỗi ngày trong năm',
      '2024. Kế hoạch được ký ngày',
      '22/8/2024 tại Hà Nội, gồm',
      '3. Nội dung khác được bàn sau.',
      '',
      '2. Các Bên giao cơ quan chức năng thực hiện.',
    ].join('\n');
    const clauses = segmentDocument(text);
    expect(paths(clauses)).toEqual(['1', '2']);
    expect(clauses[0].text).toBe(
      '1. Hai Bên thống nhất nâng lượng hàng hóa lên 1.000 tấn mỗi ngày trong năm 2024. Kế hoạch được ký ngày 22/8/2024 tại Hà Nội, gồm 3. Nội dung khác được bàn sau.',
    );
  });

  it('reads "1)" items, Markdown headings and emphasis, and text after the last item', () => {
    const text = [
      'Lời nói đầu.',
      '',
      '### **I. VỀ KINH TẾ**',
      '',
      '1) Thúc đẩy thương mại.',
      '2) Mở rộng đầu tư.',
      '',
      '## II. VỀ VĂN HÓA',
      'Tăng cường giao lưu.',
      '',
      'Biên bản lập thành hai bản.',
    ].join('\n');
    const clauses = segmentDocument(text);
    expect(clauses.map(({ path, label, text: t }) => ({ path: path.join('.'), label: label.en, text: t }))).toEqual([
      { path: '0', label: 'Preamble', text: 'Lời nói đầu.' },
      { path: 'I.1', label: 'Section I, item 1', text: 'I. VỀ KINH TẾ 1) Thúc đẩy thương mại.' },
      { path: 'I.2', label: 'Section I, item 2', text: '2) Mở rộng đầu tư.' },
      { path: 'II', label: 'Section II', text: 'II. VỀ VĂN HÓA Tăng cường giao lưu. Biên bản lập thành hai bản.' },
    ]);
  });

  it('segments 1 MB of text (its time is measured in the benchmark, not here)', () => {
    // The minutes pasted over and over: each copy restarts the roman numbering, so each is a new part.
    const minutes = fixture('2026-minutes-lao-cai.txt');
    const copies = Math.ceil(1_000_000 / minutes.length);
    const text = Array.from({ length: copies }, () => minutes).join('\n');
    const clauses = segmentDocument(text);
    expect(clauses).toHaveLength(10 + (copies - 1) * 7);
    expect(clauses[clauses.length - 1].path).toEqual([`P${copies}`, 'III', '2']);
    expect(new Set(paths(clauses)).size).toBe(clauses.length);
    // And one huge paragraph with no structure at all.
    expect(segmentDocument('a '.repeat(500_000))).toHaveLength(1);
  });

  it('gives every clause a path clause ids allow, on documents written in odd ways', () => {
    const documents = [
      'a) Một.\nb) Hai.\nc) Ba.\nd) Bốn.\nđ) Năm.\ne) Sáu.',
      '一、总则。\n二、合作领域。\n三、其他。',
      '1. Về cửa khẩu:\nNội dung riêng.\n(1) Mục một.\n(2) Mục hai.\n2. Về giao thông:\nNội dung.\n(3) Mục ba.',
      'NỘI DUNG HỘI ĐÀM\n1. Hai Bên thống nhất.\n2. Hai Bên kiến nghị.',
      '   \n\n# Chỉ một tiêu đề\n',
      '会谈纪要。\n二、合作。',
    ];
    for (const document of documents) {
      const clauses = segmentDocument(document);
      expect(clauses.length, document).toBeGreaterThan(0);
      for (const clause of clauses) {
        expect(clause.path.length, document).toBeGreaterThan(0);
        for (const key of clause.path) expect(key, document).toMatch(/^[A-Za-z0-9]+$/);
        expect(isVerbatimIn(clause.text, document)).toBe(true);
      }
      expect(new Set(paths(clauses)).size, document).toBe(clauses.length);
    }
    // An untitled heading line does not swallow item 1 into the preamble.
    expect(paths(segmentDocument(documents[3]))).toEqual(['0', '1', '2']);
    expect(paths(segmentDocument(documents[0]))).toContain('dd');
    expect(paths(segmentDocument(documents[1]))).toEqual(['1', '2', '3']);
  });
});
