// `dyad worker`: code articles from the queue into the store; run as many as you like, on as many
// machines as you like (with PostgreSQL). SIGTERM/SIGINT finish the current jobs, then exit 0.
import { Queue } from 'bullmq';
import { loadCoder } from '../ingest/coder.js';
import { assertRedis, redisConnection } from '../queue/connection.js';
import { DEFAULT_CONCURRENCY, startQueueWorker } from '../queue/worker.js';
import { isPostgresLocation, openStore, type Store } from '../store/store.js';
import { EXIT_OK, EXIT_SOME_FAILED, UsageError, parse } from './args.js';
import { QUEUE_HELP, queueOptions } from './enqueue.js';
import { STORE_HELP, dbOption, intOption } from './ingest.js';
import { processIO, reportNotice, type CliIO } from './io.js';

export const workerHelp = `Usage: dyad worker --db postgres://… [options]

Take articles from the queue, code them and store them. Any number of workers may run at once
on any number of machines (all writing to one PostgreSQL; a SQLite file only suits workers on
one machine). While the database or Redis is unreachable the worker waits and retries with
backoff; a job that fails on another database error is retried with exponential backoff; one
that keeps failing, or that the coder rejects, goes to the dead-letter queue. A worker that dies
mid-job loses nothing: its job is taken up again by another once its lock expires.
SIGTERM or Ctrl-C finishes the jobs in progress and exits.

${STORE_HELP}
${QUEUE_HELP}
Options:
  -c, --concurrency N    jobs in progress at once; those coded while a write commits share the next
                         (default ${DEFAULT_CONCURRENCY})
  --lock-ms MS           job lock time; a dead worker's jobs return to the queue after it (default 30000)
  --exit-when-empty      exit once the queue has no waiting, delayed or active job
  -q, --quiet            no start, stop and status lines
  -h, --help             show this help
`;

export async function runWorker(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    redis: { type: 'string' },
    queue: { type: 'string' },
    concurrency: { type: 'string', short: 'c' },
    'lock-ms': { type: 'string' },
    'exit-when-empty': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) { io.stdout.write(workerHelp); return EXIT_OK; }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const db = dbOption(values.db);
  const { redis, queue } = queueOptions(values);
  const concurrency = intOption('concurrency', values.concurrency, 1, DEFAULT_CONCURRENCY);
  const lockDurationMs = intOption('lock-ms', values['lock-ms'], 1000, 30_000);
  const say = values.quiet ? () => undefined : (m: string) => reportNotice(io, `worker ${process.pid}: ${m}`);
  if (!isPostgresLocation(db)) say(`storing into SQLite file ${db}: fine on one machine; use PostgreSQL for several`);

  let store: Store;
  try {
    store = await openStore(db, { poolSize: Math.min(concurrency, 8) + 1 });
  } catch (e) {
    reportNotice(io, (e as Error).message);
    return EXIT_SOME_FAILED;
  }
  const connection = redisConnection(redis);
  let code;
  try {
    await assertRedis(connection, redis);
    code = await loadCoder();
  } catch (e) {
    reportNotice(io, (e as Error).message);
    connection.disconnect();
    await store.close();
    return EXIT_SOME_FAILED;
  }
  let lastRetryNote = 0;
  const counts = { inserted: 0, replaced: 0, unchanged: 0, dead: 0, retried: 0 };
  const w = startQueueWorker({
    queue, connection, store, code, concurrency, lockDurationMs,
    storeRetry: {
      onRetry: (e, ms) => {
        // every job in progress waits on its own: say it once every few seconds, not once per job
        if (Date.now() - lastRetryNote < 5000) return;
        lastRetryNote = Date.now();
        say(`${(e as Error).message}; retrying with backoff (next in ${(ms / 1000).toFixed(1)} s)`);
      },
    },
    onEvent: (e) => {
      if (e.type === 'done') counts[e.status]++;
      else if (e.type === 'dead') { counts.dead++; reportNotice(io, `${e.id}: dead-lettered: ${e.reason}`); }
      else counts.retried++;
    },
  });
  say(`taking articles from queue ${queue}`);

  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const stop = (why: string) => {
      if (stopping) return;
      stopping = true;
      say(`${why}: finishing the jobs in progress`);
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    if (values['exit-when-empty']) {
      const timer = setInterval(async () => {
        try {
          if (await jobsLeft(queue, connection) === 0) { clearInterval(timer); stop('queue empty'); }
        } catch { /* Redis away: try again */ }
      }, 500);
      timer.unref();
    }
  });
  const status = setInterval(() => say(`${counts.inserted} new, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.retried} retries, ${counts.dead} dead`), 10_000);
  status.unref();
  await stopped;
  clearInterval(status);
  await w.close();
  await store.close();
  connection.disconnect();
  say(`stopped: ${counts.inserted} new, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.retried} retries, ${counts.dead} dead`);
  return EXIT_OK;
}

/** Jobs still to do (waiting, delayed, active, prioritized) on a queue. */
async function jobsLeft(name: string, connection: ReturnType<typeof redisConnection>): Promise<number> {
  const q = new Queue(name, { connection });
  q.on('error', () => undefined);
  try {
    const c = await q.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'waiting-children');
    return Object.values(c).reduce((a, b) => a + b, 0);
  } finally {
    await q.close();
  }
}
