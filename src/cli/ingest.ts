// `dyad ingest`: code articles into the event store (SQLite file or PostgreSQL), in parallel,
// idempotently and resumably. Progress on a terminal, a summary at the end, errors on stderr.
import { readInputs } from '../article/read.js';
import { estimateArticles } from '../ingest/count.js';
import { defaultThreads, ingest, type IngestStats } from '../ingest/ingest.js';
import { ProgressLine } from '../ingest/progress.js';
import { StoreError } from '../store/errors.js';
import { openStore } from '../store/store.js';
import { EXIT_OK, EXIT_SOME_FAILED, INPUT_OPTIONS, UsageError, parse, readOptionsOf } from './args.js';
import { FETCH_HELP } from './help.js';
import { EXIT_INTERRUPTED, interruptOnSignals } from './signals.js';
import { processIO, reportError, reportNotice, type CliIO } from './io.js';


export const STORE_HELP = `Store options:
  --db PATH|URL          the store: a SQLite file (default dyad.sqlite, created if missing) or
                         postgres://user@host:5432/db[?schema=name] (env DYAD_DB also works)`;

export const ingestHelp = `Usage: dyad ingest <inputs...|-> [options]

Code articles and keep everything in the event store: articles (with their text and a content
hash), events, actors, entities, places, timexes, quotes and a full-text index. Re-running is
safe: unchanged articles are skipped, changed ones are re-coded and replace their old analysis in
one transaction; a run that was killed is completed by running it again.

${STORE_HELP}
Options:
  -j, --threads N        coding threads (default: cores - 1 = ${defaultThreads()}; 0 = main thread)
  --force                re-code articles even if their content is unchanged
  --commit-size N        articles per transaction (default 256)
  --busy-timeout MS      SQLite: wait this long for another writer's lock (default 5000)
  -q, --quiet            no progress line and no summary (errors are still reported)
  --date YYYY-MM-DD      article date for inputs that carry none
  --input-format F       auto (default), text, dated, jsonl, petrarch, html, feed
${FETCH_HELP}
  -h, --help             show this help

Exit codes: 0 done, 1 some records failed or the store failed (committed articles stay),
2 usage error, 130 interrupted (what was coded is committed; run again to finish).
`;

export function dbOption(v: unknown): string {
  if (v !== undefined && (typeof v !== 'string' || v === '')) throw new UsageError('--db needs a path or a postgres:// URL');
  return (v as string | undefined) ?? process.env.DYAD_DB ?? 'dyad.sqlite';
}

export function intOption(name: string, v: unknown, min: number, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${String(v)}"`);
  return n;
}

function summary(s: IngestStats, where: string): string {
  const secs = s.elapsedMs / 1000;
  const coded = s.inserted + s.replaced;
  return `${s.aborted ? 'interrupted: ' : ''}ingested into ${where}: ${coded} coded (${s.inserted} new, ${s.replaced} replaced), `
    + `${s.unchanged} unchanged, ${s.failed} failed; ${s.events} events in ${secs.toFixed(1)} s `
    + `(${(coded / Math.max(secs, 0.001)).toFixed(1)} articles/s)`;
}

export async function runIngest(argv: string[], io: CliIO = processIO()): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...INPUT_OPTIONS,
    db: { type: 'string' },
    threads: { type: 'string', short: 'j' },
    force: { type: 'boolean' },
    'commit-size': { type: 'string' },
    'busy-timeout': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) { io.stdout.write(ingestHelp); return EXIT_OK; }
  const db = dbOption(values.db);
  const threads = intOption('threads', values.threads, 0, defaultThreads());
  const commitSize = intOption('commit-size', values['commit-size'], 1, 256);
  const busyTimeoutMs = intOption('busy-timeout', values['busy-timeout'], 0, 5000);
  const readOptions = readOptionsOf(values);
  const format = readOptions.format ?? 'auto';
  const quiet = values.quiet === true;
  if (positionals.length === 0) throw new UsageError('no input (give files, directories, or - for stdin)');

  let store;
  try {
    store = await openStore(db, { busyTimeoutMs });
  } catch (e) {
    reportNotice(io, (e as Error).message);
    return EXIT_SOME_FAILED;
  }
  const tty = !quiet && (io.stderr as { isTTY?: boolean }).isTTY === true;
  const bar = tty ? new ProgressLine(io.stderr) : null;
  const controller = new AbortController();
  const release = interruptOnSignals(controller);
  if (bar) void estimateArticles(positionals, format, controller.signal).then((n) => { bar.total = n; }, () => undefined);
  const say = (record: string, reason: string) => { bar?.clear(); reportError(io, record, reason); };
  let stats: IngestStats | null = null;
  let failedStore: Error | null = null;
  try {
    stats = await ingest(readInputs(positionals, { ...readOptions, notice: quiet ? undefined : (m) => { bar?.clear(); reportNotice(io, m); } }, io.stdin), store, {
      threads, commitSize, force: values.force === true, signal: controller.signal, onError: say,
      storeRetry: { onRetry: (e, ms) => { bar?.clear(); reportNotice(io, `${(e as Error).message}; retrying in ${(ms / 1000).toFixed(1)} s`); } },
      onProgress: bar ? (s) => bar.update({ done: s.inserted + s.replaced, events: s.events, skipped: s.unchanged, failed: s.failed }) : undefined,
    });
  } catch (e) {
    failedStore = e as Error;
  } finally {
    release();
    bar?.clear();
    await store.close().catch(() => undefined);
  }
  if (failedStore) {
    const msg = failedStore instanceof StoreError ? failedStore.message : `ingest failed: ${failedStore.message}`;
    reportNotice(io, `${msg}; committed articles are kept, run again to resume`);
    return EXIT_SOME_FAILED;
  }
  if (!quiet && stats) reportNotice(io, summary(stats, store.where));
  if (stats?.aborted) return EXIT_INTERRUPTED;
  return stats && stats.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
