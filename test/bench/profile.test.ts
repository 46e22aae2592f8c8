import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topSelfTime, type CpuProfile } from '../../bench/profile.js';
import { renderBenchMarkdown, targetsTable, type BenchResults } from '../../bench/report.js';

const frame = (functionName: string, url = 'file:///x/dist/src/a.js', lineNumber = 0) => ({ functionName, url, lineNumber });

test('topSelfTime charges each sample the time until the next one and merges same functions', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', '') },
      { id: 2, callFrame: frame('parse', 'file:///x/dist/src/a.js', 9) },
      { id: 3, callFrame: frame('code') },
      { id: 4, callFrame: frame('parse', 'file:///x/dist/src/a.js', 9) }, // same function, other call path
    ],
    startTime: 0,
    endTime: 10_000,
    samples: [2, 3, 4, 2, 1],
    timeDeltas: [0, 1000, 3000, 2000, 500],
  };
  const top = topSelfTime(profile, 2);
  // parse: samples 0 (→1000) + 2 (→2000) + 3 (→500) = 3.5 ms; code: 3 ms.
  assert.deepEqual(top.map((t) => [t.name, t.ms]), [
    ['parse (dist/src/a.js:10)', 3.5],
    ['code (dist/src/a.js:1)', 3],
  ]);
  assert.ok(Math.abs(top[0].share - 3.5 / 6.5) < 1e-12);
});

test('topSelfTime falls back to hit counts', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('a'), hitCount: 3 },
      { id: 2, callFrame: frame('b'), hitCount: 1 },
    ],
    startTime: 0,
    endTime: 4000,
  };
  assert.deepEqual(topSelfTime(profile).map((t) => t.ms), [3, 1]);
});

test('dependency files keep their package path', () => {
  const profile: CpuProfile = {
    nodes: [{ id: 1, callFrame: frame('tag', 'file:///r/node_modules/wink-eng-lite-web-model/dist/pos.js', 0), hitCount: 1 }],
    startTime: 0,
    endTime: 1000,
  };
  assert.equal(topSelfTime(profile)[0].name, 'tag (node_modules/wink-eng-lite-web-model/dist/pos.js:1)');
});

const results: BenchResults = {
  importMs: 10,
  knowledgeMs: 50,
  textModelMs: 200,
  startup: { ok: true, runs: [300, 310, 320, 330, 340], medianMs: 320, outputLines: 1 },
  throughput: [
    {
      corpus: 'GigaWord sample',
      volume: { articles: 76, sentences: 67, tokens: 1300, bytes: 10_000 },
      passes: 100,
      seconds: 2,
      rates: { articlesPerSec: 3800, sentencesPerSec: 3350, tokensPerSec: 65_000, mbPerSec: 0.5 },
      eventsPerPass: 40,
    },
  ],
  analyzeVsCode: { passes: 10, analyzeMs: 120, codeMs: 100, ratio: 1.2 },
  peakRssMb: 180,
};

test('targets are judged from the measured figures', () => {
  const rows = targetsTable(results).rows;
  assert.equal(rows[0][3], 'NOT met'); // 3,350 < 5,000 sentences/s
  assert.equal(rows[1][3], 'met'); // 320 ms < 1 s
  assert.equal(rows[2][3], 'met'); // 180 MB < 400 MB
  const failed = targetsTable({ ...results, startup: { ok: false, runs: [], medianMs: NaN, error: 'no CLI', outputLines: 0 } }).rows;
  assert.equal(failed[1][3], 'n/a');
});

test('BENCHMARKS.md carries provenance, figures and reference points', () => {
  const md = renderBenchMarkdown(results, { command: 'npm run bench', commit: 'abc1234+dirty', date: '2024-01-01T00:00:00Z', node: 'v20.0.0', machine: 'linux/x64, 2 cores' }, ['note']);
  for (const s of ['abc1234+dirty', 'v20.0.0', '2 cores', '3,350', 'PETRARCH2', 'TABARI', 'CoreNLP', '≥ 5,000', '< 400 MB']) assert.ok(md.includes(s), s);
});
