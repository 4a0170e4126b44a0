/**
 * Plain text from a Word (.docx) file, for importing an agreement that arrives as a document rather
 * than pasted text. Paragraphs come out separated by a blank line: the segmenter reads a single line
 * break as a wrapped line and a blank line as a paragraph break, and a .docx paragraph is never wrapped.
 *
 * This is the reading itself, on the thread that calls it: the server runs it in a worker thread with a
 * memory and a time limit (docx-to-text.ts), never on its own thread.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { textProblem } from '../http/text-check';
import { XmlShapeReader } from './xml-shape';

/** Every .docx is a ZIP archive; its first bytes say so. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * What a .docx may unpack to, all its parts together. The longest document read (300 000 characters,
 * five times the largest source) is a few MB of Word XML; a small file can declare or hold far more (a
 * ZIP bomb: 400 KB unpacking to 400 MB took 12 s and 2 GB).
 */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

/**
 * What the XML of all parts together may hold: a parser builds an object per element (≈1.5 kB each), so a
 * small file of tiny elements costs far more than its bytes (16 MB of `<w:p/>`: 2.7 million elements, 20 s and
 * 3 GB). A 300 000-character document as Word writes it (a run per line of text, each with its formatting)
 * holds some 60 000, its styles and numbering a few thousand more.
 */
export const MAX_XML_ELEMENTS = 150_000;

/** How deep elements may nest (Word: a table in a table in a content control stays under 30). */
const MAX_XML_DEPTH = 128;

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

/** A part is read as XML when its first bytes (after a byte-order mark and blank space) open a tag: whatever its name says. */
function looksLikeXml(chunk: Buffer): boolean {
  const text = chunk
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text === '' ? false : text.startsWith('<');
}

/** What unpacking a part found: its bytes, and its elements when it is XML. */
type PartReading = { bytes: number; elements: number; maxDepth: number; declaresDoctype: boolean };

/**
 * Unpacks an entry, counting its bytes and keeping none, and its elements and their depth when it is XML; stops
 * as soon as it has more than `stopAfter` bytes, more than `elementsLeft` elements, or nests deeper than
 * MAX_XML_DEPTH.
 */
function readPart(entry: JSZip.JSZipObject, stopAfter: number, elementsLeft: number): Promise<PartReading> {
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let xml: XmlShapeReader | null | undefined;
    const stream = entry.nodeStream('nodebuffer');
    const reading = (): PartReading => ({
      bytes,
      elements: xml?.elements ?? 0,
      maxDepth: xml?.maxDepth ?? 0,
      declaresDoctype: xml?.declaresDoctype ?? false,
    });
    const stop = () => {
      // Destroyed, the stream refuses further chunks and pauses the inflater.
      (stream as unknown as { destroy(): void }).destroy();
      resolve(reading());
    };
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > stopAfter) return stop();
      if (xml === undefined) xml = looksLikeXml(chunk) ? new XmlShapeReader() : null;
      if (xml) {
        xml.read(chunk);
        if (xml.elements > elementsLeft || xml.maxDepth > MAX_XML_DEPTH || xml.declaresDoctype) return stop();
      }
    });
    stream.on('end', () => resolve(reading()));
    stream.on('error', (error: Error) => reject(new NotDocxError(`"${entry.name}" cannot be unpacked (${error.message})`)));
  });
}

/**
 * Refuses an archive that would unpack to more than MAX_UNPACKED_BYTES before anything is extracted:
 * first by the sizes its entries declare (no inflating at all), then by what each really holds, unpacked
 * and counted (nothing kept), stopping at the first byte past its declared size — so an entry lying about
 * its size is stopped there too. The same ZIP reader as mammoth's (JSZip), so both see the same entries.
 * While unpacking, the XML of every part is counted (elements, depth, a document type) and the archive is
 * refused at the first part past MAX_XML_ELEMENTS or MAX_XML_DEPTH, before any parser sees it.
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
  let elements = 0;
  for (const [i, entry] of entries.entries()) {
    const size = declared[i];
    // No size declared: counted by unpacking, stopped past what the limit leaves.
    const left = MAX_UNPACKED_BYTES - total;
    const part = await readPart(entry, size ?? left, MAX_XML_ELEMENTS - elements);
    if (size !== null && part.bytes > size) {
      throw new DocxTooLargeError(`"${entry.name}" unpacks to more than the ${size} bytes it declares (a damaged or forged archive)`);
    }
    if (size === null) {
      if (part.bytes > left) {
        throw new DocxTooLargeError(`"${entry.name}" unpacks past the ${megabytes(MAX_UNPACKED_BYTES)} read at most (it declares no size)`);
      }
      total += part.bytes;
    }
    if (part.declaresDoctype) throw new NotDocxError(`"${entry.name}" declares a document type, which Word never writes`);
    if (part.maxDepth > MAX_XML_DEPTH) {
      throw new NotDocxError(`"${entry.name}" nests its elements more than ${MAX_XML_DEPTH} deep, which Word never writes`);
    }
    elements += part.elements;
    if (elements > MAX_XML_ELEMENTS) {
      throw new DocxTooLargeError(
        `"${entry.name}" brings its XML to more than ${MAX_XML_ELEMENTS.toLocaleString('en')} elements, all parts together (a Word document of the longest text read holds some 60,000)`,
      );
    }
  }
}

/** The document's raw text, one paragraph a line (mammoth: the same ZIP reader, JSZip). */
const mammothText = async (file: Buffer) => (await mammoth.extractRawText({ buffer: file })).value;

const isDocx = (file: Buffer) => file.length >= ZIP_SIGNATURE.length && ZIP_SIGNATURE.every((byte, i) => file[i] === byte);

/** Reads a Word file here, on this thread; `extractText` is mammoth's (a test may check what reaches it). */
export async function readDocx(file: Buffer, extractText: (file: Buffer) => Promise<string> = mammothText): Promise<string> {
  if (!isDocx(file)) {
    // An old binary .doc, a PDF or plain text would otherwise fail deep inside the ZIP reader.
    throw new NotDocxError('the file is not a ZIP archive (.doc, .pdf and .txt files are not read here)');
  }
  // Before mammoth unpacks anything: it reads whole parts into memory.
  await checkUnpackedSize(file);
  let raw: string;
  try {
    raw = await extractText(file);
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
