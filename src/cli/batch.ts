// The loop `code` and `analyze` share: read inputs, run each article, report bad records on stderr
// and carry on, stop quietly if stdout goes away. Returns the exit code (0 all ok, 1 some failed).
import { readInputs } from '../article/read.js';
import type { ReadOptions } from '../article/result.js';
import type { Article } from '../types.js';
import type { OutputSink } from '../output/sink.js';
import { EXIT_OK, EXIT_SOME_FAILED } from './args.js';
import { reportError, reportNotice, type CliIO } from './io.js';

export interface BatchStats {
  articles: number;
  failed: number;
  outputs: number;
}

export async function runBatch(
  inputs: string[],
  options: ReadOptions,
  io: CliIO,
  sink: OutputSink,
  handle: (article: Article) => Promise<number>,
): Promise<{ code: number; stats: BatchStats }> {
  const stats: BatchStats = { articles: 0, failed: 0, outputs: 0 };
  const read = readInputs(inputs, { ...options, notice: (m) => reportNotice(io, m) }, io.stdin);
  for await (const r of read) {
    if (sink.isClosed) break;
    if (!r.ok) {
      stats.failed++;
      reportError(io, r.record, r.reason);
      continue;
    }
    try {
      stats.outputs += await handle(r.article);
      stats.articles++;
    } catch (e) {
      stats.failed++;
      reportError(io, r.article.id, `failed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
  await sink.flush();
  if (sink.error) {
    reportError(io, 'stdout', sink.error.message);
    return { code: EXIT_SOME_FAILED, stats };
  }
  if ((io.stderr as { isTTY?: boolean }).isTTY) {
    reportNotice(io, `${stats.articles} articles, ${stats.outputs} records, ${stats.failed} failed`);
  }
  return { code: stats.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK, stats };
}
