// Waiting out a store that is away: a PostgreSQL server restarting or unreachable for a while, a
// connection cut mid-query. The operation is retried with exponential backoff until it succeeds or
// a time limit passes; any other error is thrown at once. Every store write is one transaction and
// idempotent, so running it again after a failure never doubles anything.
import { isTransient } from '../store/errors.js';

export interface RetryOptions {
  /** First delay after a transient failure (ms), doubled each time up to maxDelayMs. Default 200. */
  firstDelayMs?: number;
  /** Default 5000. */
  maxDelayMs?: number;
  /** Give up (throw the last error) once this long has passed. Default 120000. */
  giveUpAfterMs?: number;
  /** Which errors are worth waiting for. Default: isTransient (connection lost, lock, conflict). */
  retryable?: (e: unknown) => boolean;
  /** Called before each wait. */
  onRetry?: (error: unknown, delayMs: number) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withStoreRetry<T>(fn: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const started = Date.now();
  const retryable = o.retryable ?? isTransient;
  let delay = Math.max(1, o.firstDelayMs ?? 200);
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (!retryable(e) || Date.now() - started + delay > (o.giveUpAfterMs ?? 120_000)) throw e;
      o.onRetry?.(e, delay);
      await sleep(delay);
      delay = Math.min(delay * 2, o.maxDelayMs ?? 5000);
    }
  }
}
