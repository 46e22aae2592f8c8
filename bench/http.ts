// HTTP load bench: a 100,000-article store (real PolNeAR texts from ../shared/data, coded once,
// then re-dated, shuffled and with actor countries rotated, so dyads and years spread out; cached
// in build/ because it takes minutes), served by `buildServer` in a child process on loopback, hit
// by autocannon. Reports requests/s and latency percentiles for filtered searches and dyad
// aggregates against the targets (p99 < 100 ms search, < 300 ms yearly dyad aggregate).
// Usage: node dist/bench/http.js [--articles N] [--seconds S] [--connections C] [--db PATH] [--rebuild]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { contentHash } from '../src/ingest/hash.js';
import { loadCoder } from '../src/ingest/coder.js';
import { BUILD_DIR, SHARED_DIR } from '../src/paths.js';
import { migrateKeys } from '../src/server/keys.js';
import { LATEST_MIGRATION } from '../src/store/migrations.js';
import { openStore, type StoredArticle } from '../src/store/store.js';
import type { Analysis, Article, EventActor } from '../src/types.js';
import { polnear } from './corpora.js';
import { renderHttpMarkdown } from './report.js';

export interface HttpBenchOptions {
  articles?: number;
  seconds?: number;
  connections?: number;
  /** Store file (default build/bench-http-<N>.sqlite); built if missing or of an older (or other) schema. */
  db?: string;
  rebuild?: boolean;
  log?: (msg: string) => void;
}

export interface HttpScenario {
  name: string;
  path: string;
  /** p99 target in ms, or null. */
  targetP99: number | null;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** Server process CPU time (user + system) per request, ms: less sensitive to a busy machine than latency. */
  cpuMsPerRequest: number | null;
}

export interface HttpBenchResult {
  articles: number;
  events: number;
  dbBytes: number;
  buildSeconds: number | null;
  seconds: number;
  connections: number;
  /** os.loadavg() when the load run started (the machine may be shared), and the core count. */
  loadAverage: number[];
  cores: number;
  scenarios: HttpScenario[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Countries rotated among each other in re-dated copies, so many dyads get traffic.
const ROTATE = ['USA', 'RUS', 'ARM', 'AZE', 'UKR', 'CHN', 'IRN', 'ISR', 'PSE', 'SYR', 'TUR', 'GBR', 'FRA', 'DEU', 'MEX',
  'IRQ', 'AFG', 'PAK', 'IND', 'PRK', 'KOR', 'JPN', 'SAU', 'EGY', 'LBY', 'NGA', 'ETH', 'SDN', 'VEN', 'COL', 'BRA', 'CUB'];

const DAY = 86_400_000;
const START = Date.UTC(2015, 0, 1);
const SPAN_DAYS = 10 * 365;

function shiftDate(d: string, deltaDays: number): string {
  if (d.length === 10) return new Date(Date.parse(`${d}T00:00:00Z`) + deltaDays * DAY).toISOString().slice(0, 10);
  const base = d.length === 7 ? `${d}-15` : `${d}-07-01`;
  const s = new Date(Date.parse(`${base}T00:00:00Z`) + deltaDays * DAY).toISOString();
  return d.length === 7 ? s.slice(0, 7) : s.slice(0, 4);
}

function remapActor(a: EventActor, map: Map<string, string>): EventActor {
  if (!a.country || !map.has(a.country)) return a;
  const c = map.get(a.country)!;
  return { ...a, country: c, code: a.code ? c + a.code.slice(3) : c };
}

function variant(template: { article: Article; analysis: Analysis }, i: number, rnd: () => number): StoredArticle {
  const date = new Date(START + Math.floor(rnd() * SPAN_DAYS) * DAY).toISOString().slice(0, 10);
  const delta = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${template.article.date}T00:00:00Z`)) / DAY);
  const rot = i % 8 === 0 ? 0 : Math.floor(rnd() * ROTATE.length);
  const map = new Map(ROTATE.map((c, k) => [c, ROTATE[(k + rot) % ROTATE.length]!]));
  const id = `bench-${i}`;
  const article: Article = { ...template.article, id, date };
  const analysis: Analysis = {
    ...template.analysis,
    article: { ...template.analysis.article, id, date },
    events: template.analysis.events.map((e) => ({
      ...e,
      article_id: id,
      date: Number.isFinite(delta) ? shiftDate(e.date, delta) : date,
      source: remapActor(e.source, map),
      target: e.target ? remapActor(e.target, map) : null,
    })),
  };
  return { article, hash: contentHash(article), analysis };
}

/** Build the synthetic store (coding the real texts once, then writing re-dated copies). */
export async function buildBenchStore(path: string, n: number, log: (m: string) => void): Promise<number> {
  const t0 = performance.now();
  const code = await loadCoder();
  const templates = polnear(SHARED_DIR).read().map((article) => ({ article, analysis: code(article) }));
  log(`coded ${templates.length} PolNeAR articles in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const tmp = `${path}.partial`;
  rmSync(tmp, { force: true });
  rmSync(`${tmp}-wal`, { force: true });
  rmSync(`${tmp}-shm`, { force: true });
  const store = await openStore(tmp);
  const rnd = mulberry32(20210824);
  const order = templates.map((_, i) => i);
  const BATCH = 1000;
  for (let i = 0; i < n; i += BATCH) {
    const batch: StoredArticle[] = [];
    for (let j = i; j < Math.min(n, i + BATCH); j++) {
      if (j % templates.length === 0) {
        for (let k = order.length - 1; k > 0; k--) { const r = Math.floor(rnd() * (k + 1)); [order[k], order[r]] = [order[r]!, order[k]!]; }
      }
      batch.push(variant(templates[order[j % templates.length]!]!, j, rnd));
    }
    await store.putAnalyses(batch);
    if ((i / BATCH) % 10 === 9) log(`stored ${i + BATCH} articles (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await migrateKeys(store.db); // the server's query indexes
  store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  store.sqlite?.exec('analyze');
  await store.close();
  renameSync(tmp, path);
  return (performance.now() - t0) / 1000;
}

/**
 * The newest store migration a cached bench store has run (null: no store there, or none readable).
 * A cache whose schema is not the current one is rebuilt, so what is measured is a store as the
 * current code writes it (indexes, planner statistics), not an older one patched by migrations.
 */
async function cachedSchema(path: string): Promise<string | null> {
  if (!existsSync(path)) return null;
  try {
    const store = await openStore(path, { readonly: true });
    try {
      const row = store.sqlite?.prepare('select max(name) as name from kysely_migration').get() as { name: string | null } | undefined;
      return row?.name ?? null;
    } finally {
      await store.close();
    }
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc (null where there is none). */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th, in clock ticks (USER_HZ, 100 on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function startServer(db: string): Promise<{ url: string; pid: number | undefined; stop(): void }> {
  const entry = fileURLToPath(new URL('./http-server.js', import.meta.url));
  const child = spawn(process.execPath, [entry, db], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ url: line.trim(), pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

const SCENARIOS: { name: string; path: string; targetP99: number | null }[] = [
  { name: 'search: country + year + type, 50/page', path: '/api/events?country=RUS&from=2019-01-01&to=2019-12-31&type=CONSULT,ACCUSE,ASSAULT&limit=50', targetP99: 100 },
  { name: 'search: dyad + year, 50/page', path: '/api/events?source=RUS&target=UKR&from=2020-01-01&to=2020-12-31&limit=50', targetP99: 100 },
  { name: 'search: full text + year, 50/page', path: '/api/events?q=sanctions&from=2018-01-01&to=2018-12-31&limit=50', targetP99: 100 },
  { name: 'search: bbox (Middle East), 50/page', path: '/api/events?bbox=34,29,48,38&limit=50', targetP99: 100 },
  { name: 'aggregate: yearly dyad series by quad', path: '/api/aggregates/series?interval=year&source=RUS&target=ARM&by=quad', targetP99: 300 },
  { name: 'aggregate: monthly dyad series by quad', path: '/api/aggregates/series?interval=month&source=AZE&target=RUS&by=quad', targetP99: 300 },
];

export async function runHttpBench(opts: HttpBenchOptions = {}): Promise<HttpBenchResult> {
  const n = opts.articles ?? 100_000;
  const log = opts.log ?? ((m: string) => process.stderr.write(`bench http: ${m}\n`));
  const db = opts.db ?? join(BUILD_DIR, `bench-http-${n}.sqlite`);
  let buildSeconds: number | null = null;
  const schema = opts.rebuild ? null : await cachedSchema(db);
  if (schema !== LATEST_MIGRATION) {
    if (schema) log(`cached store has schema ${schema}, not ${LATEST_MIGRATION}: rebuilding`);
    log(`building ${n}-article store at ${db} (cached for later runs)`);
    buildSeconds = await buildBenchStore(db, n, log);
  }
  // The server's own migrations (API keys); planner statistics are refreshed when the search index
  // has none yet.
  const store = await openStore(db);
  await migrateKeys(store.db);
  const stat = store.sqlite?.prepare(`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`).get() as { n: number } | undefined;
  const fresh = stat?.n ? store.sqlite!.prepare(`select count(*) as n from sqlite_stat1 where idx = 'events_search'`).get() as { n: number } : { n: 0 };
  if (store.sqlite && fresh.n === 0) {
    log('analyzing the store (new indexes)');
    store.sqlite.exec('analyze');
  }
  const counts = await store.counts();
  store.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  const server = await startServer(db);
  const seconds = opts.seconds ?? 10;
  const connections = opts.connections ?? 10;
  const scenarios: HttpScenario[] = [];
  const loadAverage = loadavg();
  try {
    for (const s of SCENARIOS) {
      // A short warm-up so the page cache and prepared plans do not count against the first scenario.
      await autocannon({ url: server.url + s.path, connections: 2, amount: 20 });
      const cpu0 = cpuSeconds(server.pid);
      const r = await autocannon({ url: server.url + s.path, connections, duration: seconds });
      const cpu1 = cpuSeconds(server.pid);
      const cpuMsPerRequest = cpu0 !== null && cpu1 !== null && r.requests.total > 0 ? ((cpu1 - cpu0) * 1000) / r.requests.total : null;
      scenarios.push({
        name: s.name, path: s.path, targetP99: s.targetP99, requests: r.requests.total, rps: r.requests.average,
        p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx, errors: r.errors, cpuMsPerRequest,
      });
      log(`${s.name}: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, server CPU ${cpuMsPerRequest?.toFixed(2) ?? '?'} ms/request`);
    }
  } finally {
    server.stop();
  }
  return {
    articles: counts.articles, events: counts.events, dbBytes: statSync(db).size, buildSeconds, seconds, connections,
    loadAverage, cores: availableParallelism(), scenarios,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '100000' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      db: { type: 'string' },
      rebuild: { type: 'boolean' },
    },
  });
  const result = await runHttpBench({
    articles: Number(values.articles), seconds: Number(values.seconds), connections: Number(values.connections),
    ...(values.db ? { db: values.db } : {}), rebuild: values.rebuild === true,
  });
  process.stdout.write(renderHttpMarkdown(result));
}
