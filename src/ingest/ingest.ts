// Ingestion: read articles, skip those already stored with the same content hash, code the rest
// in parallel on worker threads, and commit the results in batches (one transaction each) on this
// thread while the coding threads go on with the batches queued to them. Every article is committed
// whole or not at all, so a run killed at any point is finished by running it again; memory stays
// flat because reading waits while too much work is in flight. A PostgreSQL server that goes away
// is waited for with backoff.
import { availableParallelism } from 'node:os';
import type { ReadResult } from '../article/result.js';
import type { Store, StoredArticle } from '../store/store.js';
import type { Article } from '../types.js';
import { contentHash } from './hash.js';
import { CoderPool } from './pool.js';
import { withStoreRetry, type RetryOptions } from './retry.js';

export interface IngestOptions {
  /** Coding threads; default: all cores but one (at least 1). 0 codes on the main thread. */
  threads?: number;
  /** Articles per message to a thread. Default 8. */
  batchSize?: number;
  /** Articles per transaction. Default 256. */
  commitSize?: number;
  /** Re-code articles even when their content is unchanged. */
  force?: boolean;
  /** Stop reading when aborted; what is already being coded is still committed. */
  signal?: AbortSignal;
  /** A bad input record or an article the coder failed on. */
  onError?: (record: string, reason: string) => void;
  /** Called after each commit and each skip check with the running totals. */
  onProgress?: (stats: IngestStats) => void;
  /** An already started pool (kept open); otherwise one is started and closed here. */
  pool?: CoderPool;
  /**
   * PostgreSQL: how to wait for a server that went away (retried with backoff, default up to two
   * minutes). SQLite is not retried: its busy timeout is the wait for another writer's lock.
   */
  storeRetry?: RetryOptions;
}

export interface IngestStats {
  /** Articles read from the inputs (good records). */
  read: number;
  inserted: number;
  replaced: number;
  /** Already stored with the same content (or superseded by a later copy in the same run). */
  unchanged: number;
  /** Bad input records plus articles the coder failed on. */
  failed: number;
  /** Events in the inserted and replaced articles. */
  events: number;
  elapsedMs: number;
  /** True if the run stopped early because of the abort signal. */
  aborted: boolean;
  /** Fraction of the run the coding threads spent coding (1: never waiting for input or the store). */
  coderBusy: number;
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

const CHECK_SIZE = 512;
/** Articles per message to a coding thread, and per store transaction, unless the options say otherwise. */
export const DEFAULT_BATCH_SIZE = 8;
export const DEFAULT_COMMIT_SIZE = 256;

/**
 * Batches queued to the coding threads at most. A commit holds the main thread while it writes
 * `commitSize` articles, and each thread needs more than that much work queued so it never waits
 * for the main thread: two commits' worth per thread (at least 16 batches). Measured on the bench
 * corpus with one thread: 16 batches kept the coder busy 75% of the time, 64 batches 88%.
 */
export function queueDepth(threads: number, batchSize: number, commitSize: number): number {
  return Math.max(4, threads * Math.max(16, Math.ceil((2 * commitSize) / batchSize)));
}

export async function ingest(inputs: AsyncIterable<ReadResult>, store: Store, options: IngestOptions = {}): Promise<IngestStats> {
  const started = Date.now();
  const threads = options.threads ?? defaultThreads();
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const commitSize = Math.max(1, options.commitSize ?? DEFAULT_COMMIT_SIZE);
  const maxInflight = queueDepth(threads, batchSize, commitSize);
  const stats: IngestStats = { read: 0, inserted: 0, replaced: 0, unchanged: 0, failed: 0, events: 0, elapsedMs: 0, aborted: false, coderBusy: 0 };
  const report = options.onError ?? (() => undefined);
  const retry: RetryOptions = store.dialect === 'postgres' ? options.storeRetry ?? {} : { retryable: () => false };
  const progress = () => { stats.elapsedMs = Date.now() - started; options.onProgress?.(stats); };

  const pool = options.pool ?? await CoderPool.start(threads);
  pool.resetUtilization();
  const inflight = new Set<Promise<void>>();
  // The newest dispatch of each article id being coded: an older copy finishing later is dropped.
  const latest = new Map<string, number>();
  let seq = 0;
  let checkBuf: Article[] = [];
  let writeBuf: (StoredArticle & { seq: number })[] = [];
  let writing: Promise<void> = Promise.resolve();
  let fatal: unknown = null;

  const flush = (): Promise<void> => {
    if (writeBuf.length === 0) return writing;
    const batch = writeBuf;
    writeBuf = [];
    writing = writing.then(async () => {
      if (fatal) return;
      try {
        const statuses = await withStoreRetry(() => store.putAnalyses(batch), retry);
        statuses.forEach((s, i) => {
          const it = batch[i]!;
          if (s === 'inserted') { stats.inserted++; stats.events += it.analysis.events.length; }
          else if (s === 'replaced') { stats.replaced++; stats.events += it.analysis.events.length; }
          else stats.unchanged++;
        });
      } catch (e) {
        fatal = e;
      }
      for (const it of batch) if (latest.get(it.article.id) === it.seq) latest.delete(it.article.id);
      progress();
    });
    return writing;
  };
  const timer = setInterval(() => { void flush(); }, 1000);
  timer.unref();

  const dispatch = async (articles: { article: Article; hash: string; seq: number }[]) => {
    while (inflight.size >= maxInflight) await Promise.race(inflight);
    const p = pool.code(articles.map((x) => x.article)).then(async (results) => {
      results.forEach((r, i) => {
        const x = articles[i]!;
        if (!r.ok) { stats.failed++; report(x.article.id, `coding failed: ${r.reason}`); return; }
        if (latest.get(x.article.id) !== x.seq) { stats.unchanged++; return; }
        writeBuf.push({ article: x.article, hash: x.hash, analysis: r.analysis, seq: x.seq });
      });
      if (writeBuf.length >= commitSize || inflight.size <= 1) await flush();
    });
    const tracked = p.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };

  const check = async () => {
    if (checkBuf.length === 0) return;
    const batch = checkBuf;
    checkBuf = [];
    const hashed = batch.map((article) => ({ article, hash: contentHash(article), seq: 0 }));
    const stored = options.force ? new Map<string, string>() : await withStoreRetry(() => store.hashesOf(hashed.map((h) => h.article.id)), retry);
    const todo = [];
    for (const h of hashed) {
      if (stored.get(h.article.id) === h.hash) { stats.unchanged++; continue; }
      h.seq = ++seq;
      latest.set(h.article.id, h.seq);
      todo.push(h);
    }
    progress();
    for (let i = 0; i < todo.length; i += batchSize) {
      if (fatal) return;
      // A signal during a long check stops dispatching; what is in flight still gets committed.
      if (options.signal?.aborted) { stats.aborted = true; return; }
      await dispatch(todo.slice(i, i + batchSize));
    }
  };

  try {
    for await (const r of inputs) {
      if (fatal) break;
      if (options.signal?.aborted) { stats.aborted = true; break; }
      if (!r.ok) { stats.failed++; report(r.record, r.reason); continue; }
      stats.read++;
      checkBuf.push(r.article);
      if (checkBuf.length >= CHECK_SIZE || (inflight.size === 0 && checkBuf.length >= batchSize * threads)) await check();
    }
    if (!fatal && !stats.aborted) await check();
    while (inflight.size > 0) await Promise.race(inflight);
    await flush();
    await writing;
    stats.coderBusy = pool.utilization();
  } finally {
    clearInterval(timer);
    if (!options.pool) await pool.close();
  }
  if (fatal) throw fatal;
  stats.elapsedMs = Date.now() - started;
  return stats;
}
