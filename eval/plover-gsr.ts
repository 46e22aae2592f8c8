// plover-gsr: the PLOVER gold-standard records (example sentences of the CAMEO manual, PLOVER 0.5 names).
// Each record's text is coded alone; we score whether the gold event type is found, the type of the
// best-matching event, and the countries of that event's source and target.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../src/types.js';
import { accuracy, perClass, ratio, type LabelPair } from './metrics.js';
import { acceptedTypes, actorMatchesAny, gsrClass, NONE, PLOVER_TYPES } from './labels.js';
import { classTable, pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';

export const GSR_FILE = 'data/plover-gsr/PLOVER_GSR_CAMEO.json';
const ploverGsrTitle = 'PLOVER gold-standard records: event type and actors';

export interface GsrRecord {
  id: string;
  date: string;
  text: string;
  /** Gold event name (PLOVER 0.5b1). */
  event: string;
  sourceCodes: string[];
  targetCodes: string[];
}

interface RawActor {
  code?: unknown;
}

function codes(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return (v as RawActor[]).map((a) => (typeof a?.code === 'string' ? a.code.trim() : '')).filter((c) => c !== '');
}

/** The coded records of the GSR JSON array (the DOCUMENT record and records without text are skipped). */
export function parseGsr(json: string): GsrRecord[] {
  const raw = JSON.parse(json) as Record<string, unknown>[];
  const out: GsrRecord[] = [];
  for (const r of raw) {
    if (r.event === 'DOCUMENT' || typeof r.text !== 'string' || typeof r.event !== 'string') continue;
    out.push({
      id: String(r.id),
      date: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : '2000-01-01',
      text: r.text,
      event: r.event,
      sourceCodes: codes(r.source),
      targetCodes: codes(r.target),
    });
  }
  return out;
}

/**
 * The event to score for a record: the one whose source and target match the gold codes (both beats
 * one, the earlier wins ties), else the first event; null when there are none.
 */
export function chooseGsrEvent(events: readonly EventRecord[], sourceCodes: readonly string[], targetCodes: readonly string[]): EventRecord | null {
  let best: EventRecord | null = null;
  let bestScore = 0;
  for (const e of events) {
    const score = (actorMatchesAny(e.source, sourceCodes) ? 1 : 0) + (actorMatchesAny(e.target, targetCodes) ? 1 : 0);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best ?? events[0] ?? null;
}

export interface GsrItemResult {
  id: string;
  gold: string;
  goldClass: string;
  /** Some predicted event has an accepted type. */
  found: boolean;
  /** Type of the chosen event, or NONE. */
  pred: string;
  correct: boolean;
  /** null when the record has no gold source (target) code. */
  sourceOk: boolean | null;
  targetOk: boolean | null;
  events: number;
}

/** Score one record given the events coded from its text. */
export function scoreGsrItem(rec: GsrRecord, events: readonly EventRecord[]): GsrItemResult {
  const accepted = acceptedTypes(rec.event);
  const chosen = chooseGsrEvent(events, rec.sourceCodes, rec.targetCodes);
  const pred = chosen ? chosen.event.plover : NONE;
  return {
    id: rec.id,
    gold: rec.event,
    goldClass: gsrClass(rec.event),
    found: events.some((e) => accepted.includes(e.event.plover)),
    pred,
    correct: accepted.includes(pred),
    sourceOk: rec.sourceCodes.length ? actorMatchesAny(chosen?.source, rec.sourceCodes) : null,
    targetOk: rec.targetCodes.length ? actorMatchesAny(chosen?.target ?? null, rec.targetCodes) : null,
    events: events.length,
  };
}

export interface GsrSummary {
  items: number;
  found: number;
  accuracy: number;
  sourceAccuracy: number;
  sourceItems: number;
  targetAccuracy: number;
  targetItems: number;
  noEvents: number;
  meanEvents: number;
  pairs: LabelPair[];
}

/** Aggregate the per-record results. A correct pick counts under the gold class (YIELD-style sets). */
export function summarizeGsr(results: readonly GsrItemResult[]): GsrSummary {
  const pairs = results.map((r) => ({ gold: r.goldClass, pred: r.correct ? r.goldClass : r.pred }));
  const src = results.filter((r) => r.sourceOk !== null);
  const tgt = results.filter((r) => r.targetOk !== null);
  return {
    items: results.length,
    found: results.filter((r) => r.found).length,
    accuracy: accuracy(pairs),
    sourceAccuracy: ratio(src.filter((r) => r.sourceOk).length, src.length),
    sourceItems: src.length,
    targetAccuracy: ratio(tgt.filter((r) => r.targetOk).length, tgt.length),
    targetItems: tgt.length,
    noEvents: results.filter((r) => r.events === 0).length,
    meanEvents: ratio(results.reduce((s, r) => s + r.events, 0), results.length),
    pairs,
  };
}

export const ploverGsr: Scorer = {
  name: 'plover-gsr',
  title: ploverGsrTitle,
  run(options: EvalOptions): SetReport {
    const records = limited(parseGsr(readFileSync(join(options.sharedDir, GSR_FILE), 'utf8')), options.limit);
    const results = records.map((rec) => scoreGsrItem(rec, options.coder({ id: rec.id, date: rec.date, text: rec.text })));
    const s = summarizeGsr(results);
    return {
      name: 'plover-gsr',
      title: ploverGsrTitle,
      data: GSR_FILE,
      items: s.items,
      summary: [
        { label: 'gold type found among the events', value: `${pct(ratio(s.found, s.items))} (${s.found}/${s.items})` },
        { label: 'accuracy (best-matching event)', value: pct(s.accuracy) },
        { label: 'source country accuracy', value: `${pct(s.sourceAccuracy)} (of ${s.sourceItems})` },
        { label: 'target country accuracy', value: `${pct(s.targetAccuracy)} (of ${s.targetItems})` },
        { label: 'texts with no event', value: String(s.noEvents) },
        { label: 'events per text', value: s.meanEvents.toFixed(2) },
      ],
      tables: [classTable('Per class (best-matching event; gold in PLOVER 2021 names)', perClass(s.pairs, [...PLOVER_TYPES]))],
      notes: [
        'PLOVER 0.5 names mapped: DEMAND=REQUEST, DISAPPROVE=ACCUSE, INVESTIGATE=ACCUSE, FIGHT=ASSAULT.',
        'Best-matching event: the one whose source/target countries match the gold codes, else the first; NONE when no event.',
        'Actor codes: ISO3 (JAP=JPN, ITL=ITA, ...); IGO/NGO gold codes match Dyad IGO/NGO sector codes.',
      ],
    };
  },
};
