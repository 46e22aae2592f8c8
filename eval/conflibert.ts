// conflibert: ConfliBERT's `cameo_class` sentences, each labelled 0-4 (the data README infers: 0 neutral
// statements/appeals, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
// conflict). We code the sentence alone and map its events to one class:
//   - each event's class is the CAMEO "penta class" of its CAMEO root code (01-02 → 0, 03-05 → 1,
//     06-08 → 2, 09-13 → 3, 14-20 → 4): the standard 5-class reading of CAMEO, which the labels follow;
//   - the sentence's class is that of its FIRST event in text order (the main clause usually comes
//     first; later events are often background), skipping negated events when a non-negated one exists;
//   - no event → 0 (neutral).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRecord } from '../src/types.js';
import { accuracy, confusion, macroF1, perClass, ratio, type LabelPair } from './metrics.js';
import { classTable, confusionTable, dec, pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';

export const CONFLIBERT_FILE = 'data/conflibert/train.tsv';
/** ConfliBERT's sentences carry no dates; they are news from about 2015-2022. */
export const CONFLIBERT_DATE = '2020-01-01';
export const CONFLIBERT_CLASSES = ['0', '1', '2', '3', '4'] as const;
const CLASS_NAMES = ['neutral', 'verbal coop', 'material coop', 'verbal conflict', 'material conflict'];
const title = 'ConfliBERT cameo_class sentences: five-way quad class';

export interface ConfliRow {
  row: number;
  sentence: string;
  /** '0'..'4'. */
  gold: string;
}

/** Rows of the headerless `sentence<TAB>label` file; lines without a 0-4 label are skipped. */
export function parseConflibert(text: string): ConfliRow[] {
  const out: ConfliRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const label = line.slice(tab + 1).trim();
    if (!(CONFLIBERT_CLASSES as readonly string[]).includes(label)) continue;
    out.push({ row: out.length, sentence: line.slice(0, tab), gold: label });
  }
  return out;
}

/** The penta class ('0'-'4') of a CAMEO code, or null for a code that is not a CAMEO event code. */
export function pentaClass(cameo: string): string | null {
  const root = Number(cameo.slice(0, 2));
  if (!/^\d{2}/.test(cameo) || root < 1 || root > 20) return null;
  if (root <= 2) return '0';
  if (root <= 5) return '1';
  if (root <= 8) return '2';
  if (root <= 13) return '3';
  return '4';
}

/** The event that decides the sentence: the first (in text order) non-negated one, else the first. */
export function chooseConfliEvent(events: readonly EventRecord[]): EventRecord | null {
  const classed = events.filter((e) => pentaClass(e.event.cameo) !== null);
  const ordered = [...classed].sort((a, b) => a.sentence - b.sentence || a.evidence.start - b.evidence.start);
  return ordered.find((e) => !e.event.negated) ?? ordered[0] ?? null;
}

/** The predicted class of a sentence from its coded events ('0' when there are none). */
export function predictConfliClass(events: readonly EventRecord[]): string {
  const e = chooseConfliEvent(events);
  return e ? pentaClass(e.event.cameo)! : '0';
}

export interface ConfliSummary {
  items: number;
  accuracy: number;
  macroF1: number;
  pairs: LabelPair[];
  /** Sentences with no event (predicted 0 by default). */
  noEvent: number;
}

export function summarizeConflibert(pairs: readonly LabelPair[], noEvent: number): ConfliSummary {
  return { items: pairs.length, accuracy: accuracy(pairs), macroF1: macroF1(pairs, [...CONFLIBERT_CLASSES]), pairs: [...pairs], noEvent };
}

function named(label: string): string {
  const i = Number(label);
  return Number.isInteger(i) && CLASS_NAMES[i] ? `${label} ${CLASS_NAMES[i]}` : label;
}

export const conflibert: Scorer = {
  name: 'conflibert',
  title,
  run(options: EvalOptions): SetReport {
    const rows = limited(parseConflibert(readFileSync(join(options.sharedDir, CONFLIBERT_FILE), 'utf8')), options.limit);
    let noEvent = 0;
    const pairs = rows.map((r) => {
      const events = options.coder({ id: `conflibert-${r.row}`, date: CONFLIBERT_DATE, text: r.sentence });
      if (!chooseConfliEvent(events)) noEvent++;
      return { gold: r.gold, pred: predictConfliClass(events) };
    });
    const s = summarizeConflibert(pairs, noEvent);
    const classes = [...CONFLIBERT_CLASSES];
    const perCls = perClass(s.pairs, classes).map((c) => ({ ...c, label: named(c.label) }));
    const conf = confusion(s.pairs, classes, classes);
    return {
      name: 'conflibert',
      title,
      data: CONFLIBERT_FILE,
      items: s.items,
      summary: [
        { label: 'accuracy', value: pct(s.accuracy) },
        { label: 'macro-F1 (5 classes)', value: dec(s.macroF1) },
        { label: 'sentences with no event (→ 0)', value: `${pct(ratio(s.noEvent, s.items))} (${s.noEvent})` },
      ],
      tables: [
        classTable('Per class', perCls),
        confusionTable('Confusion (rows gold, columns predicted)', { ...conf, rows: conf.rows.map(named) }),
      ],
      notes: [
        'Class of a sentence: the CAMEO penta class (01-02 → 0, 03-05 → 1, 06-08 → 2, 09-13 → 3, 14-20 → 4) of its first non-negated event; no event → 0.',
        `Label meanings are inferred (data README §11). Sentences are coded with the date ${CONFLIBERT_DATE}.`,
      ],
    };
  },
};
