// Every data set the harness can score, in the order they run and appear in EVALUATION.md. To add a
// set, write a Scorer in its own module and list it here.
import { conflibert } from './conflibert.js';
import { conll } from './conll.js';
import { exampleArticle } from './example-article.js';
import { geo } from './geo.js';
import { meantime } from './meantime.js';
import { ngecActors } from './ngec-actors.js';
import { petrarch } from './petrarch.js';
import { ploverGsr } from './plover-gsr.js';
import { quotes } from './quotes.js';
import { plv } from './plv.js';
import type { Scorer } from './scorer.js';
import { timex } from './timex.js';

export const SCORERS: readonly Scorer[] = [petrarch, ploverGsr, plv, exampleArticle, conll, meantime, geo, timex, quotes, conflibert, ngecActors];

/** The scorer called `name`, or undefined. */
export function findScorer(name: string): Scorer | undefined {
  return SCORERS.find((s) => s.name === name);
}
