// `npm run bench`: end-to-end throughput on one core (main thread, no workers) for the GigaWord sample
// and the PolNeAR articles, start-up time, analyze/code ratio and peak RSS; then the store ingest
// (bench/store.ts: SQLite 100k, PostgreSQL, queue workers 1→2→4) and the HTTP load run (bench/http.ts)
// unless --no-store / --no-http; prints the figures and rewrites BENCHMARKS.md after a full run.
// `--profile` re-runs under node --cpu-prof and prints the top self-time functions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowledgeFromFlags } from '../src/cli/dictionaries.js';
import { PACKAGE_ROOT, SHARED_DIR } from '../src/paths.js';
import { tuneV8ForCoding } from '../src/runtime.js';
import { parseText } from '../src/text/document.js';
import type { Article, EventRecord } from '../src/types.js';
import { provenance } from '../eval/provenance.js';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs } from './args.js';
import { gigaword, polnear, POLNEAR_FALLBACK_DATE, type Corpus } from './corpora.js';
import { measureVolume, NullSink, rates, runPass, timeRepeated } from './measure.js';
import { topSelfTime, type CpuProfile } from './profile.js';
import { renderBenchMarkdown, renderBenchText, type BenchResults, type ThroughputResult } from './report.js';
import { measureStartup } from './startup.js';
import { storeBench } from './store.js';
import { runHttpBench } from './http.js';

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

/**
 * Parse the production PETRARCH dictionaries in ../shared/data/phoenix (issue 3: under 2 s), after the
 * built-in knowledge is loaded, as `dyad code --verbs … --actors …` does; null when they are absent.
 */
function phoenixParse(): number | null {
  const dir = join(SHARED_DIR, 'data', 'phoenix');
  if (!existsSync(join(dir, 'CAMEO.2.0.txt'))) return null;
  log('PETRARCH dictionaries (Phoenix): parse');
  const t0 = performance.now();
  knowledgeFromFlags({
    verbs: join(dir, 'CAMEO.2.0.txt'),
    actors: ['Countries', 'International', 'MilNonState'].map((f) => join(dir, `Phoenix.${f}.actors.txt`)).join(','),
    agents: join(dir, 'Phoenix.agents.txt'),
    discards: join(dir, 'Phoenix.discards.txt'),
  }, () => undefined);
  return performance.now() - t0;
}

async function bench(args: BenchArgs): Promise<BenchResults> {
  // The coder runs with the V8 settings the `dyad` CLI applies at start (src/runtime.ts).
  tuneV8ForCoding();
  // Start-up pieces first, before anything else has loaded them.
  let t0 = performance.now();
  let lib: Lib;
  try {
    lib = await import('../src/index.js');
  } catch (err) {
    throw new Error(`cannot load the library (dist/src/index.js): ${(err as Error).message.split('\n')[0]}`);
  }
  const importMs = performance.now() - t0;
  // The gazetteer alone first: issue 4 wants it loaded in under a second.
  t0 = performance.now();
  const { loadGazetteer } = await import('../src/knowledge/gazetteer.js');
  loadGazetteer();
  const gazetteerMs = performance.now() - t0;
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
  // The coder's peak memory, before the PETRARCH dictionaries below add their own.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const phoenixMs = phoenixParse();
  return {
    importMs,
    gazetteerMs,
    phoenixMs,
    knowledgeMs,
    textModelMs,
    startup,
    throughput: [gigaResult, polResult],
    analyzeVsCode: { passes, analyzeMs, codeMs, ratio: codeMs > 0 ? analyzeMs / codeMs : NaN },
    peakRssMb,
  };
}

/** Run this script again under --cpu-prof (short run, no file written) and print the hottest functions. */
function profile(args: BenchArgs): number {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-prof-'));
  try {
    const script = fileURLToPath(import.meta.url);
    const childArgs = ['--no-write', '--no-startup', '--no-count', '--no-store', '--no-http', '--seconds', String(Math.min(args.seconds, 3))];
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
  'One process, main thread only, no workers, with the V8 setting the `dyad` CLI applies at start (`tuneV8ForCoding()` in src/runtime.ts: no allocation-site pretenuring). Each pass reads the input from disk, codes every article with `code()` and serialises every event with `JSON.stringify` into a sink that discards the text.',
  'Steady-state throughput: untimed warm-up passes (50 PolNeAR articles, then the GigaWord sample for `--warmup` seconds, default 3) run first; the GigaWord sample is then timed in 5 rounds of `--seconds`/5 each (default 8 s in all) and the median round is reported with every round listed; the PolNeAR articles are coded once.',
  'Sentences and tokens are counted with `parseText` (src/text/document.ts) outside the timed passes; MB is 10^6 bytes of UTF-8 article text.',
  `PolNeAR dates come from metadata.tsv (publication_date), else ${POLNEAR_FALLBACK_DATE}. The GigaWord sample is read with a minimal PETRARCH XML reader in bench/petrarch-xml.ts; its records with an empty <Text> are coded too.`,
  'Start-up: `node dist/src/cli/main.js code FILE` spawned 5 times on a one-sentence file, median wall time (includes Node itself, ~40 ms).',
  'analyze vs code: the GigaWord sample coded for about a second with `code()` and with `analyze()`, alternately, best of two each.',
  'Peak RSS: `process.resourceUsage().maxRSS` after the coding sections (covers loading, warm-up and all passes), before the Phoenix dictionaries are parsed and before the store and HTTP sections, which report their own.',
  'Phoenix parse: `knowledgeFromFlags` on ../shared/data/phoenix (CAMEO.2.0 verbs, the three actor files, agents, discards) in the bench process after the built-in knowledge is loaded, as `dyad code --verbs … --actors …` does.',
  'Figures are from one run on the machine above; expect a few percent of noise. `npm run bench -- --profile` prints the top self-time functions.',
  'Store ingest (bench/store.ts, skip with `--no-store`): a corpus of `--store-articles` (default 100,000) articles of 3-8 real sentences (GigaWord sample and PETRARCH unit-test records from ../shared/data, re-dated and shuffled at run time) written to a temporary JSON-lines file; "coding only" codes the first 10,000 on the same worker threads without a store; then `ingest()` into a fresh SQLite file, again (every article unchanged), into a fresh PostgreSQL schema (DYAD_TEST_PG; `--no-pg` skips it and the queue), and the queue (Redis DYAD_TEST_REDIS) drained by 1, 2 and 4 `dyad worker` processes into PostgreSQL. Peak RSS is the bench process\'s so far (it includes the earlier sections and the coding threads).',
  'HTTP load (bench/http.ts, skip with `--no-http`): a 100,000-article SQLite store built from the PolNeAR texts coded once, re-dated over 2015-2024 and shuffled with actor countries rotated (cached in build/, rebuilt when missing or when its schema is not the latest migration), served by `buildServer` in a child process; autocannon on loopback, 10 connections, `--http-seconds` (default 10) per route after 20 warm-up requests. Targets: p99 < 100 ms for each filtered search, < 300 ms for a dyad aggregate; a route with failed requests does not meet its target. The machine is shared, so the load average at the start of the run is printed with the table.',
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
  try {
    // The HTTP load first, on an idle machine: the store section leaves PostgreSQL busy for a while.
    if (args.http) {
      log('HTTP load');
      results.http = await runHttpBench({ seconds: args.httpSeconds, log: (m) => log(`http: ${m}`) });
    } else {
      results.http = null;
    }
    if (args.store) {
      log(`store ingest: ${args.storeArticles} articles${args.pg ? ', PostgreSQL and queue too' : ''}`);
      results.store = await storeBench({ articles: args.storeArticles, pg: args.pg, queue: args.pg, log: (m) => log(`store: ${m}`) });
    } else {
      results.store = null;
    }
  } catch (err) {
    log((err as Error).message);
    return 1;
  }
  process.stdout.write(renderBenchText(results) + '\n');
  // Only a full run rewrites BENCHMARKS.md by default, so a skipped section never replaces figures.
  const full = args.limit === undefined && args.seconds >= 3 && args.store && args.pg && args.http && args.storeArticles === 100_000;
  const write = args.write ?? full;
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
