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

const WORD_NAMESPACE = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Word document body in its part, as Word writes it. */
const documentPart = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${WORD_NAMESPACE}><w:body>${body}</w:body></w:document>`;

/** `base` with its parts replaced or added (packed with DEFLATE, as Word packs them). */
export async function withParts(base: Buffer, parts: Record<string, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A document of `characters` characters of text as Word writes a long one: paragraphs of six runs of 40
 * characters, each run and paragraph with its formatting (fonts, size, language, spacing, justification) and
 * revision ids. 300 000 characters hold some 57 000 elements.
 */
export async function buildWordLikeDocx(characters: number): Promise<Buffer> {
  const sentence = 'Hai Bên nhất trí thúc đẩy mở cửa khẩu Hữu Nghị và nâng cấp cặp cửa khẩu song phương. ';
  const run = (text: string) =>
    '<w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/>' +
    `<w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
  const paragraphs: string[] = [];
  for (let written = 0; written < characters; ) {
    let paragraph = '<w:p w:rsidR="00A1B2C3"><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>';
    for (let i = 0; i < 6 && written < characters; i += 1) {
      const text = sentence.slice(0, Math.min(40, characters - written));
      paragraph += run(text);
      written += text.length;
    }
    paragraphs.push(`${paragraph}</w:p>`);
  }
  return withParts(await buildDocx(['x']), { 'word/document.xml': documentPart(paragraphs.join('')) });
}

/** `item(0) item(1) …` up to `bytes` long. */
function filledWith(item: (i: number) => string, bytes: number): string {
  const items: string[] = [];
  for (let length = 0; length < bytes; ) {
    const next = item(items.length);
    items.push(next);
    length += next.length;
  }
  return items.join('');
}

/**
 * Small files whose XML costs a parser far more than its bytes (issue 30: each took the server to gigabytes
 * and held every request for seconds when parsed on its thread): `<w:p/>` × 2.7 million; one-character runs
 * filling 16 MB; 8 MB of styles and 7 MB of numbering; 200 000 nested content controls.
 */
export async function buildCostlyDocx(kind: 'empty-paragraphs' | 'one-character-runs' | 'styles-and-numbering' | 'nested-controls') {
  const base = await buildDocx(['x']);
  switch (kind) {
    case 'empty-paragraphs':
      return withParts(base, { 'word/document.xml': documentPart('<w:p/>'.repeat(2_700_000)) });
    case 'one-character-runs':
      return withParts(base, { 'word/document.xml': documentPart(`<w:p>${'<w:r><w:t>a</w:t></w:r>'.repeat(700_000)}</w:p>`) });
    case 'styles-and-numbering': {
      // Each under the element limit alone (≈ 140 000 and 115 000 elements), over it together.
      const style = (i: number) =>
        `<w:style w:type="paragraph" w:customStyle="1" w:styleId="S${i}"><w:name w:val="Kiểu văn bản số ${i}"/></w:style>`;
      const list = (i: number) =>
        `<w:abstractNum w:abstractNumId="${i}" w15:restartNumberingAfterBreak="0"><w:lvl w:ilvl="0"/></w:abstractNum>`;
      return withParts(base, {
        'word/styles.xml': `<?xml version="1.0"?><w:styles ${WORD_NAMESPACE}>${filledWith(style, 8_000_000)}</w:styles>`,
        'word/numbering.xml': `<?xml version="1.0"?><w:numbering ${WORD_NAMESPACE}>${filledWith(list, 7_000_000)}</w:numbering>`,
      });
    }
    case 'nested-controls':
      return withParts(base, {
        'word/document.xml': documentPart(`${'<w:sdt><w:sdtContent>'.repeat(100_000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(100_000)}`),
      });
  }
}
