// The coding pipeline, imported lazily so `--help` and `--version` work (and stay fast) even if
// the knowledge cannot be loaded, and loaded exactly once per run.
import type { Analysis, Article, EventRecord } from '../types.js';
import { builtinOnly, type DictionaryFlags } from './dictionary-flags.js';

export interface Pipeline {
  code(article: Article): EventRecord[];
  analyze(article: Article): Analysis;
}

export async function loadPipeline(flags: DictionaryFlags = {}): Promise<Pipeline> {
  let analyzeWith: typeof import('../analyze.js').analyzeWith;
  let codeWith: typeof import('../analyze.js').codeWith;
  let knowledge: import('../knowledge/index.js').Knowledge;
  try {
    // the PETRARCH dictionary loader only when PETRARCH files are given (same knowledge as knowledgeFromFlags)
    const [pipeline, knowledgeModule, dictionaries] = await Promise.all([
      import('../analyze.js'),
      import('../knowledge/index.js'),
      builtinOnly(flags) ? null : import('./dictionaries.js'),
    ]);
    ({ analyzeWith, codeWith } = pipeline);
    knowledge = dictionaries ? dictionaries.knowledgeFromFlags(flags) : knowledgeModule.loadKnowledge();
  } catch (e) {
    throw new Error(`cannot load the coding pipeline or its knowledge: ${(e as Error)?.message ?? String(e)}`);
  }
  return {
    code: (a) => codeWith(a, knowledge),
    analyze: (a) => analyzeWith(a, knowledge),
  };
}
