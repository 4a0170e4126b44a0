import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildDocx } from '../../../test/helpers/docx';
import { segmentDocument } from '../domain/import/segment-document';
import { docxToText, NotDocxError } from './docx-to-text';

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
    // Ready for the segmenter: a preamble and two items.
    expect(segmentDocument(text).map((clause) => clause.path.join('.'))).toEqual(['0', '1', '2']);
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
