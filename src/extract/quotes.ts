// Quotations: direct (between quotation marks) and indirect ("X said (that) ...", "according to X,
// ...", "..., X said.", "X called the plan a disaster", "PENCE: ..."), each with speaker, cue and
// content spans. What counts as an attribution follows PolNeAR/PARC: speech, but also thought,
// evidence and stance ("X believes", "a poll shows", "X opposes ..."), the cues listed in
// dictionaries/lexicon/quote-cues.txt.
//
// Choices (documented so callers can rely on them):
// - A quote split around its cue ("“A,” he said, “B.”", "“A,” said X. “B.”") is ONE quotation whose
//   content runs from the first quote's first word to the last quote's last (PolNeAR's convention;
//   the attribution words in between are inside the span).
// - Content of a direct quote is the text between the marks, trimmed, without a trailing comma.
//   Content of an indirect quote starts after "that" and ends before the sentence's final period; a
//   stance cue's content is its complement up to the sentence end.
// - Quotation marks (“…”, "…", «…», ''…'') pair within a paragraph; see quote-marks.ts.
// - A direct quote inside an indirect quote's content, or in a sentence attributed with "according
//   to", takes that speaker and cue; inside a stance complement ("called him “a disgrace”") it is
//   part of that attribution and not reported alone. A quote-only paragraph right after an
//   attributed quote keeps the speaker (cue null). Unattributed quotes of fewer than three words are
//   scare quotes: dropped.
// - A cue after a quote is looked for in the same paragraph and sentence only: not after a quote
//   closed by a full stop, and never across a line break.
import { tokenAtOrAfter, type Doc } from '../text/document.js';
import type { Quote, Span } from '../types.js';
import { loadQuoteKnowledge, type QuoteKnowledge } from './quote-knowledge.js';
import { findMarked, isSpaceChar, type Marked } from './quote-marks.js';
import { QUOTE_TOKENS, SENT_END, cueLemma, cueSpan, fromHint, hintIn, npAfter, npBefore, type SpeakerHint } from './quote-phrases.js';
import { findIndirect } from './quote-indirect.js';
import { findLabelled } from './quote-labels.js';

export { loadQuoteKnowledge, type CueFlags, type QuoteKnowledge } from './quote-knowledge.js';
export type { SpeakerHint } from './quote-phrases.js';

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
    const closeTok = tokenAtOrAfter(doc, (m.close >= 0 ? m.closeEnd : m.contentEnd) - 1);
    const nextOpen = qi + 1 < marked.length ? tokenAtOrAfter(doc, marked[qi + 1].open) : n;
    let draft: Draft | null = null;
    // a quotation closed by a full stop is a finished sentence: its cue is not in the next one
    // (“... the pen.” And he added that ...); “Why?” he asked. still looks after
    if (m.close >= 0 && text[m.contentEnd - 1] !== '.') draft = cueAfter(doc, k, speakers, content, closeTok + 1, Math.min(nextOpen, n), hintBlocked, usedCue);
    const prevCue = qi > 0 ? (directs[qi - 1]?.cueTok ?? -1) : -1;
    if (!draft) draft = cueBefore(doc, k, speakers, content, openTok, Math.max(prevCloseTok + 1, 0), hintBlocked, usedCue, prevCue);
    if (!draft) draft = { speaker: null, cue: null, content, direct: true, cueTok: -1 };
    if (draft.cueTok >= 0) usedCue.add(draft.cueTok);
    directs.push(draft);
    prevCloseTok = closeTok;
  }

  // 2. Indirect quotes.
  const indirect = findIndirect(doc, k, speakers, quotedTok, usedCue, hintBlocked);
  indirect.push(...findLabelled(doc, k, speakers, quotedTok, usedCue, hintBlocked));

  // 3. Unattributed direct quotes inherit from an enclosing indirect quote or the previous paragraph's
  // quote; the continuation of a quote split by its attribution joins it (PolNeAR convention).
  const out: Quote[] = [];
  let host: { q: Quote; cueTok: number; mi: number } | null = null;
  for (let qi = 0; qi < directs.length; qi++) {
    const d = directs[qi] as Draft;
    if (host && continues(text, marked[host.mi], marked[qi], host.q.cue, d.cueTok === host.cueTok || (!d.speaker && !d.cue))) {
      const c = host.q.content;
      host.q.content = { text: text.slice(c.start, d.content.end), start: c.start, end: d.content.end };
      host.mi = qi;
      continue;
    }
    if (!d.speaker && !d.cue) {
      const enclosing = indirect.find((q) => q.content.start <= d.content.start && d.content.end <= q.content.end + 2);
      // inside a stance complement ("called him “a disgrace”", "described as “X”") the quoted words
      // are the complement's object, part of that attribution rather than one of their own
      if (enclosing?.bare) continue;
      if (enclosing) {
        d.speaker = enclosing.speaker;
        d.cue = enclosing.cue;
      } else if (qi > 0 && directs[qi - 1]?.speaker && opensOwnParagraph(text, marked[qi].open) && onlyGapBetween(text, marked[qi - 1], marked[qi])) {
        d.speaker = (directs[qi - 1] as Draft).speaker;
      }
    }
    if (!d.speaker && !d.cue && wordCount(d.content.text) < 3) continue;
    const q: Quote = { speaker: d.speaker, cue: d.cue, content: d.content, direct: true };
    out.push(q);
    host = d.speaker || d.cue ? { q, cueTok: d.cueTok, mi: qi } : null;
  }
  for (const q of indirect) {
    // an indirect quote whose content is (almost) one direct quote is that direct quote
    const same = marked.some((m) => m.contentStart - q.content.start <= 2 && q.content.end - m.contentEnd <= 2 && m.contentEnd - m.contentStart >= 0.8 * (q.content.end - q.content.start));
    if (!same) out.push({ speaker: q.speaker, cue: q.cue, content: q.content, direct: false });
  }
  return out.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
}

/**
 * Quote `b` continues attributed quote `a` in the same paragraph: either only the attribution lies
 * between them ("“A,” he said, “B.”", "“A,” said X. “B.”") or nothing but spaces and punctuation.
 */
function continues(text: string, a: Marked, b: Marked, cue: Span | null, sameCue: boolean): boolean {
  if (a.close < 0 || !sameCue || b.open - a.closeEnd > 200) return false;
  for (let i = a.closeEnd; i < b.open; i++) if (text[i] === '\n') return false;
  if (onlyGapBetween(text, a, b)) return true;
  return cue !== null && cue.start >= a.closeEnd && cue.end <= b.open;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
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
  const gap = text.slice(a.closeEnd, b.open);
  return /^[\s.,]*$/.test(gap);
}

function cueAfter(doc: Doc, k: QuoteKnowledge, hints: SpeakerHint[], content: Span, from: number, limit: number, blocked: (o: number) => boolean, used: Set<number>): Draft | null {
  let i = from;
  while (i < limit && (doc.tokens[i] === ',' || doc.tokens[i] === '—' || doc.tokens[i] === '–' || doc.tokens[i] === "'" || QUOTE_TOKENS.has(doc.tokens[i]))) i++;
  const start = i;
  const max = Math.min(limit, start + 12);
  for (; i < max; i++) {
    const t = doc.tokens[i];
    if (SENT_END.has(t) || QUOTE_TOKENS.has(t) || (i > 0 && hasNewline(doc.text, doc.ends[i - 1], doc.starts[i]))) break;
    const flags = cueLemma(doc, i, k);
    // a direct quote is introduced by a verb of speech, not of stance ("called her “a liar”")
    if (!flags || used.has(i) || !(flags.that || flags.tail || flags.obj)) continue;
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
    if (!flags || (used.has(i) && i !== prevCue) || !(flags.that || flags.tail || flags.obj)) continue;
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
