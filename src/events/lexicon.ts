// Small closed word lists the coder consults: reporting verbs (dictionaries/lexicon/speech.txt) and
// modality/negation cues (dictionaries/lexicon/modality.txt).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES } from '../paths.js';

export interface Lexicon {
  /** Reporting verbs: their subject speaks for the sentence's other events. */
  speech: Set<string>;
  /** Modals and governing verbs that make an event future/committed ("will", "plan", "pledge"). */
  future: Set<string>;
  /** Modals and governing verbs that make an event possible, wished or threatened ("may", "threaten"). */
  hypothetical: Set<string>;
  /** Negation words and negating governing verbs ("not", "refuse"). */
  negation: Set<string>;
  /** Modals that make a reported clause a demand on its subject ("said that China must ..."). */
  demand: Set<string>;
}

const WORD_RE = /^[a-z']+(?:-[a-z]+)*$/;
const CLASSES = ['future', 'hypothetical', 'negation', 'demand'] as const;
type ModalClass = (typeof CLASSES)[number];

/** Lines without comments (a "#" at line start or after whitespace), trimmed, with line numbers. */
function entries(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.search(/(^|\s)#/);
    const t = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (t !== '') out.push({ line: i + 1, text: t });
  });
  return out;
}

/** Parse speech.txt: one lower-case lemma per line. */
export function parseSpeech(text: string, file = 'lexicon/speech.txt'): Set<string> {
  const out = new Set<string>();
  for (const { line, text: w } of entries(text)) {
    if (!WORD_RE.test(w)) throw new Error(`${file}:${line}: expected one lower-case lemma, got '${w}'`);
    out.add(w);
  }
  return out;
}

/** Parse modality.txt: "<future|hypothetical|negation|demand> <word>" per line. */
export function parseModality(text: string, file = 'lexicon/modality.txt'): Omit<Lexicon, 'speech'> {
  const sets: Record<ModalClass, Set<string>> = { future: new Set(), hypothetical: new Set(), negation: new Set(), demand: new Set() };
  for (const { line, text: t } of entries(text)) {
    const parts = t.split(/\s+/);
    if (parts.length !== 2) throw new Error(`${file}:${line}: expected '<class> <word>', got '${t}'`);
    const [cls, w] = parts;
    if (!(CLASSES as readonly string[]).includes(cls)) throw new Error(`${file}:${line}: unknown class '${cls}' (future, hypothetical, negation, demand)`);
    if (!WORD_RE.test(w)) throw new Error(`${file}:${line}: bad word '${w}'`);
    sets[cls as ModalClass].add(w);
  }
  return sets;
}

/** Load the reporting-verb and modality lists from `<dir>/lexicon/` (default: the package's dictionaries). */
export function loadLexicon(dir: string = DICTIONARIES): Lexicon {
  const read = (f: string) => readFileSync(join(dir, 'lexicon', f), 'utf8');
  return { speech: parseSpeech(read('speech.txt')), ...parseModality(read('modality.txt')) };
}
