import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runActors } from '../../src/cli/actors.js';
import { runAnalyze } from '../../src/cli/analyze.js';
import { UsageError } from '../../src/cli/args.js';
import { runCode } from '../../src/cli/code.js';
import { CSV_COLUMNS, GDELT_COLUMNS } from '../../src/output/index.js';
import { TempDir } from '../article/helpers.js';
import { capture, fakePipeline } from './harness.js';

test('code: a batch with bad records still writes the good ones and exits 1', async () => {
  const t = new TempDir();
  try {
    const good = t.file('good.txt', 'date 2021-08-24 Fine.');
    const empty = t.file('empty.txt', '');
    const boom = t.file('boom.txt', 'date 2021-08-24 BOOM.');
    const lines = t.file('more.jsonl', '{"id":"j1","date":"2021-08-25","text":"ok"}\nnot json\n');
    const c = capture();
    const p = fakePipeline();
    const code = await runCode([good, empty, boom, lines], c.io, p.load);
    assert.equal(code, 1);
    assert.equal(p.loads(), 1, 'knowledge loaded once');
    const out = c.stdout().trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => o.article_id), [good, 'j1']);
    assert.equal(out[1].date, '2021-08-25');
    const err = c.stderr();
    assert.match(err, new RegExp(`^dyad: ${empty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: empty file$`, 'm'));
    assert.match(err, /boom\.txt: failed: coder exploded/);
    assert.match(err, /more\.jsonl:2: invalid JSON/);
  } finally {
    t.remove();
  }
});

test('code: all good → exit 0; each output format', async () => {
  const input = '{"id":"a","date":"2021-08-24","text":"x"}\n{"id":"b","date":"2021-08-24","text":"y"}\n';
  for (const [format, check] of [
    ['jsonl', (s: string) => assert.equal(s.trim().split('\n').length, 2)],
    ['csv', (s: string) => { const rows = s.split('\r\n').filter(Boolean); assert.equal(rows.length, 3); assert.equal(rows[0], CSV_COLUMNS.join(',')); }],
    ['gdelt', (s: string) => { const rows = s.trim().split('\n'); assert.equal(rows.length, 2); for (const r of rows) assert.equal(r.split('\t').length, 61); }],
    ['plover', (s: string) => assert.deepEqual(s.trim().split('\n').map((l) => JSON.parse(l).event), [['CONSULT'], ['CONSULT']])],
  ] as const) {
    const c = capture(input);
    assert.equal(await runCode(['-', '--format', format], c.io, fakePipeline().load), 0, format);
    check(c.stdout());
    assert.equal(c.stderr(), '');
  }
  const h = capture(input);
  await runCode(['-', '-f', 'gdelt', '--header'], h.io, fakePipeline().load);
  assert.equal(h.stdout().split('\n')[0], GDELT_COLUMNS.join('\t'));
});

test('code/analyze: --date and --input-format reach the readers', async () => {
  const c = capture('No date line here.');
  assert.equal(await runCode(['-', '--date', '2020-02-02', '--input-format', 'text'], c.io, fakePipeline().load), 0);
  assert.equal(JSON.parse(c.stdout()).date, '2020-02-02');
  const d = capture('No date line here.');
  assert.equal(await runAnalyze(['-', '--input-format', 'dated'], d.io, fakePipeline().load), 1);
  assert.match(d.stderr(), /^dyad: -: missing date line/);
});

test('analyze: one Analysis per line; --pretty indents', async () => {
  const input = '{"id":"a","date":"2021-08-24","text":"x"}\n{"id":"b","date":"2021-08-24","text":"y"}\n';
  const c = capture(input);
  assert.equal(await runAnalyze(['-'], c.io, fakePipeline().load), 0);
  const lines = c.stdout().trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.article.id), ['a', 'b']);
  assert.deepEqual(Object.keys(lines[0]), ['article', 'entities', 'places', 'timexes', 'quotes', 'events']);
  const p = capture(input);
  await runAnalyze(['-', '--pretty'], p.io, fakePipeline().load);
  assert.match(p.stdout(), /^\{\n {2}"article"/);
});

test('usage errors are UsageErrors (exit 2 in main)', async () => {
  const c = capture();
  const load = fakePipeline().load;
  await assert.rejects(runCode([], c.io, load), UsageError);
  await assert.rejects(runCode(['x', '--format', 'xml'], c.io, load), /--format must be one of/);
  await assert.rejects(runCode(['x', '--date', '2021-02-30'], c.io, load), /--date must be YYYY-MM-DD/);
  await assert.rejects(runCode(['x', '--input-format', 'pdf'], c.io, load), /--input-format must be one of/);
  await assert.rejects(runCode(['x', '--nope'], c.io, load), UsageError);
  await assert.rejects(runAnalyze([], c.io, load), UsageError);
  await assert.rejects(runActors(['--date', 'soon'], c.io, async () => () => ({ code: null, country: null, sectors: [], name: null })), UsageError);
});

test('actors: phrases on stdin → JSON lines, the date passed through', async () => {
  const seen: (string | null)[] = [];
  const resolver = async () => (text: string, date: string | null) => {
    seen.push(date);
    return text.includes('Russian') ? { code: 'RUSGOVMIL', country: 'RUS', sectors: ['GOV', 'MIL'], name: null } : { code: null, country: null, sectors: [], name: null };
  };
  const c = capture('the Russian defense minister\n\n  somebody  \n');
  assert.equal(await runActors(['--date', '2021-08-24'], c.io, resolver), 0);
  assert.deepEqual(c.stdout().trim().split('\n').map((l) => JSON.parse(l)), [
    { text: 'the Russian defense minister', code: 'RUSGOVMIL', country: 'RUS', sectors: ['GOV', 'MIL'], name: null },
    { text: 'somebody', code: null, country: null, sectors: [], name: null },
  ]);
  assert.deepEqual(seen, ['2021-08-24', '2021-08-24']);
});
