import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { formatFromPath, readInputs, readStreamArticles } from '../../src/article/read.js';
import { SHARED_DIR } from '../../src/paths.js';
import { TempDir, articles, collect, errors, streamOf } from './helpers.js';

const J = (o: object) => JSON.stringify(o) + '\n';

test('format from extension', () => {
  assert.equal(formatFromPath('a/b.jsonl'), 'jsonl');
  assert.equal(formatFromPath('a/b.NDJSON'), 'jsonl');
  assert.equal(formatFromPath('b.json'), 'jsonl');
  assert.equal(formatFromPath('b.xml'), 'petrarch');
  assert.equal(formatFromPath('b.txt'), 'text-auto');
  assert.equal(formatFromPath('README'), 'text-auto');
});

test('the shared dated example is read with its date and the text after the date token', async () => {
  const path = join(SHARED_DIR, 'examples', 'armenia-russia-arms-2021-08-24.txt');
  const rs = await collect(readInputs([path]));
  assert.equal(rs.length, 1);
  const a = articles(rs)[0]!;
  assert.equal(a.id, path);
  assert.equal(a.date, '2021-08-24');
  assert.ok(a.text.startsWith('On August 23,'));
});

test('directories are walked recursively and sorted; each file in its format', async () => {
  const t = new TempDir();
  try {
    t.file('b/2.txt', 'date 2021-01-02 Second.');
    t.file('a.txt', 'date 2021-01-01 First.');
    t.file('b/1.jsonl', J({ id: 'j1', date: '2021-01-03', text: 'Json.' }));
    t.file('c/d/s.xml', '<S><Sentence date="20210104" id="x1"><Text>Xml.</Text></Sentence></S>');
    t.file('.hidden.txt', 'date 2021-01-05 Hidden.');
    const rs = await collect(readInputs([t.path]));
    assert.deepEqual(errors(rs), []);
    assert.deepEqual(articles(rs).map((a) => a.text), ['First.', 'Json.', 'Second.', 'Xml.']);
    assert.equal(articles(rs)[0]!.id, join(t.path, 'a.txt'));
  } finally {
    t.remove();
  }
});

test('plain text without a date: --date, else the mtime with a notice', async () => {
  const t = new TempDir();
  try {
    const p = t.file('plain.txt', 'The minister resigned.');
    utimesSync(p, new Date(2019, 4, 6, 12), new Date(2019, 4, 6, 12));
    const notes: string[] = [];
    const rs = await collect(readInputs([p], { notice: (m) => notes.push(m) }));
    assert.deepEqual(articles(rs), [{ id: p, date: '2019-05-06', text: 'The minister resigned.' }]);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /plain\.txt: no date line/);
    const given = await collect(readInputs([p], { date: '2020-02-02' }));
    assert.equal(articles(given)[0]!.date, '2020-02-02');
  } finally {
    t.remove();
  }
});

test('bad inputs: each is an error record naming the file, the batch goes on', async () => {
  const t = new TempDir();
  try {
    const empty = t.file('empty.txt', '');
    const bin = t.file('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    const utf = t.file('utf.txt', Buffer.concat([Buffer.from('date 2021-01-01 caf'), Buffer.from([0xe9]), Buffer.from(' au lait')]));
    const malformed = t.file('malformed.txt', 'date 2021-02-31 Text.');
    const good = t.file('good.txt', 'date 2021-01-01 Good.');
    const missing = join(t.path, 'missing.txt');
    const rs = await collect(readInputs([empty, bin, utf, malformed, missing, good]));
    assert.deepEqual(articles(rs).map((a) => a.id), [good]);
    const errs = errors(rs);
    assert.deepEqual(errs.map((e) => e.record), [empty, bin, utf, malformed, missing]);
    assert.match(errs[0]!.reason, /empty/);
    assert.match(errs[1]!.reason, /binary/);
    assert.match(errs[2]!.reason, /invalid UTF-8 \(at byte 19\)/);
    assert.match(errs[3]!.reason, /malformed date/);
    assert.match(errs[4]!.reason, /no such file/);
    const forced = await collect(readInputs([t.file('nodate.txt', 'No date here.')], { format: 'dated' }));
    assert.match(errors(forced)[0]!.reason, /missing date line/);
  } finally {
    t.remove();
  }
});

test('--input-format overrides the extension', async () => {
  const t = new TempDir();
  try {
    const p = t.file('data.txt', J({ id: 'z', date: '2021-01-01', text: 'Z.' }));
    assert.deepEqual(articles(await collect(readInputs([p], { format: 'jsonl' }))).map((a) => a.id), ['z']);
  } finally {
    t.remove();
  }
});

test('stdin is sniffed: { → JSON lines, < → XML, else text', async () => {
  const j = await collect(readStreamArticles(streamOf('\n  ' + J({ id: 's', date: '2021-01-01', text: 'S.' }), 3), '-'));
  assert.deepEqual(articles(j).map((a) => a.id), ['s']);
  const x = await collect(readStreamArticles(streamOf('  <S><Sentence date="20210101" id="x"><Text>X.</Text></Sentence></S>', 2), '-'));
  assert.deepEqual(articles(x).map((a) => a.id), ['x']);
  const d = await collect(readStreamArticles(streamOf(' date 2021-08-24 Text.'), '-'));
  assert.deepEqual(articles(d), [{ id: '-', date: '2021-08-24', text: 'Text.' }]);
  const e = await collect(readStreamArticles(streamOf(''), '-'));
  assert.equal(errors(e).length, 1);
});

test('a 10 MB single-line text file is read', async () => {
  const t = new TempDir();
  try {
    const p = t.file('big.txt', 'date 2021-01-01 ' + 'x'.repeat(10 * 1024 * 1024));
    const rs = await collect(readInputs([p]));
    assert.equal(articles(rs)[0]!.text.length, 10 * 1024 * 1024);
  } finally {
    t.remove();
  }
});
