// `dyad watch DIR`: ingest the files already in a folder, then every file that appears or changes,
// until SIGINT/SIGTERM. fs.watch says when something happened; a file is read only once its size
// and mtime have stayed the same for the settle delay (so half-written files are not read); a
// periodic rescan catches what fs.watch missed (network file systems, events dropped under load,
// directories moved in whole). Storing is idempotent by content hash, as in `dyad ingest`, so a
// file seen twice is stored once and a changed file replaces its old analysis.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { readInputs, walkDirectory } from '../article/read.js';
import type { ReadOptions } from '../article/result.js';
import { ingest, type IngestStats } from '../ingest/ingest.js';
import { CoderPool } from '../ingest/pool.js';
import { StoreError } from '../store/errors.js';
import { openStore, type Store } from '../store/store.js';
import { EXIT_OK, EXIT_SOME_FAILED, INPUT_OPTIONS, UsageError, parse, readOptionsOf } from './args.js';
import { FETCH_HELP } from './help.js';
import { STORE_HELP, dbOption, intOption } from './ingest.js';
import { processIO, reportError, reportNotice, type CliIO } from './io.js';
import { interruptOnSignals } from './signals.js';


export const watchHelp = `Usage: dyad watch DIR [options]

Watch a folder and ingest every file in it into the store: first the files already there, then
each new or changed file once it has stopped changing (its size and modification time were the
same for the settle delay). Unchanged content is never stored twice; a changed file replaces its
old analysis. Files whose names start with "." or end in ~, .tmp, .part, .swp or .crdownload are
ignored; deleting a file does not delete its article. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM,
after committing what is being coded.

${STORE_HELP}
Options:
  -j, --threads N        coding threads (default 1; 0 = main thread)
  --settle MS            how long a file must stay unchanged before it is read (default 1000)
  --rescan SECONDS       full rescan of the folder every SECONDS (default 10; 0 = only at start)
  -q, --quiet            only errors (no per-batch lines, no summary)
  --date YYYY-MM-DD      article date for inputs that carry none
  --input-format F       auto (default), text, dated, jsonl, petrarch, html, feed
${FETCH_HELP}
  -h, --help             show this help

Exit codes: 0 stopped by a signal or --help, 1 the store failed or DIR is unreadable, 2 usage error.
`;

const IGNORED_SUFFIXES = ['~', '.tmp', '.part', '.swp', '.crdownload'];

/** Editor backups, partial downloads and hidden files are not articles. */
export function ignoredPath(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..')) return true;
  if (rel.split(sep).some((part) => part.startsWith('.'))) return true;
  const name = basename(path).toLowerCase();
  return IGNORED_SUFFIXES.some((s) => name.endsWith(s));
}

interface Pending { sig: string; since: number }

export interface WatchOptions {
  dir: string;
  store: Store;
  pool: CoderPool;
  read: ReadOptions;
  settleMs: number;
  rescanMs: number;
  signal: AbortSignal;
  io: CliIO;
  quiet: boolean;
}

/** Watches one folder and feeds settled files to ingest(), one batch at a time. */
class FolderWatcher {
  private readonly known = new Map<string, string>();
  private readonly pending = new Map<string, Pending>();
  private watcher: FSWatcher | null = null;
  private timers: NodeJS.Timeout[] = [];
  private busy: Promise<void> | null = null;
  private rescanning = false;
  private fatal: Error | null = null;
  private stopOnFatal: () => void = () => undefined;
  readonly totals = { inserted: 0, replaced: 0, unchanged: 0, failed: 0, events: 0 };

  constructor(private readonly o: WatchOptions) {}

  async start(): Promise<void> {
    await this.rescan(0);
    try {
      this.watcher = watch(this.o.dir, { recursive: true }, (_event, name) => this.onEvent(name));
    } catch {
      try {
        this.watcher = watch(this.o.dir, (_event, name) => this.onEvent(name));
        this.note('recursive watching is not supported here; subfolders are picked up by the rescan');
      } catch (e) {
        this.note(`cannot watch ${this.o.dir} (${(e as Error).message}); relying on the rescan`);
      }
    }
    this.watcher?.on('error', (e) => this.note(`watch error (${e.message}); relying on the rescan`));
    const tickMs = Math.min(1000, Math.max(50, Math.floor(this.o.settleMs / 4)));
    this.timers.push(setInterval(() => this.tick(), tickMs));
    if (this.o.rescanMs > 0) this.timers.push(setInterval(() => { void this.rescan(Date.now()); }, this.o.rescanMs));
  }

  /** Resolves when stopped by the signal or a store failure (returned). */
  async run(): Promise<Error | null> {
    await new Promise<void>((resolve) => {
      if (this.o.signal.aborted || this.fatal) { resolve(); return; }
      this.o.signal.addEventListener('abort', () => resolve(), { once: true });
      this.stopOnFatal = resolve;
    });
    this.watcher?.close();
    for (const t of this.timers) clearInterval(t);
    await this.busy;
    return this.fatal;
  }

  private note(message: string): void {
    if (!this.o.quiet) reportNotice(this.o.io, `watch: ${message}`);
  }

  private onEvent(name: string | Buffer | null): void {
    if (name === null) { void this.rescan(Date.now()); return; }
    const path = join(this.o.dir, String(name));
    if (ignoredPath(this.o.dir, path)) return;
    void this.consider(path, Date.now());
  }

  private async consider(path: string, now: number): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return; // gone again (a temporary file, a rename)
    }
    if (info.isDirectory()) { void this.rescan(now); return; }
    if (!info.isFile()) return;
    const sig = `${info.size}:${info.mtimeMs}`;
    if (this.known.get(path) === sig) return;
    const p = this.pending.get(path);
    if (p?.sig === sig) return;
    this.pending.set(path, { sig, since: now });
  }

  /** Walk the folder; new or changed files become pending (at start: settled since `since`). */
  private async rescan(since: number): Promise<void> {
    if (this.rescanning || this.o.signal.aborted) return;
    this.rescanning = true;
    try {
      for await (const path of walkDirectory(this.o.dir)) {
        if (this.o.signal.aborted) break;
        if (!ignoredPath(this.o.dir, path)) await this.consider(path, since);
      }
    } catch (e) {
      this.note(`rescan of ${this.o.dir} failed: ${(e as Error).message}`);
    } finally {
      this.rescanning = false;
    }
  }

  private tick(): void {
    if (this.busy || this.o.signal.aborted || this.pending.size === 0) return;
    this.busy = this.settled().then((ready) => (ready.length > 0 ? this.ingestBatch(ready) : undefined)).finally(() => { this.busy = null; });
  }

  /** Pending files unchanged for the settle delay (re-checked on disk now). */
  private async settled(): Promise<{ path: string; sig: string }[]> {
    const now = Date.now();
    const ready: { path: string; sig: string }[] = [];
    for (const [path, p] of [...this.pending]) {
      if (now - p.since < this.o.settleMs) continue;
      let sig: string;
      try {
        const info = await stat(path);
        sig = `${info.size}:${info.mtimeMs}`;
      } catch {
        this.pending.delete(path);
        continue;
      }
      if (sig !== p.sig) { this.pending.set(path, { sig, since: now }); continue; }
      this.pending.delete(path);
      ready.push({ path, sig });
    }
    ready.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return ready;
  }

  private async ingestBatch(ready: { path: string; sig: string }[]): Promise<void> {
    let stats: IngestStats;
    try {
      stats = await ingest(readInputs(ready.map((r) => r.path), this.o.read), this.o.store, {
        pool: this.o.pool, signal: this.o.signal, onError: (record, reason) => reportError(this.o.io, record, reason),
      });
    } catch (e) {
      this.fatal = e as Error;
      this.stopOnFatal();
      return;
    }
    // Files not read because of a stop stay unknown and are read on the next run.
    if (!stats.aborted) for (const r of ready) this.known.set(r.path, r.sig);
    for (const k of ['inserted', 'replaced', 'unchanged', 'failed', 'events'] as const) this.totals[k] += stats[k];
    this.note(`${ready.length} file${ready.length === 1 ? '' : 's'}: ${stats.inserted} new, ${stats.replaced} replaced, `
      + `${stats.unchanged} unchanged, ${stats.failed} failed, ${stats.events} events`);
  }
}

export async function runWatch(argv: string[], io: CliIO = processIO(), stop?: AbortSignal): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...INPUT_OPTIONS,
    db: { type: 'string' },
    threads: { type: 'string', short: 'j' },
    settle: { type: 'string' },
    rescan: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) { io.stdout.write(watchHelp); return EXIT_OK; }
  const db = dbOption(values.db);
  const threads = intOption('threads', values.threads, 0, 1);
  const settleMs = intOption('settle', values.settle, 0, 1000);
  const rescanMs = intOption('rescan', values.rescan, 0, 10) * 1000;
  const read = readOptionsOf(values);
  const quiet = values.quiet === true;
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no folder to watch (dyad watch DIR)' : 'watch takes one folder');
  const dir = positionals[0]!;
  try {
    if (!(await stat(dir)).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    reportError(io, dir, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (e as Error).message);
    return EXIT_SOME_FAILED;
  }

  let store: Store;
  try {
    store = await openStore(db, {});
  } catch (e) {
    reportNotice(io, (e as Error).message);
    return EXIT_SOME_FAILED;
  }
  const controller = new AbortController();
  const release = interruptOnSignals(controller);
  stop?.addEventListener('abort', () => controller.abort(), { once: true });
  let pool: CoderPool | null = null;
  let watcher: FolderWatcher | null = null;
  let failure: Error | null = null;
  const readOptions: ReadOptions = { ...read, notice: quiet ? undefined : (m) => reportNotice(io, m) };
  try {
    pool = await CoderPool.start(threads);
    watcher = new FolderWatcher({ dir, store, pool, read: readOptions, settleMs, rescanMs, signal: controller.signal, io, quiet });
    await watcher.start();
    if (!quiet) reportNotice(io, `watching ${dir} (store ${store.where}); Ctrl-C to stop`);
    failure = await watcher.run();
  } catch (e) {
    failure = e as Error;
  } finally {
    release();
    await pool?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
  }
  if (failure) {
    const msg = failure instanceof StoreError ? failure.message : `watch failed: ${failure.message}`;
    reportNotice(io, `${msg}; committed articles are kept`);
    return EXIT_SOME_FAILED;
  }
  const t = watcher!.totals;
  if (!quiet) reportNotice(io, `watch stopped: ${t.inserted} new, ${t.replaced} replaced, ${t.unchanged} unchanged, ${t.failed} failed; ${t.events} events`);
  return EXIT_OK;
}
