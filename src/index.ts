// The library API: analyze(article) and code(article) with the built-in knowledge.
import type { Analysis, Article, EventRecord } from './types.js';
import { analyzeWith, codeWith } from './analyze.js';
import { loadKnowledge } from './knowledge/index.js';

export * from './types.js';
export { analyzeWith, codeWith } from './analyze.js';
export { loadKnowledge } from './knowledge/index.js';
export { tuneV8ForCoding } from './runtime.js';
export type { Knowledge } from './knowledge/index.js';

/** Analyse one article with the built-in knowledge: entities, places, timexes, quotes and events. */
export function analyze(article: Article): Analysis {
  return analyzeWith(article, loadKnowledge());
}

/** Code one article into event records with the built-in knowledge. */
export function code(article: Article): EventRecord[] {
  return codeWith(article, loadKnowledge());
}
