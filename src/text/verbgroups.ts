// Verb groups from POS tags: the main verb with its auxiliaries, negation, modals, infinitive marker and
// particles, plus voice. A shallow parse in the TABARI tradition: no parser, a left-to-right scan.
import type { Doc } from './document.js';

export interface VerbGroup {
  /** The main verb token. */
  verb: number;
  /** First token of the group (first auxiliary / negation / "to"). */
  first: number;
  /** One past the last token of the group (after particles). */
  last: number;
  lemma: string;
  particles: string[];
  negated: boolean;
  /** will / shall / going to */
  future: boolean;
  /** would / could / may / might / should / can / must */
  hypothetical: boolean;
  passive: boolean;
  /** Non-finite: "to sign", or a gerund/participle with no auxiliary ("after brokering"). */
  infinitive: boolean;
  gerund: boolean;
}

const FUTURE = new Set(['will', "'ll", 'shall', 'wo']);
const HYPOTHETICAL = new Set(['would', 'could', 'may', 'might', 'should', 'can', 'must', "'d", 'ca']);
const NEGATION = new Set(['not', "n't", 'never', 'no']);
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'am', 'get', 'got', 'gets', 'getting', 'gotten']);
const PARTICLES = new Set(['up', 'off', 'out', 'down', 'back', 'over', 'away', 'in', 'on', 'apart', 'aside', 'forward']);
// Irregular past participles that do not end in -ed/-en but take passives in news text.
const IRREGULAR_PARTICIPLES = new Set(['held', 'hit', 'shot', 'struck', 'caught', 'fought', 'brought', 'sought', 'put', 'set', 'cut', 'hurt', 'led', 'met', 'sent', 'spent', 'built', 'kept', 'told', 'sold', 'found', 'made', 'paid', 'laid', 'said', 'heard', 'left', 'lost', 'won', 'bound', 'burnt', 'dealt', 'meant', 'felt', 'bought', 'thought', 'taught', 'seized', 'killed']);

// Participles that after "be" describe a stance, not an act done to the subject ("Gondor is opposed to
// the plan", "Rohan is committed to talks"): with the preposition after them the clause reads actively.
const STANCE_PARTICIPLES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['opposed', new Set(['to'])],
  ['committed', new Set(['to'])],
  ['dedicated', new Set(['to'])],
  ['determined', new Set(['to'])],
  ['resolved', new Set(['to'])],
]);

const ADNOMINAL_NEXT = new Set(['NOUN', 'PROPN', 'ADJ']);

function isParticiple(form: string): boolean {
  return form.endsWith('ed') || form.endsWith('en') || form.endsWith('wn') || IRREGULAR_PARTICIPLES.has(form);
}

/** Verb groups of sentence tokens [first, last), left to right. */
export function verbGroups(doc: Doc, first: number, last: number): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let i = first; i < last; i++) {
    const p = doc.pos[i];
    // "Fornost and Gondor welcome a resumption": a word tagged adjective between a name and a determiner
    // can only be the verb
    const adjectiveVerb = p === 'ADJ' && i > first && (doc.pos[i - 1] === 'PROPN' || doc.pos[i - 1] === 'NOUN') && doc.pos[i + 1] === 'DET';
    if (p !== 'VERB' && !adjectiveVerb) continue;
    // "the affected villages", "a proposed plan": a participle between a determiner and its noun is an adjective
    // ("abandon improved economic relations": a past participle right after another verb, likewise); "the
    // reopening of" is a noun
    const participle = doc.pos[i - 1] === 'DET' ? /(?:ed|en|ing)$/ : doc.pos[i - 1] === 'VERB' ? /(?:ed|en)$/ : null;
    const next = doc.pos[i + 1] ?? '';
    const nominal = ADNOMINAL_NEXT.has(next) || (doc.pos[i - 1] === 'DET' && doc.lower[i + 1] === 'of');
    if (i > first && participle && participle.test(doc.lower[i]) && nominal) continue;
    // Auxiliaries, negation, modals and adverbs directly before the verb (up to 5 tokens).
    let start = i;
    let negated = false;
    let future = false;
    let hypothetical = false;
    let beAux = false;
    let infinitive = false;
    let hasAux = false;
    for (let j = i - 1; j >= first && j >= i - 5; j--) {
      const w = doc.lower[j];
      const q = doc.pos[j];
      if (q === 'AUX' || (q === 'PART' && (NEGATION.has(w) || w === 'to')) || (q === 'ADV' && (NEGATION.has(w) || j > i - 3)) || (w === 'to' && q === 'ADP' && j === i - 1)) {
        if (NEGATION.has(w)) negated = true;
        else if (FUTURE.has(w)) future = true;
        else if (HYPOTHETICAL.has(w)) hypothetical = true;
        else if (w === 'to') infinitive = true;
        else if (BE_FORMS.has(w) || doc.lemmas[j] === 'be' || doc.lemmas[j] === 'get') beAux = true;
        if (q === 'AUX') hasAux = true;
        start = j;
        if (w === 'to') break;
        continue;
      }
      break;
    }
    // "going to V" reads as future.
    if (infinitive && start - 1 >= first && doc.lower[start - 1] === 'going') future = true;
    const form = doc.lower[i];
    const stance = STANCE_PARTICIPLES.get(form)?.has(doc.lower[i + 1] ?? '') ?? false;
    const passive = beAux && isParticiple(form) && !form.endsWith('ing') && !stance;
    const gerund = !hasAux && !infinitive && form.endsWith('ing');
    let end = i + 1;
    const particles: string[] = [];
    while (end < last && (doc.pos[end] === 'ADP' || doc.pos[end] === 'PART' || doc.pos[end] === 'ADV') && PARTICLES.has(doc.lower[end]) && particles.length < 2) {
      particles.push(doc.lower[end]);
      end++;
    }
    groups.push({
      verb: i,
      first: start,
      last: end,
      lemma: doc.lemmas[i],
      particles,
      negated,
      future,
      hypothetical,
      passive,
      infinitive,
      gerund,
    });
  }
  return groups;
}
