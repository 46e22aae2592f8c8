// The analyser the article-analysis scorers run (entities, places, timexes, quotes): the library's
// analyzeWith with the built-in knowledge, loaded once. Scorers take it as a parameter so tests can
// pass a stub.
import type { Analysis, Article } from '../src/types.js';
import { analyzeWith } from '../src/analyze.js';
import { loadKnowledge } from '../src/knowledge/index.js';

export type Analyzer = (article: Article) => Analysis;

/** analyzeWith(article, built-in knowledge). */
export function defaultAnalyzer(): Analyzer {
  const k = loadKnowledge();
  return (article) => analyzeWith(article, k);
}
