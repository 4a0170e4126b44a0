import { createRequire } from 'node:module';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, buildDocxBomb, withDeclaredSize } from '../../../test/helpers/docx';
import { segmentDocument } from '../domain/import/segment-document';
import { DocxTooLargeError, docxToText, MAX_UNPACKED_BYTES, NotDocxError } from './docx-to-text';

describe('docxToText', () => {
  it('returns the paragraphs of a .docx, in order, one per block', async () => {
    const paragraphs = [
      'THÔNG CÁO CHUNG',
      'Các Bên nhất trí các nội dung sau:',
      '(1) Đường chuyên dụng Tân Thanh (Việt Nam) – Pò Chài (Trung Quốc) đã đi vào hoạt động.',
      '(2) Hai Bên thúc đẩy mở cặp cửa khẩu Bình Nghi – Bình Nhi Quan & 平而关.',
    ];
    const text = await docxToText(await buildDocx(paragraphs));
    expect(text).toBe(paragraphs.join('\n\n'));
    // Ready for the segmenter: a preamble (its heading and a paragraph) and two items.
    expect(segmentDocument(text).map((clause) => clause.path.join('.'))).toEqual(['0.h1', '0.1', '1', '2']);
  });

  it('reads a document that holds an empty part (Word writes some)', async () => {
    const zip = await JSZip.loadAsync(await buildDocx(['Hai bên thống nhất.']));
    zip.file('customXml/item1.xml', '');
    const file = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await docxToText(file)).toBe('Hai bên thống nhất.');
  });

  it('rejects files that are not .docx with a clear error', async () => {
    await expect(docxToText(Buffer.from('Biên bản hội nghị, văn bản thuần.', 'utf8'))).rejects.toThrow(NotDocxError);
    await expect(docxToText(Buffer.from('%PDF-1.7\n', 'latin1'))).rejects.toThrow(/Not a Word \.docx document/);
    await expect(docxToText(Buffer.alloc(0))).rejects.toThrow(/not a ZIP archive/);
    // A ZIP archive, but not a Word document.
    const zip = new JSZip();
    zip.file('readme.txt', 'không phải tài liệu Word');
    await expect(docxToText(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(NotDocxError);
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
      const refusal = docxToText(bomb);
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
      await expect(docxToText(liar)).rejects.toThrow(/"word\/document\.xml" unpacks to more than the 1000 bytes it declares/);
    } finally {
      inflated.restore();
    }
    // Stopped within the first block of compressed data (16 kB, here some 4 MB unpacked), far below the limit.
    expect(inflated.bytes).toBeLessThanOrEqual(MAX_UNPACKED_BYTES);
  });

  it('still reads a document that unpacks to a little less than the limit', async () => {
    const text = await docxToText(await buildDocxBomb(MAX_UNPACKED_BYTES - 4096));
    expect(text).toMatch(/^0+$/);
  });
});
