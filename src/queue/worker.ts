// A queue worker: takes articles from the BullMQ queue, codes them and writes them to the store
// (PostgreSQL for several machines). The jobs in progress share database calls (group commit, see
// group-write.ts): the articles a worker codes while one transaction commits go in the next. The
// store write is idempotent, so a job run twice (a worker killed mid-job; its lock expires and
// another worker takes it) still stores the article once.
// Coding failures are final (the coder is deterministic) and go straight to the dead-letter
// queue; a store that is away is waited for with backoff, other store failures are retried by
// BullMQ with exponential backoff, then dead-lettered.
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CodeFn } from '../ingest/coder.js';
import { isTransient } from '../store/errors.js';
import type { PutStatus, Store } from '../store/store.js';
import { deadLetterName } from './connection.js';
import type { RetryOptions } from '../ingest/retry.js';
import { GroupWriter } from './group-write.js';
import type { ArticleJob } from './producer.js';

export const DEFAULT_CONCURRENCY = 32;

export interface QueueWorkerOptions {
  queue: string;
  connection: Redis;
  store: Store;
  code: CodeFn;
  /** Jobs in progress at once (coding is synchronous; more overlaps database waits and lets
   * writes be grouped: the jobs coded while a write is in progress share the next one). Default 32. */
  concurrency?: number;
  /** Waiting for a store that is away (ECONNREFUSED, connection lost, lock) before the job fails. */
  storeRetry?: RetryOptions;
  /** How long a job stays locked to this worker without a heartbeat (ms). Default 30000. */
  lockDurationMs?: number;
  onEvent?: (e: { type: 'done'; id: string; status: PutStatus } | { type: 'dead'; id: string; reason: string } | { type: 'retry'; id: string; reason: string }) => void;
}

export interface DeadLetter extends ArticleJob {
  reason: string;
  attempts: number;
  failedAt: string;
}

export interface QueueWorker {
  worker: Worker<ArticleJob, PutStatus>;
  deadLetters: Queue<DeadLetter>;
  /** Stop taking jobs, let the current ones finish, close connections. */
  close(): Promise<void>;
}

export function startQueueWorker(o: QueueWorkerOptions): QueueWorker {
  const deadLetters = new Queue<DeadLetter>(deadLetterName(o.queue), { connection: o.connection });
  deadLetters.on('error', () => undefined); // Redis away: ioredis reconnects, commands wait
  const concurrency = Math.max(1, o.concurrency ?? DEFAULT_CONCURRENCY);
  const writer = new GroupWriter(o.store, concurrency, o.storeRetry);
  const processor = async (job: Job<ArticleJob, PutStatus>): Promise<PutStatus> => {
    const { article, hash } = job.data;
    if (await writer.storedHash(article.id) === hash) return 'unchanged';
    let analysis;
    try {
      analysis = o.code(article);
    } catch (e) {
      throw new UnrecoverableError(`coding failed: ${(e as Error)?.message ?? String(e)}`);
    }
    return writer.put({ article, hash, analysis });
  };
  const lock = o.lockDurationMs ?? 30_000;
  const worker = new Worker<ArticleJob, PutStatus>(o.queue, processor, {
    connection: o.connection,
    concurrency,
    lockDuration: lock,
    stalledInterval: Math.max(500, Math.floor(lock / 2)),
    maxStalledCount: 5,
    autorun: true,
  });
  worker.on('error', () => undefined); // connection errors: ioredis reconnects; jobs are retried
  worker.on('completed', (job, status) => o.onEvent?.({ type: 'done', id: job.data.article.id, status }));
  worker.on('failed', (job, err) => {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    const reason = err.message;
    if (!final) {
      o.onEvent?.({ type: 'retry', id: job.data.article.id, reason: isTransient(err.cause ?? err) ? `${reason} (transient)` : reason });
      return;
    }
    void deadLetters.add('dead', { ...job.data, reason, attempts: job.attemptsMade, failedAt: new Date().toISOString() }, { jobId: job.id, removeOnComplete: true })
      .then(() => o.onEvent?.({ type: 'dead', id: job.data.article.id, reason }), () => undefined);
  });
  return {
    worker,
    deadLetters,
    async close() {
      await worker.close();
      await writer.drain();
      await deadLetters.close();
    },
  };
}
