// `npm run bench`: end-to-end throughput on one core (main thread, no workers) for the GigaWord sample
// and the PolNeAR articles, start-up time, analyze/code ratio and peak RSS; prints the figures and
// rewrites BENCHMARKS.md. `--profile` re-runs under node --cpu-prof and prints the top self-time functions.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';
import { parseText } from '../src/text/document.js';
import type { Article, EventRecord } from '../src/types.js';
import { provenance } from '../eval/provenance.js';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './args.js';
import { gigaword, polnear, POLNEAR_FALLBACK_DATE, type Corpus } from './corpora.js';
import { measureVolume, NullSink, rates, runPass, timeRepeated } from './measure.js';
import { topSelfTime, type CpuProfile } from './profile.js';
import { renderBenchMarkdown, renderBenchText, type BenchResults, type ThroughputResult } from './report.js';
import { measureStartup } from './startup.js';

type Lib = typeof import('../src/index.js');

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

function countSentences(text: string): { sentences: number; tokens: number } {
  const doc = parseText(text);
  return { sentences: doc.sentences.length, tokens: doc.tokens.length };
}

function noCount(): { sentences: number; tokens: number } {
  return { sentences: NaN, tokens: NaN };
}

/** Timed rounds for a repeated corpus: the median round is reported, so one slow or fast stretch of a shared machine does not decide the figure. */
const ROUNDS = 5;

function throughput(corpus: Corpus, coder: (a: Article) => EventRecord[], minSeconds: number, count: boolean): ThroughputResult {
  const volume = measureVolume(corpus.read(), count ? countSentences : noCount);
  const sink = new NullSink();
  let eventsPerPass = 0;
  const pass = () => {
    eventsPerPass = runPass(corpus.read, coder, sink);
  };
  if (minSeconds <= 0) {
    const t = timeRepeated(pass, 0);
    return { corpus: corpus.name, volume, passes: t.passes, seconds: t.seconds, rates: rates(volume, t.passes, t.seconds), eventsPerPass };
  }
  const rounds = Array.from({ length: ROUNDS }, () => timeRepeated(pass, minSeconds / ROUNDS));
  const perSecond = (t: { passes: number; seconds: number }) => t.passes / t.seconds;
  const sorted = [...rounds].sort((a, b) => perSecond(a) - perSecond(b));
  const median = sorted[Math.floor(ROUNDS / 2)];
  return {
    corpus: corpus.name,
    volume,
    passes: median.passes,
    seconds: median.seconds,
    rates: rates(volume, median.passes, median.seconds),
    eventsPerPass,
    rounds: rounds.map((t) => rates(volume, t.passes, t.seconds).sentencesPerSec),
  };
}

async function bench(args: BenchArgs): Promise<BenchResults> {
  // Start-up pieces first, before anything else has loaded them.
  let t0 = performance.now();
  let lib: Lib;
  try {
    lib = await import('../src/index.js');
  } catch (err) {
    throw new Error(`cannot load the library (dist/src/index.js): ${(err as Error).message.split('\n')[0]}`);
  }
  const importMs = performance.now() - t0;
  t0 = performance.now();
  lib.loadKnowledge();
  const knowledgeMs = performance.now() - t0;
  t0 = performance.now();
  parseText('The model loads on first use.');
  const textModelMs = performance.now() - t0;

  const giga = gigaword(SHARED_DIR);
  const pol = polnear(SHARED_DIR, args.limit);

  log(`warm-up: ${args.warmup} s of untimed passes`);
  const warm = new NullSink();
  runPass(() => pol.read().slice(0, 50), lib.code, warm);
  timeRepeated(() => {
    runPass(giga.read, lib.code, warm);
  }, args.warmup);

  log(`GigaWord sample, repeated for ≥ ${args.seconds} s`);
  const gigaResult = throughput(giga, lib.code, args.seconds, args.count);
  log('PolNeAR articles, one pass');
  const polResult = throughput(pol, lib.code, 0, args.count);

  log('analyze vs code');
  const articles = giga.read();
  // About a second per timing at the measured speed.
  const passes = Math.max(1, Math.round(gigaResult.passes / Math.max(gigaResult.seconds, 1e-9)));
  const timeOf = (f: (a: Article) => unknown) => {
    const s = performance.now();
    for (let p = 0; p < passes; p++) for (const a of articles) f(a);
    return performance.now() - s;
  };
  // Alternate the two and keep each one's best of two, so JIT warm-up and GC do not favour either.
  let codeMs = Infinity;
  let analyzeMs = Infinity;
  for (let round = 0; round < 2; round++) {
    codeMs = Math.min(codeMs, timeOf(lib.code));
    analyzeMs = Math.min(analyzeMs, timeOf(lib.analyze));
  }

  let startup = null;
  if (args.startup) {
    log('CLI start-up, 5 runs');
    startup = measureStartup(join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 5);
  }
  return {
    importMs,
    knowledgeMs,
    textModelMs,
    startup,
    throughput: [gigaResult, polResult],
    analyzeVsCode: { passes, analyzeMs, codeMs, ratio: codeMs > 0 ? analyzeMs / codeMs : NaN },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Run this script again under --cpu-prof (short run, no file written) and print the hottest functions. */
function profile(args: BenchArgs): number {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-prof-'));
  try {
    const script = fileURLToPath(import.meta.url);
    const childArgs = ['--no-write', '--no-startup', '--no-count', '--seconds', String(Math.min(args.seconds, 3))];
    if (args.limit !== undefined) childArgs.push('--limit', String(args.limit));
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, script, ...childArgs], { stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
    const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
    if (files.length === 0) {
      log('no .cpuprofile written');
      return 1;
    }
    const prof = JSON.parse(readFileSync(join(dir, files[files.length - 1]), 'utf8')) as CpuProfile;
    process.stdout.write('\nTop 15 functions by self time (whole run incl. start-up and warm-up; sentence counting skipped):\n');
    for (const f of topSelfTime(prof, 15)) {
      process.stdout.write(`${f.ms.toFixed(1).padStart(9)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.name}\n`);
    }
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NOTES = [
  'One process, main thread only, no workers. Each pass reads the input from disk, codes every article with `code()` and serialises every event with `JSON.stringify` into a sink that discards the text.',
  'Steady-state throughput: untimed warm-up passes (50 PolNeAR articles, then the GigaWord sample for `--warmup` seconds, default 3) run first; the GigaWord sample is then timed in 5 rounds of `--seconds`/5 each (default 8 s in all) and the median round is reported with every round listed; the PolNeAR articles are coded once.',
  'Sentences and tokens are counted with `parseText` (src/text/document.ts) outside the timed passes; MB is 10^6 bytes of UTF-8 article text.',
  `PolNeAR dates come from metadata.tsv (publication_date), else ${POLNEAR_FALLBACK_DATE}. The GigaWord sample is read with a minimal PETRARCH XML reader in bench/petrarch-xml.ts; its records with an empty <Text> are coded too.`,
  'Start-up: `node dist/src/cli/main.js code FILE` spawned 5 times on a one-sentence file, median wall time (includes Node itself, ~40 ms).',
  'analyze vs code: the GigaWord sample coded for about a second with `code()` and with `analyze()`, alternately, best of two each.',
  'Peak RSS: `process.resourceUsage().maxRSS` at the end of the run (covers loading, warm-up and all passes).',
  'Figures are from one run on the machine above; expect a few percent of noise. `npm run bench -- --profile` prints the top self-time functions.',
];

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(BENCH_USAGE + '\n');
    return 0;
  }
  if (args.profile) return profile(args);
  let results: BenchResults;
  try {
    results = await bench(args);
  } catch (err) {
    log((err as Error).message);
    return 1;
  }
  process.stdout.write(renderBenchText(results) + '\n');
  const write = args.write ?? (args.limit === undefined && args.seconds >= 3);
  if (write) {
    const p = provenance(`npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`);
    const file = join(PACKAGE_ROOT, 'BENCHMARKS.md');
    writeFileSync(file, renderBenchMarkdown(results, p, NOTES));
    log(`wrote ${file}`);
  } else {
    log('partial run, BENCHMARKS.md not rewritten (use --write to force)');
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
