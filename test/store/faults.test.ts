// SQLite faults through the API: a full disk rolls back the batch and leaves the store consistent
// and usable; a lock held by another process gives a clear StoreError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { openStore, StoreError } from '../../src/store/index.js';
import { sqliteBackend } from './backends.js';
import { fakeAnalysis, fakeArticles } from './fixtures.js';

test('disk full: the batch is rolled back with a clear error, earlier data intact', async () => {
  const b = sqliteBackend();
  const loc = await b.fresh();
  const s = await openStore(loc);
  try {
    const arts = fakeArticles(3);
    await s.putAnalyses(arts.map((a) => ({ article: a, hash: a.id, analysis: fakeAnalysis(a) })));
    const before = await s.counts();
    const pages = (s.sqlite!.pragma('page_count', { simple: true }) as number);
    s.sqlite!.pragma(`max_page_count = ${pages + 2}`);
    const big = { id: 'big', date: '2021-01-01', text: 'Huge. '.repeat(200_000) };
    await assert.rejects(
      s.putAnalyses([{ article: big, hash: 'x', analysis: fakeAnalysis(big) }]),
      (e: unknown) => e instanceof StoreError && e.code === 'SQLITE_FULL' && /disk full/.test(e.message),
    );
    assert.deepEqual(await s.counts(), before);
    assert.equal(s.sqlite!.pragma('integrity_check', { simple: true }), 'ok');
    s.sqlite!.pragma('max_page_count = 1073741823');
    await s.putAnalyses([{ article: big, hash: 'x', analysis: fakeAnalysis(big) }]);
    assert.equal((await s.counts()).articles, 4);
  } finally {
    await s.close();
    await b.cleanup();
  }
});

test('locked by another connection: StoreError SQLITE_BUSY after the busy timeout', async () => {
  const b = sqliteBackend();
  const loc = await b.fresh();
  const s = await openStore(loc, { busyTimeoutMs: 100 });
  const other = new BetterSqlite3(loc);
  try {
    other.prepare('BEGIN IMMEDIATE').run();
    const [a] = fakeArticles(1);
    await assert.rejects(s.putAnalyses([{ article: a!, hash: 'h', analysis: fakeAnalysis(a!) }]),
      (e: unknown) => e instanceof StoreError && e.code.startsWith('SQLITE_BUSY') && /locked by another process/.test(e.message));
    other.prepare('ROLLBACK').run();
    assert.deepEqual(await s.putAnalyses([{ article: a!, hash: 'h', analysis: fakeAnalysis(a!) }]), ['inserted']);
  } finally {
    other.close();
    await s.close();
    await b.cleanup();
  }
});
