// MEANTIME (NewsReader, Wikinews; corpus_airbus + corpus_apple): named-entity precision/recall/F1.
//
// Gold: ENTITY_MENTIONs with syntactic_type NAM (proper-name mentions; nominal and pronominal mentions
// are out of scope for a named-entity tagger), typed by the ENTITY their REFERS_TO relation points to.
// MEANTIME types map PER→PER, ORG→ORG, LOC→LOC; PRO (products) and FIN (financial) have no equivalent
// in our scheme and are not scored: a prediction overlapping only such a mention is ignored, not
// counted as an error. NAM extents may begin with an article ("the US"): the leading "the" is removed
// from gold spans. Nested NAM mentions ("San Francisco" inside "the Moscone West center in San
// Francisco") are all kept; we output flat spans, so at most one of a nest can match exactly.
// Ours map PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; NORP and EVENT are not scored.
// Text: tokens joined with spaces (no space before closing punctuation), sentences by blank lines;
// the article date is the CREATION_TIME TIMEX3.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../src/types.js';
import { defaultAnalyzer, type Analyzer } from './analyzer.js';
import { type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';
import { exactMatches, overlapPairs, prf, prfSummary, prfTable, type Prf, type TypedSpan } from './span-score.js';

const TITLE = 'MEANTIME named entities (airbus, apple)';
export const MEANTIME_DIRS = ['corpus_airbus', 'corpus_apple'].map((d) => join('data', 'meantime', d));
const TYPES = ['PER', 'ORG', 'LOC'] as const;

export interface MeantimeDoc {
  id: string;
  text: string;
  date: string;
  /** Scored gold mentions (PER/ORG/LOC). */
  gold: TypedSpan[];
  /** NAM mentions of unscored types (PRO, FIN): predictions on them are ignored. */
  ignored: TypedSpan[];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCharCode(Number(e.slice(1))),
  );
}

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', "'s", "n't", '%']);

/** Parse one MEANTIME document. */
export function parseMeantime(id: string, xml: string): MeantimeDoc {
  // tokens, in file order (which is text order)
  const tokRe = /<token\b([^>]*)>([^<]*)<\/token>/g;
  const span = new Map<string, [number, number]>();
  let text = '';
  let prevSent = '';
  let prevTok = '';
  for (let m = tokRe.exec(xml); m; m = tokRe.exec(xml)) {
    const tok = unescapeXml(m[2]);
    const sent = /\bsentence="(\d+)"/.exec(m[1])?.[1] ?? '';
    const tid = /\bt_id="(\d+)"/.exec(m[1])?.[1] ?? '';
    if (text.length > 0) {
      if (sent !== prevSent) text += '\n\n';
      else if (!NO_SPACE_BEFORE.has(tok) && prevTok !== '(' && prevTok !== '$') text += ' ';
    }
    span.set(tid, [text.length, text.length + tok.length]);
    text += tok;
    prevSent = sent;
    prevTok = tok;
  }
  const entType = new Map<string, string>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*)\/?>/g)) {
    const t = /\bent_type="(\w*)"/.exec(m[1]);
    const id = /\bm_id="(\d+)"/.exec(m[1]);
    if (t && id) entType.set(id[1], t[1]);
  }
  const refers = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]);
    if (!target) continue;
    for (const s of m[1].matchAll(/<source m_id="(\d+)"/g)) refers.set(s[1], target[1]);
  }
  const gold: TypedSpan[] = [];
  const ignored: TypedSpan[] = [];
  for (const m of xml.matchAll(/<ENTITY_MENTION\b([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    if (!/\bsyntactic_type="NAM"/.test(m[1])) continue;
    const mid = /\bm_id="(\d+)"/.exec(m[1])?.[1] ?? '';
    const type = entType.get(refers.get(mid) ?? '') ?? '';
    const ids = [...m[2].matchAll(/t_id="(\d+)"/g)].map((x) => x[1]).filter((t) => span.has(t));
    if (ids.length === 0) continue;
    let start = Math.min(...ids.map((t) => span.get(t)![0]));
    const end = Math.max(...ids.map((t) => span.get(t)![1]));
    if (/^the\s/i.test(text.slice(start, end)) && end - start > 4) start += 4;
    if ((TYPES as readonly string[]).includes(type)) gold.push({ start, end, type });
    else ignored.push({ start, end, type: type || '?' });
  }
  const date = /functionInDocument="CREATION_TIME"[^>]*\bvalue="(\d{4}-\d\d-\d\d)/.exec(xml)?.[1] ?? '2008-01-01';
  return { id, text, date, gold, ignored };
}

const TYPE_MAP: Partial<Record<EntityType, string>> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', FAC: 'LOC' };

/** Our predictions in MEANTIME terms, without those that only touch unscored (PRO/FIN) mentions. */
export function meantimePredictions(entities: readonly { start: number; end: number; type: EntityType }[], doc: Pick<MeantimeDoc, 'gold' | 'ignored'>): TypedSpan[] {
  const touch = (a: TypedSpan, b: TypedSpan) => a.start < b.end && b.start < a.end;
  const out: TypedSpan[] = [];
  for (const e of entities) {
    const type = TYPE_MAP[e.type];
    if (!type) continue;
    const p = { start: e.start, end: e.end, type };
    if (doc.ignored.some((g) => touch(g, p)) && !doc.gold.some((g) => touch(g, p))) continue;
    out.push(p);
  }
  return out;
}

export function runMeantime(options: EvalOptions, analyze: Analyzer): SetReport {
  const docs: MeantimeDoc[] = [];
  for (const dir of MEANTIME_DIRS) {
    const abs = join(options.sharedDir, dir);
    for (const f of readdirSync(abs).filter((x) => x.endsWith('.xml')).sort()) docs.push(parseMeantime(f.replace(/\.xml$/, ''), readFileSync(join(abs, f), 'utf8')));
  }
  const used = limited(docs, options.limit);
  const exact = new Map<string, [number, number, number]>();
  let og = 0;
  let op = 0;
  let otg = 0;
  let otp = 0;
  for (const d of used) {
    const pred = meantimePredictions(analyze({ id: d.id, date: d.date, text: d.text }).entities, d);
    for (const t of TYPES) {
      const g = d.gold.filter((s) => s.type === t);
      const p = pred.filter((s) => s.type === t);
      const c = exact.get(t) ?? [0, 0, 0];
      exact.set(t, [c[0] + g.length, c[1] + p.length, c[2] + exactMatches(g, p)]);
    }
    const pairs = overlapPairs(d.gold, pred, true);
    og += d.gold.length;
    op += pred.length;
    otg += pairs.length;
    otp += pairs.length;
  }
  const row = (ts: readonly string[]): Prf => {
    let g = 0;
    let p = 0;
    let tp = 0;
    for (const t of ts) {
      const c = exact.get(t) ?? [0, 0, 0];
      g += c[0];
      p += c[1];
      tp += c[2];
    }
    return prf(g, p, tp);
  };
  const all = row(TYPES);
  const overlap = prf(og, op, otg, otp);
  return {
    name: 'meantime',
    title: TITLE,
    data: 'data/meantime/{corpus_airbus,corpus_apple}',
    items: used.length,
    summary: [
      { label: 'entity F1 PER/ORG/LOC (exact span+type)', value: prfSummary(all) },
      { label: 'entity F1, overlapping span + same type', value: prfSummary(overlap) },
    ],
    tables: [prfTable('Per type (exact span and type)', [...TYPES.map((t): [string, Prf] => [t, row([t])]), ['all', all], ['all, overlap', overlap]])],
    notes: [
      'Gold: NAM (proper-name) ENTITY_MENTIONs typed through REFERS_TO; PRO/FIN mentions unscored (predictions on them ignored); a leading "the" is dropped from gold extents.',
      'Type map: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC; NORP/EVENT not scored.',
    ],
  };
}

export const meantime: Scorer = {
  name: 'meantime',
  title: TITLE,
  run: (options) => runMeantime(options, defaultAnalyzer()),
};
