/**
 * The scores of the last `npm run test:mutation`, per file, as the Markdown table bench/RESULTS.md keeps, and its
 * surviving mutants (file:line, mutator, replacement) for deciding which are equivalent:
 *
 *   npx tsx scripts/mutation-scores.ts [reports/mutation/mutation.json ...] [--survivors]
 *
 * Several reports: a file's mutants are taken from the last report naming it (a whole run, then a `--mutate` run
 * of the files a change touched).
 * Score, all: killed and timed out over killed, timed out, survived and no coverage; score, covered: the same
 * without no coverage (Stryker's "mutation score" and "of covered code"). Ignored (static) mutants count in neither.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const report = z.object({
  files: z.record(
    z.string(),
    z.object({
      mutants: z.array(
        z.object({
          mutatorName: z.string(),
          replacement: z.string().optional(),
          status: z.string(),
          location: z.object({ start: z.object({ line: z.number() }) }),
        }),
      ),
    }),
  ),
});

type Counts = { killed: number; timedOut: number; survived: number; noCoverage: number; ignored: number };
const STATUS_COUNT: Record<string, keyof Counts> = {
  Killed: 'killed',
  Timeout: 'timedOut',
  Survived: 'survived',
  NoCoverage: 'noCoverage',
  Ignored: 'ignored',
};

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${(Math.round((part / whole) * 1000) / 10).toFixed(1)} %`);
const row = (name: string, c: Counts) =>
  `| ${name} | ${c.killed} | ${c.timedOut} | ${c.survived} | ${c.noCoverage} | ${c.ignored} | ${percent(
    c.killed + c.timedOut,
    c.killed + c.timedOut + c.survived + c.noCoverage,
  )} | ${percent(c.killed + c.timedOut, c.killed + c.timedOut + c.survived)} |`;

function main() {
  const args = process.argv.slice(2);
  const reports = args.filter((arg) => !arg.startsWith('--'));
  const files = Object.assign(
    {},
    ...(reports.length ? reports : ['reports/mutation/mutation.json']).map(
      (file) => report.parse(JSON.parse(readFileSync(file, 'utf8'))).files,
    ),
  ) as z.infer<typeof report>['files'];
  const total: Counts = { killed: 0, timedOut: 0, survived: 0, noCoverage: 0, ignored: 0 };
  const lines = [
    '| file | killed | timed out | survived | no coverage | ignored (static) | score, all | score, covered |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const survivors: string[] = [];
  for (const [name, { mutants }] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const counts: Counts = { killed: 0, timedOut: 0, survived: 0, noCoverage: 0, ignored: 0 };
    for (const mutant of mutants) {
      const key = STATUS_COUNT[mutant.status];
      if (key) counts[key] += 1;
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage')
        survivors.push(
          `${name}:${mutant.location.start.line} ${mutant.status} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '')}`,
        );
    }
    for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
    lines.push(row(`\`${name}\``, counts));
  }
  lines.push(row('**all**', total));
  console.log(lines.join('\n'));
  if (args.includes('--survivors')) console.log(`\n${survivors.join('\n')}`);
}

main();
