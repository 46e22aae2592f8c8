// Put articles on the queue. A job's id is derived from the article's content hash, so enqueuing
// the same article twice while it waits adds it once; a changed article gets a new job.
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReadResult } from '../article/result.js';
import { contentHash } from '../ingest/hash.js';
import type { Article } from '../types.js';

export interface ArticleJob {
  article: Article;
  hash: string;
}

export interface EnqueueOptions {
  /** Tries per article before it goes to the dead-letter queue. Default 5. */
  attempts?: number;
  /** First retry delay in ms, doubled each time. Default 2000. */
  backoffMs?: number;
  /** Jobs per round trip to Redis. Default 500. */
  batch?: number;
  onError?: (record: string, reason: string) => void;
  signal?: AbortSignal;
}

export interface EnqueueStats {
  enqueued: number;
  failed: number;
}

export function jobId(hash: string): string {
  return `a${hash}`;
}

export function articleQueue(name: string, connection: Redis): Queue<ArticleJob> {
  const q = new Queue<ArticleJob>(name, { connection });
  // Redis going away: ioredis reconnects and the commands wait (see connection.ts); without a
  // listener BullMQ would print every failed reconnection attempt.
  q.on('error', () => undefined);
  return q;
}

export async function enqueueArticles(inputs: AsyncIterable<ReadResult>, queue: Queue<ArticleJob>, options: EnqueueOptions = {}): Promise<EnqueueStats> {
  const stats: EnqueueStats = { enqueued: 0, failed: 0 };
  const batch = Math.max(1, options.batch ?? 500);
  const opts = {
    attempts: Math.max(1, options.attempts ?? 5),
    backoff: { type: 'exponential' as const, delay: options.backoffMs ?? 2000 },
    removeOnComplete: true,
    removeOnFail: { count: 10_000 },
  };
  let buf: { name: string; data: ArticleJob; opts: typeof opts & { jobId: string } }[] = [];
  const flush = async () => {
    if (buf.length === 0) return;
    await queue.addBulk(buf);
    stats.enqueued += buf.length;
    buf = [];
  };
  for await (const r of inputs) {
    if (options.signal?.aborted) break;
    if (!r.ok) { stats.failed++; options.onError?.(r.record, r.reason); continue; }
    const hash = contentHash(r.article);
    buf.push({ name: 'article', data: { article: r.article, hash }, opts: { ...opts, jobId: jobId(hash) } });
    if (buf.length >= batch) await flush();
  }
  await flush();
  return stats;
}

/** Move every dead letter back onto the queue (after fixing the cause). Returns how many. */
export async function requeueDeadLetters(queue: Queue<ArticleJob>, dead: Queue<ArticleJob & { reason?: string }>, options: EnqueueOptions = {}): Promise<number> {
  let moved = 0;
  for (;;) {
    const jobs = await dead.getJobs(['waiting', 'delayed', 'prioritized'], 0, 199);
    if (jobs.length === 0) return moved;
    for (const j of jobs) {
      const id = jobId(j.data.hash);
      await queue.remove(id).catch(() => 0); // the failed original still holds the id
      await queue.add('article', { article: j.data.article, hash: j.data.hash }, {
        jobId: id,
        attempts: Math.max(1, options.attempts ?? 5),
        backoff: { type: 'exponential', delay: options.backoffMs ?? 2000 },
        removeOnComplete: true,
        removeOnFail: { count: 10_000 },
      });
      await j.remove();
      moved++;
    }
  }
}
