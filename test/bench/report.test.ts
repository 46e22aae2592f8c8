// The Targets table of BENCHMARKS.md computes met / NOT met from the store and HTTP figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpBenchResult, HttpScenario } from '../../bench/http.js';
import { renderBenchMarkdown, renderStoreMarkdown, targetsTable, type BenchResults } from '../../bench/report.js';
import type { StoreBenchResult } from '../../bench/store.js';

const core: BenchResults = {
  importMs: 1, knowledgeMs: 1, textModelMs: 1, startup: null, throughput: [],
  analyzeVsCode: { passes: 1, analyzeMs: 1, codeMs: 1, ratio: 1 }, peakRssMb: 100,
};

function store(codingAps: number, sqliteAps: number): StoreBenchResult {
  const figures = { seconds: 10, articlesPerSec: sqliteAps, eventsPerSec: 1, peakRssMb: 200, failed: 0 };
  return {
    articles: 1000, threads: 2, corpusBytes: 1e6,
    coding: { articles: 1000, articlesPerSec: codingAps, eventsPerSec: 1, peakRssMb: 150 },
    sqlite: { ...figures, dbBytes: 2e6, rss: [{ articles: 100, rssMb: 300 }, { articles: 200, rssMb: 301.5 }] }, sqliteReingest: { seconds: 1, articlesPerSec: 1000 },
    postgres: figures, queue: { articles: 100, runs: [{ workers: 1, articlesPerSec: 50 }, { workers: 2, articlesPerSec: 90 }] },
  };
}

function scenario(name: string, p99: number, targetP99: number | null, failed = 0): HttpScenario {
  return { name, path: '/api/x', targetP99, requests: 100, rps: 10, p50: 1, p90: 2, p99, max: p99, non2xx: failed, errors: 0, cpuMsPerRequest: 1.5 };
}

function http(scenarios: HttpScenario[]): HttpBenchResult {
  return { articles: 10, events: 20, dbBytes: 1e6, buildSeconds: null, seconds: 1, connections: 10, loadAverage: [1, 1, 1], cores: 2, scenarios };
}

const statusOf = (r: BenchResults, metric: RegExp): string => {
  const row = targetsTable(r).rows.find((x) => metric.test(x[0]!));
  assert.ok(row, `no row ${metric}`);
  return row[3]!;
};

test('ingest target: met within 1.5× of coding speed, not met beyond', () => {
  assert.equal(statusOf({ ...core, store: store(100, 80) }, /SQLite ingest/), 'met');
  assert.equal(statusOf({ ...core, store: store(100, 60) }, /SQLite ingest/), 'NOT met');
  const broken = store(100, 90);
  broken.sqlite.failed = 7;
  assert.equal(statusOf({ ...core, store: broken }, /SQLite ingest/), 'NOT met (7 articles failed)');
  assert.match(targetsTable({ ...core, store: null }).rows.find((x) => /SQLite ingest/.test(x[0]!))![2]!, /skipped/);
});

test('HTTP targets: one row per scenario with a target; failed requests never meet it', () => {
  const r = { ...core, http: http([scenario('search a', 40, 100), scenario('search b', 140, 100), scenario('agg', 10, 300, 3), scenario('free', 5, null)]) };
  assert.equal(statusOf(r, /search a/), 'met');
  assert.equal(statusOf(r, /search b/), 'NOT met');
  assert.match(statusOf(r, /agg/), /^NOT met \(3 failed/);
  assert.equal(targetsTable(r).rows.some((x) => /free/.test(x[0]!)), false);
});

test('BENCHMARKS.md gets store, queue and HTTP sections', () => {
  const md = renderBenchMarkdown({ ...core, store: store(100, 80), http: http([scenario('search a', 40, 100)]) },
    { command: 'npm run bench', commit: 'x', date: 'd', node: 'v20', machine: 'm' } as never, []);
  assert.match(md, /## Store ingest \(1,000 articles, 2 coding threads\)/);
  assert.match(md, /### Queue workers/);
  assert.match(md, /\| 2 \| 90 \| 1\.80× \|/);
  assert.match(md, /## HTTP API under load/);
  assert.match(md, /Load average when the run started: 1\.00, 1\.00, 1\.00 on 2 cores/);
});

test('memory during ingest: one row per sample, in the store section', () => {
  const s = store(100, 80);
  const md = renderStoreMarkdown(s);
  assert.match(md, /Memory during the SQLite ingest/);
  assert.match(md, /\| 200 \| 301\.5 \|/);
});
