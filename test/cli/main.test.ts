// The built binary, run as a child process: help, version, exit codes, stdin, directories, EPIPE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { TempDir } from '../article/helpers.js';

const BIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

function dyad(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the built bin is executable, so `npx dyad` runs it directly', () => {
  if (process.platform === 'win32') return;
  assert.ok((statSync(BIN).mode & 0o111) !== 0, `mode ${(statSync(BIN).mode & 0o777).toString(8)}`);
  const r = spawnSync(BIN, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
});

test('--help, <command> --help and --version', () => {
  const h = dyad(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^Usage: dyad <command>/);
  for (const c of ['code', 'analyze', 'actors']) assert.match(h.stdout, new RegExp(`\\n  ${c} `));
  for (const c of ['code', 'analyze', 'actors']) {
    const r = dyad([c, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`^Usage: dyad ${c}`));
  }
  const v = dyad(['--version']);
  assert.equal(v.code, 0);
  assert.equal(v.stdout.trim(), JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version);
  assert.equal(readFileSync(BIN, 'utf8').split('\n')[0], '#!/usr/bin/env node');
});

test('usage errors exit 2 with a clear message', () => {
  const none = dyad([]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /Usage/);
  const unknown = dyad(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "frobnicate"/);
  const flag = dyad(['code', '--frob', 'x']);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /dyad code: .*--frob/);
  const noInput = dyad(['code']);
  assert.equal(noInput.code, 2);
  assert.match(noInput.stderr, /no input/);
  assert.equal(dyad(['code', 'x', '--format', 'pdf']).code, 2);
  assert.equal(dyad(['analyze', 'x', '--date', 'tomorrow']).code, 2);
});

test('analyze: a batch with one bad record outputs the good ones and exits 1', () => {
  const t = new TempDir();
  try {
    t.file('in/a.txt', 'date 2021-08-24 The Armenian defense minister visited Moscow on Monday.');
    t.file('in/b/c.jsonl', '{"id":"c1","date":"2021-08-25","text":"Protesters marched in Paris."}\n{"id":"c2","text":"no date"}\n');
    t.file('in/d.txt', Buffer.from([0, 1, 2, 3]));
    const r = dyad(['analyze', join(t.path, 'in')]);
    assert.ok(r.stdout.length > 0, r.stderr);
    assert.equal(r.code, 1, r.stderr);
    const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).article.id);
    assert.deepEqual(ids, [join(t.path, 'in', 'a.txt'), 'c1']);
    assert.match(r.stderr, /dyad: .*c\.jsonl:2 \(id c2\): missing "date"/);
    assert.match(r.stderr, /dyad: .*d\.txt: binary file/);
  } finally {
    t.remove();
  }
});

test('code: stdin and the shipped examples directory exit 0 with JSON lines', () => {
  const s = dyad(['code', '-'], '{"id":"s1","date":"2021-08-24","text":"The French president met the German chancellor in Berlin."}\n');
  assert.equal(s.code, 0, s.stderr);
  for (const line of s.stdout.split('\n').filter(Boolean)) assert.equal(JSON.parse(line).article_id, 's1');
  const g = dyad(['code', '--format', 'gdelt', join(PACKAGE_ROOT, 'examples')]);
  assert.equal(g.code, 0, g.stderr);
  for (const line of g.stdout.split('\n').filter(Boolean)) assert.equal(line.split('\t').length, 61);
});

test('a closed stdout pipe (dyad ... | head -n 1) ends quietly', () => {
  const t = new TempDir();
  try {
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(JSON.stringify({ id: `p${i}`, date: '2021-08-24', text: `Officials met in the capital ${i}.` }));
    const f = t.file('many.jsonl', lines.join('\n'));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" analyze "${f}" | head -n 1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 60_000 });
    assert.match(r.stdout, /status=0/, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  } finally {
    t.remove();
  }
});

test('actors: phrases on stdin resolve to codes', () => {
  const r = dyad(['actors', '--date', '2021-08-24'], 'Russia\n\nthe Armenian defense minister\n');
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 2);
  assert.deepEqual(Object.keys(out[0]), ['text', 'code', 'country', 'sectors', 'name']);
  assert.equal(out[0].country, 'RUS');
  assert.equal(out[1].country, 'ARM');
});

test('top-level unknown option and `dyad help <command>`', () => {
  const r = dyad(['--frob']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option "--frob"/);
  const h = dyad(['help', 'code']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^Usage: dyad code/);
});
