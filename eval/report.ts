// The shape every scorer returns, and how it is rendered: aligned text for stdout, Markdown for
// EVALUATION.md. Scorers build tables of strings; rendering never recomputes figures.
import type { ClassScore, Confusion } from './metrics.js';

export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Per-column alignment; default: first column left, the others right (numbers). */
  align?: ('left' | 'right')[];
}

export interface SetReport {
  /** Registry name (`--set` value), e.g. `plv`. */
  name: string;
  title: string;
  /** Data file(s), relative to the shared directory. */
  data: string;
  /** Items scored (after --limit). */
  items: number;
  /** Headline figures, in display order. */
  summary: { label: string; value: string }[];
  tables: Table[];
  notes: string[];
}

/** 0.5321 → "53.2%". */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** Fixed three decimals, e.g. for F1. */
export function dec(x: number): string {
  return x.toFixed(3);
}

/** Per-class precision/recall/F1 as a table. */
export function classTable(title: string, scores: readonly ClassScore[]): Table {
  return {
    title,
    headers: ['class', 'gold', 'predicted', 'correct', 'precision', 'recall', 'F1'],
    rows: scores.map((c) => [c.label, String(c.support), String(c.predicted), String(c.tp), dec(c.precision), dec(c.recall), dec(c.f1)]),
  };
}

/** A confusion matrix as a table: one row per gold class, one column per predicted label. */
export function confusionTable(title: string, m: Confusion): Table {
  return {
    title,
    headers: ['gold \\ predicted', ...m.columns],
    rows: m.rows.map((r, i) => [r, ...m.counts[i].map((n) => (n === 0 ? '.' : String(n)))]),
  };
}

function widths(t: Table): number[] {
  return t.headers.map((h, c) => Math.max(h.length, ...t.rows.map((r) => (r[c] ?? '').length)));
}

/** Aligned plain-text rendering of a table (first column left-aligned, the rest right-aligned). */
export function renderTextTable(t: Table): string {
  const w = widths(t);
  const left = (c: number) => (t.align ? t.align[c] !== 'right' : c === 0);
  const line = (cells: string[]) =>
    cells.map((s, c) => (left(c) ? s.padEnd(w[c]) : s.padStart(w[c]))).join('  ').trimEnd();
  return [t.title, line(t.headers), w.map((n) => '-'.repeat(n)).join('  '), ...t.rows.map(line)].join('\n');
}

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** GitHub-flavoured Markdown rendering of a table. */
export function renderMarkdownTable(t: Table): string {
  const head = `| ${t.headers.map(mdCell).join(' | ')} |`;
  const left = (c: number) => (t.align ? t.align[c] !== 'right' : c === 0);
  const sep = `|${t.headers.map((_, c) => (left(c) ? '---' : '---:')).join('|')}|`;
  const body = t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}

/** One set's report as text for the terminal. */
export function renderText(r: SetReport): string {
  const out = [`== ${r.title} [${r.name}] — ${r.items} items (${r.data})`];
  const lw = Math.max(...r.summary.map((s) => s.label.length), 0);
  for (const s of r.summary) out.push(`  ${s.label.padEnd(lw)}  ${s.value}`);
  for (const t of r.tables) out.push('', renderTextTable(t));
  for (const n of r.notes) out.push(`note: ${n}`);
  return out.join('\n');
}

/** One set's report as a Markdown section. */
export function renderMarkdown(r: SetReport): string {
  const out = [`## ${r.title} (\`${r.name}\`)`, '', `Data: \`../shared/${r.data}\`, ${r.items} items.`, ''];
  out.push(renderMarkdownTable({ title: '', headers: ['metric', 'value'], rows: r.summary.map((s) => [s.label, s.value]) }));
  for (const t of r.tables) out.push('', `### ${t.title}`, '', renderMarkdownTable(t));
  if (r.notes.length) out.push('', ...r.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

/** One row per set: its size and its first two headline figures. */
export function overviewTable(reports: readonly SetReport[]): Table {
  return {
    title: 'Overview',
    headers: ['set', 'items', 'headline', 'second'],
    rows: reports.map((r) => [
      r.name,
      String(r.items),
      r.summary[0] ? `${r.summary[0].label}: ${r.summary[0].value}` : '',
      r.summary[1] ? `${r.summary[1].label}: ${r.summary[1].value}` : '',
    ]),
    align: ['left', 'right', 'left', 'left'],
  };
}
