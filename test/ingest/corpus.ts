// Test corpora built at test time from our own examples/ and the shared GigaWord sample (read, never
// copied into the project): n dated text files, each a few re-dated real sentences.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileArticles } from '../../src/article/read.js';
import { PACKAGE_ROOT, SHARED_DIR } from '../../src/paths.js';
import { fakeAnalysis } from '../store/fixtures.js';
import type { Article } from '../../src/types.js';

export async function realSentences(): Promise<string[]> {
  const out: string[] = [];
  for await (const r of readFileArticles(join(SHARED_DIR, 'data', 'corpus', 'GigaWord.sample.PETR.xml'))) {
    if (r.ok) out.push(r.article.text.replace(/\s+/g, ' ').trim());
  }
  const ex = join(PACKAGE_ROOT, 'examples');
  for (const f of readdirSync(ex).filter((f) => f.endsWith('.txt')).sort()) {
    const body = readFileSync(join(ex, f), 'utf8').replace(/^\s*date \S+/, '');
    for (const p of body.split(/\n\s*\n/)) if (p.trim()) out.push(p.replace(/\s+/g, ' ').trim());
  }
  if (out.length < 10) throw new Error(`too few source sentences (${out.length}) under ${SHARED_DIR} and examples/`);
  return out;
}

/** Write n article files into dir (date line + 2-4 sentences); returns the articles as the reader will see them. */
export async function writeCorpus(dir: string, n: number): Promise<Article[]> {
  const sentences = await realSentences();
  mkdirSync(dir, { recursive: true });
  const arts: Article[] = [];
  for (let i = 0; i < n; i++) {
    const k = 2 + (i % 3);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(sentences[(i * 7 + j * 13) % sentences.length]!);
    const date = `20${String(10 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const text = `${parts.join(' ')} (Item ${i}.)`;
    const path = join(dir, `a${String(i).padStart(5, '0')}.txt`);
    writeFileSync(path, `date ${date}\n${text}\n`);
    for await (const r of readFileArticles(path)) {
      if (!r.ok) throw new Error(`${r.record}: ${r.reason}`);
      arts.push(r.article);
    }
  }
  return arts;
}

/** Events the fake coder gives the articles of a corpus. */
export function expectedEvents(arts: Article[]): number {
  return arts.reduce((n, a) => n + fakeAnalysis(a).events.length, 0);
}
