// `npm run eval`: score the coder on the gold data sets, print a table per set and rewrite
// EVALUATION.md. Options: --set NAME (repeatable or comma-separated), --limit N (first N items per set),
// --write / --no-write (EVALUATION.md is rewritten only by full runs unless --write is given).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';
import { provenance, provenanceMarkdown } from './provenance.js';
import { SCORERS, findScorer } from './registry.js';
import { overviewTable, renderMarkdown, renderMarkdownTable, renderText, type SetReport } from './report.js';
import { guardCoder, type Coder, type Scorer } from './scorer.js';
import { parseEvalArgs, type EvalArgs } from './args.js';

const USAGE = `usage: npm run eval -- [--set ${SCORERS.map((s) => s.name).join('|')}] [--limit N] [--write|--no-write]`;

async function main(argv: string[]): Promise<number> {
  let args: EvalArgs;
  try {
    args = parseEvalArgs(argv);
  } catch (err) {
    process.stderr.write(`eval: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const scorers: Scorer[] = [];
  for (const name of args.sets) {
    const s = findScorer(name);
    if (!s) {
      process.stderr.write(`eval: no set '${name}'\n${USAGE}\n`);
      return 2;
    }
    if (!scorers.includes(s)) scorers.push(s);
  }
  if (scorers.length === 0) scorers.push(...SCORERS);
  const full = args.sets.length === 0 && args.limit === undefined;
  const write = args.write ?? full;

  // Loaded here rather than imported statically, so a broken library build gives one clear line.
  let code: Coder;
  try {
    ({ code } = await import('../src/index.js'));
  } catch (err) {
    process.stderr.write(`eval: cannot load the library (dist/src/index.js): ${(err as Error).message.split('\n')[0]}\n`);
    return 1;
  }

  const reports: SetReport[] = [];
  for (const scorer of scorers) {
    const guarded = guardCoder(code);
    const t0 = performance.now();
    const report = scorer.run({ coder: guarded.coder, limit: args.limit, sharedDir: SHARED_DIR });
    const secs = (performance.now() - t0) / 1000;
    if (guarded.errors.length) {
      report.summary.push({ label: 'coder errors (scored as no events)', value: String(guarded.errors.length) });
      const first = guarded.errors[0];
      report.notes.push(`First coder error: ${first.id}: ${first.message}`);
    }
    reports.push(report);
    process.stdout.write(renderText(report) + `\n(${secs.toFixed(1)} s)\n\n`);
  }

  if (write) {
    const p = provenance(`npm run eval${argv.length ? ' -- ' + argv.join(' ') : ''}`);
    const md = [
      '# Evaluation',
      '',
      'Written by `npm run eval` (eval/main.ts); do not edit by hand. Scores on the DEV halves of the shared',
      'data sets (see ../shared/data/README.md).',
      '',
      provenanceMarkdown(p),
      '',
      renderMarkdownTable(overviewTable(reports)),
      '',
      ...reports.map((r) => renderMarkdown(r) + '\n'),
    ].join('\n');
    const file = join(PACKAGE_ROOT, 'EVALUATION.md');
    writeFileSync(file, md);
    process.stderr.write(`eval: wrote ${file}\n`);
  } else {
    process.stderr.write('eval: partial run, EVALUATION.md not rewritten (use --write to force)\n');
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
