import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCostlyDocx, buildDocx, buildDocxBomb, buildWordLikeDocx, withDeclaredSize, withParts } from '../../../test/helpers/docx';
import { segmentDocument } from '../domain/import/segment-document';
import { DocxTooLargeError, MAX_UNPACKED_BYTES, NotDocxError, readDocx } from './docx-reading';

describe('readDocx', () => {
  it('returns the paragraphs of a .docx, in order, one per block', async () => {
    const paragraphs = [
      'THÔNG CÁO CHUNG',
      'Các Bên nhất trí các nội dung sau:',
      '(1) Đường chuyên dụng Tân Thanh (Việt Nam) – Pò Chài (Trung Quốc) đã đi vào hoạt động.',
      '(2) Hai Bên thúc đẩy mở cặp cửa khẩu Bình Nghi – Bình Nhi Quan & 平而关.',
    ];
    const text = await readDocx(await buildDocx(paragraphs));
    expect(text).toBe(paragraphs.join('\n\n'));
    // Ready for the segmenter: a preamble (its heading and a paragraph) and two items.
    expect(segmentDocument(text).map((clause) => clause.path.join('.'))).toEqual(['0.h1', '0.1', '1', '2']);
  });

  it('reads a document that holds an empty part (Word writes some)', async () => {
    const zip = await JSZip.loadAsync(await buildDocx(['Hai bên thống nhất.']));
    zip.file('customXml/item1.xml', '');
    const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await readDocx(file)).toBe('Hai bên thống nhất.');
  });

  it('rejects files that are not .docx with a clear error', async () => {
    await expect(readDocx(Buffer.from('Biên bản hội nghị, văn bản thuần.', 'utf8'))).rejects.toThrow(NotDocxError);
    await expect(readDocx(Buffer.from('%PDF-1.7\n', 'latin1'))).rejects.toThrow(/Not a Word \.docx document/);
    await expect(readDocx(Buffer.alloc(0))).rejects.toThrow(/not a ZIP archive/);
    // A ZIP archive, but not a Word document.
    const zip = new JSZip();
    zip.file('readme.txt', 'không phải tài liệu Word');
    await expect(readDocx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(NotDocxError);
  });
});

/**
 * Counts the bytes pako inflates — JSZip's inflater, so mammoth's too (one copy of each in node_modules):
 * how far a file was really unpacked, whoever unpacked it.
 */
function countInflated() {
  const { Inflate } = createRequire(import.meta.url)('pako') as {
    Inflate: { prototype: { push(data: unknown, mode: unknown): boolean; onData(chunk: Uint8Array): void } };
  };
  const push = Inflate.prototype.push;
  const counter = {
    bytes: 0,
    restore: () => {
      Inflate.prototype.push = push;
    },
  };
  Inflate.prototype.push = function (this: { onData(chunk: Uint8Array): void }, data, mode) {
    const onData = this.onData;
    this.onData = (chunk) => {
      counter.bytes += chunk.length;
      onData.call(this, chunk);
    };
    try {
      return push.call(this, data, mode);
    } finally {
      this.onData = onData;
    }
  };
  return counter;
}

describe('a .docx bomb (200 MB of text packed into a few hundred kB)', () => {
  let bomb: Buffer;
  beforeAll(async () => {
    bomb = await buildDocxBomb(200_000_000);
  }, 120_000);

  it('is refused by the size it declares, before anything is unpacked', async () => {
    const inflated = countInflated();
    try {
      const refusal = readDocx(bomb);
      await expect(refusal).rejects.toThrow(DocxTooLargeError);
      await expect(refusal).rejects.toThrow(/unpacks to 190\.7 MB \("word\/document\.xml" alone 190\.7 MB\); at most 16 MB/);
    } finally {
      inflated.restore();
    }
    expect(inflated.bytes).toBeLessThanOrEqual(MAX_UNPACKED_BYTES);
  });

  it('that lies about its size is stopped where it passes the size it declares, not unpacked to the end', async () => {
    const liar = withDeclaredSize(bomb, 'word/document.xml', 1000);
    const inflated = countInflated();
    try {
      await expect(readDocx(liar)).rejects.toThrow(/"word\/document\.xml" unpacks to more than the 1000 bytes it declares/);
    } finally {
      inflated.restore();
    }
    // Stopped within the first block of compressed data (16 kB, here some 4 MB unpacked), far below the limit.
    expect(inflated.bytes).toBeLessThanOrEqual(MAX_UNPACKED_BYTES);
  });

  it('still reads a document that unpacks to a little less than the limit', async () => {
    const text = await readDocx(await buildDocxBomb(MAX_UNPACKED_BYTES - 4096));
    expect(text).toMatch(/^0+$/);
  });
});

describe('Word files whose XML costs far more than its bytes are refused before anything parses them', () => {
  // The converter is never reached: a parse of any of these took 1–20 s and gigabytes.
  const neverParsed = () => Promise.reject(new Error('the file reached the parser'));

  it('2.7 million empty paragraphs (25 kB packed): too many elements, naming the part', async () => {
    const refusal = readDocx(await buildCostlyDocx('empty-paragraphs'), neverParsed);
    await expect(refusal).rejects.toThrow(DocxTooLargeError);
    await expect(refusal).rejects.toThrow(/"word\/document\.xml" brings its XML to more than 150,000 elements/);
  });

  it('16 MB of one-character runs', async () => {
    await expect(readDocx(await buildCostlyDocx('one-character-runs'), neverParsed)).rejects.toThrow(
      /"word\/document\.xml" brings its XML to more than 150,000 elements/,
    );
  });

  it('8 MB of styles and 7 MB of numbering, each under the limit alone: counted together', async () => {
    await expect(readDocx(await buildCostlyDocx('styles-and-numbering'), neverParsed)).rejects.toThrow(
      /"word\/numbering\.xml" brings its XML to more than 150,000 elements, all parts together/,
    );
  });

  it('200 000 nested content controls: too deep, refused as no Word document', async () => {
    const refusal = readDocx(await buildCostlyDocx('nested-controls'), neverParsed);
    await expect(refusal).rejects.toThrow(NotDocxError);
    await expect(refusal).rejects.toThrow(/"word\/document\.xml" nests its elements more than 128 deep/);
  });

  it('a part declaring a document type (entities that expand without end)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const file = await withParts(await buildDocx(['x']), { 'word/document.xml': laughs });
    await expect(readDocx(file, neverParsed)).rejects.toThrow(/"word\/document\.xml" declares a document type/);
  });

  it('an XML part under another name is counted all the same', async () => {
    const file = await withParts(await buildDocx(['x']), { 'word/media/image1.png': `<a>${'<b/>'.repeat(200_000)}</a>` });
    await expect(readDocx(file, neverParsed)).rejects.toThrow(/"word\/media\/image1\.png" brings its XML to more than 150,000 elements/);
  });

  it('while a document of the longest text read, as Word writes it, is read whole', async () => {
    const text = await readDocx(await buildWordLikeDocx(300_000));
    expect(text.replace(/\n\n/g, '')).toHaveLength(300_000);
  });
});
