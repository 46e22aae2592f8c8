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

interface WinkItem {
  out(f?: unknown): unknown;
}
interface WinkItems {
  out(f?: unknown): unknown[];
  length(): number;
  itemAt(i: number): WinkItem;
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

// wink reads a capitalised word after "to" as an infinitive ("opposed to French mediation", "sent to
// Iraqi forces"). Verbs are not capitalised mid-sentence when the noun after them is not (a Title Case
// headline would capitalise both), so such a word before a lower-case noun is an adjective.
function retagCapitalisedAfterTo(tokens: readonly string[], pos: string[]): void {
  for (let t = 1; t + 1 < tokens.length; t++) {
    if (pos[t] !== 'VERB' || tokens[t - 1] !== 'to' || pos[t + 1] !== 'NOUN') continue;
    if (/^[A-Z][a-z]/.test(tokens[t]) && /^[a-z]/.test(tokens[t + 1])) pos[t] = 'ADJ';
  }
}

/** Tokenise, tag and split `text` into sentences. Pure apart from the lazily loaded model. */
export function parseText(text: string): Doc {
  const w = wink();
  const its = w.its as Record<string, unknown>;
  // wink's tokenizer is quadratic in the length of one unbroken run of characters: give it a copy in
  // which long runs are broken by spaces. The copy has the same length, so offsets still index `text`.
  const source = tokenizerCopy(text);
  const wd = w.readDoc(source);
  const toks = wd.tokens();
  const values = toks.out(its.value) as string[];
  const pos = toks.out(its.pos) as string[];
  // Lemmas matter only for verbs, auxiliaries and nouns (pattern heads and words); the lemmatizer is a
  // tenth of the pipeline's time, so other tokens keep their lower-cased form.
  const lemmas: (string | undefined)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const p = pos[i];
    if (p !== 'VERB' && p !== 'AUX' && p !== 'NOUN') continue;
    const v = values[i];
    // A word's lemma depends only on its form and tag, except contractions ("'s" is "be" or "have"),
    // whose lemma wink keeps per token.
    const cache = hasApostrophe(v) ? null : lemmaCacheFor(p);
    let lemma = cache === null ? undefined : cache.get(v);
    if (lemma === undefined) {
      lemma = toks.itemAt(i).out(its.lemma) as string;
      if (cache !== null) rememberLemma(cache, v, lemma);
    }
    lemmas[i] = lemma;
  }
  const spans = wd.sentences().out(its.span) as [number, number][];
  // Whitespace tokens (wink keeps line breaks as tokens) are dropped; a blank line always ends a sentence.
  const keep: number[] = [];
  for (let i = 0; i < values.length; i++) if (!isBlank(values[i])) keep.push(i);
  let n = keep.length;
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const tokens: string[] = new Array(n);
  const posOut: string[] = new Array(n);
  const lemmaOut: string[] = new Array(n);
  const newIndex = new Int32Array(values.length).fill(-1);
  let cursor = 0;
  let k = 0;
  for (let q = 0; q < keep.length; q++) {
    const i = keep[q];
    const v = values[i];
    let at = source.indexOf(v, cursor);
    let end: number;
    // wink expands some contractions and normalises some quotes; fall back to the next non-space run.
    if (at < 0 || at - cursor > 64) {
      at = cursor;
      while (at < source.length && isSpace(source.charCodeAt(at))) at++;
      const len = QUOTE_LIKE.test(v) ? 1 : Math.max(1, v.length);
      end = Math.min(text.length, at + len);
    } else {
      end = at + v.length;
    }
    cursor = end;
    // wink splits words at some non-ASCII letters ("Erdo|ğ|an"): glue letter runs back together.
    if (k > 0 && at === ends[k - 1] && splitsWord(text, at)) {
      ends[k - 1] = end;
      tokens[k - 1] = text.slice(starts[k - 1], end);
      lemmaOut[k - 1] = tokens[k - 1].toLowerCase();
      if (pos[i] === 'PROPN') posOut[k - 1] = 'PROPN';
      newIndex[i] = k - 1;
      continue;
    }
    newIndex[i] = k;
    starts[k] = at;
    ends[k] = end;
    tokens[k] = text.slice(at, end);
    posOut[k] = pos[i];
    // A word the tokenizer saw with substituted letters has no wink lemma of its own.
    lemmaOut[k] = (v === tokens[k] ? lemmas[i] : undefined) ?? tokens[k].toLowerCase();
    k++;
  }
  n = k;
  tokens.length = n;
  posOut.length = n;
  lemmaOut.length = n;
  retagCapitalisedAfterTo(tokens, posOut);
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
    lemmas: lemmaOut.map((l, i) => (!l ? lower[i] : l === tokens[i] ? lower[i] : hasUpper(l) ? l.toLowerCase() : l)),
    pos: posOut,
    starts: n === starts.length ? starts : starts.subarray(0, n),
    ends: n === ends.length ? ends : ends.subarray(0, n),
    sentenceOf,
    sentences,
  };
}

/**
 * Lemmas of recent forms, one map per tag (VERB, AUX, NOUN): news repeats its verbs and nouns, and
 * wink's lemmatizer is slow. Per-tag maps keep the key the form itself (no concatenated key to hash).
 */
const lemmaCaches = { VERB: new Map<string, string>(), AUX: new Map<string, string>(), NOUN: new Map<string, string>() };
const LEMMA_CACHE_SIZE = 20_000;

function lemmaCacheFor(tag: 'VERB' | 'AUX' | 'NOUN'): Map<string, string> {
  return tag === 'VERB' ? lemmaCaches.VERB : tag === 'AUX' ? lemmaCaches.AUX : lemmaCaches.NOUN;
}

function rememberLemma(cache: Map<string, string>, form: string, lemma: string): void {
  // Cleared when full rather than LRU: cheap, and the common words come straight back.
  if (cache.size >= LEMMA_CACHE_SIZE) cache.clear();
  cache.set(form, lemma);
}

function hasApostrophe(v: string): boolean {
  return v.includes("'") || v.includes('’');
}

/** How long a run of non-space characters may be before the tokenizer copy breaks it. */
const MAX_RUN = 64;

/**
 * The copy of `text` that wink-nlp tokenizes: same length, so offsets index `text`. Long unbroken runs
 * get a space every MAX_RUN characters (wink's tokenizer is quadratic in a run's length), and
 * non-ASCII letters become ASCII ones (wink splits words at them: "Erdo|ğ|an").
 */
function tokenizerCopy(text: string): string {
  let run = 0;
  let chars: string[] | null = null;
  const set = (i: number, c: string) => {
    chars ??= Array.from({ length: text.length }, (_, k) => text[k]);
    chars[i] = c;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      run = 0;
      continue;
    }
    // Never split a surrogate pair.
    if (++run > MAX_RUN && !(c >= 0xdc00 && c <= 0xdfff)) {
      set(i, ' ');
      run = 0;
      continue;
    }
    if (c >= 128 && c < 0xd800 && LETTER.test(text[i])) set(i, text[i] === text[i].toLowerCase() ? 'a' : 'A');
  }
  return chars ? (chars as string[]).join('') : text;
}

const LETTER = /\p{L}/u;

/** A token boundary between two letters, one of them non-ASCII, is a tokenizer split inside a word. */
function splitsWord(text: string, at: number): boolean {
  const a = text.charCodeAt(at - 1);
  const b = text.charCodeAt(at);
  if (a < 128 && b < 128) return false;
  return LETTER.test(text[at - 1]) && LETTER.test(text[at]);
}

function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) newlines++;
  return newlines >= 2;
}

function isBlank(v: string): boolean {
  for (let i = 0; i < v.length; i++) if (!isSpace(v.charCodeAt(i))) return false;
  return true;
}

function hasUpper(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x2028 || c === 0x2029;
}

/** The text of sentence `s`. */
export function sentenceText(doc: Doc, s: number): string {
  const sp = doc.sentences[s];
  return doc.text.slice(sp.start, sp.end);
}

/** The first token that ends after char offset `offset` (the token containing it, or the next one); doc.tokens.length past the end. */
export function tokenAtOrAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token index whose span contains char offset `offset` (or the next token), -1 past the end. */
export function tokenAt(doc: Doc, offset: number): number {
  const t = tokenAtOrAfter(doc, offset);
  return t < doc.tokens.length ? t : -1;
}
