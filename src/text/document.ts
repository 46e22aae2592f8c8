// The text layer: sentences, tokens, POS tags and lemmas with character spans, from wink-nlp.
// Token properties live in parallel arrays indexed by token number (wink-nlp's own layout), so the
// extractors and the coder walk integers, not objects.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// wink-nlp ships CommonJS; only sentence splitting and POS tagging are needed (its NER, sentiment and
// negation pipes cost time and Dyad does its own).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

interface WinkItems {
  out(f?: unknown): unknown[];
  length(): number;
}
interface WinkDoc {
  tokens(): WinkItems;
  sentences(): WinkItems;
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: Record<string, unknown>;
}

let nlp: Wink | null = null;
function wink(): Wink {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']) as Wink;
  return nlp;
}

export interface Doc {
  text: string;
  /** Token surface forms, as in the text. */
  tokens: string[];
  /** Lower-cased surface forms. */
  lower: string[];
  /** Lemmas (lower case). */
  lemmas: string[];
  /** Universal POS tags (NOUN, PROPN, VERB, AUX, ADP, DET, ...). */
  pos: string[];
  starts: Int32Array;
  ends: Int32Array;
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  sentences: SentenceSpan[];
}

export interface SentenceSpan {
  /** First token index. */
  first: number;
  /** One past the last token index. */
  last: number;
  start: number;
  end: number;
}

// Characters wink-nlp normalises in token values; alignment compares against the text itself.
const CLOSERS = new Set(['”', '’', '"', "'", ')', ']', '»']);
const QUOTE_LIKE = /^[“”"'‘’`´]+$/;

/** Tokenise, tag and split `text` into sentences. Pure apart from the lazily loaded model. */
export function parseText(text: string): Doc {
  const w = wink();
  const its = w.its as Record<string, unknown>;
  // wink's tokenizer is quadratic in the length of one unbroken run of characters: give it a copy in
  // which long runs are broken by spaces. The copy has the same length, so offsets still index `text`.
  const source = breakLongRuns(text);
  const wd = w.readDoc(source);
  const values = wd.tokens().out(its.value) as string[];
  const pos = wd.tokens().out(its.pos) as string[];
  const lemmas = wd.tokens().out(its.lemma) as string[];
  const spans = wd.sentences().out(its.span) as [number, number][];
  // Whitespace tokens (wink keeps line breaks as tokens) are dropped; a blank line always ends a sentence.
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i].trim() !== '') keep.push(i);
  const n = keep.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const tokens: string[] = new Array(n);
  const posOut: string[] = new Array(n);
  const lemmaOut: string[] = new Array(n);
  const newIndex = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  for (let k = 0; k < n; k++) {
    const i = keep[k];
    newIndex[i] = k;
    const v = values[i];
    let at = source.indexOf(v, cursor);
    // wink expands some contractions and normalises some quotes; fall back to the next non-space run.
    if (at < 0 || at - cursor > 64) {
      at = cursor;
      while (at < source.length && isSpace(source.charCodeAt(at))) at++;
      const len = QUOTE_LIKE.test(v) ? 1 : Math.max(1, v.length);
      starts[k] = at;
      ends[k] = Math.min(text.length, at + len);
    } else {
      starts[k] = at;
      ends[k] = at + v.length;
    }
    cursor = ends[k];
    tokens[k] = text.slice(starts[k], ends[k]);
    posOut[k] = pos[i];
    lemmaOut[k] = lemmas[i];
  }
  const sentenceOf = new Int32Array(n);
  const sentences: SentenceSpan[] = [];
  const push = (first: number, last: number) => {
    // A closing quote or bracket that wink starts a sentence with belongs to the previous one.
    const prev = sentences[sentences.length - 1];
    while (prev && first < last && CLOSERS.has(tokens[first]) && !hasBlankLine(text, prev.end, starts[first])) {
      sentenceOf[first] = sentences.length - 1;
      prev.last = first + 1;
      prev.end = ends[first];
      first++;
    }
    if (last <= first) return;
    for (let t = first; t < last; t++) sentenceOf[t] = sentences.length;
    sentences.push({ first, last, start: starts[first], end: ends[last - 1] });
  };
  for (const [a, b] of spans) {
    // map the wink span onto kept tokens
    let first = -1;
    let last = -1;
    for (let i = a; i <= b && i < values.length; i++) {
      const k = newIndex[i];
      if (k < 0) continue;
      if (first < 0) first = k;
      last = k + 1;
    }
    if (first < 0) continue;
    let from = first;
    for (let t = first + 1; t < last; t++) {
      if (hasBlankLine(text, ends[t - 1], starts[t])) {
        push(from, t);
        from = t;
      }
    }
    push(from, last);
  }
  const lower = tokens.map((t) => t.toLowerCase());
  return {
    text,
    tokens,
    lower,
    lemmas: lemmaOut.map((l, i) => (l ? l.toLowerCase() : lower[i])),
    pos: posOut,
    starts,
    ends,
    sentenceOf,
    sentences,
  };
}

/** How long a run of non-space characters may be before the tokenizer copy breaks it. */
const MAX_RUN = 64;

function breakLongRuns(text: string): string {
  let run = 0;
  let chars: string[] | null = null;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      run = 0;
      continue;
    }
    if (++run > MAX_RUN) {
      // Never split a surrogate pair.
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      chars ??= Array.from({ length: text.length }, (_, k) => text[k]);
      chars[i] = ' ';
      run = 0;
    }
  }
  return chars ? chars.join('') : text;
}

function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) newlines++;
  return newlines >= 2;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029;
}

/** The text of sentence `s`. */
export function sentenceText(doc: Doc, s: number): string {
  const sp = doc.sentences[s];
  return doc.text.slice(sp.start, sp.end);
}

/** The token index whose span contains char offset `offset` (or the next token), -1 past the end. */
export function tokenAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length - 1;
  if (hi < 0 || offset > doc.ends[hi]) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
