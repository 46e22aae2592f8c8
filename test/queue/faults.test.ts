// Redis and PostgreSQL going away mid-run, with the real servers on this machine reached through a
// TCP proxy on loopback that is cut (every connection dropped, new ones refused) and restored a few
// seconds later: enqueue, queue workers and `dyad ingest --db postgres://…` wait and retry, and in
// the end every article is stored exactly once, with nothing in the dead-letter queue.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { readInputs } from '../../src/article/read.js';
import { assertRedis, deadLetterName, redisConnection } from '../../src/queue/connection.js';
import { articleQueue, enqueueArticles } from '../../src/queue/producer.js';
import { openStore, type Store } from '../../src/store/store.js';
import type { ReadResult } from '../../src/article/result.js';
import type { Article } from '../../src/types.js';
import { PG_URL, REDIS_URL, assertPostgres, uniqueName } from '../store/backends.js';
import { expectedEvents, writeCorpus } from '../ingest/corpus.js';
import { fakeAnalysis } from '../store/fixtures.js';
import { TcpProxy } from './proxy.js';
import { start, type Proc } from './processes.js';
import { until, withTimeout } from '../helpers/wait.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every article stored once with exactly its own events. */
async function assertExactlyOnce(db: string, arts: Article[]): Promise<void> {
  const s = await openStore(db, { readonly: true });
  try {
    assert.deepEqual(await s.counts(), { articles: arts.length, events: expectedEvents(arts) });
    const per = await s.db.selectFrom('events').select(['article_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('article_id').execute();
    const byId = new Map(arts.map((a) => [a.id, a]));
    for (const r of per) assert.equal(Number(r.n), fakeAnalysis(byId.get(r.article_id)!).events.length, r.article_id);
    assert.equal(per.length, arts.length);
  } finally {
    await s.close();
  }
}

describe('faults: Redis and PostgreSQL going away mid-run', () => {
  let dir: string;
  let arts: Article[];
  const schemas: string[] = [];
  const queues: string[] = [];
  const procs: Proc[] = [];
  const proxies: TcpProxy[] = [];
  const stores: Store[] = [];

  const freshDb = () => {
    const s = uniqueName('dyad_f');
    schemas.push(s);
    return { schema: s, db: `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${s}` };
  };
  const freshQueue = () => {
    const q = uniqueName('dyadf');
    queues.push(q);
    return q;
  };
  const proxy = async (target: string) => {
    const p = await TcpProxy.start(target);
    proxies.push(p);
    return p;
  };
  const storeAt = async (db: string) => {
    const s = await openStore(db);
    stores.push(s);
    return s;
  };

  before(async () => {
    await assertPostgres();
    const r = redisConnection(REDIS_URL);
    try { await assertRedis(r, REDIS_URL); } finally { r.disconnect(); }
    dir = mkdtempSync(join(tmpdir(), 'dyad-faults-'));
    arts = await writeCorpus(join(dir, 'corpus'), 150);
  });

  after(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    for (const p of proxies) await p.close();
    for (const s of stores) await s.close();
    const conn = redisConnection(REDIS_URL);
    for (const name of queues) {
      for (const n of [name, deadLetterName(name)]) {
        const q = new Queue(n, { connection: conn });
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
    }
    conn.disconnect();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    for (const s of schemas) await c.query(`drop schema if exists "${s}" cascade`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  });

  test('Redis away during enqueue and while workers run: every article once, none dead', async () => {
    const redis = await proxy(REDIS_URL);
    const viaProxy = redis.url(REDIS_URL);
    const queue = freshQueue();
    const { db } = freshDb();
    const store = await storeAt(db);

    // enqueue through the proxy; it is cut after 60 articles and restored 1.5 s later
    const conn = redisConnection(viaProxy);
    const q = articleQueue(queue, conn);
    let restored: Promise<void> | null = null;
    async function* inputs(): AsyncGenerator<ReadResult> {
      let i = 0;
      for await (const r of readInputs([join(dir, 'corpus')])) {
        if (++i === 60) {
          await redis.cut();
          restored = sleep(1500).then(() => redis.restore());
        }
        yield r;
      }
    }
    const stats = await withTimeout(enqueueArticles(inputs(), q, { batch: 10, attempts: 3, backoffMs: 200 }), 30_000, 'enqueue to finish');
    assert.ok(restored, 'the proxy was never cut');
    await restored;
    assert.deepEqual(stats, { enqueued: arts.length, failed: 0 });
    assert.equal(await q.getWaitingCount(), arts.length);
    await q.close();
    conn.disconnect();

    // two workers through the proxy; Redis goes away for 3 s once 40 articles are stored
    const args = ['worker', '--db', db, '--queue', queue, '--redis', viaProxy, '--lock-ms', '2000', '-c', '4', '--exit-when-empty'];
    const workers = [start(args, 20), start(args, 20)];
    procs.push(...workers);
    await until(async () => (await store.counts()).articles >= 40, '40 articles stored');
    await redis.cut();
    await sleep(3000);
    const during = (await store.counts()).articles;
    assert.ok(during < arts.length, 'the workers finished before Redis went away');
    await redis.restore();
    const codes = await withTimeout(Promise.all(workers.map((w) => w.exited)), 90_000, 'workers to drain the queue');
    assert.deepEqual(codes, [0, 0], workers.map((w) => w.err()).join('\n'));
    await assertExactlyOnce(db, arts);
    const direct = redisConnection(REDIS_URL);
    const dead = new Queue(deadLetterName(queue), { connection: direct });
    assert.equal(await dead.count(), 0);
    await dead.close();
    direct.disconnect();
  });

  test('PostgreSQL away while workers run: they wait with backoff, every article once', async () => {
    const pgProxy = await proxy(PG_URL);
    const queue = freshQueue();
    const { db } = freshDb();
    const store = await storeAt(db); // direct connection, for watching
    const viaProxy = `${pgProxy.url(PG_URL).replace(/\?.*$/, '')}${new URL(db).search}`;
    const q = start(['enqueue', join(dir, 'corpus'), '--queue', queue, '--redis', REDIS_URL, '-q'], 0);
    assert.equal(await q.exited, 0, q.err());

    const args = ['worker', '--db', viaProxy, '--queue', queue, '--redis', REDIS_URL, '-c', '4', '--exit-when-empty'];
    const workers = [start(args, 20), start(args, 20)];
    procs.push(...workers);
    await until(async () => (await store.counts()).articles >= 40, '40 articles stored');
    await pgProxy.cut();
    await sleep(3000);
    assert.ok((await store.counts()).articles < arts.length, 'the workers finished before PostgreSQL went away');
    await pgProxy.restore();
    const codes = await withTimeout(Promise.all(workers.map((w) => w.exited)), 90_000, 'workers to drain the queue');
    assert.deepEqual(codes, [0, 0], workers.map((w) => w.err()).join('\n'));
    assert.match(workers.map((w) => w.err()).join('\n'), /PostgreSQL.*retrying with backoff/);
    await assertExactlyOnce(db, arts);
    const conn = redisConnection(REDIS_URL);
    const dead = new Queue(deadLetterName(queue), { connection: conn });
    assert.equal(await dead.count(), 0);
    await dead.close();
    conn.disconnect();
  });

  test('PostgreSQL away during dyad ingest: it waits with backoff and finishes, every article once', async () => {
    const pgProxy = await proxy(PG_URL);
    const { db } = freshDb();
    const store = await storeAt(db);
    const viaProxy = `${pgProxy.url(PG_URL).replace(/\?.*$/, '')}${new URL(db).search}`;
    const ing = start(['ingest', join(dir, 'corpus'), '--db', viaProxy, '-j', '1', '--commit-size', '8'], 15);
    procs.push(ing);
    await until(async () => (await store.counts()).articles >= 30, '30 articles stored');
    await pgProxy.cut();
    await sleep(2500);
    assert.ok((await store.counts()).articles < arts.length, 'ingest finished before PostgreSQL went away');
    await pgProxy.restore();
    assert.equal(await withTimeout(ing.exited, 90_000, 'ingest to finish'), 0, ing.err());
    assert.match(ing.err(), /retrying in/);
    assert.match(ing.err(), /150 coded \(150 new, 0 replaced\), 0 unchanged, 0 failed/);
    await assertExactlyOnce(db, arts);
  });
});
