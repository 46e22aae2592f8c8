// Rendering of the benchmark results: text for stdout, Markdown for BENCHMARKS.md. Pure.
import type { Provenance } from '../eval/provenance.js';
import { provenanceMarkdown } from '../eval/provenance.js';
import { renderMarkdownTable, renderTextTable, type Table } from '../eval/report.js';
import { fmt, type Rates, type Volume } from './measure.js';
import type { StartupResult } from './startup.js';
import type { HttpBenchResult } from './http.js';
import type { StoreBenchResult } from './store.js';

export interface ThroughputResult {
  corpus: string;
  volume: Volume;
  passes: number;
  seconds: number;
  rates: Rates;
  eventsPerPass: number;
  /** Sentences/s of each timed round, in order (the reported rates are the median round's). */
  rounds?: number[];
}

export interface BenchResults {
  /** Importing the library module (dynamic import), ms. */
  importMs: number;
  /** loadGazetteer() alone, first call, ms. */
  gazetteerMs?: number;
  /** Parsing the Phoenix PETRARCH dictionaries (null: not in ../shared/data). */
  phoenixMs?: number | null;
  /** First loadKnowledge() call, ms. */
  knowledgeMs: number;
  /** First parseText() call (loads the wink-nlp model), ms. */
  textModelMs: number;
  startup: StartupResult | null;
  throughput: ThroughputResult[];
  analyzeVsCode: { passes: number; analyzeMs: number; codeMs: number; ratio: number };
  peakRssMb: number;
  /** Store ingest (null: skipped with --no-store). */
  store?: StoreBenchResult | null;
  /** HTTP load (null: skipped with --no-http). */
  http?: HttpBenchResult | null;
}

/** Targets from the issues; the HTTP p99 targets travel with each scenario (bench/http.ts). */
export const TARGETS = { sentencesPerSec: 5000, startupMs: 1000, peakRssMb: 400, ingestVsCoding: 1.5, analyzeVsCode: 2, gazetteerMs: 1000, phoenixMs: 2000 };

export const REFERENCE_POINTS: [string, string][] = [
  ['PETRARCH2', '~1,400 sentences/s once parsed (the CoreNLP parse is extra)'],
  ['CoreNLP parse (what PETRARCH waits on)', '2-5 sentences/s'],
  ['TABARI', '~36,000 short sentences/s (shallow parse, C++)'],
];

function status(ok: boolean | null): string {
  return ok === null ? 'n/a' : ok ? 'met' : 'NOT met';
}

export function targetsTable(r: BenchResults): Table {
  const giga = r.throughput[0];
  const startupOk = r.startup && r.startup.ok ? r.startup.medianMs < TARGETS.startupMs : null;
  return {
    title: 'Targets',
    headers: ['metric', 'target', 'measured', 'status'],
    rows: [
      ['sentences/s, one core (' + (giga?.corpus ?? '-') + ')', `≥ ${fmt(TARGETS.sentencesPerSec)}`, giga ? fmt(giga.rates.sentencesPerSec) : 'n/a', status(giga ? giga.rates.sentencesPerSec >= TARGETS.sentencesPerSec : null)],
      ['CLI start-up (median of runs)', `< ${fmt(TARGETS.startupMs)} ms`, r.startup?.ok ? `${fmt(r.startup.medianMs)} ms` : `n/a${r.startup?.error ? ' (' + r.startup.error + ')' : ''}`, status(startupOk)],
      ['peak RSS', `< ${TARGETS.peakRssMb} MB`, `${fmt(r.peakRssMb, 1)} MB`, status(r.peakRssMb < TARGETS.peakRssMb)],
      ['analyze / code time (GigaWord sample)', `≤ ${fmt(TARGETS.analyzeVsCode, 1)}×`, `${fmt(r.analyzeVsCode.ratio, 2)}×`, status(Number.isFinite(r.analyzeVsCode.ratio) ? r.analyzeVsCode.ratio <= TARGETS.analyzeVsCode : null)],
      ['gazetteer load (first call, in-process)', `< ${fmt(TARGETS.gazetteerMs)} ms`, r.gazetteerMs === undefined ? 'n/a' : `${fmt(r.gazetteerMs, 1)} ms`, status(r.gazetteerMs === undefined ? null : r.gazetteerMs < TARGETS.gazetteerMs)],
      ['Phoenix PETRARCH dictionaries parse', `< ${fmt(TARGETS.phoenixMs)} ms`, r.phoenixMs == null ? 'n/a (not in ../shared/data)' : `${fmt(r.phoenixMs)} ms`, status(r.phoenixMs == null ? null : r.phoenixMs < TARGETS.phoenixMs)],
      ...storeTargetRows(r.store),
      ...httpTargetRows(r.http),
    ],
    align: ['left', 'right', 'right', 'left'],
  };
}

/** How many times longer SQLite ingest takes than coding alone on the same threads. */
export function ingestSlowdown(s: StoreBenchResult): number {
  return s.coding.articlesPerSec / s.sqlite.articlesPerSec;
}

function storeTargetRows(s: StoreBenchResult | null | undefined): string[][] {
  const what = 'SQLite ingest vs pure coding, same threads (time ratio)';
  const target = `≤ ${fmt(TARGETS.ingestVsCoding, 1)}×`;
  if (!s) return [[what, target, s === null ? 'skipped (--no-store)' : 'n/a', 'n/a']];
  const ratio = ingestSlowdown(s);
  const failed = s.sqlite.failed > 0 ? `NOT met (${fmt(s.sqlite.failed)} articles failed)` : null;
  return [[what, target, `${fmt(ratio, 2)}×`, failed ?? status(ratio <= TARGETS.ingestVsCoding)]];
}

/** A scenario meets its target when its p99 is under it and no request failed. */
export function httpScenarioStatus(s: HttpBenchResult['scenarios'][number]): string {
  if (s.targetP99 === null) return 'n/a';
  if (s.non2xx + s.errors > 0) return `NOT met (${s.non2xx + s.errors} failed requests)`;
  return status(s.p99 < s.targetP99);
}

function httpTargetRows(h: HttpBenchResult | null | undefined): string[][] {
  if (!h) return [['HTTP p99 latency (search, aggregate)', '< 100 ms / < 300 ms', h === null ? 'skipped (--no-http)' : 'n/a', 'n/a']];
  return h.scenarios.filter((s) => s.targetP99 !== null)
    .map((s) => [`HTTP p99: ${s.name}`, `< ${fmt(s.targetP99!)} ms`, `${fmt(s.p99)} ms`, httpScenarioStatus(s)]);
}

const mib = (bytes: number): string => `${fmt(bytes / 2 ** 20, 1)} MiB`;

export function storeTable(s: StoreBenchResult): Table {
  const row = (run: string, articles: number, aps: number, eps: number | null, secs: number | null, failed: number | null, size: string, rss: number) =>
    [run, fmt(articles), fmt(aps), eps === null ? '' : fmt(eps), secs === null ? '' : fmt(secs, 1), failed === null ? '' : fmt(failed), size, `${fmt(rss, 1)} MB`];
  const rows = [
    row('coding only (no store)', s.coding.articles, s.coding.articlesPerSec, s.coding.eventsPerSec, s.coding.articles / s.coding.articlesPerSec, null, '', s.coding.peakRssMb),
    row('SQLite ingest', s.articles, s.sqlite.articlesPerSec, s.sqlite.eventsPerSec, s.sqlite.seconds, s.sqlite.failed, mib(s.sqlite.dbBytes), s.sqlite.peakRssMb),
    row('SQLite re-ingest (all unchanged)', s.articles, s.sqliteReingest.articlesPerSec, null, s.sqliteReingest.seconds, null, '', s.sqlite.peakRssMb),
  ];
  if (s.postgres) rows.push(row('PostgreSQL ingest', s.articles, s.postgres.articlesPerSec, s.postgres.eventsPerSec, s.postgres.seconds, s.postgres.failed, '', s.postgres.peakRssMb));
  return {
    title: `Store ingest (${fmt(s.articles)} articles, ${s.threads} coding thread${s.threads === 1 ? '' : 's'})`,
    headers: ['run', 'articles', 'articles/s', 'events/s', 'seconds', 'failed', 'DB size', 'peak RSS so far'],
    rows,
  };
}

/** Resident memory during the SQLite ingest, by articles done: flat when it does not grow with them. */
export function memoryTable(s: StoreBenchResult): Table | null {
  if (!s.sqlite.rss || s.sqlite.rss.length === 0) return null;
  return {
    title: 'Memory during the SQLite ingest (resident set of the bench process, coding threads included)',
    headers: ['articles done', 'RSS MB'],
    rows: s.sqlite.rss.map((r) => [fmt(r.articles), fmt(r.rssMb, 1)]),
  };
}

export function queueTable(s: StoreBenchResult): Table | null {
  if (!s.queue) return null;
  const one = s.queue.runs[0]?.articlesPerSec ?? NaN;
  return {
    title: `Queue workers (${fmt(s.queue.articles)} articles each run, PostgreSQL, each worker with its default concurrency and one coding thread)`,
    headers: ['workers', 'articles/s', 'vs 1 worker'],
    rows: s.queue.runs.map((q) => [fmt(q.workers), fmt(q.articlesPerSec), `${fmt(q.articlesPerSec / one, 2)}×`]),
  };
}

export function httpTable(h: HttpBenchResult): Table {
  return {
    title: 'HTTP API under load (autocannon, loopback)',
    headers: ['route', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'server CPU ms/req', 'failed', 'p99 target', 'status'],
    rows: h.scenarios.map((s) => [
      `${s.name} \`${s.path}\``, fmt(s.rps), fmt(s.p50), fmt(s.p90), fmt(s.p99), fmt(s.max),
      s.cpuMsPerRequest === null ? 'n/a' : fmt(s.cpuMsPerRequest, 2), fmt(s.non2xx + s.errors),
      s.targetP99 === null ? '' : `< ${fmt(s.targetP99)}`, httpScenarioStatus(s),
    ]),
  };
}

function storeLines(s: StoreBenchResult): string {
  return `Corpus: ${mib(s.corpusBytes)} of JSON lines (3-8 real sentences per article from ../shared/data, re-dated and shuffled at run time). `
    + `SQLite ingest takes ${fmt(ingestSlowdown(s), 2)}× as long as coding alone on the same ${s.threads} threads (target ≤ ${fmt(TARGETS.ingestVsCoding, 1)}×).`;
}

function httpLines(h: HttpBenchResult): string {
  return `Store: ${fmt(h.articles)} articles, ${fmt(h.events)} events, SQLite ${mib(h.dbBytes)}`
    + `${h.buildSeconds !== null ? ` (built in ${fmt(h.buildSeconds)} s)` : ' (cached build)'}; `
    + `${h.connections} connections, ${h.seconds} s per route after a short warm-up; server in its own process. `
    + `Load average when the run started: ${h.loadAverage.map((x) => fmt(x, 2)).join(', ')} on ${h.cores} cores.`;
}

/** The store section alone (bench/store.ts run by itself). */
export function renderStoreMarkdown(s: StoreBenchResult): string {
  const q = queueTable(s);
  const m = memoryTable(s);
  return [
    `## ${storeTable(s).title}`, '', storeLines(s), '', renderMarkdownTable(storeTable(s)), '',
    ...(m ? [`### ${m.title}`, '', renderMarkdownTable(m), ''] : []),
    ...(q ? [`### ${q.title}`, '', renderMarkdownTable(q), ''] : []),
  ].join('\n');
}

/** The HTTP section alone (bench/http.ts run by itself). */
export function renderHttpMarkdown(h: HttpBenchResult): string {
  return [`## ${httpTable(h).title}`, '', httpLines(h), '', renderMarkdownTable(httpTable(h)), ''].join('\n');
}

export function throughputTable(r: BenchResults): Table {
  return {
    title: 'Throughput (read → code → JSONL to a null sink; main thread, one core)',
    headers: ['corpus', 'articles', 'sentences', 'tokens', 'MB', 'passes', 'seconds', 'articles/s', 'sentences/s', 'tokens/s', 'MB/s', 'events/pass'],
    rows: r.throughput.map((t) => [
      t.corpus,
      fmt(t.volume.articles),
      fmt(t.volume.sentences),
      fmt(t.volume.tokens),
      fmt(t.volume.bytes / 1e6, 2),
      fmt(t.passes),
      fmt(t.seconds, 2),
      fmt(t.rates.articlesPerSec, 1),
      fmt(t.rates.sentencesPerSec),
      fmt(t.rates.tokensPerSec),
      fmt(t.rates.mbPerSec, 3),
      fmt(t.eventsPerPass),
    ]),
  };
}

export function startupTable(r: BenchResults): Table {
  const s = r.startup;
  return {
    title: 'Start-up',
    headers: ['what', 'ms'],
    rows: [
      ['`dyad code` on a one-sentence file (spawned node, median)', s?.ok ? fmt(s.medianMs) : 'n/a'],
      ['  individual runs', s?.ok ? s.runs.map((x) => fmt(x)).join(', ') : s?.error ?? 'skipped'],
      ['import the library (in-process)', fmt(r.importMs, 1)],
      ['loadGazetteer() first call (in-process)', r.gazetteerMs === undefined ? 'n/a' : fmt(r.gazetteerMs, 1)],
      ['loadKnowledge() first call (in-process, gazetteer included)', fmt(r.knowledgeMs, 1)],
      ['first parseText() (wink-nlp model load)', fmt(r.textModelMs, 1)],
    ],
  };
}

export function analyzeTable(r: BenchResults): Table {
  const a = r.analyzeVsCode;
  return {
    title: 'analyze vs code (GigaWord sample, per pass)',
    headers: ['function', 'ms per pass'],
    rows: [
      ['code(article)', fmt(a.codeMs / a.passes, 2)],
      ['analyze(article)', fmt(a.analyzeMs / a.passes, 2)],
      ['ratio analyze / code', fmt(a.ratio, 2)],
    ],
  };
}

export function renderBenchText(r: BenchResults): string {
  const extra: Table[] = [];
  if (r.store) extra.push(storeTable(r.store), ...[memoryTable(r.store), queueTable(r.store)].filter((t): t is Table => t !== null));
  if (r.http) extra.push(httpTable(r.http));
  return [targetsTable(r), throughputTable(r), startupTable(r), analyzeTable(r), ...extra].map(renderTextTable).join('\n\n') + `\n\npeak RSS ${fmt(r.peakRssMb, 1)} MB`;
}

export function renderBenchMarkdown(r: BenchResults, p: Provenance, notes: readonly string[]): string {
  const section = (t: Table) => `## ${t.title}\n\n${renderMarkdownTable(t)}\n`;
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/main.ts); do not edit by hand.',
    '',
    provenanceMarkdown(p),
    '',
    section(targetsTable(r)),
    section(throughputTable(r)),
    ...r.throughput.filter((t) => t.rounds?.length).map((t) => `${t.corpus}: sentences/s of the ${t.rounds!.length} timed rounds, in order: ${t.rounds!.map((x) => fmt(x)).join(', ')} (the table gives the median round).\n`),
    section(startupTable(r)),
    section(analyzeTable(r)),
    `Peak RSS of the benchmark process (process.resourceUsage().maxRSS): ${fmt(r.peakRssMb, 1)} MB.`,
    '',
    ...(r.store ? [renderStoreMarkdown(r.store)] : []),
    ...(r.http ? [renderHttpMarkdown(r.http)] : []),
    '## Reference points',
    '',
    renderMarkdownTable({ title: '', headers: ['system', 'speed'], rows: REFERENCE_POINTS, align: ['left', 'left'] }),
    '',
    '## How it is measured',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
