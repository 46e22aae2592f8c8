// Colon attributions that run to a paragraph's end: speaker labels of transcripts and headlines
// ("PENCE: Well, look ...", "Sanders: Clinton needs to ...") and a cue verb closing a paragraph
// ("Limbaugh added:" + the next paragraph).
import { tokenAtOrAfter, type Doc } from '../text/document.js';
import type { QuoteKnowledge } from './quote-knowledge.js';
import { paragraphs } from './quote-marks.js';
import { clauseStart, contentSpan, cueLemma, cueSpan, fromHint, hintIn, npBefore, span, type IndirectDraft, type SpeakerHint } from './quote-phrases.js';

const LABEL_JOINERS = new Set(['’s', "'s", '.', '-', '&', 'at', 'of', 'on', 'and', 'the', 'in']);

function isLabelToken(doc: Doc, x: number, first: boolean): boolean {
  const t = doc.tokens[x];
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true; // A-Z
  if (!first && LABEL_JOINERS.has(doc.lower[x])) return true;
  return /^\p{Lu}/u.test(t);
}

/**
 * Colon attributions that run to the paragraph end: a speaker label opening a paragraph (interview
 * transcripts "PENCE: Well, look ...", headlines "Sanders: Clinton needs to ...") and a cue verb
 * closing one ("Limbaugh added:" + the next paragraph).
 */
export function findLabelled(doc: Doc, k: QuoteKnowledge, hints: SpeakerHint[], quotedTok: Uint8Array, used: Set<number>, blocked: (o: number) => boolean): IndirectDraft[] {
  const out: IndirectDraft[] = [];
  const n = doc.tokens.length;
  const paras = paragraphs(doc.text);
  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p];
    const first = tokenAtOrAfter(doc, ps);
    const end = tokenAtOrAfter(doc, pe);
    if (first >= end || quotedTok[first] === 1) continue;
    let colon = -1;
    for (let x = first; x < end && x < first + 8; x++) {
      if (doc.tokens[x] === ':') {
        colon = x;
        break;
      }
      if (!isLabelToken(doc, x, x === first)) break;
    }
    if (colon > first && !k.nonSpeakers.has(doc.text.slice(doc.starts[first], doc.ends[colon - 1]).toLowerCase())) {
      const content = contentSpan(doc, colon + 1, end);
      if (content) {
        const h = hintIn(doc, hints, first, colon, colon, true, blocked);
        out.push({ speaker: h ? fromHint(doc, h) : { ...span(doc, first, colon), name: null, code: null }, cue: span(doc, colon, colon + 1), content });
        continue;
      }
    }
    // "... Limbaugh added:" closing the paragraph: the next paragraph is the content
    if (end - first >= 2 && doc.tokens[end - 1] === ':' && p + 1 < paras.length) {
      const i = end - 2;
      const flags = cueLemma(doc, i, k);
      if (!flags || used.has(i) || !(flags.that || flags.tail)) continue;
      const nf = tokenAtOrAfter(doc, paras[p + 1][0]);
      const ne = tokenAtOrAfter(doc, paras[p + 1][1]);
      if (nf >= n || quotedTok[nf] === 1) continue;
      const content = contentSpan(doc, nf, ne);
      if (!content) continue;
      const from = clauseStart(doc, i);
      const h = hintIn(doc, hints, from, i, i, true, blocked);
      used.add(i);
      out.push({ speaker: h ? fromHint(doc, h) : npBefore(doc, i, from), cue: cueSpan(doc, i, from), content });
    }
  }
  return out;
}
