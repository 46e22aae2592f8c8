// Context features of a name mention that say what it is doing, kept apart from the decisions so a
// learned re-ranker can read the same features later:
//   - is the document a sports report (its headline names a sport or competition)?
//   - does the mention act as a team (scores after it, "beat"/"drew" after it, "lost to" before it,
//     "Leeds's manager")?
//   - is it after a locative preposition ("in Leeds")?
import type { Doc } from '../text/document.js';

export interface TeamContextWords {
  /** Words following a team's name ("beat", "drew"). */
  after: Set<string>;
  /** Words preceding a team's name ("against", "beat"). */
  before: Set<string>;
  /** Nouns after "Team's" ("manager", "striker"). */
  possessed: Set<string>;
}

const LOCATIVE_BEFORE = new Set(['in', 'near', 'outside', 'across', 'towards', 'toward', 'into', 'from', 'of', 'via', 'around', 'through', 'throughout', 'between']);

function isNumberToken(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 48 && c <= 57) || (t.length > 1 && (c === 46 || c === 45) && t.charCodeAt(1) >= 48 && t.charCodeAt(1) <= 57);
}

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

/** Does the headline (first sentence) or the first few sentences name a sport? */
export function isSportsReport(doc: Doc, sportWords: Set<string>): boolean {
  const n = Math.min(doc.sentences.length, 2);
  for (let s = 0; s < n; s++) {
    const { first, last } = doc.sentences[s];
    for (let i = first; i < last; i++) {
      const l = doc.lower[i];
      if (sportWords.has(l)) return true;
      if (i + 1 < last && sportWords.has(l + ' ' + doc.lower[i + 1])) return true;
    }
  }
  return false;
}

/**
 * Token range [first, last) of a name: is it a dateline's place, opening a line and followed by the
 * date, maybe after a region ("LEEDS 1996-08-30", "TOFTIR, Faroe Islands 1996-08-31")?
 */
export function isDateline(doc: Doc, first: number, last: number): boolean {
  const s = doc.sentences[doc.sentenceOf[first]];
  if (first !== s.first || last >= s.last) return false;
  let j = last;
  if (doc.tokens[j] === ',') {
    j++;
    const from = j;
    while (j < s.last && j < from + 4 && !ISO_DATE.test(doc.tokens[j]) && /^\p{Lu}/u.test(doc.tokens[j])) j++;
    if (j === from) return false;
  }
  return j < s.last && ISO_DATE.test(doc.tokens[j]) && s.last - j <= 2;
}

/** Is the name [first, last) right after a locative preposition ("in Leeds", "from Chelsea")? */
export function afterLocative(doc: Doc, first: number): boolean {
  if (first === 0 || doc.sentenceOf[first - 1] !== doc.sentenceOf[first]) return false;
  const p = doc.lower[first - 1];
  // "at" is locative ("At Hove:", "BOSTON AT OAKLAND" names the home ground)
  return LOCATIVE_BEFORE.has(p) || p === 'at';
}

/**
 * Does the name [first, last) act as a sports team? Only meaningful in a sports report: a number
 * (score, table row) or an action word after it, an opponent word before it, a squad noun after its
 * possessive, or a line of the form "NAME AT NAME".
 */
export function actsAsTeam(doc: Doc, first: number, last: number, w: TeamContextWords): boolean {
  const sent = doc.sentenceOf[first];
  let after = last;
  // skip a short parenthesis: "Red Star (Yugoslavia) beat Dinamo (Russia) 92-90"
  if (doc.tokens[after] === '(' && !isNumberToken(doc.tokens[after + 1] ?? '')) {
    let j = after + 1;
    while (j < doc.tokens.length && j < after + 5 && doc.tokens[j] !== ')') j++;
    if (doc.tokens[j] === ')') after = j + 1;
  }
  const next = after < doc.tokens.length && doc.sentenceOf[after] === sent ? after : -1;
  const prev = first > 0 && doc.sentenceOf[first - 1] === sent ? first - 1 : -1;
  if (next >= 0) {
    const t = doc.tokens[next];
    if (isNumberToken(t) && !ISO_DATE.test(t)) return true;
    if (w.after.has(doc.lower[next]) && (t === doc.lower[next] || t === t.toUpperCase())) return true;
    // "Leeds's manager", "Baltimore's Eddie Murray"; "Surrey all-rounder Adam Hollioake"
    if ((t === "'s" || t === "'") && next + 1 < doc.tokens.length && doc.sentenceOf[next + 1] === sent && (w.possessed.has(doc.lower[next + 1]) || /^\p{Lu}\p{Ll}/u.test(doc.tokens[next + 1]))) return true;
    if (t === doc.lower[next] && w.possessed.has(t)) return true;
    // "Leeds (2) ..." half-time scores
    if (t === '(' && next + 1 < doc.tokens.length && isNumberToken(doc.tokens[next + 1])) return true;
  }
  if (prev >= 0 && w.before.has(doc.lower[prev])) {
    // "beat Leeds", "against Chelsea"; a score before it too ("Leeds 2 Chelsea 1")
    return true;
  }
  if (prev >= 0 && isNumberToken(doc.tokens[prev]) && next >= 0 && isNumberToken(doc.tokens[next])) return true;
  return false;
}

function isPlainInteger(t: string): boolean {
  if (t.length === 0 || t.length > 4) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Is the name [first, last) a side in a results or standings row: "Port Vale 2 Oxford 0",
 * "Arbroath 0 East Stirling 0", "St Mirren 3 1 1 1 5 4 4"? (Golf and athletics rows, "Tiger Woods
 * 70 68", "Geir Moen (Norway) 20.41", do not have this shape.)
 */
export function inResultRow(doc: Doc, first: number, last: number): boolean {
  const s = doc.sentences[doc.sentenceOf[first]];
  const at = (i: number) => (i >= s.first && i < s.last ? doc.tokens[i] : '');
  if (isPlainInteger(at(last)) && /^\p{Lu}/u.test(at(last + 1))) return true;
  if (isPlainInteger(at(first - 1)) && isPlainInteger(at(last)) && (at(last + 1) === '' || at(last + 1) === '(')) return true;
  if (first === s.first) {
    let n = 0;
    for (let i = last; i < s.last && isPlainInteger(doc.tokens[i]); i++) n++;
    if (n >= 6) return true;
  }
  return false;
}
