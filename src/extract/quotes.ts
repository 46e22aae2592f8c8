// Quotations: direct (between quotation marks) and indirect ("X said (that) ...", "according to X,
// ...", "..., X said."), each with speaker, cue and content spans.
//
// Choices (documented so callers can rely on them):
// - A quote split around its cue ("“A,” he said, “B.”") gives TWO quotes sharing speaker and cue, so
//   every content span is contiguous text.
// - Content of a direct quote is the text between the marks, trimmed, without a trailing comma.
//   Content of an indirect quote starts after "that" and ends before the sentence's final period.
// - Quotation marks pair within a paragraph (blank-line separated; single lines when the text has no
//   blank lines). An unclosed quote continues into the next paragraph only when that paragraph opens
//   with a quotation mark (the newspaper convention); otherwise it ends at its paragraph's end.
// - A direct quote inside an indirect quote's content, or in a sentence attributed with "according
//   to", takes that speaker and cue. A quote-only paragraph right after an attributed quote keeps the
//   speaker (cue null). Unattributed quotes of fewer than three words are scare quotes: dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenAtOrAfter, type Doc } from '../text/document.js';
import type { Quote, Span } from '../types.js';
import { DICTIONARIES } from '../paths.js';

export interface SpeakerHint {
  start: number;
  end: number;
  name: string | null;
  code: string | null;
  kind: string;
  antecedentText?: string;
}

export interface CueFlags {
  /** Takes a that-clause or bare clause: "said (that) ...". */
  that: boolean;
  /** Takes a hearer first: "told reporters that ...". */
  obj: boolean;
  /** May follow its content: "..., the ministry said." */
  tail: boolean;
}

export interface QuoteKnowledge {
  cues: Map<string, CueFlags>;
}

let cachedKnowledge: QuoteKnowledge | null = null;

/** Load the reporting-verb list (dictionaries/lexicon/quote-cues.txt), once per process. */
export function loadQuoteKnowledge(): QuoteKnowledge {
  if (cachedKnowledge) return cachedKnowledge;
  const cues = new Map<string, CueFlags>();
  for (const raw of readFileSync(join(DICTIONARIES, 'lexicon', 'quote-cues.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [lemma, flags = ''] = line.split('\t');
    const f = new Set(flags.split(',').map((s) => s.trim()));
    cues.set(lemma.toLowerCase(), { that: f.has('that'), obj: f.has('obj'), tail: f.has('tail') });
  }
  cachedKnowledge = { cues };
  return cachedKnowledge;
}

// ---------------------------------------------------------------------------------------------
// Direct quotes: pairing quotation marks

interface Marked {
  open: number; // offset of the opening mark
  close: number; // offset of the closing mark, or -1 if capped at a paragraph end
  contentStart: number;
  contentEnd: number;
}

const CLOSER_OF: Record<string, string> = { '“': '”', '„': '“', '«': '»', '"': '"' };

function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const blank = /\n[ \t\r]*\n/.test(text);
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 10) {
      let j = i + 1;
      if (blank) {
        while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
        if (j < text.length && text.charCodeAt(j) !== 10) {
          i = j;
          continue;
        }
        j++;
        while (j < text.length && /\s/.test(text[j])) j++;
      }
      if (i > start) out.push([start, i]);
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function isSpaceChar(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

function opensParagraph(text: string, p: [number, number]): string | null {
  let i = p[0];
  while (i < p[1] && isSpaceChar(text[i])) i++;
  const ch = text[i];
  return ch === '“' || ch === '"' || ch === '«' || ch === '„' ? ch : null;
}

/** Find the closing mark for an opener at `from` inside [from, end), or -1. */
function findCloser(text: string, opener: string, from: number, end: number): number {
  const closer = CLOSER_OF[opener];
  for (let i = from; i < end; i++) {
    if (text[i] !== closer) continue;
    // a straight quote closes only after a non-space (so a stray opener cannot close)
    if (opener === '"' && isSpaceChar(text[i - 1])) continue;
    return i;
  }
  return -1;
}

function trimContent(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpaceChar(text[s])) s++;
  while (e > s && (isSpaceChar(text[e - 1]) || text[e - 1] === ',')) e--;
  return [s, e];
}

function findMarked(text: string): Marked[] {
  const paras = paragraphs(text);
  const out: Marked[] = [];
  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p];
    let i = ps;
    while (i < pe) {
      const ch = text[i];
      if (!(ch === '“' || ch === '«' || ch === '„' || ch === '"')) {
        i++;
        continue;
      }
      // a straight quote opens only before a non-space, and not as an inch mark (5'11")
      if (ch === '"' && (isSpaceChar(text[i + 1]) || /[0-9]/.test(text[i - 1] ?? ''))) {
        i++;
        continue;
      }
      const close = findCloser(text, ch, i + 1, pe);
      if (close >= 0) {
        const [cs, ce] = trimContent(text, i + 1, close);
        if (ce > cs) out.push({ open: i, close, contentStart: cs, contentEnd: ce });
        i = close + 1;
        continue;
      }
      // unclosed: continue through following paragraphs that open with a mark
      let q = p + 1;
      let found = -1;
      while (q < paras.length && opensParagraph(text, paras[q]) === ch) {
        const [qs, qe] = paras[q];
        let k = qs;
        while (isSpaceChar(text[k])) k++;
        found = findCloser(text, ch, k + 1, qe);
        if (found >= 0) break;
        q++;
      }
      if (found >= 0) {
        const [cs, ce] = trimContent(text, i + 1, found);
        out.push({ open: i, close: found, contentStart: cs, contentEnd: ce });
        p = q;
        i = found + 1;
        // continue scanning the rest of the paragraph that held the closer
        const [, qe] = paras[q];
        scanRest(text, i, qe, out);
        i = pe; // leave this paragraph loop
        break;
      }
      const [cs, ce] = trimContent(text, i + 1, pe);
      if (ce > cs) out.push({ open: i, close: -1, contentStart: cs, contentEnd: ce });
      i = pe;
    }
  }
  return out;
}

/** Pair marks in [from, end) of one paragraph (used after a multi-paragraph quote closes). */
function scanRest(text: string, from: number, end: number, out: Marked[]): void {
  let i = from;
  while (i < end) {
    const ch = text[i];
    if (!(ch === '“' || ch === '«' || ch === '„' || ch === '"') || (ch === '"' && isSpaceChar(text[i + 1]))) {
      i++;
      continue;
    }
    const close = findCloser(text, ch, i + 1, end);
    const [cs, ce] = trimContent(text, i + 1, close >= 0 ? close : end);
    if (ce > cs) out.push({ open: i, close, contentStart: cs, contentEnd: ce });
    i = close >= 0 ? close + 1 : end;
  }
}

// ---------------------------------------------------------------------------------------------
// Token helpers


const QUOTE_TOKENS = new Set(['“', '”', '"', '«', '»', '„', "''", '``']);
const SENT_END = new Set(['.', '!', '?']);
const NP_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'PRON', 'NUM']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they', 'there', 'this', 'that', 'these', 'those']);

function span(doc: Doc, first: number, last: number): Span {
  const start = doc.starts[first];
  const end = doc.ends[last - 1];
  return { text: doc.text.slice(start, end), start, end };
}

function cueLemma(doc: Doc, i: number, k: QuoteKnowledge): CueFlags | null {
  const p = doc.pos[i];
  if (p !== 'VERB' && !(p === 'NOUN' && doc.lemmas[i] === 'say')) {
    // wink sometimes tags "said"/"told" after a quote as ADJ/NOUN
    if (!(doc.lower[i] === 'said' || doc.lower[i] === 'told' || doc.lower[i] === 'says')) return null;
  }
  return k.cues.get(doc.lemmas[i]) ?? k.cues.get(doc.lower[i]) ?? null;
}

/** Cue span: the reporting verb with the auxiliaries right before it ("has learned"). */
function cueSpan(doc: Doc, i: number, from: number): Span {
  let f = i;
  while (f - 1 >= from && (doc.pos[f - 1] === 'AUX' || (doc.pos[f - 1] === 'PART' && doc.lower[f - 1] === 'not'))) f--;
  let l = i + 1;
  // phrasal cues: "pointed out"
  if (doc.lemmas[i] === 'point' && doc.lower[l] === 'out') l++;
  return span(doc, f, l);
}

interface SpeakerPick {
  speaker: Quote['speaker'];
}

/** The hint nearest the cue within [from, to) (tokens); `before` prefers hints ending closest to `cue`. */
function hintIn(doc: Doc, hints: SpeakerHint[], from: number, to: number, cueTok: number, before: boolean, blocked: (o: number) => boolean): SpeakerHint | null {
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

function fromHint(doc: Doc, h: SpeakerHint): Quote['speaker'] {
  return { text: doc.text.slice(h.start, h.end), start: h.start, end: h.end, name: h.name, code: h.code };
}

/** The noun phrase ending right before token `cue` (skipping adverbs/auxiliaries), or null. */
function npBefore(doc: Doc, cue: number, from: number): Quote['speaker'] {
  let e = cue;
  while (e - 1 >= from && (doc.pos[e - 1] === 'ADV' || doc.pos[e - 1] === 'AUX' || doc.lower[e - 1] === 'not')) e--;
  // a subject pronoun right before the cue is the whole speaker ("... on August 19 she reminded")
  if (e - 1 >= from && doc.pos[e - 1] === 'PRON') {
    return SUBJECT_PRONOUNS.has(doc.lower[e - 1]) || doc.lower[e - 1] === 'who' ? { ...span(doc, e - 1, e), name: null, code: null } : null;
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
    if (NP_POS.has(p) || t === '’s' || t === "'s" || t === '-' || (doc.lower[s - 1] === 'of' && s < e)) s--;
    else break;
  }
  // dates and numbers at the left edge are adverbials, not the speaker ("on August 19 the ministry")
  while (s < e && (doc.lower[s] === 'of' || doc.pos[s] === 'NUM' || MONTHS.has(doc.lower[s]))) s++;
  if (s >= e) return null;
  // a relative/subordinate pronoun alone is not a speaker
  if (e - s === 1 && (doc.lower[s] === 'which' || doc.lower[s] === 'that' || doc.lower[s] === 'who')) return null;
  return { ...span(doc, s, e), name: null, code: null };
}

/** The noun phrase starting at token `from` (inverted speaker: "said the Armenian ministry"). */
function npAfter(doc: Doc, from: number, to: number): Quote['speaker'] {
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

// ---------------------------------------------------------------------------------------------
// The extractor

interface Draft extends Quote {
  cueTok: number;
}

/**
 * Quotations in `doc`, sorted by content start. `speakers` are actor mentions (coreference
 * resolved) used as speaker spans; without a matching hint the speaker is the noun phrase or
 * pronoun next to the cue, with name null.
 */
export function findQuotes(doc: Doc, speakers: SpeakerHint[], k: QuoteKnowledge = loadQuoteKnowledge()): Quote[] {
  const text = doc.text;
  const n = doc.tokens.length;
  const marked = findMarked(text);
  const usedCue = new Set<number>();
  // per-token flag: inside the content of a direct quote (speakers and cues there are not ours)
  const quotedTok = new Uint8Array(n);
  for (const m of marked) for (let t = tokenAtOrAfter(doc, m.contentStart); t < n && doc.starts[t] < m.contentEnd; t++) quotedTok[t] = 1;
  const hintBlocked = (o: number) => {
    const t = tokenAtOrAfter(doc, o);
    return t < n && doc.starts[t] <= o && quotedTok[t] === 1;
  };
  const directs: (Draft | null)[] = [];

  // 1. Direct quotes: cue after ("“…,” Aliyev said.") or before ("Aliyev said: “…”").
  let prevCloseTok = -1;
  for (let qi = 0; qi < marked.length; qi++) {
    const m = marked[qi];
    const content: Span = { text: text.slice(m.contentStart, m.contentEnd), start: m.contentStart, end: m.contentEnd };
    const openTok = tokenAtOrAfter(doc, m.open);
    const closeTok = m.close >= 0 ? tokenAtOrAfter(doc, m.close) : tokenAtOrAfter(doc, m.contentEnd - 1);
    const nextOpen = qi + 1 < marked.length ? tokenAtOrAfter(doc, marked[qi + 1].open) : n;
    let draft: Draft | null = null;
    if (m.close >= 0) draft = cueAfter(doc, k, speakers, content, closeTok + 1, Math.min(nextOpen, n), hintBlocked, usedCue);
    const prevCue = qi > 0 ? (directs[qi - 1]?.cueTok ?? -1) : -1;
    if (!draft) draft = cueBefore(doc, k, speakers, content, openTok, Math.max(prevCloseTok + 1, 0), hintBlocked, usedCue, prevCue);
    if (!draft) draft = { speaker: null, cue: null, content, direct: true, cueTok: -1 };
    if (draft.cueTok >= 0) usedCue.add(draft.cueTok);
    directs.push(draft);
    prevCloseTok = closeTok;
  }

  // 2. Indirect quotes.
  const indirect = findIndirect(doc, k, speakers, quotedTok, usedCue, hintBlocked);

  // 3. Unattributed direct quotes inherit from an enclosing indirect quote or the previous paragraph's quote.
  const out: Quote[] = [];
  for (let qi = 0; qi < directs.length; qi++) {
    const d = directs[qi] as Draft;
    if (!d.speaker && !d.cue) {
      const host = indirect.find((q) => q.content.start <= d.content.start && d.content.end <= q.content.end + 2);
      if (host) {
        d.speaker = host.speaker;
        d.cue = host.cue;
      } else if (qi > 0 && directs[qi - 1]?.speaker && opensOwnParagraph(text, marked[qi].open) && onlyGapBetween(text, marked[qi - 1], marked[qi])) {
        d.speaker = (directs[qi - 1] as Draft).speaker;
      }
    }
    if (!d.speaker && !d.cue && wordCount(d.content.text) < 3) continue;
    out.push({ speaker: d.speaker, cue: d.cue, content: d.content, direct: true });
  }
  for (const q of indirect) {
    // an indirect quote whose content is (almost) one direct quote is that direct quote
    const same = marked.some((m) => m.contentStart - q.content.start <= 2 && q.content.end - m.contentEnd <= 2 && m.contentEnd - m.contentStart >= 0.8 * (q.content.end - q.content.start));
    if (!same) out.push({ speaker: q.speaker, cue: q.cue, content: q.content, direct: false });
  }
  return out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const sp = isSpaceChar(s[i]);
    if (!sp && !inWord) n++;
    inWord = !sp;
  }
  return n;
}

function opensOwnParagraph(text: string, open: number): boolean {
  let i = open - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i--;
  return i < 0 || text[i] === '\n';
}

/** Nothing but whitespace and closing punctuation between two quotes (consecutive quote paragraphs). */
function onlyGapBetween(text: string, a: Marked, b: Marked): boolean {
  if (a.close < 0) return false;
  const gap = text.slice(a.close + 1, b.open);
  return /^[\s.,]*$/.test(gap);
}

function cueAfter(doc: Doc, k: QuoteKnowledge, hints: SpeakerHint[], content: Span, from: number, limit: number, blocked: (o: number) => boolean, used: Set<number>): Draft | null {
  let i = from;
  while (i < limit && (doc.tokens[i] === ',' || doc.tokens[i] === '—' || doc.tokens[i] === '–' || QUOTE_TOKENS.has(doc.tokens[i]))) i++;
  const start = i;
  const max = Math.min(limit, start + 12);
  for (; i < max; i++) {
    const t = doc.tokens[i];
    if (SENT_END.has(t) || QUOTE_TOKENS.has(t)) break;
    const flags = cueLemma(doc, i, k);
    if (!flags || used.has(i)) continue;
    // subject before the cue ("Aliyev said") or inverted ("said the Armenian ministry")
    let speaker: Quote['speaker'] = null;
    if (i > start) {
      const h = hintIn(doc, hints, start, i, i, true, blocked);
      speaker = h ? fromHint(doc, h) : npBefore(doc, i, start);
      if (!speaker) return null;
    } else {
      let e = i + 1;
      while (e < limit && e < i + 12 && !SENT_END.has(doc.tokens[e]) && doc.tokens[e] !== ',' && !QUOTE_TOKENS.has(doc.tokens[e])) e++;
      const h = hintIn(doc, hints, i + 1, e, i, false, blocked);
      speaker = h ? fromHint(doc, h) : npAfter(doc, i + 1, e);
    }
    return { speaker, cue: cueSpan(doc, i, start), content, direct: true, cueTok: i };
  }
  return null;
}

function cueBefore(doc: Doc, k: QuoteKnowledge, hints: SpeakerHint[], content: Span, openTok: number, floor: number, blocked: (o: number) => boolean, used: Set<number>, prevCue: number): Draft | null {
  // the quote must be introduced: ':' or ',' right before the opening mark
  const before = openTok - 1;
  if (before < floor || before < 0) return null;
  const intro = doc.tokens[before];
  if (intro !== ':' && intro !== ',') return null;
  const sent = doc.sentences[doc.sentenceOf[before]];
  const from = Math.max(floor, sent.first);
  for (let i = before - 1; i >= from && i >= before - 9; i--) {
    if (QUOTE_TOKENS.has(doc.tokens[i])) break;
    const flags = cueLemma(doc, i, k);
    // a cue already used may be shared only by the second half of a split quote
    if (!flags || (used.has(i) && i !== prevCue)) continue;
    let speaker: Quote['speaker'] = null;
    const h = hintIn(doc, hints, from, i, i, true, blocked);
    speaker = h ? fromHint(doc, h) : npBefore(doc, i, from);
    if (!speaker) {
      // inverted: ", said Aliyev, “..."
      const h2 = hintIn(doc, hints, i + 1, before, i, false, blocked);
      speaker = h2 ? fromHint(doc, h2) : npAfter(doc, i + 1, before);
    }
    return { speaker, cue: cueSpan(doc, i, from), content, direct: true, cueTok: i };
  }
  return null;
}

interface IndirectDraft {
  speaker: Quote['speaker'];
  cue: Span | null;
  content: Span;
}

function contentSpan(doc: Doc, first: number, last: number): Span | null {
  // drop the sentence-final period and dangling punctuation
  while (last > first && (SENT_END.has(doc.tokens[last - 1]) || doc.tokens[last - 1] === ',' || doc.tokens[last - 1] === ':')) last--;
  while (first < last && (doc.tokens[first] === ',' || doc.tokens[first] === ':')) first++;
  if (last <= first) return null;
  return span(doc, first, last);
}

function findIndirect(doc: Doc, k: QuoteKnowledge, hints: SpeakerHint[], quotedTok: Uint8Array, used: Set<number>, blocked: (o: number) => boolean): IndirectDraft[] {
  const out: IndirectDraft[] = [];
  const inQuote = (i: number) => quotedTok[i] === 1;
  for (const s of doc.sentences) {
    // sentence end without trailing closing quotes/punctuation
    let last = s.last;
    for (let i = s.first; i < last; i++) {
      // "according to X, CONTENT" / "CONTENT, according to X."
      if (doc.lower[i] === 'according' && doc.lower[i + 1] === 'to' && i + 2 < last && !inQuote(i)) {
        let e = i + 2;
        while (e < last && doc.tokens[e] !== ',' && !SENT_END.has(doc.tokens[e]) && e < i + 14) e++;
        const h = hintIn(doc, hints, i + 2, e, i, false, blocked);
        const speaker = h ? fromHint(doc, h) : npAfter(doc, i + 2, e);
        let content: Span | null = null;
        const atStart = i === s.first || (i === s.first + 1 && QUOTE_TOKENS.has(doc.tokens[s.first]));
        if (atStart && doc.tokens[e] === ',') content = contentSpan(doc, e + 1, last);
        else if (!atStart && doc.tokens[i - 1] === ',') content = contentSpan(doc, s.first, i - 1);
        if (content) out.push({ speaker, cue: span(doc, i, i + 2), content });
        continue;
      }
      const flags = cueLemma(doc, i, k);
      if (!flags || used.has(i) || inQuote(i)) continue;
      const q = thatClause(doc, i, last, flags, k) ?? tailClause(doc, i, s.first, last, flags);
      if (!q) continue;
      used.add(i);
      let speaker: Quote['speaker'] = null;
      if (q.speakerAfter) {
        const h = hintIn(doc, hints, i + 1, q.speakerEnd, i, false, blocked);
        speaker = h ? fromHint(doc, h) : npAfter(doc, i + 1, q.speakerEnd);
      } else {
        const h = hintIn(doc, hints, q.subjectFrom, i, i, true, blocked);
        speaker = h ? fromHint(doc, h) : npBefore(doc, i, q.subjectFrom);
      }
      out.push({ speaker, cue: cueSpan(doc, i, q.subjectFrom), content: q.content });
    }
  }
  return out;
}

interface ClauseMatch {
  content: Span;
  subjectFrom: number;
  speakerAfter: boolean;
  speakerEnd: number;
}

const CLAUSE_START_POS = new Set(['PRON', 'DET', 'PROPN', 'NOUN', 'NUM', 'ADJ']);

/** "X said (that) CONTENT" / "X told reporters that CONTENT". */
function thatClause(doc: Doc, i: number, last: number, flags: CueFlags, _k: QuoteKnowledge): ClauseMatch | null {
  if (!flags.that && !flags.obj) return null;
  const subjectFrom = clauseStart(doc, i);
  let j = i + 1;
  if (doc.lemmas[i] === 'point' && doc.lower[j] === 'out') j++;
  // look for "that" after an optional hearer / adverbials, with no verb in between
  for (let x = j; x < last && x < j + 10; x++) {
    const p = doc.pos[x];
    if (doc.lower[x] === 'that') {
      const c = contentSpan(doc, x + 1, last);
      return c ? { content: c, subjectFrom, speakerAfter: false, speakerEnd: 0 } : null;
    }
    if (p === 'VERB' || p === 'AUX' || SENT_END.has(doc.tokens[x]) || doc.tokens[x] === ';') break;
  }
  if (!flags.that) return null;
  // bare clause: "said Russia will ...", "said on Monday it would ..."
  while (j < last && doc.pos[j] === 'ADP' && !QUOTE_TOKENS.has(doc.tokens[j])) {
    let x = j + 1;
    while (x < last && (doc.pos[x] === 'DET' || doc.pos[x] === 'ADJ' || doc.pos[x] === 'NOUN' || doc.pos[x] === 'PROPN' || doc.pos[x] === 'NUM')) x++;
    if (x === j + 1) break;
    j = x;
    if (doc.tokens[j] === ',') j++;
  }
  if (j >= last || !CLAUSE_START_POS.has(doc.pos[j])) return null;
  if (doc.pos[j] === 'PRON' && !SUBJECT_PRONOUNS.has(doc.lower[j])) return null;
  // a finite verb must follow within the clause
  for (let x = j + 1; x < last && x < j + 12; x++) {
    const p = doc.pos[x];
    if (doc.tokens[x] === ',' || SENT_END.has(doc.tokens[x])) break;
    if (p === 'AUX' || (p === 'VERB' && doc.lower[x] !== doc.lemmas[x] + 'ing')) {
      const c = contentSpan(doc, j, last);
      return c ? { content: c, subjectFrom, speakerAfter: false, speakerEnd: 0 } : null;
    }
  }
  return null;
}

/** "CONTENT, X said." / "CONTENT, said X." — the cue closes the sentence after a comma. */
function tailClause(doc: Doc, i: number, first: number, last: number, flags: CueFlags): ClauseMatch | null {
  if (!flags.tail) return null;
  // the comma that separates content from attribution
  let m = i - 1;
  while (m > first && doc.tokens[m] !== ',' && i - m <= 8) m--;
  if (doc.tokens[m] !== ',' || m <= first) return null;
  for (let x = m + 1; x < i; x++) if (doc.pos[x] === 'VERB' || QUOTE_TOKENS.has(doc.tokens[x])) return null;
  // after the cue: only the speaker (inverted) or adverbials up to the sentence end
  let e = i + 1;
  while (e < last && !SENT_END.has(doc.tokens[e]) && !QUOTE_TOKENS.has(doc.tokens[e])) {
    const p = doc.pos[e];
    if (p === 'VERB' || p === 'AUX' || p === 'SCONJ' || doc.tokens[e] === ',' || e > i + 10) return null;
    e++;
  }
  // content before the comma must not just be a direct quote (handled as direct)
  if (QUOTE_TOKENS.has(doc.tokens[m - 1])) return null;
  const content = contentSpan(doc, first, m);
  if (!content) return null;
  const speakerAfter = m + 1 === i;
  return { content, subjectFrom: m + 1, speakerAfter, speakerEnd: e };
}

/** First token of the clause holding the cue: after the last ';', ':' or quote mark in the sentence. */
function clauseStart(doc: Doc, i: number): number {
  const s = doc.sentences[doc.sentenceOf[i]];
  for (let x = i - 1; x >= s.first; x--) {
    const t = doc.tokens[x];
    if (t === ';' || t === ':' || QUOTE_TOKENS.has(t)) return x + 1;
  }
  return s.first;
}
