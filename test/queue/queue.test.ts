// The queue with real Redis and PostgreSQL: several worker processes, one killed with SIGKILL
// mid-run and PostgreSQL connections cut mid-run, and still every article stored exactly once;
// poisoned articles in the dead-letter queue; SIGTERM finishing the current job.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { assertRedis, deadLetterName, redisConnection } from '../../src/queue/connection.js';
import { openStore, type Store } from '../../src/store/store.js';
import { PG_URL, REDIS_URL, assertPostgres, uniqueName } from '../store/backends.js';
import { expectedEvents, writeCorpus } from '../ingest/corpus.js';
import { fakeAnalysis } from '../store/fixtures.js';
import type { Article } from '../../src/types.js';
import { start, type Proc } from './processes.js';
import { until, withTimeout } from '../helpers/wait.js';

async function run(args: string[]): Promise<{ code: number | null; err: string }> {
  const p = start(args, 0);
  const code = await p.exited;
  return { code, err: p.err() };
}

describe('queue: enqueue + several workers + PostgreSQL', () => {
  const schema = uniqueName('dyad_q');
  const db = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  const queues: string[] = [];
  let dir: string;
  let store: Store;
  const procs: Proc[] = [];

  before(async () => {
    await assertPostgres();
    const r = redisConnection(REDIS_URL);
    try { await assertRedis(r, REDIS_URL); } finally { r.disconnect(); }
    dir = mkdtempSync(join(tmpdir(), 'dyad-queue-'));
    store = await openStore(db); // migrate once up front
  });

  after(async () => {
    for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await store?.close();
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
    await c.query(`drop schema if exists "${schema}" cascade`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  });

  test('3 workers, one killed with SIGKILL, database connections cut: every article once', async () => {
    const queue = uniqueName('dyadq');
    queues.push(queue);
    const arts = await writeCorpus(join(dir, 'corpus'), 200);
    writeFileSync(join(dir, 'corpus', 'poison.jsonl'),
      '{"id":"poison-1","date":"2021-01-01","text":"POISON one."}\n{"id":"poison-2","date":"2021-01-01","text":"POISON two."}\n');
    const q = await run(['enqueue', join(dir, 'corpus'), '--queue', queue, '--redis', REDIS_URL, '--attempts', '6', '--backoff', '200']);
    assert.equal(q.code, 0, q.err);
    assert.match(q.err, /enqueued 202 articles/);
    // enqueuing again while they wait adds nothing
    assert.equal((await run(['enqueue', join(dir, 'corpus'), '--queue', queue, '--redis', REDIS_URL, '-q'])).code, 0);

    const args = ['worker', '--db', db, '--queue', queue, '--redis', REDIS_URL, '--lock-ms', '2000', '-c', '2', '--exit-when-empty'];
    const workers = [0, 1, 2].map(() => start(args, 25));
    procs.push(...workers);
    await until(async () => (await store.counts()).articles >= 40, '40 articles stored');
    workers[0]!.child.kill('SIGKILL');
    // PostgreSQL "goes away" for the other workers: their connections are terminated mid-run.
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await until(async () => (await store.counts()).articles >= 80, '80 articles stored');
    const cut = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1`, [`dyad:${schema}`]);
    await admin.end();
    assert.ok(cut.rowCount! >= 1, 'no worker connection to cut');

    const codes = await withTimeout(Promise.all([workers[1]!.exited, workers[2]!.exited]), 90_000, 'workers to drain the queue');
    assert.deepEqual(codes, [0, 0], workers.map((w) => w.err()).join('\n'));
    assert.equal(await workers[0]!.exited, null);

    const fresh = await openStore(db, { readonly: true });
    try {
      assert.deepEqual(await fresh.counts(), { articles: 200, events: expectedEvents(arts) });
      const per = await fresh.db.selectFrom('events').select(['article_id']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('article_id').execute();
      const byId = new Map<string, Article>(arts.map((a) => [a.id, a]));
      for (const r of per) assert.equal(Number(r.n), fakeAnalysis(byId.get(r.article_id)!).events.length);
      assert.equal(per.length, 200);
    } finally {
      await fresh.close();
    }
    const conn = redisConnection(REDIS_URL);
    const dead = new Queue(deadLetterName(queue), { connection: conn });
    const letters = await dead.getJobs(['waiting']);
    assert.deepEqual(letters.map((j) => j.data.article.id).sort(), ['poison-1', 'poison-2']);
    for (const l of letters) assert.match(l.data.reason, /poisoned article/);
    await dead.close();
    // dead letters can be put back (here they fail again, and come back to the dead-letter queue)
    const rq = await run(['enqueue', '--requeue-dead', '--queue', queue, '--redis', REDIS_URL]);
    assert.equal(rq.code, 0, rq.err);
    assert.match(rq.err, /moved 2 dead letters/);
    const main = new Queue(queue, { connection: conn });
    assert.equal(await main.getWaitingCount(), 2);
    await main.close();
    conn.disconnect();
  });

  test('SIGTERM: the worker finishes its current job, the rest stay queued', async () => {
    const queue = uniqueName('dyadq');
    queues.push(queue);
    const arts = await writeCorpus(join(dir, 'term'), 6);
    assert.equal((await run(['enqueue', join(dir, 'term'), '--queue', queue, '--redis', REDIS_URL, '-q'])).code, 0);
    const before = (await store.counts()).articles;
    const w = start(['worker', '--db', db, '--queue', queue, '--redis', REDIS_URL, '-c', '1'], 800);
    procs.push(w);
    await until(async () => /taking articles/.test(w.err()), 'the worker to start');
    await new Promise((r) => setTimeout(r, 400)); // now mid-way through coding its first job
    w.child.kill('SIGTERM');
    assert.equal(await withTimeout(w.exited, 15_000, 'worker exit'), 0, w.err());
    assert.match(w.err(), /SIGTERM: finishing the jobs in progress/);
    const stored = (await store.counts()).articles - before;
    assert.ok(stored >= 1 && stored < arts.length, `stored ${stored}`);
    const conn = redisConnection(REDIS_URL);
    const main = new Queue(queue, { connection: conn });
    const left = await main.getJobCounts('waiting', 'active', 'delayed');
    assert.equal(left.waiting + left.delayed, arts.length - stored);
    assert.equal(left.active, 0);
    await main.close();
    conn.disconnect();
  });
});
