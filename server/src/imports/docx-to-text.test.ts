import { describe, expect, it } from 'vitest';
import { buildDocx, buildDocxBomb, buildWordLikeDocx, withParts } from '../../../test/helpers/docx';
import { DocxTooLargeError, NotDocxError } from './docx-reading';
import { CONVERSION_LIMITS, ConversionBusyError, ConversionLimitError, createDocxReader, docxToText } from './docx-to-text';

describe('the server reads Word files in a worker with a memory and a time limit, one at a time', () => {
  it("answers with the text, or with the reading's own refusal (same class, same words)", async () => {
    expect(await docxToText(await buildDocx(['THÔNG CÁO CHUNG', 'Hai bên thống nhất.']))).toBe('THÔNG CÁO CHUNG\n\nHai bên thống nhất.');
    const notWord = docxToText(Buffer.from('%PDF-1.7\n', 'latin1'));
    await expect(notWord).rejects.toThrow(NotDocxError);
    await expect(notWord).rejects.toThrow(/Not a Word \.docx document: the file is not a ZIP archive/);
    const nested = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${'<w:sdt>'.repeat(200)}${'</w:sdt>'.repeat(200)}</w:document>`;
    const tooDeep = docxToText(await withParts(await buildDocx(['x']), { 'word/document.xml': nested }));
    await expect(tooDeep).rejects.toThrow(NotDocxError);
    await expect(tooDeep).rejects.toThrow(/nests its elements more than 128 deep/);
    const bomb = docxToText(await buildDocxBomb(20_000_000));
    await expect(bomb).rejects.toThrow(DocxTooLargeError);
    await expect(bomb).rejects.toThrow(/unpacks to 19\.1 MB/);
  });

  it('a conversion needing more memory than the worker is given is refused, and the server goes on', async () => {
    const small = createDocxReader({ ...CONVERSION_LIMITS, heapMb: 4 });
    const refusal = small(await buildWordLikeDocx(300_000));
    await expect(refusal).rejects.toThrow(ConversionLimitError);
    await expect(refusal).rejects.toThrow(/needs more than the 4 MB a document is given/);
    // The same file, given the server's limits, is read.
    expect(await docxToText(await buildDocx(['Hai bên thống nhất.']))).toBe('Hai bên thống nhất.');
  });

  it('a conversion that takes longer than its time limit is ended and refused', async () => {
    const hurried = createDocxReader({ ...CONVERSION_LIMITS, timeLimitMs: 1 });
    await expect(hurried(await buildWordLikeDocx(300_000))).rejects.toThrow(/reading it took more than 0\.001 s/);
  });

  it('past the conversions waiting, another is refused at once (busy), and the waiting ones are read', async () => {
    const one = createDocxReader({ ...CONVERSION_LIMITS, running: 1, waiting: 1 });
    const file = await buildDocx(['Một điều khoản.']);
    const first = one(file);
    const second = one(file);
    await expect(one(file)).rejects.toThrow(ConversionBusyError);
    expect(await Promise.all([first, second])).toEqual(['Một điều khoản.', 'Một điều khoản.']);
  });
});
