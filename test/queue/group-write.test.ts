// Group commit in queue workers: articles coded while a write is in progress share the next
// transaction; a group that fails on one bad article is retried article by article (only that
// article's job fails); a store that is away is retried with backoff; look-ups are grouped too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GroupWriter, Grouper } from '../../src/queue/group-write.js';
import { withStoreRetry } from '../../src/ingest/retry.js';
import { StoreError, storeError } from '../../src/store/errors.js';
import type { PutStatus, Store, StoredArticle } from '../../src/store/store.js';
import { fakeAnalysis, fakeArticles } from '../store/fixtures.js';

/** A store double recording each putAnalyses / hashesOf call; writes take `delayMs`. */
function recordingStore(opts: { delayMs?: number; failIds?: Set<string>; transientFailures?: number } = {}) {
  const puts: string[][] = [];
  const lookups: string[][] = [];
  let transient = opts.transientFailures ?? 0;
  const stored = new Map<string, string>();
  const store = {
    async putAnalyses(items: readonly StoredArticle[]): Promise<PutStatus[]> {
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 5));
      if (transient > 0) {
        transient--;
        throw storeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), 'postgres://x');
      }
      const bad = items.find((it) => opts.failIds?.has(it.article.id));
      if (bad) throw new StoreError(`bad row in ${bad.article.id}`, '22P02');
      puts.push(items.map((it) => it.article.id));
      return items.map((it) => {
        const had = stored.has(it.article.id);
        stored.set(it.article.id, it.hash);
        return had ? 'replaced' : 'inserted';
      });
    },
    async hashesOf(ids: readonly string[]): Promise<Map<string, string>> {
      lookups.push([...ids]);
      await new Promise((r) => setTimeout(r, 2));
      return new Map(ids.filter((id) => stored.has(id)).map((id) => [id, stored.get(id)!]));
    },
  };
  return { store: store as unknown as Store, puts, lookups, stored };
}

const item = (a: ReturnType<typeof fakeArticles>[number]): StoredArticle => ({ article: a, hash: `h-${a.id}`, analysis: fakeAnalysis(a) });

test('articles arriving during a write share the next transaction', async () => {
  const { store, puts } = recordingStore({ delayMs: 20 });
  const w = new GroupWriter(store, 32);
  const arts = fakeArticles(20);
  const first = w.put(item(arts[0]!)); // written at once, alone
  const rest = arts.slice(1).map((a) => w.put(item(a))); // arrive while it commits
  assert.deepEqual(await Promise.all([first, ...rest]), arts.map(() => 'inserted'));
  assert.deepEqual(puts.map((p) => p.length), [1, 19]);
  await w.drain();
});

test('groups are capped; a second write starts only for a full group', async () => {
  const { store, puts } = recordingStore({ delayMs: 20 });
  const w = new GroupWriter(store, 4);
  const arts = fakeArticles(13);
  await Promise.all(arts.map((a) => w.put(item(a))));
  assert.ok(puts.every((p) => p.length <= 4), JSON.stringify(puts));
  assert.equal(puts.flat().length, 13);
  assert.equal(new Set(puts.flat()).size, 13);
});

test('one bad article fails only its own put; the rest of its group is stored', async () => {
  const arts = fakeArticles(6);
  const { store, stored } = recordingStore({ failIds: new Set([arts[3]!.id]) });
  const w = new GroupWriter(store, 32);
  const results = await Promise.allSettled(arts.map((a) => w.put(item(a))));
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  assert.match(String((results[3] as PromiseRejectedResult).reason.message), /bad row/);
  assert.deepEqual([...stored.keys()].sort(), arts.filter((_, i) => i !== 3).map((a) => a.id).sort());
});

test('a store that is away is retried with backoff, then the group is written once', async () => {
  const { store, puts } = recordingStore({ transientFailures: 3 });
  const waits: number[] = [];
  const w = new GroupWriter(store, 32, { firstDelayMs: 10, onRetry: (_e, ms) => waits.push(ms) });
  const arts = fakeArticles(3);
  assert.deepEqual(await Promise.all(arts.map((a) => w.put(item(a)))), ['inserted', 'inserted', 'inserted']);
  assert.deepEqual(waits, [10, 20, 40]);
  assert.equal(puts.flat().length, 3);
});

test('retrying gives up after the time limit with the store error', async () => {
  const { store } = recordingStore({ transientFailures: 1000 });
  const w = new GroupWriter(store, 32, { firstDelayMs: 5, maxDelayMs: 10, giveUpAfterMs: 80 });
  const [a] = fakeArticles(1);
  await assert.rejects(w.put(item(a!)), (e: unknown) => e instanceof StoreError && e.code === 'ECONNREFUSED' && /cannot reach PostgreSQL/.test(e.message));
});

test('non-transient errors are not retried', async () => {
  let calls = 0;
  await assert.rejects(withStoreRetry(async () => { calls++; throw new StoreError('disk full', 'SQLITE_FULL'); }, { firstDelayMs: 1 }), /disk full/);
  assert.equal(calls, 1);
});

test('hash look-ups of concurrent jobs are grouped', async () => {
  const { store, lookups } = recordingStore();
  const w = new GroupWriter(store, 32);
  const arts = fakeArticles(10);
  await w.put(item(arts[0]!));
  const hashes = await Promise.all(arts.map((a) => w.storedHash(a.id)));
  assert.equal(hashes[0], `h-${arts[0]!.id}`);
  assert.ok(hashes.slice(1).every((h) => h === undefined));
  assert.deepEqual(lookups.map((l) => l.length), [1, 9]);
});

test('Grouper: a failing call rejects its whole group, later groups still run', async () => {
  let n = 0;
  const g = new Grouper<number, number>(8, async (group) => {
    n++;
    if (n === 1) throw new Error('first call fails');
    for (const w of group) w.resolve(w.item * 2);
  });
  const first = g.run(1);
  const later = [g.run(2), g.run(3)];
  await assert.rejects(first, /first call fails/);
  assert.deepEqual(await Promise.all(later), [4, 6]);
  await g.drain();
});
