/**
 * A Word file's text, read off the server's thread: each file in a worker thread of its own (docx-worker.mjs
 * running docx-reading.ts) with a memory and a time limit, one at a time, a few more waiting. On the server's
 * thread, one costly file held every request (`/api/health` waited 14–19 s) and three took the process to
 * 3.6 GB; the reading bounds the XML's shape before parsing it, and these limits hold whatever gets past that.
 */
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { DocxTooLargeError, NotDocxError } from './docx-reading';

export type ConversionLimits = {
  /** The worker's heap (old generation), MB: past it the worker alone is ended. */
  heapMb: number;
  /** How long a reading may take. */
  timeLimitMs: number;
  /** Readings at once: each may take its heap on top of the server's. */
  running: number;
  /** Readings waiting their turn; past that a new one is refused at once (503, Retry-After). */
  waiting: number;
};

/** The longest text read, as Word writes it, is read in ≈1 s and +130 MB (bench/RESULTS.md). */
export const CONVERSION_LIMITS: ConversionLimits = { heapMb: 256, timeLimitMs: 30_000, running: 1, waiting: 3 };

/** What a refused upload is told to wait when every reading slot is taken. */
export const CONVERSION_RETRY_SECONDS = 10;

/** The worker ran out of its memory or its time: the file costs more than a document is allowed. */
export class ConversionLimitError extends Error {
  constructor(detail: string) {
    super(`The Word file is refused: ${detail}. Paste the document's text instead`);
    this.name = 'ConversionLimitError';
  }
}

/** Every reading slot is taken and enough wait already. */
export class ConversionBusyError extends Error {
  constructor(readings: number) {
    super(`${readings} Word files are being read already: try again in ${CONVERSION_RETRY_SECONDS} seconds`);
    this.name = 'ConversionBusyError';
  }
}

const WORKER_URL = new URL('./docx-worker.mjs', import.meta.url);

type WorkerAnswer = { text: string } | { refused: { name: string; message: string } };

/** The reading's own refusal, as the worker named it: the same class again on this side. */
function refusal({ name, message }: { name: string; message: string }): Error {
  const error = name === 'DocxTooLargeError' ? new DocxTooLargeError('') : new NotDocxError('');
  error.message = message;
  return error;
}

function readInWorker(file: Buffer, limits: ConversionLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(file);
    const worker = new Worker(WORKER_URL, {
      workerData: { file: copy },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
      // The server's own flags (its loader, a profiler) are not the worker's: it brings in what it needs.
      execArgv: [],
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() => reject(new ConversionLimitError(`reading it took more than ${(limits.timeLimitMs / 1000).toLocaleString('en')} s`))),
      limits.timeLimitMs,
    );
    worker.once('message', (answer: WorkerAnswer) =>
      settle(() => ('text' in answer ? resolve(answer.text) : reject(refusal(answer.refused)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ConversionLimitError(`reading it needs more than the ${limits.heapMb} MB a document is given`)
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`the Word reader stopped (exit code ${code}) before it answered`))));
  });
}

/** A reader with its own slots: the server has one (docxToText); tests make their own with small limits. */
export function createDocxReader(limits: ConversionLimits = CONVERSION_LIMITS) {
  const slots = pLimit(limits.running);
  return (file: Buffer): Promise<string> => {
    const readings = slots.activeCount + slots.pendingCount;
    if (readings >= limits.running + limits.waiting) return Promise.reject(new ConversionBusyError(readings));
    return slots(() => readInWorker(file, limits));
  };
}

/**
 * The text of a Word file, paragraphs separated by a blank line; refused with NotDocxError or DocxTooLargeError
 * (docx-reading.ts), ConversionLimitError (memory, time) or ConversionBusyError (every slot taken).
 */
export const docxToText = createDocxReader();
