// Loads the function that turns an article into an Analysis: the real pipeline (analyzeWith over
// the built-in knowledge), or — for tests and experiments — the `loadCoder()` export of the module
// named by DYAD_CODER_MODULE. Worker threads and queue workers call this once at start-up.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis, Article } from '../types.js';

export type CodeFn = (article: Article) => Analysis;

export async function loadCoder(): Promise<CodeFn> {
  const custom = process.env.DYAD_CODER_MODULE;
  if (custom) {
    const mod = (await import(pathToFileURL(resolve(custom)).href)) as { loadCoder?: () => CodeFn | Promise<CodeFn> };
    if (typeof mod.loadCoder !== 'function') throw new Error(`DYAD_CODER_MODULE ${custom} exports no loadCoder()`);
    return mod.loadCoder();
  }
  try {
    const [pipeline, k] = await Promise.all([import('../analyze.js'), import('../knowledge/index.js')]);
    const knowledge = k.loadKnowledge();
    return (a) => pipeline.analyzeWith(a, knowledge);
  } catch (e) {
    throw new Error(`cannot load the coding pipeline or its knowledge: ${(e as Error)?.message ?? String(e)}`);
  }
}
