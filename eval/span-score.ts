// Span-level precision/recall/F1 shared by the entity, toponym, timex and quotation scorers.
// Exact matching pairs spans with the same start, end (and type, when typed); overlap matching pairs
// each gold span with at most one predicted span that shares a character with it (one-to-one, greedy
// in text order, so the figures are deterministic).
import { f1, ratio } from './metrics.js';
import { dec, type Table } from './report.js';

export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

export interface Prf {
  gold: number;
  predicted: number;
  /** Gold spans matched. */
  tp: number;
  /** Predicted spans matched (equals tp for exact matching). */
  tpPred: number;
  precision: number;
  recall: number;
  f1: number;
}

/** P/R/F1 from counts. With overlap matching, tpGold (matched gold) and tpPred (matched predictions) may differ. */
export function prf(gold: number, predicted: number, tpGold: number, tpPred: number = tpGold): Prf {
  const precision = ratio(tpPred, predicted);
  const recall = ratio(tpGold, gold);
  return { gold, predicted, tp: tpGold, tpPred, precision, recall, f1: f1(precision, recall) };
}

/** Add several counts together (micro average). */
export function sumPrf(parts: readonly Prf[]): Prf {
  let g = 0;
  let p = 0;
  let tp = 0;
  let tpp = 0;
  for (const x of parts) {
    g += x.gold;
    p += x.predicted;
    tp += x.tp;
    tpp += x.tpPred;
  }
  return prf(g, p, tp, tpp);
}

function key(s: TypedSpan, typed: boolean): string {
  return typed ? `${s.start}:${s.end}:${s.type}` : `${s.start}:${s.end}`;
}

/** Number of gold spans matched exactly by a predicted span (multiset: each prediction used once). */
export function exactMatches(gold: readonly TypedSpan[], pred: readonly TypedSpan[], typed = true): number {
  const pool = new Map<string, number>();
  for (const p of pred) pool.set(key(p, typed), (pool.get(key(p, typed)) ?? 0) + 1);
  let tp = 0;
  for (const g of gold) {
    const k = key(g, typed);
    const n = pool.get(k) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(k, n - 1);
    }
  }
  return tp;
}

/**
 * One-to-one overlap matching: for each gold span in text order, the first unused prediction that
 * overlaps it (and has its type, when typed). Returns the pairs as [goldIndex, predIndex].
 */
export function overlapPairs(gold: readonly TypedSpan[], pred: readonly TypedSpan[], typed = false): [number, number][] {
  const gOrder = gold.map((_, i) => i).sort((a, b) => gold[a].start - gold[b].start || gold[a].end - gold[b].end);
  const pOrder = pred.map((_, i) => i).sort((a, b) => pred[a].start - pred[b].start || pred[a].end - pred[b].end);
  const used = new Uint8Array(pred.length);
  const pairs: [number, number][] = [];
  let lo = 0;
  for (const gi of gOrder) {
    const g = gold[gi];
    while (lo < pOrder.length && pred[pOrder[lo]].end <= g.start && used[pOrder[lo]]) lo++;
    for (let k = lo; k < pOrder.length; k++) {
      const pi = pOrder[k];
      const p = pred[pi];
      if (p.start >= g.end) break;
      if (used[pi] || p.end <= g.start || (typed && p.type !== g.type)) continue;
      used[pi] = 1;
      pairs.push([gi, pi]);
      break;
    }
  }
  return pairs;
}

/** A P/R/F1 table, one row per label. */
export function prfTable(title: string, rows: readonly [string, Prf][]): Table {
  return {
    title,
    headers: ['', 'gold', 'predicted', 'correct', 'precision', 'recall', 'F1'],
    rows: rows.map(([label, s]) => [label, String(s.gold), String(s.predicted), String(s.tp), dec(s.precision), dec(s.recall), dec(s.f1)]),
  };
}

/** "F1 0.812 (P 0.80, R 0.83)". */
export function prfSummary(s: Prf): string {
  return `${(s.f1 * 100).toFixed(1)} (P ${(s.precision * 100).toFixed(1)}, R ${(s.recall * 100).toFixed(1)})`;
}
