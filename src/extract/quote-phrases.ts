// Token-level pieces shared by the quotation finders: spans, cue verbs, speaker noun phrases and
// content clauses, over the parallel token arrays of a Doc.
import { type Doc } from '../text/document.js';
import type { Quote, Span } from '../types.js';
import type { CueFlags, QuoteKnowledge } from './quote-knowledge.js';

export interface SpeakerHint {
  start: number;
  end: number;
  name: string | null;
  code: string | null;
  kind: string;
  antecedentText?: string;
}

export const QUOTE_TOKENS = new Set(['“', '”', '"', '«', '»', '„', "''", '``']);

export const SENT_END = new Set(['.', '!', '?']);

export const NP_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'PRON', 'NUM']);

export const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);

export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

export const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'there', 'this', 'that', 'these', 'those']);

export function span(doc: Doc, first: number, last: number): Span {
  const start = doc.starts[first];
  const end = doc.ends[last - 1];
  return { text: doc.text.slice(start, end), start, end };
}

export function cueLemma(doc: Doc, i: number, k: QuoteKnowledge): CueFlags | null {
  const p = doc.pos[i];
  if (p !== 'VERB' && !(p === 'NOUN' && doc.lemmas[i] === 'say')) {
    // wink sometimes tags "said"/"told" after a quote as ADJ/NOUN
    if (!(doc.lower[i] === 'said' || doc.lower[i] === 'told' || doc.lower[i] === 'says')) return null;
  }
  return k.cues.get(doc.lemmas[i]) ?? k.cues.get(doc.lower[i]) ?? null;
}

/** Cue span: the reporting verb with the auxiliaries right before it ("has learned"). */
export function cueSpan(doc: Doc, i: number, from: number): Span {
  let f = i;
  while (f - 1 >= from && (doc.pos[f - 1] === 'AUX' || (doc.pos[f - 1] === 'PART' && doc.lower[f - 1] === 'not'))) f--;
  let l = i + 1;
  // phrasal cues: "pointed out"
  if (doc.lemmas[i] === 'point' && doc.lower[l] === 'out') l++;
  return span(doc, f, l);
}

/** The hint nearest the cue within [from, to) (tokens); `before` prefers hints ending closest to `cue`. */
export function hintIn(doc: Doc, hints: SpeakerHint[], from: number, to: number, cueTok: number, before: boolean, blocked: (o: number) => boolean): SpeakerHint | null {
  if (to <= from) return null;
  const s = doc.starts[from];
  const e = doc.ends[to - 1];
  let best: SpeakerHint | null = null;
  const cueAt = doc.starts[cueTok];
  for (const h of hints) {
    if (h.start < s || h.end > e || blocked(h.start)) continue;
    if (!best) best = h;
    else if (before ? Math.abs(cueAt - h.end) < Math.abs(cueAt - best.end) : h.start < best.start) best = h;
  }
  return best;
}

export function fromHint(doc: Doc, h: SpeakerHint): Quote['speaker'] {
  return { text: doc.text.slice(h.start, h.end), start: h.start, end: h.end, name: h.name, code: h.code };
}

/** The noun phrase ending right before token `cue` (skipping adverbs/auxiliaries), or null. */
export function npBefore(doc: Doc, cue: number, from: number): Quote['speaker'] {
  let e = cue;
  while (e - 1 >= from && (doc.pos[e - 1] === 'ADV' || doc.pos[e - 1] === 'AUX' || doc.lower[e - 1] === 'not')) e--;
  e = beforeAside(doc, e, from);
  // a subject pronoun right before the cue is the whole speaker ("... on August 19 she reminded")
  if (e - 1 >= from && doc.pos[e - 1] === 'PRON') {
    const w = doc.lower[e - 1];
    return SUBJECT_PRONOUNS.has(w) || w === 'who' || w === 'which' ? { ...span(doc, e - 1, e), name: null, code: null } : null;
  }
  let s = e;
  while (s - 1 >= from && s > e - 10) {
    const p = doc.pos[s - 1];
    const t = doc.tokens[s - 1];
    if (p === 'PRON') {
      // possessive determiners open the phrase ("his Armenian counterpart"); others end it
      if (POSSESSIVES.has(doc.lower[s - 1])) s--;
      break;
    }
    // a capitalised word the tagger took for a verb is a name ("Lynch said")
    if (NP_POS.has(p) || isCapitalised(t) || t === '’s' || t === "'s" || t === '-' || (doc.lower[s - 1] === 'of' && s < e)) s--;
    else break;
  }
  // dates and numbers at the left edge are adverbials, not the speaker ("on August 19 the ministry")
  while (s < e && (doc.lower[s] === 'of' || doc.pos[s] === 'NUM' || MONTHS.has(doc.lower[s]))) s++;
  if (s >= e) return null;
  // a relative/subordinate pronoun alone is not a speaker
  if (e - s === 1 && (doc.lower[s] === 'which' || doc.lower[s] === 'that' || doc.lower[s] === 'who')) return null;
  return { ...span(doc, s, e), name: null, code: null };
}

function isCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * Where the subject ends when a parenthesis or an apposition stands between it and the cue:
 * "Perdue (R-Ga.) said", "Jim Jordan, an oversight panel member, said". Returns `e` unchanged
 * otherwise.
 */
function beforeAside(doc: Doc, e: number, from: number): number {
  const t = doc.tokens[e - 1];
  if (t === ')') {
    for (let k = e - 2; k >= from && k >= e - 10; k--) if (doc.tokens[k] === '(') return k > from ? k : e;
    return e;
  }
  if (t !== ',') return e;
  for (let k = e - 2; k > from && k >= e - 12; k--) {
    if (doc.tokens[k] === ',') return doc.pos[k - 1] === 'PROPN' || isCapitalised(doc.tokens[k - 1]) ? k : e;
    const p = doc.pos[k];
    if (!(NP_POS.has(p) || p === 'ADP' || p === 'CCONJ' || doc.tokens[k] === '-' || doc.tokens[k] === '’s' || doc.tokens[k] === "'s")) return e;
  }
  return e;
}

/** The noun phrase starting at token `from` (inverted speaker: "said the Armenian ministry"). */
export function npAfter(doc: Doc, from: number, to: number): Quote['speaker'] {
  let e = from;
  while (e < to && e < from + 10) {
    const p = doc.pos[e];
    const t = doc.tokens[e];
    if (NP_POS.has(p) || t === '’s' || t === "'s" || t === '-' || (doc.lower[e] === 'of' && e > from)) e++;
    else break;
  }
  while (e > from && doc.lower[e - 1] === 'of') e--;
  if (e <= from) return null;
  return { ...span(doc, from, e), name: null, code: null };
}

export function contentSpan(doc: Doc, first: number, last: number): Span | null {
  // drop the sentence-final period and dangling punctuation
  while (last > first && (SENT_END.has(doc.tokens[last - 1]) || doc.tokens[last - 1] === ',' || doc.tokens[last - 1] === ':')) last--;
  while (first < last && (doc.tokens[first] === ',' || doc.tokens[first] === ':')) first++;
  if (last <= first) return null;
  return span(doc, first, last);
}

/** First token of the clause holding the cue: after the last ';', ':' or quote mark in the sentence. */
export function clauseStart(doc: Doc, i: number): number {
  const s = doc.sentences[doc.sentenceOf[i]];
  for (let x = i - 1; x >= s.first; x--) {
    const t = doc.tokens[x];
    if (t === ';' || t === ':' || QUOTE_TOKENS.has(t)) return x + 1;
  }
  return s.first;
}

export interface IndirectDraft {
  speaker: Quote['speaker'];
  cue: Span | null;
  content: Span;
  /** Content is a bare complement (stance verb), not a clause of speech. */
  bare?: boolean;
}
