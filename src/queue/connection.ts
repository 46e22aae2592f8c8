// Redis connections for BullMQ (ioredis; BullMQ's ESM build needs a constructed client). Commands
// wait and reconnect forever rather than fail (maxRetriesPerRequest: null), so a Redis restart
// mid-run only pauses producers and workers.
import { Redis } from 'ioredis';

export const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
export const DEFAULT_QUEUE = 'dyad';

/** The dead-letter queue of a queue: jobs that failed every attempt, kept with their reason. */
export function deadLetterName(queue: string): string {
  return `${queue}-dead`;
}

export function validQueueName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(name);
}

export function redisConnection(url: string = DEFAULT_REDIS): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(200 * times, 5000),
    lazyConnect: false,
  });
  // Connection errors are retried by ioredis; without a listener each one would crash the process.
  redis.on('error', () => undefined);
  return redis;
}

/** Resolve once Redis answers PING, or throw a clear error after `timeoutMs`. */
export async function assertRedis(redis: Redis, where: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), timeoutMs); }),
    ]);
  } catch (e) {
    throw new Error(`cannot reach Redis at ${where} (${(e as Error).message}); start it or pass --redis URL`);
  } finally {
    clearTimeout(timer);
  }
}
