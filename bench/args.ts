// Command-line options of `npm run bench`.

export interface BenchArgs {
  /** Minimum timed seconds for the repeated GigaWord passes. */
  seconds: number;
  /** Seconds of untimed warm-up passes first (JIT tiers and GC settle: steady-state throughput). */
  warmup: number;
  /** Only the first N PolNeAR articles. */
  limit?: number;
  /** Write BENCHMARKS.md (default: only for full runs). */
  write?: boolean;
  /** Skip the CLI start-up measurement. */
  startup: boolean;
  /** Count sentences and tokens (off in the profiled child, so parseText's share is the coder's own). */
  count: boolean;
  /** Re-run under --cpu-prof and print the top self-time functions. */
  profile: boolean;
  /** Store ingest benchmark (bench/store.ts): SQLite, PostgreSQL, queue workers. */
  store: boolean;
  /** Articles for the store ingest (default 100,000). */
  storeArticles: number;
  /** PostgreSQL ingest and queue scaling within the store benchmark. */
  pg: boolean;
  /** HTTP load benchmark (bench/http.ts) over a 100,000-article store. */
  http: boolean;
  /** Seconds of load per HTTP route. */
  httpSeconds: number;
  help: boolean;
}

export const BENCH_USAGE = 'usage: npm run bench -- [--seconds S] [--warmup S] [--limit N] [--no-startup] [--no-count] [--write|--no-write] [--profile]\n'
  + '       [--no-store] [--store-articles N] [--no-pg] [--no-http] [--http-seconds S]';

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = {
    seconds: 8, warmup: 3, startup: true, count: true, profile: false, help: false,
    store: true, storeArticles: 100_000, pg: true, http: true, httpSeconds: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): number => {
      const eq = a.indexOf('=');
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      const n = Number(v);
      if (v === undefined || v === '' || !Number.isFinite(n) || n < 0) throw new Error(`${a.split('=')[0]} needs a non-negative number`);
      return n;
    };
    if (a === '--seconds' || a.startsWith('--seconds=')) out.seconds = value();
    else if (a === '--warmup' || a.startsWith('--warmup=')) out.warmup = value();
    else if (a === '--limit' || a.startsWith('--limit=')) out.limit = Math.floor(value());
    else if (a === '--write') out.write = true;
    else if (a === '--no-write') out.write = false;
    else if (a === '--no-startup') out.startup = false;
    else if (a === '--no-count') out.count = false;
    else if (a === '--profile') out.profile = true;
    else if (a === '--no-store') out.store = false;
    else if (a === '--store-articles' || a.startsWith('--store-articles=')) out.storeArticles = Math.max(1, Math.floor(value()));
    else if (a === '--no-pg') out.pg = false;
    else if (a === '--no-http') out.http = false;
    else if (a === '--http-seconds' || a.startsWith('--http-seconds=')) out.httpSeconds = Math.max(1, value());
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}
