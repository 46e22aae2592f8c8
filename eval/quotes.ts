// PolNeAR attribution relations (quotes/dev, 84 articles, plus a fixed quarter of quotes/train):
// content-span attribution F1 (exact and overlap) and source accuracy.
//
// - Gold: every attribution relation (E line) of the article's first annotation file (sorted by name;
//   some articles were annotated more than once). Its content is the Content span (a discontinuous
//   span is taken from its first to its last character); its source the Source span, if any.
// - Exact: spans equal after trimming white space, quotation marks and edge punctuation on both sides
//   and a leading "that" (PolNeAR contents include the complementiser; ours start after it).
// - Overlap: predicted and gold contents share a character (one-to-one, text order).
// - Source accuracy: over overlap-matched relations whose gold has a Source, the share where our
//   speaker span overlaps it (PolNeAR marks the source where it is written, "he", not its antecedent).
// - Train subset: every 4th train article in name order (210), to keep the whole eval fast.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Quote } from '../src/types.js';
import { defaultAnalyzer, type Analyzer } from './analyzer.js';
import { ratio } from './metrics.js';
import { pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';
import { exactMatches, overlapPairs, prf, prfSummary, prfTable, type TypedSpan } from './span-score.js';

const TITLE = 'PolNeAR attributions (quotes dev + train subset)';
const QUOTES_DIR = join('data', 'quotes');
const TRAIN_STRIDE = 4;

export interface GoldAttribution {
  content: { start: number; end: number };
  source: { start: number; end: number } | null;
}

/** Attribution relations of one brat .ann file. */
export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, { start: number; end: number }>();
  const relations: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const m = /^(T\d+)\t\S+ ([\d ;]+)\t?/.exec(line);
      if (!m) continue;
      const nums = m[2].split(/[ ;]/).filter(Boolean).map(Number);
      spans.set(m[1], { start: Math.min(...nums), end: Math.max(...nums) });
    } else if (line.startsWith('E')) relations.push(line);
  }
  const out: GoldAttribution[] = [];
  for (const r of relations) {
    const content = /\bContent:(T\d+)/.exec(r)?.[1];
    const source = /\bSource:(T\d+)/.exec(r)?.[1];
    const c = content ? spans.get(content) : undefined;
    if (!c) continue;
    out.push({ content: c, source: source ? (spans.get(source) ?? null) : null });
  }
  return out.sort((a, b) => a.content.start - b.content.start);
}

const EDGE = /[\s"“”‘’'«».,;:!?()—–-]/;

/** Trim white space, quotation marks, edge punctuation and a leading "that" from a span. */
export function normaliseContent(text: string, s: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = s;
  for (let round = 0; round < 2; round++) {
    while (start < end && EDGE.test(text[start])) start++;
    while (end > start && EDGE.test(text[end - 1])) end--;
    if (/^that\s/i.test(text.slice(start, start + 5))) start += 5;
  }
  return { start, end };
}

export interface QuoteCounts {
  gold: number;
  pred: number;
  exact: number;
  overlapGold: number;
  withSource: number;
  sourceOk: number;
}

/** Score one article. */
export function countQuotes(text: string, gold: readonly GoldAttribution[], pred: readonly Quote[], c: QuoteCounts): void {
  const g: TypedSpan[] = gold.map((x) => ({ ...normaliseContent(text, x.content), type: 'Q' }));
  const p: TypedSpan[] = pred.map((x) => ({ ...normaliseContent(text, x.content), type: 'Q' }));
  c.gold += g.length;
  c.pred += p.length;
  c.exact += exactMatches(g, p, false);
  const pairs = overlapPairs(g, p);
  c.overlapGold += pairs.length;
  for (const [gi, pi] of pairs) {
    const src = gold[gi].source;
    if (!src) continue;
    c.withSource++;
    const sp = pred[pi].speaker;
    if (sp && sp.start < src.end && src.start < sp.end) c.sourceOk++;
  }
}

interface PolnearArticle {
  id: string;
  date: string;
  text: string;
  gold: GoldAttribution[];
}

function loadArticles(sharedDir: string): PolnearArticle[] {
  const dates = new Map<string, string>();
  const meta = readFileSync(join(sharedDir, QUOTES_DIR, 'metadata.tsv'), 'utf8').split('\n');
  const head = meta[0].split('\t');
  const fi = head.indexOf('filename');
  const di = head.indexOf('publication_date');
  for (const line of meta.slice(1)) {
    const cols = line.split('\t');
    if (cols[fi] && /^\d{4}-\d\d-\d\d$/.test(cols[di] ?? '')) dates.set(cols[fi], cols[di]);
  }
  const out: PolnearArticle[] = [];
  for (const part of ['dev', 'train']) {
    const dir = join(sharedDir, QUOTES_DIR, part);
    const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
    const firstAnn = new Map<string, string>();
    for (const f of anns) {
      const article = f.replace(/_[^_]+\.ann$/, '');
      if (!firstAnn.has(article)) firstAnn.set(article, f);
    }
    const names = [...firstAnn.keys()].sort().filter((_, i) => part === 'dev' || i % TRAIN_STRIDE === 0);
    for (const name of names) {
      const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
      const gold = parseAnn(readFileSync(join(dir, 'attributions', firstAnn.get(name)!), 'utf8'));
      out.push({ id: `${part}/${name}`, date: dates.get(name) ?? '2016-10-01', text, gold });
    }
  }
  return out;
}

export function runQuotes(options: EvalOptions, analyze: Analyzer): SetReport {
  const articles = limited(loadArticles(options.sharedDir), options.limit);
  const c: QuoteCounts = { gold: 0, pred: 0, exact: 0, overlapGold: 0, withSource: 0, sourceOk: 0 };
  const dev: QuoteCounts = { ...c };
  for (const a of articles) {
    const quotes = analyze({ id: a.id, date: a.date, text: a.text }).quotes;
    countQuotes(a.text, a.gold, quotes, c);
    if (a.id.startsWith('dev/')) countQuotes(a.text, a.gold, quotes, dev);
  }
  const exact = prf(c.gold, c.pred, c.exact);
  const overlap = prf(c.gold, c.pred, c.overlapGold);
  const srcAcc = ratio(c.sourceOk, c.withSource);
  const devOverlap = prf(dev.gold, dev.pred, dev.overlapGold);
  const met = overlap.f1 >= 0.7 && srcAcc >= 0.7;
  return {
    name: 'quotes',
    title: TITLE,
    data: 'data/quotes/{dev,train}',
    items: articles.length,
    summary: [
      { label: 'content F1 (overlap)', value: prfSummary(overlap) },
      { label: 'source accuracy (of matched, gold source)', value: `${pct(srcAcc)} (${c.sourceOk}/${c.withSource})` },
      { label: 'content F1 (exact, trimmed)', value: prfSummary(exact) },
      { label: 'dev only: content F1 (overlap); source accuracy', value: `${prfSummary(devOverlap)}; ${pct(ratio(dev.sourceOk, dev.withSource))}` },
      { label: 'target overlap F1 ≥ 70 and source ≥ 70%', value: met ? 'met' : 'not met' },
    ],
    tables: [prfTable('Content spans', [['exact (trimmed)', exact], ['overlap', overlap], ['dev only, overlap', devOverlap]])],
    notes: [
      `Articles: all of quotes/dev and every ${TRAIN_STRIDE}th of quotes/train (name order); first annotation file per article.`,
      'Exact compares spans trimmed of white space, quotation marks, edge punctuation and a leading "that".',
    ],
  };
}

export const quotes: Scorer = {
  name: 'quotes',
  title: TITLE,
  run: (options) => runQuotes(options, defaultAnalyzer()),
};
