/**
 * Plain text from a Word (.docx) file, for importing an agreement that arrives as a document rather
 * than pasted text. Paragraphs come out separated by a blank line: the segmenter reads a single line
 * break as a wrapped line and a blank line as a paragraph break, and a .docx paragraph is never wrapped.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { textProblem } from '../http/text-check';

/** Every .docx is a ZIP archive; its first bytes say so. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * What a .docx may unpack to, all its parts together. The longest document read (300 000 characters,
 * five times the largest source) is a few MB of Word XML; a small file can declare or hold far more (a
 * ZIP bomb: 400 KB unpacking to 400 MB took 12 s and 2 GB).
 */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

export class NotDocxError extends Error {
  constructor(detail: string) {
    super(`Not a Word .docx document: ${detail}`);
    this.name = 'NotDocxError';
  }
}

/** The file would unpack to more than MAX_UNPACKED_BYTES, or a part holds more than it declares. */
export class DocxTooLargeError extends Error {
  constructor(detail: string) {
    super(`The Word file is refused: ${detail}. Paste the document's text instead, or save it without embedded objects`);
    this.name = 'DocxTooLargeError';
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * An entry's uncompressed size as the archive declares it (its central directory; JSZip keeps it, unexposed), or
 * null where JSZip holds none (an empty part, which Word writes: it is then counted by unpacking it, within what is
 * left of the limit).
 */
function declaredSize(entry: JSZip.JSZipObject): number | null {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  if (size === undefined) return null;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw new NotDocxError(`the archive gives no valid size for "${entry.name}"`);
  }
  return size;
}

/** Unpacks an entry, counting its bytes and keeping none; stops as soon as it has more than `stopAfter`. */
function unpackedSize(entry: JSZip.JSZipObject, stopAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > stopAfter) {
        // Destroyed, the stream refuses further chunks and pauses the inflater.
        (stream as unknown as { destroy(): void }).destroy();
        resolve(bytes);
      }
    });
    stream.on('end', () => resolve(bytes));
    stream.on('error', (error: Error) => reject(new NotDocxError(`"${entry.name}" cannot be unpacked (${error.message})`)));
  });
}

/**
 * Refuses an archive that would unpack to more than MAX_UNPACKED_BYTES before anything is extracted:
 * first by the sizes its entries declare (no inflating at all), then by what each really holds, unpacked
 * and counted (nothing kept), stopping at the first byte past its declared size — so an entry lying about
 * its size is stopped there too. The same ZIP reader as mammoth's (JSZip), so both see the same entries.
 */
async function checkUnpackedSize(file: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file);
  } catch (error) {
    throw new NotDocxError((error as Error).message);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  const declared = entries.map(declaredSize);
  const sizes = declared.map((size) => size ?? 0);
  let total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > MAX_UNPACKED_BYTES) {
    const largest = entries[sizes.indexOf(Math.max(...sizes))];
    throw new DocxTooLargeError(
      `it unpacks to ${megabytes(total)} ("${largest.name}" alone ${megabytes(Math.max(...sizes))}); at most ${megabytes(MAX_UNPACKED_BYTES)} are read`,
    );
  }
  for (const [i, entry] of entries.entries()) {
    const size = declared[i];
    if (size !== null) {
      if ((await unpackedSize(entry, size)) > size) {
        throw new DocxTooLargeError(`"${entry.name}" unpacks to more than the ${size} bytes it declares (a damaged or forged archive)`);
      }
      continue;
    }
    // No size declared: counted by unpacking, stopped past what the limit leaves.
    const left = MAX_UNPACKED_BYTES - total;
    const bytes = await unpackedSize(entry, left);
    if (bytes > left) {
      throw new DocxTooLargeError(`"${entry.name}" unpacks past the ${megabytes(MAX_UNPACKED_BYTES)} read at most (it declares no size)`);
    }
    total += bytes;
  }
}

export async function docxToText(file: Buffer): Promise<string> {
  if (file.length < ZIP_SIGNATURE.length || ZIP_SIGNATURE.some((byte, i) => file[i] !== byte)) {
    // An old binary .doc, a PDF or plain text would otherwise fail deep inside the ZIP reader.
    throw new NotDocxError('the file is not a ZIP archive (.doc, .pdf and .txt files are not read here)');
  }
  // Before mammoth unpacks anything: it reads whole parts into memory.
  await checkUnpackedSize(file);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: file })).value;
  } catch (error) {
    throw new NotDocxError((error as Error).message);
  }
  // Character references can spell what no text field accepts (&#0;, a lone &#xD800;).
  const problem = textProblem(raw);
  if (problem) throw new NotDocxError(`its text ${problem}`);
  return raw
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}
