// plv: sentences with one marked (source, target) pair and its gold PLOVER root code. We code the
// sentence, pick the event that links the marked actors and compare its type with gold_root. Only the
// gold columns are read; the silver and model-prediction columns (*_L1, *_L2, silver_*) never are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../src/types.js';
import { accuracy, confusion, macroF1, perClass, ratio, type LabelPair } from './metrics.js';
import { NONE, PLV_CLASSES, plvClass } from './labels.js';
import { classTable, confusionTable, dec, pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';
import { overlaps, spansInSentence, type CharSpan } from './spans.js';
import { column, parseTsv } from './tsv.js';

export const PLV_FILE = 'data/plv/PLV_train.tsv';
/** PLV has no dates; its sentences are news from about 2017-2021. */
export const PLV_DATE = '2020-01-01';

export interface PlvRow {
  /** Row position in the file (0-based), for stable ids. */
  row: number;
  sentenceId: string;
  sentence: string;
  source: CharSpan | null;
  target: CharSpan | null;
  /** Gold root code (PLV_CLASSES). */
  gold: string;
}

/** The gold rows of a PLV TSV file, columns read by name. */
export function parsePlv(text: string): PlvRow[] {
  const t = parseTsv(text);
  const ids = column(t, 'sentence_id');
  const sentences = column(t, 'sentence');
  const marked = column(t, 'marked_sentence');
  const gold = column(t, 'gold_root');
  return sentences.map((sentence, row) => {
    const spans = spansInSentence(sentence, marked[row]);
    return { row, sentenceId: ids[row], sentence, source: spans.source, target: spans.target, gold: gold[row].trim().toUpperCase() };
  });
}

/** How the event was chosen: both actors overlap, one does, the first event, or none. */
export type PlvTier = 'both' | 'one' | 'first' | 'none';

// A missing marked span (PLV's implicit "a recipient") places no constraint on that side.
function sideOk(actor: CharSpan | null, gold: CharSpan | null): boolean {
  return gold === null || overlaps(actor, gold);
}

/**
 * The event between the marked source and target: one whose source overlaps the marked source and whose
 * target overlaps the marked target; else one whose source or target overlaps either mark; else the first.
 */
export function choosePlvEvent(events: readonly EventRecord[], source: CharSpan | null, target: CharSpan | null): { event: EventRecord | null; tier: PlvTier } {
  if (source || target) {
    const both = events.find((e) => sideOk(e.source, source) && sideOk(e.target, target));
    if (both) return { event: both, tier: 'both' };
    const one = events.find((e) => [e.source, e.target].some((a) => overlaps(a, source) || overlaps(a, target)));
    if (one) return { event: one, tier: 'one' };
  }
  return events.length ? { event: events[0], tier: 'first' } : { event: null, tier: 'none' };
}

export interface PlvItemResult {
  gold: string;
  pred: string;
  tier: PlvTier;
}

/** Score one row given the events coded from its sentence. */
export function scorePlvItem(row: PlvRow, events: readonly EventRecord[]): PlvItemResult {
  const { event, tier } = choosePlvEvent(events, row.source, row.target);
  return { gold: row.gold, pred: event ? plvClass(event.event.plover) : NONE, tier };
}

export interface PlvSummary {
  items: number;
  accuracy: number;
  macroF1: number;
  pairs: LabelPair[];
  tiers: Record<PlvTier, number>;
}

export function summarizePlv(results: readonly PlvItemResult[]): PlvSummary {
  const pairs = results.map((r) => ({ gold: r.gold, pred: r.pred }));
  const tiers: Record<PlvTier, number> = { both: 0, one: 0, first: 0, none: 0 };
  for (const r of results) tiers[r.tier]++;
  return { items: results.length, accuracy: accuracy(pairs), macroF1: macroF1(pairs, [...PLV_CLASSES]), pairs, tiers };
}

export const plv: Scorer = {
  name: 'plv',
  title: 'PLV sentence/actor-pair PLOVER root codes',
  run(options: EvalOptions): SetReport {
    const rows = limited(parsePlv(readFileSync(join(options.sharedDir, PLV_FILE), 'utf8')), options.limit);
    // A sentence can appear on several rows (one per actor pair): code it once.
    const cache = new Map<string, EventRecord[]>();
    const results = rows.map((row) => {
      let events = cache.get(row.sentence);
      if (!events) {
        events = options.coder({ id: `plv-${row.sentenceId}`, date: PLV_DATE, text: row.sentence });
        cache.set(row.sentence, events);
      }
      return scorePlvItem(row, events);
    });
    const s = summarizePlv(results);
    const n = s.items;
    return {
      name: 'plv',
      title: 'PLV sentence/actor-pair PLOVER root codes',
      data: PLV_FILE,
      items: n,
      summary: [
        { label: 'accuracy', value: pct(s.accuracy) },
        { label: 'macro-F1 (15 gold classes)', value: dec(s.macroF1) },
        { label: 'event links both marked actors', value: `${pct(ratio(s.tiers.both, n))} (${s.tiers.both})` },
        { label: 'event links one marked actor', value: `${pct(ratio(s.tiers.one, n))} (${s.tiers.one})` },
        { label: 'fell back to the first event', value: `${pct(ratio(s.tiers.first, n))} (${s.tiers.first})` },
        { label: 'no event (NONE)', value: `${pct(ratio(s.tiers.none, n))} (${s.tiers.none})` },
      ],
      tables: [
        classTable('Per class', perClass(s.pairs, [...PLV_CLASSES])),
        confusionTable('Confusion (rows gold, columns predicted)', confusion(s.pairs, [...PLV_CLASSES], [...PLV_CLASSES, NONE])),
      ],
      notes: [
        'Predicted CONCEDE and RETREAT count as YIELD. Sentences are coded with the date ' + PLV_DATE + ' (PLV has none).',
        'Rows whose marked_sentence has no <t> (implicit target) need only the source to overlap.',
      ],
    };
  },
};
