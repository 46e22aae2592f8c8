// The pure coding pipeline: analyze(article, knowledge) → Analysis. No I/O, no global state.
import type { Analysis, Article, EventRecord } from './types.js';
import type { Knowledge } from './knowledge/index.js';
import { parseText } from './text/document.js';

/** Everything Dyad finds in one article. */
export function analyzeWith(article: Article, knowledge: Knowledge): Analysis {
  const doc = parseText(article.text);
  void doc;
  void knowledge;
  return {
    article: { id: article.id, date: article.date, title: article.title, url: article.url, source: article.source },
    entities: [],
    places: [],
    timexes: [],
    quotes: [],
    events: [],
  };
}

/** Only the events of one article. */
export function codeWith(article: Article, knowledge: Knowledge): EventRecord[] {
  return analyzeWith(article, knowledge).events;
}
