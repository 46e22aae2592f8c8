// petrarch: PETRARCH's own unit-test records (PETR.UnitTest.records.xml), coded from the raw <Text> only
// (never <Parse>) with the PETR.Validate.* dictionaries read by our PETRARCH-format readers, each
// record dated by its `date` attribute. Scored like PETRARCH's validator: expected (source, target,
// CAMEO) events reproduced, records exactly right, spurious events, and no-event records left empty.
// The categories named in <Include> are the headline; figures over every record are reported too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import type { Article, EventRecord } from '../src/types.js';
import { codeWithDiscards, formatErrors, loadPetrarchKnowledge } from '../src/knowledge/petrarch/index.js';
import { ratio } from './metrics.js';
import { pct, type SetReport, type Table } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';

export const PETRARCH_DIR = 'data/petrarch';
export const PETRARCH_FILE = `${PETRARCH_DIR}/PETR.UnitTest.records.xml`;

export interface Triple {
  source: string;
  target: string;
  code: string;
}

export interface PetrarchRecord {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  category: string;
  text: string;
  expected: Triple[];
  /** `noevents="True"`: nothing should be coded. */
  noEvents: boolean;
  /** `error="..."` records (discards, bad parses). */
  error: string | null;
}

export interface PetrarchFile {
  include: string[];
  dictionaries: { verbs?: string; actors?: string; agents?: string; discards?: string };
  records: PetrarchRecord[];
}

/** Read the validation XML: environment and records (the <Parse> trees are skipped). */
export function parsePetrarchRecords(xml: string): PetrarchFile {
  const parser = new SaxesParser({ position: false });
  const out: PetrarchFile = { include: [], dictionaries: {}, records: [] };
  let cur: PetrarchRecord | null = null;
  let textOf: string | null = null;
  let buf = '';
  parser.on('doctype', () => {
    throw new Error('DOCTYPE declarations are not allowed');
  });
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    const name = tag.name;
    if (name === 'Sentence') {
      const d = (a.date ?? '').trim();
      cur = { id: (a.id ?? '').trim(), date: d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d, category: (a.category ?? '').trim(), text: '', expected: [], noEvents: false, error: null };
    } else if (name === 'EventCoding' && cur) {
      if ((a.noevents ?? '').trim().toLowerCase() === 'true') cur.noEvents = true;
      else if (a.error !== undefined) cur.error = a.error.trim();
      else cur.expected.push({ source: (a.sourcecode ?? '').trim(), target: (a.targetcode ?? '').trim(), code: (a.eventcode ?? '').trim() });
    }
    if (['Text', 'Include', 'Verbfile', 'Actorfile', 'Agentfile', 'Discardfile'].includes(name)) {
      textOf = name;
      buf = '';
    }
  });
  parser.on('text', (t) => {
    if (textOf) buf += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === textOf) {
      const v = buf.replace(/\s+/g, ' ').trim();
      if (textOf === 'Text' && cur) cur.text = v;
      else if (textOf === 'Include') out.include = v.split(' ').filter(Boolean);
      else if (textOf === 'Verbfile') out.dictionaries.verbs = v;
      else if (textOf === 'Actorfile') out.dictionaries.actors = v;
      else if (textOf === 'Agentfile') out.dictionaries.agents = v;
      else if (textOf === 'Discardfile') out.dictionaries.discards = v;
      textOf = null;
    }
    if (tag.name === 'Sentence' && cur) {
      out.records.push(cur);
      cur = null;
    }
  });
  parser.write(xml).close();
  return out;
}

/**
 * An actor code as PETRARCH writes it: '---' for no actor, and '---' before the sectors of an agent with
 * no actor ("a senior official" → ---GOV).
 */
export function petrarchCode(a: { code: string | null; country: string | null; sectors: string[] } | null): string {
  if (!a || !a.code) return '---';
  if (a.country === null && a.sectors.length && a.code === a.sectors.join('')) return '---' + a.code;
  return a.code;
}

/** The (source, target, code) of each coded event, PETRARCH style, unique. */
export function triplesOf(events: readonly EventRecord[]): Triple[] {
  const seen = new Set<string>();
  const out: Triple[] = [];
  for (const e of events) {
    const t = { source: petrarchCode(e.source), target: petrarchCode(e.target), code: e.event.cameo };
    const k = key(t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}

function key(t: Triple): string {
  return `${t.source}|${t.target}|${t.code}`;
}

export interface RecordScore {
  id: string;
  category: string;
  /** Expected events (0 for no-event records). */
  expected: number;
  reproduced: number;
  spurious: number;
  /** All expected events reproduced and nothing else coded. */
  exact: boolean;
  /** For records that expect no events: whether none were coded. */
  noEventsCorrect: boolean | null;
  missed: Triple[];
  extra: Triple[];
}

/** Whether a record expects no events: `noevents` or a discard error. */
export function expectsNothing(r: PetrarchRecord): boolean {
  return r.noEvents || r.error === 'sentencediscard' || r.error === 'storydiscard';
}

/** Whether the record can be scored from raw text (a `bad_input_parse` error tests the parse only). */
export function scorable(r: PetrarchRecord): boolean {
  return r.error === null || expectsNothing(r);
}

/** Score one record: expected events matched one-to-one against predicted ones. */
export function scoreRecord(r: PetrarchRecord, predicted: readonly Triple[]): RecordScore {
  const pool = new Map<string, number>();
  for (const p of predicted) pool.set(key(p), (pool.get(key(p)) ?? 0) + 1);
  const missed: Triple[] = [];
  let reproduced = 0;
  for (const e of r.expected) {
    const n = pool.get(key(e)) ?? 0;
    if (n > 0) {
      reproduced++;
      pool.set(key(e), n - 1);
    } else missed.push(e);
  }
  const extra: Triple[] = [];
  for (const p of predicted) {
    const n = pool.get(key(p)) ?? 0;
    if (n > 0) {
      extra.push(p);
      pool.set(key(p), n - 1);
    }
  }
  const nothing = expectsNothing(r);
  return {
    id: r.id,
    category: r.category,
    expected: r.expected.length,
    reproduced,
    spurious: extra.length,
    exact: missed.length === 0 && extra.length === 0,
    noEventsCorrect: nothing ? predicted.length === 0 : null,
    missed,
    extra,
  };
}

export interface Totals {
  records: number;
  expected: number;
  reproduced: number;
  spurious: number;
  exact: number;
  noEventRecords: number;
  noEventsCorrect: number;
}

export function totals(scores: readonly RecordScore[]): Totals {
  const t: Totals = { records: 0, expected: 0, reproduced: 0, spurious: 0, exact: 0, noEventRecords: 0, noEventsCorrect: 0 };
  for (const s of scores) {
    t.records++;
    t.expected += s.expected;
    t.reproduced += s.reproduced;
    t.spurious += s.spurious;
    if (s.exact) t.exact++;
    if (s.noEventsCorrect !== null) {
      t.noEventRecords++;
      if (s.noEventsCorrect) t.noEventsCorrect++;
    }
  }
  return t;
}

/** Per-category rows, categories sorted by name. */
export function categoryTable(scores: readonly RecordScore[], include: readonly string[]): Table {
  const cats = [...new Set(scores.map((s) => s.category))].sort();
  return {
    title: 'Per category (* = not in <Include>)',
    headers: ['category', 'records', 'expected', 'reproduced', 'recall', 'exact records', 'spurious', 'no-event ok'],
    rows: cats.map((c) => {
      const t = totals(scores.filter((s) => s.category === c));
      return [
        include.includes(c) ? c : `${c} *`,
        String(t.records),
        String(t.expected),
        String(t.reproduced),
        pct(ratio(t.reproduced, t.expected)),
        `${t.exact}/${t.records}`,
        String(t.spurious),
        t.noEventRecords ? `${t.noEventsCorrect}/${t.noEventRecords}` : '-',
      ];
    }),
  };
}

function summaryRows(label: string, t: Totals): { label: string; value: string }[] {
  return [
    { label: `expected events reproduced${label}`, value: `${pct(ratio(t.reproduced, t.expected))} (${t.reproduced}/${t.expected})` },
    { label: `records exactly right${label}`, value: `${pct(ratio(t.exact, t.records))} (${t.exact}/${t.records})` },
    { label: `spurious events${label}`, value: String(t.spurious) },
    { label: `no-event records correct${label}`, value: `${t.noEventsCorrect}/${t.noEventRecords}` },
  ];
}

export type RecordCoder = (article: Article) => EventRecord[];

/** Score records with a coder; returns per-record scores (unscorable records left out). */
export function scoreRecords(records: readonly PetrarchRecord[], coder: RecordCoder): RecordScore[] {
  return records.filter(scorable).map((r) => scoreRecord(r, triplesOf(coder({ id: r.id, date: r.date, text: r.text }))));
}

/** Build the report from scores (pure). */
export function petrarchReport(file: PetrarchFile, scores: readonly RecordScore[], skipped: number, notes: string[] = []): SetReport {
  const inc = scores.filter((s) => file.include.includes(s.category));
  const excluded = [...new Set(scores.filter((s) => !file.include.includes(s.category)).map((s) => s.category))].sort();
  const failures: Table = {
    title: 'Records not exactly right (expected events missed / spurious events coded)',
    headers: ['record', 'category', 'missed', 'spurious'],
    rows: scores.filter((s) => !s.exact).map((s) => [s.id, s.category, s.missed.map(fmt).join(' '), s.extra.map(fmt).join(' ')]),
    align: ['left', 'left', 'left', 'left'],
  };
  return {
    name: 'petrarch',
    title: 'PETRARCH unit-test records (raw text, PETR.Validate dictionaries)',
    data: PETRARCH_FILE,
    items: scores.length,
    summary: [...summaryRows('', totals(inc)), ...summaryRows(' (all categories)', totals(scores))],
    tables: [categoryTable(scores, file.include), failures],
    notes: [
      `Headline figures cover the <Include> categories (${file.include.join(' ')}); excluded: ${excluded.join(', ') || 'none'}.`,
      `${skipped} record(s) not scorable from raw text (error="bad_input_parse" tests the parse tree) were skipped; discard records must code nothing.`,
      'Coded from <Text> only with Dyad\'s own coder and the PETRARCH-format dictionary readers (src/knowledge/petrarch); the harness coder is not used.',
      ...notes,
    ],
  };
}

function fmt(t: Triple): string {
  return `${t.source}>${t.target}:${t.code}`;
}

export const petrarch: Scorer = {
  name: 'petrarch',
  title: 'PETRARCH unit-test records (raw text, PETR.Validate dictionaries)',
  run(options: EvalOptions): SetReport {
    const file = parsePetrarchRecords(readFileSync(join(options.sharedDir, PETRARCH_FILE), 'utf8'));
    const records = limited(file.records, options.limit);
    const coder = petrarchCoder(options.sharedDir, file);
    const skipped = records.filter((r) => !scorable(r)).length;
    const scores = scoreRecords(records, coder.code);
    return petrarchReport(file, scores, skipped, coder.notes);
  },
};

/** A coder with the dictionaries named in the file's <Environment>. */
function petrarchCoder(sharedDir: string, file: PetrarchFile): { code: RecordCoder; notes: string[] } {
  const dir = join(sharedDir, PETRARCH_DIR);
  const d = file.dictionaries;
  const at = (f: string | undefined) => (f ? join(dir, f) : undefined);
  const r = loadPetrarchKnowledge({ verbs: at(d.verbs), actors: d.actors ? [join(dir, d.actors)] : undefined, agents: at(d.agents), discards: at(d.discards) });
  const notes = [
    `Dictionaries: ${r.stats.verbBlocks} verb blocks, ${r.stats.verbPatterns} pattern lines (${r.stats.patterns} patterns after conversion), ${r.stats.actorRecords} actor records, ${r.stats.agents} agent forms, ${r.stats.discards} discards; ${r.errors.length} malformed line(s) skipped${r.errors.length ? ': ' + formatErrors(r.errors).join('; ') : ''}.`,
    `Approximated constructs: ${[...r.approximations].map(([k, n]) => `${k} ${n}`).join(', ')}.`,
  ];
  return { code: (a) => codeWithDiscards(a, r.knowledge), notes };
}
