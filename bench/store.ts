// Store benchmark: ingest a synthetic corpus (real sentences from ../shared/data, re-dated and
// shuffled at run time, never copied into the project) with all cores into SQLite and into
// PostgreSQL, compared with pure coding speed on the same threads; then queue workers 1→2→4.
// `npm run bench` calls storeBench(); run alone it prints its Markdown section on stdout:
// Usage: node dist/bench/store.js [--articles N] [--queue-articles N] [--no-pg] [--no-queue]
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import pg from 'pg';
import { readFileArticles, readInputs } from '../src/article/read.js';
import { CoderPool } from '../src/ingest/pool.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_COMMIT_SIZE, defaultThreads, ingest, queueDepth } from '../src/ingest/ingest.js';
import { SHARED_DIR } from '../src/paths.js';
import { assertRedis, deadLetterName, redisConnection } from '../src/queue/connection.js';
import { articleQueue, enqueueArticles } from '../src/queue/producer.js';
import { openStore } from '../src/store/store.js';
import type { Article } from '../src/types.js';
import { renderStoreMarkdown } from './report.js';

const PG_URL = process.env.DYAD_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = process.env.DYAD_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const threads = defaultThreads();

export interface StoreBenchOptions {
  /** Articles in the ingest corpus (default 100,000). */
  articles?: number;
  /** Articles for each queue-scaling run (default 2,000). */
  queueArticles?: number;
  /** Also ingest into PostgreSQL (DYAD_TEST_PG); default true. */
  pg?: boolean;
  /** Queue workers 1→2→4 (Redis DYAD_TEST_REDIS, PostgreSQL); default true, needs pg. */
  queue?: boolean;
  log?: (msg: string) => void;
}

export interface IngestFigures {
  seconds: number;
  articlesPerSec: number;
  eventsPerSec: number;
  /** Peak RSS of the bench process so far (coding threads included), MB. */
  peakRssMb: number;
  /** Bad records and articles the coder failed on (the rates count stored articles only). */
  failed: number;
}

export interface StoreBenchResult {
  articles: number;
  threads: number;
  corpusBytes: number;
  /** Pure coding on the same threads (no store), over the first `articles` of the corpus. */
  coding: { articles: number; articlesPerSec: number; eventsPerSec: number; peakRssMb: number };
  sqlite: IngestFigures & { dbBytes: number; rss: RssSample[] };
  /** Re-ingesting the same corpus (every article unchanged). */
  sqliteReingest: { seconds: number; articlesPerSec: number };
  postgres: IngestFigures | null;
  queue: { articles: number; runs: { workers: number; articlesPerSec: number }[] } | null;
}

async function sentences(): Promise<string[]> {
  const out: string[] = [];
  for (const f of [join('corpus', 'GigaWord.sample.PETR.xml'), join('petrarch', 'PETR.UnitTest.records.xml')]) {
    for await (const r of readFileArticles(join(SHARED_DIR, 'data', f))) if (r.ok) out.push(r.article.text.replace(/\s+/g, ' ').trim());
  }
  if (out.length < 20) throw new Error(`bench: too few sentences under ${SHARED_DIR}/data`);
  return out;
}

/** A deterministic pseudo-random generator (so runs are comparable). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

async function writeCorpus(path: string, n: number, pool: string[], prefix: string): Promise<number> {
  const rand = rng(42);
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const k = 3 + Math.floor(rand() * 6);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(pool[Math.floor(rand() * pool.length)]!);
    const d = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const line = JSON.stringify({ id: `${prefix}-${i}`, date: d, text: parts.join(' ') }) + '\n';
    bytes += line.length;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  return bytes;
}

async function codingSpeed(file: string, limit: number): Promise<{ aps: number; eps: number }> {
  const pool = await CoderPool.start(threads);
  const batch: Article[][] = [];
  let cur: Article[] = [];
  let n = 0;
  for await (const r of readInputs([file])) {
    if (!r.ok) continue;
    cur.push(r.article);
    if (cur.length === DEFAULT_BATCH_SIZE) { batch.push(cur); cur = []; }
    if (++n >= limit) break;
  }
  if (cur.length) batch.push(cur);
  const t = performance.now();
  let events = 0;
  const inflight = new Set<Promise<void>>();
  for (const b of batch) {
    // As deep as ingest keeps it.
    while (inflight.size >= queueDepth(threads, DEFAULT_BATCH_SIZE, DEFAULT_COMMIT_SIZE)) await Promise.race(inflight);
    const p = pool.code(b).then((rs) => { for (const r of rs) if (r.ok) events += r.analysis.events.length; });
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }
  await Promise.all(inflight);
  const s = (performance.now() - t) / 1000;
  await pool.close();
  return { aps: n / s, eps: events / s };
}

/** Resident memory (this process, coding threads included) when each tenth of the corpus is done. */
export interface RssSample {
  articles: number;
  rssMb: number;
}

async function ingestInto(location: string, file: string, total = 0) {
  const store = await openStore(location);
  const samples: RssSample[] = [];
  let next = total > 0 ? Math.ceil(total / 10) : Infinity;
  const onProgress = (st: { inserted: number; replaced: number; unchanged: number; failed: number }) => {
    const done = st.inserted + st.replaced + st.unchanged + st.failed;
    if (done < next) return;
    samples.push({ articles: done, rssMb: process.memoryUsage().rss / 1048576 });
    next += Math.ceil(total / 10);
  };
  const t = performance.now();
  const stats = await ingest(readInputs([file]), store, { threads, onProgress });
  const s = (performance.now() - t) / 1000;
  await store.close();
  return { stats, secs: s, aps: (stats.inserted + stats.replaced) / s, eps: stats.events / s, samples };
}

/**
 * Queue throughput with `workers` worker processes (default concurrency) writing to PostgreSQL.
 * The workers are started and ready (knowledge loaded, waiting on the empty queue) before the
 * clock starts, so the figure is their steady rate rather than their start-up; it stops when no
 * job is left waiting or active (a job completes after its article is committed), then the
 * workers get SIGTERM.
 */
async function queueScaling(file: string, workers: number, schema: string, articles: number): Promise<number> {
  const queue = `dyadbench_${process.pid}_${workers}`;
  const conn = redisConnection(REDIS_URL);
  await assertRedis(conn, REDIS_URL);
  const q = articleQueue(queue, conn);
  const db = `${PG_URL}?schema=${schema}_${workers}`;
  await (await openStore(db)).close(); // migrate before the workers start
  const worker = fileURLToPath(new URL('../src/cli/worker.js', import.meta.url));
  let ready = 0;
  let gone = 0;
  const children = Array.from({ length: workers }, () => {
    const c = spawn(process.execPath, ['--input-type=module', '-e',
      `const m = await import(${JSON.stringify(worker)}); process.exitCode = await m.runWorker(process.argv.slice(1));`,
      '--', '--db', db, '--queue', queue, '--redis', REDIS_URL], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr!.on('data', (b: Buffer) => { err += String(b); if (/taking articles from queue/.test(String(b))) ready++; });
    const exited = new Promise<void>((res) => c.on('exit', () => { gone++; res(); }));
    return { c, exited, err: () => err };
  });
  while (ready < workers) {
    if (gone > 0) throw new Error(`bench: a queue worker exited early:\n${children.map((x) => x.err()).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const t = performance.now();
  await enqueueArticles(readInputs([file]), q, {});
  for (;;) {
    const left = await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    if (Object.values(left).reduce((x, y) => x + y, 0) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const secs = (performance.now() - t) / 1000;
  for (const { c } of children) c.kill('SIGTERM');
  const stuck = setTimeout(() => {
    for (const x of children) {
      if (x.c.exitCode !== null || x.c.signalCode !== null) continue;
      process.stderr.write(`bench: worker ${x.c.pid} did not stop 30 s after SIGTERM; killing it:\n${x.err()}\n`);
      x.c.kill('SIGKILL');
    }
  }, 30_000);
  await Promise.all(children.map((x) => x.exited));
  clearTimeout(stuck);
  for (const name of [queue, deadLetterName(queue)]) {
    const qq = new Queue(name, { connection: conn });
    await qq.obliterate({ force: true }).catch(() => undefined);
    await qq.close();
  }
  await q.close();
  conn.disconnect();
  return articles / secs;
}

async function dropSchemas(prefix: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  const r = await c.query(`select nspname from pg_namespace where nspname like $1`, [`${prefix}%`]);
  for (const row of r.rows) await c.query(`drop schema "${row.nspname}" cascade`);
  await c.end();
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Run the store benchmark: pure coding, SQLite ingest and re-ingest, PostgreSQL, queue scaling. */
export async function storeBench(options: StoreBenchOptions = {}): Promise<StoreBenchResult> {
  const n = options.articles ?? 100_000;
  const nq = options.queueArticles ?? 2000;
  const withPg = options.pg !== false;
  const withQueue = withPg && options.queue !== false;
  const log = options.log ?? ((m: string) => process.stderr.write(`bench store: ${m}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const schema = `dyad_bench_${process.pid}`;
  try {
    const pool = await sentences();
    const file = join(dir, 'corpus.jsonl');
    const corpusBytes = await writeCorpus(file, n, pool, 'b');
    const codingN = Math.min(n, 10_000);
    log(`coding ${codingN} articles on ${threads} threads (no store)`);
    const pure = await codingSpeed(file, codingN);
    const coding = { articles: codingN, articlesPerSec: pure.aps, eventsPerSec: pure.eps, peakRssMb: peakRssMb() };
    log(`ingesting ${n} articles into SQLite`);
    const sqlitePath = join(dir, 'bench.sqlite');
    const s = await ingestInto(sqlitePath, file, n);
    const dbBytes = statSync(sqlitePath).size + (() => { try { return statSync(`${sqlitePath}-wal`).size; } catch { return 0; } })();
    const sqlite = { seconds: s.secs, articlesPerSec: s.aps, eventsPerSec: s.eps, peakRssMb: peakRssMb(), failed: s.stats.failed, dbBytes, rss: s.samples };
    log('re-ingesting into SQLite (all unchanged)');
    const again = await ingestInto(sqlitePath, file);
    const sqliteReingest = { seconds: again.secs, articlesPerSec: again.stats.unchanged / again.secs };
    rmSync(sqlitePath, { force: true });
    let postgres: IngestFigures | null = null;
    if (withPg) {
      log(`ingesting ${n} articles into PostgreSQL`);
      const p = await ingestInto(`${PG_URL}?schema=${schema}`, file);
      postgres = { seconds: p.secs, articlesPerSec: p.aps, eventsPerSec: p.eps, peakRssMb: peakRssMb(), failed: p.stats.failed };
    }
    let queue: StoreBenchResult['queue'] = null;
    if (withQueue) {
      const qfile = join(dir, 'queue.jsonl');
      await writeCorpus(qfile, nq, pool, 'q');
      const runs: { workers: number; articlesPerSec: number }[] = [];
      for (const w of [1, 2, 4]) {
        log(`queue: ${nq} articles, ${w} worker(s)`);
        runs.push({ workers: w, articlesPerSec: await queueScaling(qfile, w, `${schema}_q`, nq) });
      }
      queue = { articles: nq, runs };
    }
    return { articles: n, threads, corpusBytes, coding, sqlite, sqliteReingest, postgres, queue };
  } finally {
    if (withPg) await dropSchemas(schema).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: process.env.DYAD_BENCH_ARTICLES ?? '100000' },
      'queue-articles': { type: 'string', default: '2000' },
      'no-pg': { type: 'boolean' },
      'no-queue': { type: 'boolean' },
    },
  });
  const result = await storeBench({
    articles: Number(values.articles), queueArticles: Number(values['queue-articles']),
    pg: !values['no-pg'], queue: !values['no-queue'],
  });
  process.stdout.write(renderStoreMarkdown(result));
}
