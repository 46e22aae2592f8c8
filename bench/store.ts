// Store benchmark: ingest a synthetic corpus (real sentences from ../shared/data, re-dated and
// shuffled at run time, never copied into the project) with all cores into SQLite and into
// PostgreSQL, compared with pure coding speed on the same threads; then queue workers 1→2→4.
// Usage: node dist/bench/store.js [--articles N] [--queue-articles N] [--no-pg] [--no-queue]
// Prints a Markdown report (for BENCHMARKS.md) on stdout.
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
import { defaultThreads, ingest } from '../src/ingest/ingest.js';
import { SHARED_DIR } from '../src/paths.js';
import { assertRedis, deadLetterName, redisConnection } from '../src/queue/connection.js';
import { articleQueue, enqueueArticles } from '../src/queue/producer.js';
import { openStore } from '../src/store/store.js';
import type { Article } from '../src/types.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: process.env.DYAD_BENCH_ARTICLES ?? '100000' },
    'queue-articles': { type: 'string', default: '3000' },
    'no-pg': { type: 'boolean' },
    'no-queue': { type: 'boolean' },
  },
});
const N = Number(values.articles);
const NQ = Number(values['queue-articles']);
const PG_URL = process.env.DYAD_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test';
const REDIS_URL = process.env.DYAD_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const threads = defaultThreads();

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

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const rssMb = () => mb(process.resourceUsage().maxRSS * 1024);

async function codingSpeed(file: string, limit: number): Promise<{ aps: number; eps: number }> {
  const pool = await CoderPool.start(threads);
  const batch: Article[][] = [];
  let cur: Article[] = [];
  let n = 0;
  for await (const r of readInputs([file])) {
    if (!r.ok) continue;
    cur.push(r.article);
    if (cur.length === 8) { batch.push(cur); cur = []; }
    if (++n >= limit) break;
  }
  if (cur.length) batch.push(cur);
  const t = performance.now();
  let events = 0;
  const inflight = new Set<Promise<void>>();
  for (const b of batch) {
    while (inflight.size >= threads * 4) await Promise.race(inflight);
    const p = pool.code(b).then((rs) => { for (const r of rs) if (r.ok) events += r.analysis.events.length; });
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  }
  await Promise.all(inflight);
  const s = (performance.now() - t) / 1000;
  await pool.close();
  return { aps: n / s, eps: events / s };
}

async function ingestInto(location: string, file: string) {
  const store = await openStore(location);
  const t = performance.now();
  const stats = await ingest(readInputs([file]), store, { threads });
  const s = (performance.now() - t) / 1000;
  await store.close();
  return { stats, secs: s, aps: (stats.inserted + stats.replaced) / s, eps: stats.events / s };
}

async function queueScaling(file: string, workers: number, schema: string): Promise<number> {
  const queue = `dyadbench_${process.pid}_${workers}`;
  const conn = redisConnection(REDIS_URL);
  await assertRedis(conn, REDIS_URL);
  const q = articleQueue(queue, conn);
  await enqueueArticles(readInputs([file]), q, {});
  const db = `${PG_URL}?schema=${schema}_${workers}`;
  (await openStore(db)).close(); // migrate before the workers start
  const worker = fileURLToPath(new URL('../src/cli/worker.js', import.meta.url));
  const t = performance.now();
  const procs = Array.from({ length: workers }, () => new Promise<number | null>((res) => {
    const c = spawn(process.execPath, ['--input-type=module', '-e',
      `const m = await import(${JSON.stringify(worker)}); process.exitCode = await m.runWorker(process.argv.slice(1));`,
      '--', '--db', db, '--queue', queue, '--redis', REDIS_URL, '--exit-when-empty', '-q', '-c', '2'], { stdio: 'inherit' });
    c.on('exit', res);
  }));
  await Promise.all(procs);
  const secs = (performance.now() - t) / 1000;
  for (const name of [queue, deadLetterName(queue)]) {
    const qq = new Queue(name, { connection: conn });
    await qq.obliterate({ force: true }).catch(() => undefined);
    await qq.close();
  }
  await q.close();
  conn.disconnect();
  return NQ / secs;
}

async function dropSchemas(prefix: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  const r = await c.query(`select nspname from pg_namespace where nspname like $1`, [`${prefix}%`]);
  for (const row of r.rows) await c.query(`drop schema "${row.nspname}" cascade`);
  await c.end();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const schema = `dyad_bench_${process.pid}`;
  const lines: string[] = [`## Store benchmark (${N.toLocaleString('en-US')} articles, ${threads} coding threads)`, ''];
  try {
    const pool = await sentences();
    const file = join(dir, 'corpus.jsonl');
    const bytes = await writeCorpus(file, N, pool, 'b');
    lines.push(`Corpus: ${mb(bytes)} of JSON lines (3-8 real sentences per article, re-dated and shuffled).`, '');
    const pure = await codingSpeed(file, Math.min(N, 20_000));
    lines.push('| run | articles/s | events/s | time | DB size | peak RSS |', '|---|---|---|---|---|---|');
    lines.push(`| coding only (no store), ${Math.min(N, 20_000)} articles | ${pure.aps.toFixed(0)} | ${pure.eps.toFixed(0)} | | | ${rssMb()} |`);
    const sqlitePath = join(dir, 'bench.sqlite');
    const s = await ingestInto(sqlitePath, file);
    const size = statSync(sqlitePath).size + (() => { try { return statSync(`${sqlitePath}-wal`).size; } catch { return 0; } })();
    lines.push(`| SQLite ingest | ${s.aps.toFixed(0)} | ${s.eps.toFixed(0)} | ${s.secs.toFixed(1)} s | ${mb(size)} | ${rssMb()} |`);
    const resumed = await ingestInto(sqlitePath, file);
    lines.push(`| SQLite re-ingest (all unchanged) | ${(resumed.stats.unchanged / resumed.secs).toFixed(0)} | | ${resumed.secs.toFixed(1)} s | | ${rssMb()} |`);
    if (!values['no-pg']) {
      const p = await ingestInto(`${PG_URL}?schema=${schema}`, file);
      lines.push(`| PostgreSQL ingest | ${p.aps.toFixed(0)} | ${p.eps.toFixed(0)} | ${p.secs.toFixed(1)} s | | ${rssMb()} |`);
    }
    lines.push('', `SQLite ingest / pure coding: ${(pure.aps / s.aps).toFixed(2)}× slower (target ≤ 1.5×).`);
    if (!values['no-queue'] && !values['no-pg']) {
      const qfile = join(dir, 'queue.jsonl');
      await writeCorpus(qfile, NQ, pool, 'q');
      lines.push('', `Queue workers (${NQ} articles, PostgreSQL, 2 jobs per worker):`, '', '| workers | articles/s |', '|---|---|');
      for (const w of [1, 2, 4]) lines.push(`| ${w} | ${(await queueScaling(qfile, w, `${schema}_q`)).toFixed(0)} |`);
    }
  } finally {
    if (!values['no-pg']) await dropSchemas(schema).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(lines.join('\n') + '\n');
}

await main();
