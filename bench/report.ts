// Rendering of the benchmark results: text for stdout, Markdown for BENCHMARKS.md. Pure.
import type { Provenance } from '../eval/provenance.js';
import { provenanceMarkdown } from '../eval/provenance.js';
import { renderMarkdownTable, renderTextTable, type Table } from '../eval/report.js';
import { fmt, type Rates, type Volume } from './measure.js';
import type { StartupResult } from './startup.js';

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
  /** First loadKnowledge() call, ms. */
  knowledgeMs: number;
  /** First parseText() call (loads the wink-nlp model), ms. */
  textModelMs: number;
  startup: StartupResult | null;
  throughput: ThroughputResult[];
  analyzeVsCode: { passes: number; analyzeMs: number; codeMs: number; ratio: number };
  peakRssMb: number;
}

export const TARGETS = { sentencesPerSec: 5000, startupMs: 1000, peakRssMb: 400 };

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
    ],
    align: ['left', 'right', 'right', 'left'],
  };
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
      ['loadKnowledge() first call (in-process)', fmt(r.knowledgeMs, 1)],
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
  return [targetsTable(r), throughputTable(r), startupTable(r), analyzeTable(r)].map(renderTextTable).join('\n\n') + `\n\npeak RSS ${fmt(r.peakRssMb, 1)} MB`;
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
