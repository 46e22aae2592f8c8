// `dyad enqueue`: put articles on the BullMQ queue in Redis for `dyad worker` processes.
import { Queue } from 'bullmq';
import { readInputs } from '../article/read.js';
import { DEFAULT_QUEUE, DEFAULT_REDIS, assertRedis, deadLetterName, redisConnection, validQueueName } from '../queue/connection.js';
import { articleQueue, enqueueArticles, requeueDeadLetters } from '../queue/producer.js';
import { EXIT_OK, EXIT_SOME_FAILED, INPUT_OPTIONS, UsageError, parse, readOptionsOf } from './args.js';
import { FETCH_HELP } from './help.js';
import { intOption } from './ingest.js';
import { processIO, reportError, reportNotice, type CliIO } from './io.js';

export const QUEUE_HELP = `Queue options:
  --redis URL            Redis (default ${DEFAULT_REDIS}; env DYAD_REDIS)
  --queue NAME           queue name (default ${DEFAULT_QUEUE}); its dead-letter queue is NAME-dead`;

export const enqueueHelp = `Usage: dyad enqueue <inputs...|-> [options]
       dyad enqueue --requeue-dead [options]

Put articles on a queue for \`dyad worker\` processes (on this or other machines). An article
already waiting with the same content is not added twice.

${QUEUE_HELP}
Options:
  --attempts N           tries per article before it goes to the dead-letter queue (default 5)
  --backoff MS           first retry delay, doubled on each retry (default 2000)
  --requeue-dead         move the dead-letter queue's articles back onto the queue
  -q, --quiet            no summary
  --date YYYY-MM-DD      article date for inputs that carry none
  --input-format F       auto (default), text, dated, jsonl, petrarch, html, feed
${FETCH_HELP}
  -h, --help             show this help
`;

export function queueOptions(values: Record<string, unknown>): { redis: string; queue: string } {
  const redis = (values.redis as string | undefined) ?? process.env.DYAD_REDIS ?? DEFAULT_REDIS;
  if (!/^rediss?:\/\//.test(redis)) throw new UsageError(`--redis must be a redis:// URL, got "${redis}"`);
  const queue = (values.queue as string | undefined) ?? DEFAULT_QUEUE;
  if (!validQueueName(queue)) throw new UsageError(`--queue must be letters, digits, _ . - (got "${queue}")`);
  return { redis, queue };
}

export async function runEnqueue(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...INPUT_OPTIONS,
    redis: { type: 'string' },
    queue: { type: 'string' },
    attempts: { type: 'string' },
    backoff: { type: 'string' },
    'requeue-dead': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) { io.stdout.write(enqueueHelp); return EXIT_OK; }
  const { redis, queue: name } = queueOptions(values);
  const attempts = intOption('attempts', values.attempts, 1, 5);
  const backoffMs = intOption('backoff', values.backoff, 0, 2000);
  const readOptions = readOptionsOf(values);
  const requeue = values['requeue-dead'] === true;
  if (!requeue && positionals.length === 0) throw new UsageError('no input (give files, directories, or - for stdin)');
  const connection = redisConnection(redis);
  const queue = articleQueue(name, connection);
  try {
    await assertRedis(connection, redis);
    if (requeue) {
      const dead = new Queue(deadLetterName(name), { connection });
      const n = await requeueDeadLetters(queue, dead, { attempts, backoffMs });
      await dead.close();
      if (!values.quiet) reportNotice(io, `moved ${n} dead letters back onto queue ${name}`);
      return EXIT_OK;
    }
    const stats = await enqueueArticles(readInputs(positionals, readOptions, io.stdin), queue, {
      attempts, backoffMs, onError: (r, why) => reportError(io, r, why),
    });
    if (!values.quiet) reportNotice(io, `enqueued ${stats.enqueued} articles on queue ${name} (${stats.failed} failed records)`);
    return stats.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
  } catch (e) {
    reportNotice(io, (e as Error).message);
    return EXIT_SOME_FAILED;
  } finally {
    await queue.close().catch(() => undefined);
    connection.disconnect();
  }
}
