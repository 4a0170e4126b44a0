import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { segmentDocument } from '../domain/import/segment-document';
import { docxToText, NotDocxError } from './docx-to-text';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The smallest .docx Word opens: content types, the package relationship and the document body. */
async function buildDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

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
