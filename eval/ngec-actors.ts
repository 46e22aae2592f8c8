// ngec-actors: NGEC's actor-resolution test cases. The kinds Dyad can answer (nationality, agent_sector,
// actor_code) are resolved with resolveActorText(text, date) and scored on the fields Dyad codes: the
// country and the sector codes (code_1, code_2). Wikipedia titles, jobs, residual text and the
// wiki_title / agent_match kinds test NGEC's Wikipedia lookup and are reported as not applicable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorCode } from '../src/types.js';
import type { ActorKnowledge } from '../src/knowledge/actors.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { resolveActorText } from '../src/extract/actors.js';
import { ratio } from './metrics.js';
import { pct, type SetReport, type Table } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';

export const NGEC_FILE = 'data/ngec-actors/actor_resolution_cases.jsonl';
export const NGEC_KINDS = ['nationality', 'agent_sector', 'actor_code'] as const;
const title = 'NGEC actor-resolution cases: country and sector codes';

export interface NgecAssertion {
  field: string;
  op: string;
  value: unknown;
}

export interface NgecCase {
  index: number;
  case_id: string;
  kind: string;
  input: { text?: string; query_date?: string; context?: string };
  assertions: NgecAssertion[];
  expect_none: boolean;
  self_contradictory?: unknown;
}

/** Cases of a JSONL file, in file order. */
export function parseNgec(text: string): NgecCase[] {
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as NgecCase);
}

/** Codes that are not countries but whole-code prefixes in Dyad (IGO, UNO, EUR, ...). */
function isCountry(v: string, countries: ReadonlySet<string>): boolean {
  return /^[A-Z]{3}$/.test(v) && countries.has(v);
}

function countryOk(r: ActorCode, v: string, countries: ReadonlySet<string>): boolean {
  if (v === '') return r.country === null;
  if (isCountry(v, countries)) return r.country === v;
  return (r.code ?? '').includes(v); // IGO, EUR, UNO: part of Dyad's organisation code
}

// '' / UNK (unknown) / JNK (junk) all mean "no sector".
function sectorOk(r: ActorCode, v: string): boolean {
  if (v === '' || v === 'UNK' || v === 'JNK') return r.sectors.filter((s) => s !== 'IGO').length === 0;
  return r.sectors.includes(v);
}

function check(a: NgecAssertion, r: ActorCode, countries: ReadonlySet<string>): boolean {
  const one = (v: unknown) => (a.field === 'country' ? countryOk(r, String(v ?? ''), countries) : sectorOk(r, String(v ?? '')));
  if (a.op === '==') return one(a.value);
  if (a.op === '!=') return !one(a.value);
  if (a.op === 'in' && Array.isArray(a.value)) return a.value.some(one);
  return true;
}

export interface NgecCaseResult {
  case_id: string;
  kind: string;
  /** null when the case asserts nothing about the country (or sectors). */
  countryOk: boolean | null;
  sectorOk: boolean | null;
  /** Every scored assertion holds (null when the case has none Dyad can answer). */
  ok: boolean | null;
  predicted: string | null;
}

const SCORED_OPS = new Set(['==', '!=', 'in']);

/** Score one case against a resolved actor; `countries` is the set of ISO3 codes Dyad knows. */
export function scoreNgecCase(c: NgecCase, r: ActorCode, countries: ReadonlySet<string>): NgecCaseResult {
  const base = { case_id: c.case_id, kind: c.kind, predicted: r.code };
  if (!(NGEC_KINDS as readonly string[]).includes(c.kind) || c.self_contradictory) return { ...base, countryOk: null, sectorOk: null, ok: null };
  if (c.expect_none) {
    // "no actor": a nonsense or unknown-person string must resolve to nothing
    const ok = r.code === null;
    return { ...base, countryOk: ok, sectorOk: ok, ok };
  }
  const relevant = c.assertions.filter((a) => SCORED_OPS.has(a.op));
  const countries_ = relevant.filter((a) => a.field === 'country');
  const sectors = relevant.filter((a) => a.field === 'code_1' || a.field === 'code_2');
  const cOk = countries_.length ? countries_.every((a) => check(a, r, countries)) : null;
  const sOk = sectors.length ? sectors.every((a) => check(a, r, countries)) : null;
  const ok = cOk === null && sOk === null ? null : cOk !== false && sOk !== false;
  return { ...base, countryOk: cOk, sectorOk: sOk, ok };
}

export interface NgecSummary {
  cases: number;
  scored: number;
  correct: number;
  country: { n: number; ok: number };
  sector: { n: number; ok: number };
  byKind: Map<string, { n: number; ok: number }>;
  notApplicable: Map<string, number>;
  failures: NgecCaseResult[];
}

export function summarizeNgec(cases: readonly NgecCase[], results: readonly NgecCaseResult[]): NgecSummary {
  const s: NgecSummary = {
    cases: cases.length, scored: 0, correct: 0, country: { n: 0, ok: 0 }, sector: { n: 0, ok: 0 },
    byKind: new Map(), notApplicable: new Map(), failures: [],
  };
  results.forEach((r, i) => {
    const c = cases[i];
    if (r.ok === null) {
      const why = c.self_contradictory ? 'self-contradictory' : (NGEC_KINDS as readonly string[]).includes(c.kind) ? 'no country/sector assertion' : c.kind;
      s.notApplicable.set(why, (s.notApplicable.get(why) ?? 0) + 1);
      return;
    }
    s.scored++;
    if (r.ok) s.correct++;
    else s.failures.push(r);
    if (r.countryOk !== null) {
      s.country.n++;
      if (r.countryOk) s.country.ok++;
    }
    if (r.sectorOk !== null) {
      s.sector.n++;
      if (r.sectorOk) s.sector.ok++;
    }
    const k = s.byKind.get(r.kind) ?? { n: 0, ok: 0 };
    k.n++;
    if (r.ok) k.ok++;
    s.byKind.set(r.kind, k);
  });
  return s;
}

/** Resolve and score every case with the given actor knowledge. */
export function runNgec(cases: readonly NgecCase[], k: ActorKnowledge): NgecCaseResult[] {
  const countries = new Set(k.countryNames.keys());
  return cases.map((c) => {
    const r = resolveActorText(c.input.text ?? '', c.input.query_date ?? null, k, c.input.context ?? null);
    return scoreNgecCase(c, r, countries);
  });
}

export const ngecActors: Scorer = {
  name: 'ngec-actors',
  title,
  run(options: EvalOptions): SetReport {
    const cases = limited(parseNgec(readFileSync(join(options.sharedDir, NGEC_FILE), 'utf8')), options.limit);
    const s = summarizeNgec(cases, runNgec(cases, loadKnowledge().actors));
    const frac = (x: { n: number; ok: number }) => `${pct(ratio(x.ok, x.n))} (${x.ok}/${x.n})`;
    const kinds: Table = {
      title: 'Per kind (all scored assertions right)',
      headers: ['kind', 'cases', 'correct', 'accuracy'],
      rows: [...NGEC_KINDS].filter((k) => s.byKind.has(k)).map((k) => {
        const v = s.byKind.get(k)!;
        return [k, String(v.n), String(v.ok), pct(ratio(v.ok, v.n))];
      }),
    };
    const na: Table = {
      title: 'Not applicable (not scored)',
      headers: ['reason', 'cases'],
      rows: [...s.notApplicable.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([k, n]) => [k, String(n)]),
    };
    return {
      name: 'ngec-actors',
      title,
      data: NGEC_FILE,
      items: s.scored,
      summary: [
        { label: 'cases right (country and sectors)', value: frac({ n: s.scored, ok: s.correct }) },
        { label: 'country accuracy', value: frac(s.country) },
        { label: 'sector accuracy', value: frac(s.sector) },
        { label: 'cases not applicable', value: String(s.cases - s.scored) },
      ],
      tables: [kinds, na],
      notes: [
        'Resolved with resolveActorText(text, query_date, context): the context gives the country when the phrase names none. "today" dates resolve as undated.',
        'Country "" must be no country; IGO/EUR/UNO must appear in the code; sector ""/UNK/JNK must be no sector. expect_none cases must resolve to no code.',
        'Wikipedia title, job, residual text and pattern assertions are not scored (Dyad has no Wikipedia index).',
      ],
    };
  },
};
