// Every data set the harness can score, in the order they run and appear in EVALUATION.md. To add a
// set, write a Scorer in its own module and list it here.
import { exampleArticle } from './example-article.js';
import { ploverGsr } from './plover-gsr.js';
import { plv } from './plv.js';
import type { Scorer } from './scorer.js';

export const SCORERS: readonly Scorer[] = [ploverGsr, plv, exampleArticle];

/** The scorer called `name`, or undefined. */
export function findScorer(name: string): Scorer | undefined {
  return SCORERS.find((s) => s.name === name);
}
