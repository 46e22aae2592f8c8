import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonl } from '../../src/article/jsonl.js';
import { articles, collect, errors, streamOf } from './helpers.js';

test('JSON lines: fields, aliases, date normalisation', async () => {
  const input = [
    '{"id":"a1","date":"2021-08-24T10:00:00Z","text":"One.","title":"T","url":"http://x/1","source":"Wire"}',
    '',
    '{"id":7,"date":"20210825","event_text":"Two."}',
    '{"date":"2021-08-26","text":"Three."}',
  ].join('\r\n');
  const rs = await collect(readJsonl(streamOf(input, 7), 'in.jsonl'));
  assert.deepEqual(errors(rs), []);
  assert.deepEqual(articles(rs), [
    { id: 'a1', date: '2021-08-24', text: 'One.', title: 'T', url: 'http://x/1', source: 'Wire' },
    { id: '7', date: '2021-08-25', text: 'Two.' },
    { id: 'in.jsonl:4', date: '2021-08-26', text: 'Three.' },
  ]);
});

test('JSON lines: every bad line is an error naming file:line and id, the rest still read', async () => {
  const input = [
    '{"id":"ok1","date":"2021-08-24","text":"Fine."}',
    '[1,2]',
    '"a string"',
    'null',
    '{"id":"q","date":"2021-08-24","text":"unbalanced}',
    '{"id":"nd","text":"No date."}',
    '{"id":"nt","date":"2021-08-24"}',
    '{"id":"bd","date":"24 August","text":"x"}',
    '{"id":"ok2","date":"2021-08-24","text":"Also fine."}',
  ].join('\n');
  const rs = await collect(readJsonl(streamOf(input), 'f.jsonl'));
  assert.deepEqual(articles(rs).map((a) => a.id), ['ok1', 'ok2']);
  const errs = errors(rs);
  assert.deepEqual(errs.map((e) => e.record), [
    'f.jsonl:2', 'f.jsonl:3', 'f.jsonl:4', 'f.jsonl:5', 'f.jsonl:6 (id nd)', 'f.jsonl:7 (id nt)', 'f.jsonl:8 (id bd)',
  ]);
  assert.match(errs[0]!.reason, /not a JSON object \(got an array\)/);
  assert.match(errs[1]!.reason, /not a JSON object \(got a string\)/);
  assert.match(errs[3]!.reason, /invalid JSON/);
  assert.match(errs[4]!.reason, /missing "date"/);
  assert.match(errs[5]!.reason, /missing "text"/);
  assert.match(errs[6]!.reason, /malformed "date"/);
});

test('JSON lines: --date fills in a missing date', async () => {
  const rs = await collect(readJsonl(streamOf('{"text":"x"}\n'), 'f', { date: '2020-05-05' }));
  assert.deepEqual(articles(rs), [{ id: 'f:1', date: '2020-05-05', text: 'x' }]);
});

test('JSON lines: empty input, binary input, invalid UTF-8 on one line', async () => {
  assert.deepEqual(await collect(readJsonl(streamOf(''), 'e.jsonl')), [{ ok: false, record: 'e.jsonl', reason: 'empty file' }]);
  assert.deepEqual(await collect(readJsonl(streamOf('\n \n'), 'e.jsonl')), [{ ok: false, record: 'e.jsonl', reason: 'empty file' }]);
  const bin = await collect(readJsonl(streamOf(Buffer.from([0x7b, 0, 1, 2, 0x0a, 0, 0])), 'b.jsonl'));
  assert.equal(bin.length, 1);
  assert.match(errors(bin)[0]!.reason, /binary/);
  const bad = Buffer.concat([
    Buffer.from('{"date":"2021-01-01","text":"ok"}\n{"date":"2021-01-01","text":"'),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}\n'),
  ]);
  const rs = await collect(readJsonl(streamOf(bad), 'u.jsonl'));
  assert.equal(articles(rs).length, 1);
  assert.equal(errors(rs)[0]!.record, 'u.jsonl:2');
  assert.match(errors(rs)[0]!.reason, /invalid UTF-8/);
});

test('JSON lines: a 10 MB single line is read (not a hang)', async () => {
  const text = 'word '.repeat(2 * 1024 * 1024);
  const line = JSON.stringify({ id: 'big', date: '2021-08-24', text });
  const t0 = Date.now();
  const rs = await collect(readJsonl(streamOf(line, 64 * 1024), 'big.jsonl'));
  assert.equal(rs.length, 1);
  assert.equal(rs[0]!.ok, true);
  assert.equal((rs[0] as { article: { text: string } }).article.text.length, text.length);
  assert.ok(Date.now() - t0 < 5000);
});
