/**
 * Plain text from a Word (.docx) file, for importing an agreement that arrives as a document rather
 * than pasted text. Paragraphs come out separated by a blank line: the segmenter reads a single line
 * break as a wrapped line and a blank line as a paragraph break, and a .docx paragraph is never wrapped.
 */
import mammoth from 'mammoth';

/** Every .docx is a ZIP archive; its first bytes say so. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export class NotDocxError extends Error {
  constructor(detail: string) {
    super(`Not a Word .docx document: ${detail}`);
    this.name = 'NotDocxError';
  }
}

export async function docxToText(file: Buffer): Promise<string> {
  if (file.length < ZIP_SIGNATURE.length || ZIP_SIGNATURE.some((byte, i) => file[i] !== byte)) {
    // An old binary .doc, a PDF or plain text would otherwise fail deep inside the ZIP reader.
    throw new NotDocxError('the file is not a ZIP archive (.doc, .pdf and .txt files are not read here)');
  }
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: file })).value;
  } catch (error) {
    throw new NotDocxError((error as Error).message);
  }
  return raw
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}
