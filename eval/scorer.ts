// What a data-set scorer looks like. The coder is passed in, so tests can score with a stub coder and the
// harness can score any coder with the same library signature.
import type { Article, EventRecord } from '../src/types.js';
import type { SetReport } from './report.js';

export type Coder = (article: Article) => EventRecord[];

export interface EvalOptions {
  coder: Coder;
  /** Score only the first N items (in file order). */
  limit?: number;
  /** The shared data directory (SHARED_DIR unless overridden). */
  sharedDir: string;
}

export interface Scorer {
  /** The `--set` name. */
  name: string;
  title: string;
  run(options: EvalOptions): SetReport;
}

/** The first `limit` items, or all of them. */
export function limited<T>(items: readonly T[], limit: number | undefined): T[] {
  return limit !== undefined && limit >= 0 ? items.slice(0, limit) : [...items];
}

export interface GuardedCoder {
  coder: Coder;
  /** Articles the coder threw on (scored as having no events), with the first line of the error. */
  errors: { id: string; message: string }[];
}

/** Wrap a coder so one failing article is recorded and scored as "no events" instead of ending the run. */
export function guardCoder(coder: Coder): GuardedCoder {
  const errors: { id: string; message: string }[] = [];
  return {
    errors,
    coder: (article) => {
      try {
        return coder(article);
      } catch (err) {
        errors.push({ id: article.id, message: String(err instanceof Error ? err.message : err).split('\n')[0] });
        return [];
      }
    },
  };
}
