// CoNLL-2003 English NER (eng.testa, IOB2): entity precision/recall/F1, exact span and type, for PER,
// ORG and LOC (the headline, micro-averaged over those three) and MISC (reported apart).
//
// Choices:
// - Documents. This copy has no -DOCSTART- lines, so documents are rebuilt from the Reuters layout:
//   a dateline sentence ("LONDON 1996-08-30", a place then an ISO date) starts a new document, which
//   also takes the headline sentence just before it. Sentences before the first dateline form one
//   document. This restores the per-article context (document-level consistency) the tagger uses.
// - Text. Each sentence's tokens are joined by spaces, except no space before closing punctuation and
//   clitics (, . ; : ! ? ) 's n't %) and none after ( and $; sentences are separated by a blank line.
//   A token map keeps every token's character span, so gold entities become character spans.
// - Article date: the document's dateline date (else 1996-08-30).
// - Types: ours map PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT→MISC. Headline F1 counts gold
//   and predicted PER/ORG/LOC only (our MISC and gold MISC left out); MISC is scored on its own row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, EntityType } from '../src/types.js';
import { defaultAnalyzer, type Analyzer } from './analyzer.js';
import { pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';
import { exactMatches, prf, prfSummary, prfTable, type Prf, type TypedSpan } from './span-score.js';

export const CONLL_FILE = join('data', 'conll2003', 'eng.testa');
const TITLE = 'CoNLL-2003 English NER (eng.testa)';
const FALLBACK_DATE = '1996-08-30';
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

export interface ConllSentence {
  tokens: string[];
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
  text: string;
  date: string;
  /** Gold entities as character spans into text. */
  gold: TypedSpan[];
}

/** Sentences of a CoNLL file (word POS chunk NER per line, blank line between sentences). */
export function parseConll(raw: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let cur: ConllSentence = { tokens: [], tags: [] };
  for (const line of raw.split('\n')) {
    const l = line.trim();
    if (l === '' || l.startsWith('-DOCSTART-')) {
      if (cur.tokens.length) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const cols = l.split(/\s+/);
    cur.tokens.push(cols[0]);
    cur.tags.push(cols[cols.length - 1]);
  }
  if (cur.tokens.length) out.push(cur);
  return out;
}

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

/** Is this sentence a Reuters dateline ("LONDON 1996-08-30", "RIO DE JANEIRO 1996-08-30")? */
export function isDateline(s: ConllSentence): boolean {
  const n = s.tokens.length;
  return n >= 2 && n <= 6 && ISO_DATE.test(s.tokens[n - 1]);
}

/** Group sentences into documents: a dateline and the headline before it start a new one. */
export function groupDocuments(sentences: readonly ConllSentence[]): ConllSentence[][] {
  const docs: ConllSentence[][] = [];
  let cur: ConllSentence[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    if (isDateline(s) && cur.length > 0) {
      // the headline right before the dateline belongs to the new document
      const headline = cur.pop() as ConllSentence;
      if (cur.length) docs.push(cur);
      cur = [headline];
    }
    cur.push(s);
  }
  if (cur.length) docs.push(cur);
  return docs;
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '%', "'s", "'S", "n't", "'"]);
const NO_SPACE_AFTER = new Set(['(', '[', '$']);

/** Text of a document and each token's [start, end), per sentence. */
export function detokenise(sentences: readonly ConllSentence[]): { text: string; spans: [number, number][][] } {
  let text = '';
  const spans: [number, number][][] = [];
  for (let si = 0; si < sentences.length; si++) {
    if (si > 0) text += '\n\n';
    const toks = sentences[si].tokens;
    const sp: [number, number][] = [];
    for (let i = 0; i < toks.length; i++) {
      if (i > 0 && !NO_SPACE_BEFORE.has(toks[i]) && !NO_SPACE_AFTER.has(toks[i - 1])) text += ' ';
      sp.push([text.length, text.length + toks[i].length]);
      text += toks[i];
    }
    spans.push(sp);
  }
  return { text, spans };
}

/** IOB2 tags to typed token ranges [first, last). A stray I- starts an entity (as conlleval does). */
export function iobEntities(tags: readonly string[]): { first: number; last: number; type: string }[] {
  const out: { first: number; last: number; type: string }[] = [];
  let open: { first: number; last: number; type: string } | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const type = t.length > 2 ? t.slice(2) : '';
    const continues = t.startsWith('I-') && open !== null && open.type === type;
    if (continues && open) {
      open.last = i + 1;
      continue;
    }
    if (open) out.push(open);
    open = t.startsWith('B-') || t.startsWith('I-') ? { first: i, last: i + 1, type } : null;
  }
  if (open) out.push(open);
  return out;
}

/** Build the scored documents from the raw file. */
export function conllDocuments(raw: string): ConllDocument[] {
  return groupDocuments(parseConll(raw)).map((sentences) => {
    const { text, spans } = detokenise(sentences);
    const gold: TypedSpan[] = [];
    sentences.forEach((s, si) => {
      for (const e of iobEntities(s.tags)) gold.push({ start: spans[si][e.first][0], end: spans[si][e.last - 1][1], type: e.type });
    });
    const dl = sentences.find(isDateline);
    const date = dl ? dl.tokens[dl.tokens.length - 1] : FALLBACK_DATE;
    return { sentences, text, date, gold };
  });
}

const TYPE_MAP: Record<EntityType, string> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC', NORP: 'MISC', EVENT: 'MISC' };

/** Our entity type in CoNLL terms. */
export function conllType(t: EntityType): string {
  return TYPE_MAP[t];
}

export interface ConllCounts {
  /** Per type: [gold, predicted, correct]. */
  byType: Map<string, [number, number, number]>;
}

/** Add one document's exact span+type matches into `counts`. */
export function countDocument(gold: readonly TypedSpan[], pred: readonly TypedSpan[], counts: ConllCounts): void {
  for (const type of CONLL_TYPES) {
    const g = gold.filter((s) => s.type === type);
    const p = pred.filter((s) => s.type === type);
    const c = counts.byType.get(type) ?? [0, 0, 0];
    c[0] += g.length;
    c[1] += p.length;
    c[2] += exactMatches(g, p);
    counts.byType.set(type, c);
  }
}

/** P/R/F1 for a set of types (micro average). */
export function scoreTypes(counts: ConllCounts, types: readonly string[]): Prf {
  let g = 0;
  let p = 0;
  let tp = 0;
  for (const t of types) {
    const c = counts.byType.get(t) ?? [0, 0, 0];
    g += c[0];
    p += c[1];
    tp += c[2];
  }
  return prf(g, p, tp);
}

export function runConll(options: EvalOptions, analyze: Analyzer): SetReport {
  const raw = readFileSync(join(options.sharedDir, CONLL_FILE), 'utf8');
  const docs = limited(conllDocuments(raw), options.limit);
  const counts: ConllCounts = { byType: new Map() };
  let sentences = 0;
  docs.forEach((d, i) => {
    sentences += d.sentences.length;
    const article: Article = { id: `conll-testa-${i}`, date: d.date, text: d.text };
    const pred = analyze(article).entities.map((e) => ({ start: e.start, end: e.end, type: conllType(e.type) }));
    countDocument(d.gold, pred, counts);
  });
  const main = scoreTypes(counts, ['PER', 'ORG', 'LOC']);
  const all = scoreTypes(counts, CONLL_TYPES);
  return {
    name: 'conll',
    title: TITLE,
    data: CONLL_FILE,
    items: docs.length,
    summary: [
      { label: 'entity F1 PER/ORG/LOC (exact span+type)', value: prfSummary(main) },
      { label: 'entity F1 all four types', value: prfSummary(all) },
      { label: 'sentences', value: String(sentences) },
      { label: 'target F1 ≥ 80 (PER/ORG/LOC)', value: main.f1 >= 0.8 ? 'met' : `not met (${pct(main.f1)})` },
    ],
    tables: [
      prfTable('Per type (exact span and type)', [
        ...CONLL_TYPES.map((t): [string, Prf] => [t, scoreTypes(counts, [t])]),
        ['PER+ORG+LOC', main],
        ['all', all],
      ]),
    ],
    notes: [
      'Documents rebuilt from datelines (headline + dateline start a document); tokens joined with spaces, sentences by blank lines.',
      'Type map: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT→MISC. The headline excludes MISC on both sides.',
    ],
  };
}

export const conll: Scorer = {
  name: 'conll',
  title: TITLE,
  run: (options) => runConll(options, defaultAnalyzer()),
};
