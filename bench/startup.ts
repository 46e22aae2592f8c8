// Start-up time of the command-line tool: spawn `node dist/src/cli/main.js code FILE` on a one-sentence
// file several times and take the median wall time.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../eval/metrics.js';

export interface StartupResult {
  ok: boolean;
  /** Wall times of the runs, ms. */
  runs: number[];
  medianMs: number;
  /** Why the measurement failed (missing CLI, non-zero exit). */
  error?: string;
  /** Event lines the CLI printed on the last run. */
  outputLines: number;
}

export const STARTUP_SENTENCE = 'date 2021-08-24\nRussian Defense Minister Sergei Shoigu met his Armenian counterpart in Moscow on Monday.\n';

export function measureStartup(cli: string, runs = 5): StartupResult {
  if (!existsSync(cli)) return { ok: false, runs: [], medianMs: NaN, error: `${cli} not found`, outputLines: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'dyad-bench-'));
  const file = join(dir, 'one-sentence.txt');
  writeFileSync(file, STARTUP_SENTENCE);
  const times: number[] = [];
  let outputLines = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'code', file], { encoding: 'utf8', timeout: 60_000 });
      const ms = performance.now() - t0;
      if (r.error || r.status !== 0) {
        const why = r.error ? r.error.message : `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-1)[0] ?? ''}`;
        return { ok: false, runs: times, medianMs: NaN, error: why.slice(0, 300), outputLines };
      }
      outputLines = r.stdout.split('\n').filter((l) => l.trim() !== '').length;
      times.push(ms);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { ok: true, runs: times, medianMs: median(times), outputLines };
}
