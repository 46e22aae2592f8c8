// Classification metrics shared by the scorers: accuracy, per-class precision/recall/F1, macro-F1 and a
// confusion matrix. All pure; labels are plain strings and class order is given by the caller so that
// every table comes out in the same order on every run.

export interface ClassScore {
  label: string;
  /** Gold items of this class. */
  support: number;
  /** Items predicted as this class. */
  predicted: number;
  tp: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One scored item: the gold label and the predicted label ('NONE' when nothing was predicted). */
export interface LabelPair {
  gold: string;
  pred: string;
}

/** a / b, or 0 when b is 0 (an empty class scores 0, never NaN). */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Harmonic mean of precision and recall; 0 when both are 0. */
export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Share of pairs whose prediction equals the gold label. */
export function accuracy(pairs: readonly LabelPair[]): number {
  let ok = 0;
  for (const p of pairs) if (p.gold === p.pred) ok++;
  return ratio(ok, pairs.length);
}

/** Precision, recall and F1 for each class in `classes`, in that order. */
export function perClass(pairs: readonly LabelPair[], classes: readonly string[]): ClassScore[] {
  return classes.map((label) => {
    let support = 0;
    let predicted = 0;
    let tp = 0;
    for (const p of pairs) {
      if (p.gold === label) support++;
      if (p.pred === label) predicted++;
      if (p.gold === label && p.pred === label) tp++;
    }
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { label, support, predicted, tp, precision, recall, f1: f1(precision, recall) };
  });
}

/** Unweighted mean of the per-class F1 over `classes` (classes without gold items still count). */
export function macroF1(pairs: readonly LabelPair[], classes: readonly string[]): number {
  const scores = perClass(pairs, classes);
  return ratio(
    scores.reduce((s, c) => s + c.f1, 0),
    scores.length,
  );
}

export interface Confusion {
  /** Row labels (gold). */
  rows: string[];
  /** Column labels (predicted): `columns` as given, plus any predicted label not among them, sorted. */
  columns: string[];
  /** counts[r][c]: items with gold rows[r] predicted as columns[c]. */
  counts: number[][];
}

/** Confusion matrix with gold rows and predicted columns. Gold labels outside `rows` are ignored. */
export function confusion(pairs: readonly LabelPair[], rows: readonly string[], columns: readonly string[]): Confusion {
  const cols = [...columns];
  const extra = new Set<string>();
  for (const p of pairs) if (!cols.includes(p.pred)) extra.add(p.pred);
  cols.push(...[...extra].sort());
  const counts = rows.map(() => cols.map(() => 0));
  for (const p of pairs) {
    const r = rows.indexOf(p.gold);
    if (r < 0) continue;
    counts[r][cols.indexOf(p.pred)]++;
  }
  return { rows: [...rows], columns: cols, counts };
}

/** Median of a list of numbers (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
