import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmt, measureVolume, NullSink, rates, runPass, timeRepeated } from '../../bench/measure.js';
import { parseBenchArgs } from '../../bench/args.js';
import { polnearDates } from '../../bench/corpora.js';
import { ev, actor } from '../eval/fake-events.js';

test('measureVolume sums sentences, tokens and UTF-8 bytes', () => {
  const split = (t: string) => ({ sentences: t.split('.').length - 1, tokens: t.split(' ').length });
  const v = measureVolume([{ id: 'a', date: '2020-01-01', text: 'A b. C.' }, { id: 'b', date: '2020-01-01', text: 'é.' }], split);
  assert.deepEqual(v, { articles: 2, sentences: 3, tokens: 4, bytes: 7 + 3 });
});

test('rates scale by passes and seconds', () => {
  const r = rates({ articles: 10, sentences: 100, tokens: 2000, bytes: 500_000 }, 4, 2);
  assert.deepEqual(r, { articlesPerSec: 20, sentencesPerSec: 200, tokensPerSec: 4000, mbPerSec: 1 });
  assert.equal(rates({ articles: 1, sentences: 1, tokens: 1, bytes: 1 }, 1, 0).sentencesPerSec, 0);
});

test('runPass codes every article and serialises every event', () => {
  const sink = new NullSink();
  const e = ev('AGREE', actor('ARM'), actor('RUS'));
  const n = runPass(() => [{ id: 'a', date: '2020-01-01', text: 'x' }, { id: 'b', date: '2020-01-01', text: 'y' }], () => [e, e], sink);
  assert.equal(n, 4);
  assert.equal(sink.lines, 4);
  assert.equal(sink.chars, 4 * (JSON.stringify(e).length + 1));
});

test('timeRepeated runs until the minimum time, at least once', () => {
  let clock = 0;
  let calls = 0;
  const r = timeRepeated(() => { calls++; clock += 400; }, 1, () => clock);
  assert.equal(calls, 3);
  assert.deepEqual(r, { passes: 3, seconds: 1.2 });
  assert.equal(timeRepeated(() => {}, 0, () => 0).passes, 1);
});

test('fmt adds separators and handles non-finite', () => {
  assert.equal(fmt(12345.678), '12,346');
  assert.equal(fmt(1.5, 2), '1.50');
  assert.equal(fmt(NaN), 'n/a');
});

test('polnearDates maps filename to publication_date', () => {
  const m = polnearDates('compartment\tfilename\tpublication_date\ndev\tfoo_2016\t2016-09-12\ntrain\tbar\tNone\n');
  assert.equal(m.get('foo_2016'), '2016-09-12');
  assert.equal(m.has('bar'), false);
});

test('parseBenchArgs', () => {
  const stages = { store: true, storeArticles: 100_000, pg: true, http: true, httpSeconds: 10 };
  assert.deepEqual(parseBenchArgs([]), { seconds: 8, warmup: 3, startup: true, count: true, profile: false, help: false, ...stages });
  assert.equal(parseBenchArgs(['--warmup', '1']).warmup, 1);
  const a = parseBenchArgs(['--seconds', '0.5', '--limit=20', '--no-startup', '--no-write', '--profile', '--no-count']);
  assert.deepEqual(a, { seconds: 0.5, warmup: 3, limit: 20, startup: false, count: false, write: false, profile: true, help: false, ...stages });
  const b = parseBenchArgs(['--no-store', '--no-http', '--no-pg', '--store-articles', '5000', '--http-seconds=3']);
  assert.deepEqual([b.store, b.http, b.pg, b.storeArticles, b.httpSeconds], [false, false, false, 5000, 3]);
  assert.throws(() => parseBenchArgs(['--store-articles', 'many']), /non-negative/);
  assert.throws(() => parseBenchArgs(['--seconds']), /non-negative/);
  assert.throws(() => parseBenchArgs(['--fast']), /unknown option/);
});
