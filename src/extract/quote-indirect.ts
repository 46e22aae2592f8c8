// Indirect quotations, sentence by sentence: "X said (that) CONTENT", "X told reporters that ...",
// "according to X, CONTENT", "CONTENT, X said.", "CONTENT, X said, CONTENT", and attributions of
// stance whose complement is the content ("X called the plan a disaster", "X wants to ...").
import { tokenAtOrAfter, type Doc } from '../text/document.js';
import type { Quote, Span } from '../types.js';
import type { CueFlags, QuoteKnowledge } from './quote-knowledge.js';
import { NP_POS, QUOTE_TOKENS, SENT_END, SUBJECT_PRONOUNS, clauseStart, contentSpan, cueLemma, cueSpan, fromHint, hintIn, npAfter, npBefore, span, type IndirectDraft, type SpeakerHint } from './quote-phrases.js';

export function findIndirect(doc: Doc, k: QuoteKnowledge, hints: SpeakerHint[], quotedTok: Uint8Array, used: Set<number>, blocked: (o: number) => boolean): IndirectDraft[] {
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
      const clause = thatClause(doc, i, last, flags, k) ?? tailClause(doc, i, s.first, last, flags);
      const q = clause ?? complementClause(doc, i, last, flags);
      if (!q) continue;
      let speaker: Quote['speaker'] = null;
      if (q.speakerAfter) {
        const h = hintIn(doc, hints, i + 1, q.speakerEnd, i, false, blocked);
        speaker = h ? fromHint(doc, h) : npAfter(doc, i + 1, q.speakerEnd);
      } else {
        speaker = frameSubject(doc, hints, i, q.subjectFrom, blocked);
        if (!speaker) {
          const h = hintIn(doc, hints, q.subjectFrom, i, i, true, blocked);
          speaker = h ? fromHint(doc, h) : npBefore(doc, i, q.subjectFrom);
        }
      }
      // a bare complement is an attribution only with a source ("Trump called the plan a disaster")
      if (!clause && !speaker) continue;
      used.add(i);
      out.push({ speaker, cue: cueSpan(doc, i, q.subjectFrom), content: q.content, bare: !clause });
    }
  }
  shareFrameSource(doc, out);
  return out;
}

const FRAME_BEFORE_PARTICIPLE = new Set([',', 'by', 'while', 'after', 'before', 'when', 'in']);

/**
 * The source of a non-finite cue is the subject of the clause it hangs on: "Trump hit back, saying
 * ...", "took to Twitter to accuse ...". That subject is the first actor mention (or noun phrase)
 * opening the clause; null when the cue is finite or no subject is found.
 */
function frameSubject(doc: Doc, hints: SpeakerHint[], i: number, from: number, blocked: (o: number) => boolean): Quote['speaker'] {
  let b = i - 1;
  while (b > from && doc.pos[b] === 'ADV') b--;
  if (b <= from) return null;
  const ing = doc.lower[i].endsWith('ing') && FRAME_BEFORE_PARTICIPLE.has(doc.lower[b]);
  const inf = doc.lower[b] === 'to' && doc.pos[b] === 'PART' && doc.lemmas[i] === doc.lower[i];
  if (!ing && !inf) return null;
  const h = hintIn(doc, hints, from, b, i, false, blocked);
  if (h) return fromHint(doc, h);
  return NP_POS.has(doc.pos[from]) && doc.pos[from] !== 'NUM' ? npAfter(doc, from, b) : null;
}

/**
 * A bare complement that holds another attribution's cue ("responded ... by saying that X") frames
 * it: a participle cue there ("by saying", ", saying") takes the frame's source.
 */
function shareFrameSource(doc: Doc, drafts: IndirectDraft[]): void {
  // drafts are in cue order, and a cue inside the frame's content comes after the frame's cue
  for (let o = 0; o < drafts.length; o++) {
    const outer = drafts[o];
    if (!outer.bare) continue;
    for (let x = o + 1; x < drafts.length; x++) {
      const inner = drafts[x];
      if (!inner.cue || inner.cue.start >= outer.content.end) break;
      if (inner.cue.start < outer.content.start || inner.cue.end > outer.content.end) continue;
      const t = tokenAtOrAfter(doc, inner.cue.start);
      const before = doc.lower[t - 1];
      if (doc.lower[t].endsWith('ing') && (before === 'by' || before === ',')) inner.speaker = outer.speaker;
      break;
    }
  }
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
  // "Comey noted, people involved ..." : a comma may stand for "that" before a clause (not a quote)
  if (doc.tokens[j] === ',' && j + 1 < last && !QUOTE_TOKENS.has(doc.tokens[j + 1]) && doc.tokens[j + 1] !== "'") j++;
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

const COMPLEMENT_PARTICLES = new Set(['about', 'for', 'on', 'of', 'out', 'up', 'at', 'with', 'into']);

/** "X called the plan a disaster", "X wants to raise taxes": the rest of the clause after the cue. */
function complementClause(doc: Doc, i: number, last: number, flags: CueFlags): ClauseMatch | null {
  if (!flags.np) return null;
  // passive ("was criticized by"): the subject is not the source
  let b = i - 1;
  while (b >= 0 && doc.pos[b] === 'ADV') b--;
  if (b >= 0 && doc.lemmas[b] === 'be' && doc.lower[i].endsWith('ed')) return null;
  let j = i + 1;
  while (j < last && j < i + 3 && COMPLEMENT_PARTICLES.has(doc.lower[j])) j++;
  if (j >= last) return null;
  const t = doc.tokens[j];
  if (t === ',' || t === ':' || t === ';' || SENT_END.has(t) || QUOTE_TOKENS.has(t) || t === "'") return null;
  const content = contentSpan(doc, j, last);
  return content ? { content, subjectFrom: clauseStart(doc, i), speakerAfter: false, speakerEnd: 0 } : null;
}

const RELATIVE_PRONOUNS = new Set(['which', 'who', 'whom', 'whose', 'that']);

/** "CONTENT, X said." / "CONTENT, said X." — the cue closes the sentence after a comma. */
function tailClause(doc: Doc, i: number, first: number, last: number, flags: CueFlags): ClauseMatch | null {
  if (!flags.tail) return null;
  // the comma that separates content from attribution
  let m = i - 1;
  while (m > first && doc.tokens[m] !== ',' && i - m <= 8) m--;
  if (doc.tokens[m] !== ',' || m <= first) return null;
  for (let x = m + 1; x < i; x++) if (doc.pos[x] === 'VERB' || QUOTE_TOKENS.has(doc.tokens[x])) return null;
  // ", which denied ..." is a relative clause, not an attribution of what precedes
  if (RELATIVE_PRONOUNS.has(doc.lower[m + 1])) return null;
  // after the cue: only the speaker (inverted) or adverbials up to the sentence end or the next comma
  // (an apposition, "said Jeffrey Trimble, a senior official", or the content's second half, "Acts of
  // protest, Mr. Obama said, are acts of patriotism", which then joins the content)
  let e = i + 1;
  while (e < last && !SENT_END.has(doc.tokens[e]) && !QUOTE_TOKENS.has(doc.tokens[e]) && doc.tokens[e] !== ',') {
    const p = doc.pos[e];
    if (p === 'VERB' || p === 'AUX' || p === 'SCONJ' || e > i + 10) return null;
    e++;
  }
  // content before the comma must not just be a direct quote (handled as direct)
  if (QUOTE_TOKENS.has(doc.tokens[m - 1])) return null;
  const content = contentSpan(doc, first, m);
  if (!content) return null;
  const speakerAfter = m + 1 === i;
  return { content, subjectFrom: m + 1, speakerAfter, speakerEnd: e };
}
