// TimeBank + AQUAINT (TBAQ-cleaned, TimeML): TIMEX3 extents and values, the TempEval-3 measures.
//
// - Text: the content of <TEXT> with the inline tags removed (entities unescaped); the article date
//   is the document creation time (DCT), which is not itself scored.
// - Scope: DATE timexes (Dyad extracts calendar dates; TIME, DURATION and SET are out of scope). A
//   prediction that overlaps only a TIME/DURATION/SET timex is ignored, neither right nor wrong.
//   A second table scores against all four types for reference.
// - Extent: strict = same start and end; relaxed = overlapping (one-to-one, text order).
// - Value: among relaxed matches, the share whose value equals the gold value (value accuracy), and
//   value P/R/F1 counting only matches with the right value (TempEval-3's attribute F1).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAnalyzer, type Analyzer } from './analyzer.js';
import { ratio } from './metrics.js';
import { pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';
import { exactMatches, overlapPairs, prf, prfSummary, prfTable, type Prf, type TypedSpan } from './span-score.js';

const TITLE = 'TimeBank + AQUAINT timexes (TBAQ-cleaned)';
export const TIMEX_DIRS = ['TimeBank', 'AQUAINT'].map((d) => join('data', 'timex', 'TBAQ-cleaned', d));

export interface GoldTimex extends TypedSpan {
  value: string;
}

export interface TimeMlDoc {
  id: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCharCode(Number(e.slice(1))),
  );
}

function attr(tag: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
}

/** Parse a TimeML document: plain text of <TEXT> and its TIMEX3 spans. */
export function parseTimeMl(id: string, xml: string): TimeMlDoc {
  const dctTag = /<DCT>\s*(<TIMEX3[^>]*>)/.exec(xml)?.[1] ?? '';
  const dct = attr(dctTag, 'value').slice(0, 10);
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + 6, close) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let pending: { start: number; type: string; value: string } | null = null;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const chunk = lt < 0 ? body.slice(i) : body.slice(i, lt);
    text += unescapeXml(chunk);
    if (lt < 0) break;
    const gt = body.indexOf('>', lt);
    if (gt < 0) break;
    const tag = body.slice(lt, gt + 1);
    if (tag.startsWith('<TIMEX3')) pending = { start: text.length, type: attr(tag, 'type'), value: attr(tag, 'value') };
    else if (tag.startsWith('</TIMEX3') && pending) {
      timexes.push({ start: pending.start, end: text.length, type: pending.type, value: pending.value });
      pending = null;
    }
    i = gt + 1;
  }
  // trim the leading newline of <TEXT> without moving offsets: keep text as is
  return { id, dct: /^\d{4}-\d\d-\d\d$/.test(dct) ? dct : '1998-01-01', text, timexes };
}

export interface TimexCounts {
  gold: number;
  pred: number;
  strict: number;
  relaxed: number;
  valueOk: number;
}

function emptyCounts(): TimexCounts {
  return { gold: 0, pred: 0, strict: 0, relaxed: 0, valueOk: 0 };
}

/** Score one document's predictions against gold timexes of the given types. */
export function countTimexes(gold: readonly GoldTimex[], pred: readonly { start: number; end: number; value: string }[], types: ReadonlySet<string>, c: TimexCounts): void {
  const g = gold.filter((t) => types.has(t.type));
  const other = gold.filter((t) => !types.has(t.type));
  const touch = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const p = pred.filter((x) => !(other.some((o) => touch(o, x)) && !g.some((o) => touch(o, x)))).map((x) => ({ ...x, type: 'T' }));
  const gs = g.map((x) => ({ ...x, type: 'T' }));
  c.gold += gs.length;
  c.pred += p.length;
  c.strict += exactMatches(gs, p, false);
  const pairs = overlapPairs(gs, p);
  c.relaxed += pairs.length;
  for (const [gi, pi] of pairs) if (g[gi].value === p[pi].value) c.valueOk++;
}

function rows(c: TimexCounts): [string, Prf][] {
  return [
    ['extent strict', prf(c.gold, c.pred, c.strict)],
    ['extent relaxed', prf(c.gold, c.pred, c.relaxed)],
    ['value (relaxed extent + value)', prf(c.gold, c.pred, c.valueOk)],
  ];
}

export function runTimex(options: EvalOptions, analyze: Analyzer): SetReport {
  const docs: TimeMlDoc[] = [];
  for (const dir of TIMEX_DIRS) {
    const abs = join(options.sharedDir, dir);
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.tml')).sort()) docs.push(parseTimeMl(f, readFileSync(join(abs, f), 'utf8')));
  }
  const used = limited(docs, options.limit);
  const dateOnly = emptyCounts();
  const allTypes = emptyCounts();
  const DATE = new Set(['DATE']);
  const ALL = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
  for (const d of used) {
    const pred = analyze({ id: d.id, date: d.dct, text: d.text }).timexes;
    countTimexes(d.timexes, pred, DATE, dateOnly);
    countTimexes(d.timexes, pred, ALL, allTypes);
  }
  const [strict, relaxed, value] = rows(dateOnly);
  const acc = ratio(dateOnly.valueOk, dateOnly.relaxed);
  return {
    name: 'timex',
    title: TITLE,
    data: 'data/timex/TBAQ-cleaned/{TimeBank,AQUAINT}',
    items: used.length,
    summary: [
      { label: 'DATE value F1', value: prfSummary(value[1]) },
      { label: 'DATE value accuracy (of relaxed matches)', value: `${pct(acc)} (${dateOnly.valueOk}/${dateOnly.relaxed})` },
      { label: 'DATE extent F1 strict', value: prfSummary(strict[1]) },
      { label: 'DATE extent F1 relaxed', value: prfSummary(relaxed[1]) },
      { label: 'target value F1 ≥ 75', value: value[1].f1 >= 0.75 ? 'met' : `not met (${pct(value[1].f1)})` },
    ],
    tables: [prfTable('DATE timexes', rows(dateOnly)), prfTable('All TIMEX3 types (DATE, TIME, DURATION, SET), for reference', rows(allTypes))],
    notes: [
      'Scope: DATE timexes; predictions overlapping only TIME/DURATION/SET gold are ignored. The DCT is the article date and is not scored.',
      'Relaxed = overlapping extents, matched one-to-one in text order; value F1 counts a match only when the values are equal strings.',
    ],
  };
}

export const timex: Scorer = {
  name: 'timex',
  title: TITLE,
  run: (options) => runTimex(options, defaultAnalyzer()),
};
