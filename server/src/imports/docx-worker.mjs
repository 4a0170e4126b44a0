// Reads one Word file in a worker thread of its own (imports/docx-to-text.ts): mammoth builds the whole document
// in memory on the thread it runs on, and unpacking and counting a part's XML takes that thread too, so a costly
// file holds this thread only, within the memory the worker was given, until its time limit ends it. A worker
// does not inherit the server's TypeScript loader: this module brings tsx in for the reading's module.
import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { readDocx } = await tsImport('./docx-reading.ts', import.meta.url);
try {
  parentPort?.postMessage({ text: await readDocx(Buffer.from(workerData.file)) });
} catch (error) {
  parentPort?.postMessage({ refused: { name: error.name, message: error.message } });
}
