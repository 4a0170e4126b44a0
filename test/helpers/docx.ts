import JSZip from 'jszip';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The smallest .docx Word opens: content types, the package relationship and the document body. */
export async function buildDocx(paragraphs: string[]): Promise<Buffer> {
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

/**
 * A .docx bomb: a valid Word document whose body is one paragraph of `bytes` zeros ('0'), DEFLATE-compressed
 * (about 1000:1 — 200 MB packs into some 200 kB). With `declaredBytes`, the archive lies about the body's size:
 * its local header and central directory both declare that many uncompressed bytes instead.
 */
export async function buildDocxBomb(bytes: number, { declaredBytes }: { declaredBytes?: number } = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildDocx(['Bomb']));
  const document = await zip.file('word/document.xml')?.async('string');
  const [before, after] = String(document).split('Bomb');
  zip.file('word/document.xml', Buffer.concat([Buffer.from(before), Buffer.alloc(bytes, '0'), Buffer.from(after)]));
  const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
  return declaredBytes === undefined ? packed : withDeclaredSize(packed, 'word/document.xml', declaredBytes);
}

/** The archive with `name`'s uncompressed size rewritten in its central directory entry and its local header. */
export function withDeclaredSize(zip: Buffer, name: string, size: number): Buffer {
  const patched = Buffer.from(zip);
  const end = patched.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = patched.readUInt16LE(end + 10);
  let at = patched.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i += 1) {
    const nameLength = patched.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + patched.readUInt16LE(at + 30) + patched.readUInt16LE(at + 32);
    if (patched.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      patched.writeUInt32LE(size, at + 24);
      patched.writeUInt32LE(size, patched.readUInt32LE(at + 42) + 22);
      return patched;
    }
    at = next;
  }
  throw new Error(`no entry ${name} in the archive`);
}
