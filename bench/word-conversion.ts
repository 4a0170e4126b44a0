/**
 * Word files to import, converted as the server converts them (imports/docx-to-text.ts: the XML's shape
 * checked while unpacking, then mammoth in a worker with memory and time limits): per document, in a process
 * of its own, the time to an answer, the peak RSS above the process before it, and the longest the event loop
 * was held — what `/api/health` or any other request would have waited meanwhile. The documents: one of the
 * longest text read as Word writes it (the same, converted on the server's thread as before issue 30, for
 * comparison), the costliest one the limits still accept, the four reported costly files, and three uploads
 * at once. Budget (issue 30): ≤ +300 MB, ≤ 100 ms of event-loop delay.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import mammoth from 'mammoth';
import { MAX_XML_ELEMENTS } from '../server/src/imports/docx-reading';
import { docxToText } from '../server/src/imports/docx-to-text';
import { projectRoot } from '../test/helpers/app';
import { buildCostlyDocx, buildDocx, buildWordLikeDocx, withParts } from '../test/helpers/docx';

export type WordConversionResult = {
  document: string;
  packedKb: number;
  outcome: string;
  ms: number;
  peakRssMb: number;
  maxLoopDelayMs: number;
};

const DOCUMENTS: Record<string, () => Promise<Buffer[]>> = {
  "nothing: the event loop idle for 2 s (the machine's own noise)": async () => [],
  'longest text read (300 000 characters, as Word writes it)': async () => [await buildWordLikeDocx(300_000)],
  'the same, converted on the server thread (before issue 30)': async () => [await buildWordLikeDocx(300_000)],
  [`costliest accepted: ${(MAX_XML_ELEMENTS - 10).toLocaleString('en')} empty paragraphs`]: async () => [
    await emptyParagraphs(MAX_XML_ELEMENTS - 10),
  ],
  'three uploads of the costliest accepted at once': async () => {
    const file = await emptyParagraphs(MAX_XML_ELEMENTS - 10);
    return [file, file, file];
  },
  '2.7 million empty paragraphs (refused)': async () => [await buildCostlyDocx('empty-paragraphs')],
  '16 MB of one-character runs (refused)': async () => [await buildCostlyDocx('one-character-runs')],
  '8 MB styles + 7 MB numbering (refused)': async () => [await buildCostlyDocx('styles-and-numbering')],
  '200 000 nested content controls (refused)': async () => [await buildCostlyDocx('nested-controls')],
};

type DocumentName = Extract<keyof typeof DOCUMENTS, string>;

async function emptyParagraphs(count: number) {
  // The document and body elements count too.
  const body = '<w:p/>'.repeat(count - 2);
  return withParts(await buildDocx(['x']), {
    'word/document.xml': `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  });
}

/** One document, in this process (run by measureWordConversion in a child of its own). */
async function measureOne(name: DocumentName): Promise<WordConversionResult> {
  const files = await DOCUMENTS[name]();
  const onServerThread = name.includes('server thread');
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  // The longest gap between the sampler's ticks, the last one (to the end) included: a thread held from start to
  // end records nothing in the delay histogram, but shows here.
  let lastTick = performance.now();
  let longestGap = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    const now = performance.now();
    longestGap = Math.max(longestGap, now - lastTick - 5);
    lastTick = now;
  }, 5);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  if (files.length === 0) await new Promise((resolve) => setTimeout(resolve, 2000));
  const outcomes = await Promise.all(
    files.map((file) =>
      (onServerThread ? mammoth.extractRawText({ buffer: file }).then((result) => result.value) : docxToText(file)).then(
        (text) => `read (${text.length.toLocaleString('en')} characters)`,
        (error: Error) => `${error.name}: ${error.message.slice(0, 90)}`,
      ),
    ),
  );
  const ms = performance.now() - started;
  longestGap = Math.max(longestGap, performance.now() - lastTick - 5);
  delay.disable();
  clearInterval(sampler);
  // maxRSS is the process's peak whatever the sampler saw (a blocked thread samples nothing).
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  return {
    document: name,
    packedKb: Math.round((files[0]?.length ?? 0) / 1024),
    outcome: [...new Set(outcomes)].join('; ') || '—',
    ms: Math.round(ms),
    peakRssMb: Math.round((peak - before) / 1024 / 1024),
    maxLoopDelayMs: Math.round(Math.max(delay.max / 1e6, longestGap)),
  };
}

export function measureWordConversion(): WordConversionResult[] {
  return (Object.keys(DOCUMENTS) as DocumentName[]).map((name) => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join('bench', 'word-conversion.ts'), name], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 180_000,
    });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      return JSON.parse(line) as WordConversionResult;
    } catch {
      return {
        document: name,
        packedKb: 0,
        outcome: `not measured: ${child.stderr.slice(-200)}`,
        ms: Number.NaN,
        peakRssMb: Number.NaN,
        maxLoopDelayMs: Number.NaN,
      };
    }
  });
}

if (process.argv[1]?.endsWith('word-conversion.ts') && process.argv[2]) {
  measureOne(process.argv[2] as DocumentName).then((result) => {
    console.log(JSON.stringify(result));
    process.exit(0);
  });
}
