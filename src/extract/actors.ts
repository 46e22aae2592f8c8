// Actor mentions: longest match of the actor dictionaries over the Doc's tokens, assembled into noun
// phrases (country word + agent, title + name, organisation + person, "X of Y"), coded as country +
// sectors the way PETRARCH writes them (RUSGOVMIL), then resolved within the document
// (coreference.ts). Pure: everything it knows comes from the ActorKnowledge passed in.
import type { ActorCode } from '../types.js';
import type { Doc } from '../text/document.js';
import { parseText } from '../text/document.js';
import { splitToken, termOn, type ActorEntry, type ActorKnowledge, type TrieNode } from '../knowledge/actors.js';
import { resolveCoreference } from './coreference.js';

export type MentionKind = 'country' | 'person' | 'org' | 'igo' | 'agent' | 'pronoun' | 'unknown';

export interface ActorMention {
  tokenStart: number;
  tokenEnd: number;
  head: number;
  start: number;
  end: number;
  text: string;
  code: string | null;
  country: string | null;
  sectors: string[];
  name: string | null;
  kind: MentionKind;
  antecedent: number | null;
  /** Further actors the phrase names (a dictionary entry coding several actors): events repeat for each. */
  also?: { code: string; country: string | null; sectors: string[] }[];
}

/** Extra facts about a mention that coreference uses (parallel to the returned array). */
export interface MentionInfo {
  /** The head agent entry, if any. */
  agent: ActorEntry | null;
  /** Person id from the people dictionary. */
  personId: number | null;
  /** Opens with "the"/"this" (a definite description that may refer back). */
  definite: boolean;
  /** Its own name (known person, unknown capitalised name) rather than a description. */
  named: boolean;
  /** Lower-cased text of the name tokens, when named. */
  nameText: string | null;
  /** Followed by 's: a possessive. */
  possessive: boolean;
  /** Whether the following token is a verb (a rough subject test). */
  subject: boolean;
}

/** A dictionary match or an unknown capitalised name over tokens [t0, t1). */
interface Seg {
  t0: number;
  t1: number;
  entries: ActorEntry[];
  /** "ex-president": a former-marker inside the token. */
  former: boolean;
  /** "anti-American": the actor is what the phrase is against (a target, never a modifier). */
  anti?: boolean;
  isName: boolean;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const LOCATIVE = new Set(['in', 'near', 'at', 'outside', 'inside', 'around', 'across', 'throughout', 'within']);
const NAME_PARTICLES = new Set(['al', 'bin', 'ibn', 'de', 'del', 'da', 'van', 'von', 'der', 'la', 'le', 'el']);
const PREP_CONTINUE = new Set(['for', 'of', 'on']);
const PRONOUNS = new Set(['he', 'she', 'him', 'his', 'her']);
// "Russian-born businessman", "a London-based charity", "the Saudi-led coalition": the token names
// where the actor comes from or who leads it.
const ORIGIN_SUFFIXES = new Set(['born', 'based', 'led']);
// Pronouns for groups, states and organisations ("Hungary says it will not accept ..."); resolved by
// coreference to a non-person actor, else left uncoded.
const GROUP_PRONOUNS = new Set(['it', 'they', 'them']);
const GROUP_POSSESSIVES = new Set(['its', 'their']);
// Time words that end an actor phrase rather than being modified by it ("the government today said").
const TIME_NOUNS = new Set([
  'today', 'yesterday', 'tonight', 'tomorrow', 'morning', 'evening', 'afternoon', 'night', 'week', 'weekend',
  'month', 'year', 'earlier', 'later', 'last', 'this', 'next', 'recently', 'now',
]);
// Capitalised words that are never actor names.
const NOT_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'mr.', 'mrs.', 'ms.', 'dr.',
]);

function isCapitalised(tok: string): boolean {
  const c = tok.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
}

/** Longest dictionary match starting at piece `p` that ends on a token boundary. */
function matchAt(
  pieces: string[], pieceTok: number[], pieceLastOfTok: boolean[], p: number, doc: Doc, trie: TrieNode,
): { end: number; entries: ActorEntry[] } | null {
  let node: TrieNode | undefined = trie;
  let best: { end: number; entries: ActorEntry[] } | null = null;
  for (let q = p; q < pieces.length && node; q++) {
    node = node.next.get(pieces[q]);
    if (!node) break;
    if (node.entries && pieceLastOfTok[q]) {
      const t0 = pieceTok[p];
      const t1 = pieceTok[q] + 1;
      // Case-sensitive entries (acronyms such as US, WHO) need the surface form; most entries do not.
      const needsSurface = node.entries.some((e) => e.upper);
      const surface = needsSurface ? doc.tokens.slice(t0, t1).join(' ') : '';
      const ok = needsSurface ? node.entries.filter((e) => !e.upper || e.upper.includes(surface)) : node.entries;
      if (ok.length) best = { end: q + 1, entries: ok };
    }
    // a sentence boundary ends every phrase
    if (q + 1 < pieces.length && doc.sentenceOf[pieceTok[q + 1]] !== doc.sentenceOf[pieceTok[p]]) break;
  }
  return best;
}

/** Cut the document into dictionary matches and unknown-name runs (one Seg per token it covers). */
function segment(doc: Doc, k: ActorKnowledge): (Seg | null)[] {
  const pieces: string[] = [];
  const pieceTok: number[] = [];
  const pieceLast: boolean[] = [];
  const firstPiece: number[] = [];
  for (let t = 0; t < doc.lower.length; t++) {
    firstPiece.push(pieces.length);
    // "Dol_Amroth": an underscore glued between two words joins them (PETRARCH's own notation)
    if (doc.lower[t] === '_' && t > 0 && doc.ends[t - 1] === doc.starts[t] && doc.ends[t] === doc.starts[t + 1]) continue;
    const parts = splitToken(doc.lower[t]);
    for (let j = 0; j < parts.length; j++) {
      pieces.push(parts[j]);
      pieceTok.push(t);
      pieceLast.push(j === parts.length - 1);
    }
  }
  const segOf: (Seg | null)[] = new Array(doc.tokens.length).fill(null);
  let t = 0;
  while (t < doc.tokens.length) {
    const p = firstPiece[t];
    let m = matchAt(pieces, pieceTok, pieceLast, p, doc, k.trie);
    let former = false;
    let anti = false;
    // "ex-president": a former-marker then the rest of the same token; "anti-American" likewise
    if (!m && (pieces[p] === 'ex' || pieces[p] === 'anti') && pieces[p + 1] === '-' && pieceTok[p + 2] === t) {
      m = matchAt(pieces, pieceTok, pieceLast, p + 2, doc, k.trie);
      former = !!m && pieces[p] === 'ex';
      anti = !!m && pieces[p] === 'anti';
    }
    // "an anti- Gondor parade": the marker as tokens of its own
    if (m && t >= 2 && doc.lower[t - 1] === '-' && doc.lower[t - 2] === 'anti' && doc.ends[t - 2] === doc.starts[t - 1]) anti = true;
    if (m) {
      const t1 = pieceTok[m.end - 1] + 1;
      const seg: Seg = anti ? { t0: t, t1, entries: m.entries, former, isName: false, anti } : { t0: t, t1, entries: m.entries, former, isName: false };
      for (let u = t; u < t1; u++) segOf[u] = seg;
      t = t1;
      continue;
    }
    t++;
  }
  // unknown capitalised names: runs of capitalised proper nouns not matched above
  t = 0;
  while (t < doc.tokens.length) {
    if (!segOf[t] && isNameToken(doc, t)) {
      let u = t + 1;
      while (u < doc.tokens.length && doc.sentenceOf[u] === doc.sentenceOf[t] && !segOf[u]) {
        if (isNameToken(doc, u)) u++;
        else if (doc.tokens[u] === '-' && doc.ends[u - 1] === doc.starts[u] && u + 1 < doc.tokens.length && !segOf[u + 1] && isNameToken(doc, u + 1)) u += 2;
        else if (NAME_PARTICLES.has(doc.lower[u]) && u + 1 < doc.tokens.length && !segOf[u + 1] && isNameToken(doc, u + 1)) u += 2;
        else break;
      }
      const seg: Seg = { t0: t, t1: u, entries: [], former: false, isName: true };
      for (let v = t; v < u; v++) segOf[v] = seg;
      t = u;
      continue;
    }
    t++;
  }
  return segOf;
}

function isNameToken(doc: Doc, t: number): boolean {
  const tok = doc.tokens[t];
  if (!isCapitalised(tok) || tok.length < 2 || NOT_NAMES.has(doc.lower[t])) return false;
  const pos = doc.pos[t];
  if (pos === 'PROPN') return true;
  // wink sometimes tags unknown capitalised words NOUN/ADJ; a sentence-initial one is usually a common word
  const first = doc.sentences[doc.sentenceOf[t]].first === t;
  return !first && (pos === 'NOUN' || pos === 'ADJ' || pos === 'X');
}

function entryOf(seg: Seg | null, kinds: string[]): ActorEntry | null {
  if (!seg) return null;
  for (const e of seg.entries) if (kinds.includes(e.kind)) return e;
  return null;
}

/**
 * A country's name (not its adjective): a country entry, or an organisation entry coded with a country
 * alone (PETRARCH actor dictionaries code GONDOR [GON] that way).
 */
function namesCountry(seg: Seg): boolean {
  if (entryOf(seg, ['demonym'])) return false;
  if (entryOf(seg, ['country'])) return true;
  const org = entryOf(seg, ['org']);
  return !!org && org.country !== null && org.sectors.length === 0;
}

/** A noun phrase under construction. */
interface NP {
  t0: number;
  t1: number;
  definite: boolean;
  eli: boolean;
  /** "ordinary Kazakhs": the people themselves, civilians when nothing else gives a sector. */
  civilian: boolean;
  country: string | null;
  countryIsMetonym: boolean;
  metonymSectors: string[];
  multiCountry: boolean;
  org: ActorEntry | null;
  orgName: [number, number] | null;
  agents: ActorEntry[];
  agentEnds: number[];
  personId: number | null;
  name: [number, number] | null;
  possessive: boolean;
  substantive: boolean;
  headReplaced: boolean;
  /** Codes placed before the actor's (PETRARCH agents [NGO~]: "an MSF Arnor diplomat" → NGOARNGOV). */
  prefix: string[];
}

function emptyNP(t0: number): NP {
  return {
    t0, t1: t0, definite: false, eli: false, civilian: false, country: null, countryIsMetonym: false, metonymSectors: [],
    multiCountry: false, org: null, orgName: null, agents: [], agentEnds: [], personId: null, name: null,
    possessive: false, substantive: false, headReplaced: false, prefix: [],
  };
}

interface Ctx {
  doc: Doc;
  segOf: (Seg | null)[];
  k: ActorKnowledge;
  last: number;
  date: string | null;
}

/** "-born" / "-based" written against the word before it: tokens [t, t+2) (the tokenizer splits the hyphen). */
function originSuffixAt(doc: Doc, t: number): boolean {
  return t > 0 && doc.lower[t] === '-' && ORIGIN_SUFFIXES.has(doc.lower[t + 1] ?? '') &&
    doc.ends[t - 1] === doc.starts[t] && doc.ends[t] === doc.starts[t + 1];
}

/** Whether an agent follows within a few modifier tokens (so a noun before it is a filler). */
function agentAhead(c: Ctx, from: number): boolean {
  for (let u = from, n = 0; u < c.last && n < 5; n++) {
    if (originSuffixAt(c.doc, u)) {
      u += 2;
      continue;
    }
    const s = c.segOf[u];
    if (s && entryOf(s, ['agent'])) return true;
    if (s && !s.isName && !entryOf(s, ['modifier'])) return false;
    const pos = c.doc.pos[u];
    if (!(pos === 'NOUN' || pos === 'ADJ' || pos === 'PROPN' || c.doc.tokens[u] === '-' || pos === 'NUM')) return false;
    u = s ? s.t1 : u + 1;
  }
  return false;
}

/** Parse one actor noun phrase starting at token i; null when none starts there. */
function parseNP(c: Ctx, i: number, nested: boolean): NP | null {
  const { doc, segOf, k } = c;
  const np = emptyNP(i);
  let j = i;
  let stopAdjectival = false;
  while (j < c.last) {
    const seg = segOf[j];
    const lower = doc.lower[j];
    const nothingYet = !np.substantive;
    const mod = entryOf(seg, ['modifier']);
    if (mod && seg && seg.t0 === j && !entryOf(seg, ['agent', 'org', 'igo', 'country', 'demonym', 'person'])) {
      if (mod.effect === 'det') {
        if (!nothingYet || j !== np.t0) break;
        if (lower === 'the' || lower === 'this' || lower === 'these' || lower === 'those') np.definite = true;
      } else if (mod.effect === 'eli') np.eli = true;
      else if (mod.effect === 'cvl' && (agentAhead(c, seg.t1) || nextIsNameOrOrg(c, seg.t1))) np.civilian = true;
      else if (!agentAhead(c, seg.t1) && !nextIsNameOrOrg(c, seg.t1)) break;
      j = seg.t1;
      continue;
    }
    if (!seg) {
      // "Russian-born businessman", "a Lagos-based charity": the place the actor comes from
      if ((np.country || np.orgName) && !np.agents.length && !np.name && !np.org && originSuffixAt(doc, j)) {
        j += 2;
        continue;
      }
      if (doc.pos[j] === 'NUM' && nothingYet && !(j > 0 && NOT_NAMES.has(doc.lower[j - 1]))) {
        j++;
        continue;
      }
      if (lower === '-' && np.substantive && !np.agents.length && !np.name && segOf[j + 1] && entryOf(segOf[j + 1], ['country', 'demonym'])) {
        np.multiCountry = true;
        j++;
        continue;
      }
      if (PREP_CONTINUE.has(lower) && np.substantive && !np.name) {
        // "director of the Russian Federal Service ...", "president of the European Council"
        const head = np.agents[np.agents.length - 1];
        if (lower === 'of' && (head || np.org) && !nested) {
          const sub = parseNP(c, j + 1, true);
          if (sub && (sub.org || sub.country || sub.agents.length) && sub.personId === null && !sub.name) {
            mergeOf(np, sub);
            j = sub.t1;
            np.t1 = j;
            continue;
          }
        }
        // proper-name continuation: "Federal Service for Military-Technical Cooperation"
        if (isCapitalised(doc.tokens[j - 1]) && j + 1 < c.last && isCapitalised(doc.tokens[j + 1]) && (np.org || (head && !head.person))) {
          let u = j + 1;
          while (u < c.last && (isCapitalised(doc.tokens[u]) || doc.tokens[u] === '-')) {
            const s = segOf[u];
            if (s && entryOf(s, ['person', 'country'])) break;
            if (k.firstNames.has(doc.lower[u]) && u + 1 < c.last && isCapitalised(doc.tokens[u + 1])) break;
            u++;
          }
          if (u > j + 1) {
            j = u;
            np.t1 = j;
            continue;
          }
        }
        break;
      }
      if ((lower === 'in' || lower === 'from') && !nested && np.agents.length && !np.country && !np.org && !np.name) {
        // "activists in Arnor", "soldiers from Gondor": the agent's country
        let u = j + 1;
        if (doc.lower[u] === 'the') u++;
        const cs = entryOf(segOf[u], ['country', 'metonym']) ?? (segOf[u] && namesCountry(segOf[u]!) ? entryOf(segOf[u], ['org']) : null);
        if (cs && segOf[u]) {
          np.country = cs.country;
          j = segOf[u]!.t1;
          np.t1 = j;
        }
        break;
      }
      if (POSSESSIVE.has(lower) && np.substantive) {
        np.possessive = true;
        // "Russia's Baltic Fleet": the owner gives the country of what follows
        if ((np.country || np.org) && !np.agents.length && !np.name && (agentAhead(c, j + 1) || nextIsOrg(c, j + 1))) {
          j++;
          np.possessive = false;
          continue;
        }
        break;
      }
      if (np.substantive && TIME_NOUNS.has(lower)) break;
      if (np.substantive && (doc.pos[j] === 'NOUN' || doc.pos[j] === 'ADJ' || doc.pos[j] === 'PROPN' || doc.pos[j] === 'NUM' || lower === '-')) {
        if (agentAhead(c, j)) {
          j++;
          continue;
        }
        // a country word, agent or name modifying a non-actor noun ("Armenian-Russian cooperation")
        // but a country NAME before a noun is still the country ("help Armenia reform")
        const before = segOf[j - 1];
        const countryName = !!before && namesCountry(before) && lower !== '-';
        if ((doc.pos[j] === 'NOUN' || lower === '-') && !(countryName && !np.agents.length && !np.name)) stopAdjectival = true;
      }
      break;
    }
    // a dictionary match or a name
    if (seg.isName) {
      const head = np.agents[np.agents.length - 1];
      if (np.name || np.personId !== null) break;
      if (head && head.person) {
        np.name = [seg.t0, seg.t1];
        np.substantive = true;
        j = seg.t1;
        np.t1 = j;
        break;
      }
      const personLike = k.firstNames.has(doc.lower[seg.t0]) && seg.t1 - seg.t0 >= 2;
      if ((head || np.org) && personLike) {
        if (nested) break; // the outer phrase's person noun takes the name
        np.name = [seg.t0, seg.t1];
        np.substantive = true;
        j = seg.t1;
        np.t1 = j;
        break;
      }
      if (head || np.org) {
        // more of a proper name ("Kano State" + "government" is handled below); here: "X Company Y" → name continues
        if (isCapitalised(doc.tokens[j - 1])) {
          // "International Army Games": the proper name's own head is not an actor word
          np.headReplaced = true;
          j = seg.t1;
          np.t1 = j;
          continue;
        }
        break;
      }
      // an unknown name; it is a modifier if an agent follows ("Kano State government")
      if (agentAhead(c, seg.t1) && !personLike) {
        np.orgName = [seg.t0, seg.t1];
        np.substantive = true;
        j = seg.t1;
        continue;
      }
      np.name = [seg.t0, seg.t1];
      np.substantive = true;
      j = seg.t1;
      np.t1 = j;
      continue;
    }
    const person = personEntry(seg, c.date, k);
    const agent = entryOf(seg, ['agent']);
    const org = entryOf(seg, ['org', 'igo']);
    const country = entryOf(seg, ['country', 'demonym', 'metonym']);
    if (np.name || np.personId !== null) break;
    if (nested && person && isCapitalised(doc.tokens[seg.t0]) && np.substantive) break;
    if (person && (!agent || np.agents.length || seg.t1 - seg.t0 > 1 || isCapitalised(doc.tokens[seg.t0]))) {
      if (!isCapitalised(doc.tokens[seg.t0])) break;
      np.personId = person.personId ?? null;
      np.name = [seg.t0, seg.t1];
      np.substantive = true;
      j = seg.t1;
      np.t1 = j;
      continue; // a possessive may follow
    }
    if (org?.prefix && !np.org && !np.agents.length && !np.country && !np.name && np.personId === null) {
      np.prefix.push(...org.sectors);
      np.substantive = true;
      j = seg.t1;
      np.t1 = j;
      continue;
    }
    if (org && (!country || org.kind === 'igo' || seg.t1 - seg.t0 > 1)) {
      const head = np.agents[np.agents.length - 1];
      if (head && (!np.org || np.org.sectors.length === 0) && org.kind === 'org' && org.country && org.sectors.length === 0 && isCapitalised(doc.tokens[seg.t0])) {
        // "Bree Prime Minister Romendacil": a name the dictionary codes with a country only is the
        // person the title names (PETRARCH actor files list people that way)
        np.name = [seg.t0, seg.t1];
        np.country ??= org.country;
        np.substantive = true;
        j = seg.t1;
        np.t1 = j;
        break;
      }
      if (np.org || np.agents.length) {
        // "UN Secretary-General" is org then agent; an organisation after an agent ends the phrase
        break;
      }
      np.org = org;
      np.substantive = true;
      j = seg.t1;
      np.t1 = j;
      continue;
    }
    if (agent) {
      if (seg.former) np.eli = true;
      if (agent.title && np.agents.length === 0 && !np.substantive) np.definite = false;
      np.agents.push(agent);
      np.agentEnds.push(seg.t1);
      np.substantive = true;
      j = seg.t1;
      np.t1 = j;
      continue;
    }
    if (country && seg.anti) {
      // "an anti-American rally": the country alone, not an adjective of the noun after it
      if (np.substantive) break;
      np.country = country.country;
      np.substantive = true;
      np.t1 = seg.t1;
      break;
    }
    if (country) {
      if (np.agents.length || np.org) break;
      if (np.country && !np.multiCountry) break;
      if (!np.country) {
        np.country = country.country;
        np.countryIsMetonym = country.kind === 'metonym';
        np.metonymSectors = country.kind === 'metonym' ? country.sectors : [];
      }
      np.substantive = true;
      j = seg.t1;
      np.t1 = j;
      continue;
    }
    if (person && np.substantive) break;
    break;
  }
  if (!np.substantive || np.t1 <= np.t0) return null;
  if (stopAdjectival && !np.personId && (!np.name || np.agents.length || np.country)) {
    // an adjectival use: report no mention but let the caller skip the words
    return { ...np, substantive: false };
  }
  if (np.multiCountry && !np.agents.length) return { ...np, substantive: false };
  return np;
}

/** The person a name denotes on `date` (several people may share a surname). */
function personEntry(seg: Seg, date: string | null, k: ActorKnowledge): ActorEntry | null {
  let first: ActorEntry | null = null;
  for (const e of seg.entries) {
    if (e.kind !== 'person' || e.personId === undefined) continue;
    if (!first) first = e;
    if (termOn(k.people[e.personId], date)) return e;
  }
  return first;
}

function nextIsOrg(c: Ctx, t: number): boolean {
  const s = c.segOf[t];
  return !!s && (!!entryOf(s, ['org', 'igo']) || s.isName);
}

function nextIsNameOrOrg(c: Ctx, t: number): boolean {
  const s = c.segOf[t];
  return !!s && (!!entryOf(s, ['org', 'igo', 'agent', 'country', 'demonym']) || s.isName);
}

/** Fold the phrase after "of" into its head ("director of X" takes X's code). */
function mergeOf(np: NP, sub: NP): void {
  if (!np.country) {
    np.country = sub.country;
    np.countryIsMetonym = sub.countryIsMetonym;
    np.metonymSectors = sub.metonymSectors;
  }
  if (sub.org && !np.org) np.org = sub.org;
  const head = np.agents[np.agents.length - 1];
  if (sub.agents.length) {
    const subHead = sub.agents[sub.agents.length - 1];
    if (head && head.inherit) {
      // "heads of major Russian companies": the organisation's sectors with the person noun as head
      np.agents.splice(np.agents.length - 1, 0, subHead);
    } else if (!head) np.agents.push(subHead);
  }
  if (sub.eli) np.eli = true;
}

/** Compose country + sectors for a finished phrase. */
function codeOf(np: NP, date: string | null, k: ActorKnowledge): { country: string | null; sectors: string[] } {
  let country = np.country;
  let sectors: string[] = [];
  const head = np.agents[np.agents.length - 1] ?? null;
  const modifiers = np.agents.slice(0, -1);
  if (np.org) {
    country = np.org.country ?? country;
    sectors = [...np.org.sectors];
    if (head && !head.inherit) for (const s of head.sectors) if (!sectors.includes(s)) sectors.push(s);
  } else if (head) {
    if (head.inherit) {
      const from = [...modifiers].reverse().find((a) => a.sectors.length);
      sectors = from ? [...from.sectors] : [...head.sectors];
    } else sectors = [...head.sectors];
  } else if (np.countryIsMetonym) sectors = [...np.metonymSectors];
  // "opposition lawmaker", "opposition party": a modifier that adds its sectors to the head's (PLOVER)
  for (const m of modifiers) if (m.adds) for (const s of m.sectors) if (sectors.length && !sectors.includes(s)) sectors.push(s);
  if (np.personId !== null) {
    const person = k.people[np.personId];
    const term = termOn(person, date);
    if (term) {
      country = term.country;
      sectors = [...term.sectors];
    } else {
      // known person outside every listed office: what the phrase calls them ("opposition leader
      // Raila Odinga"), else a former office holder after the last one
      const last = person.terms.reduce((a, b) => (b.to > a.to ? b : a));
      const ended = date ? person.terms.filter((t) => t.to < date) : [];
      country = ended.length ? ended[ended.length - 1].country : country ?? last.country;
      if (!sectors.length) sectors = ended.length ? ['ELI'] : [];
    }
  }
  if (np.eli) sectors = ['ELI'];
  else if (np.civilian && !sectors.length) sectors = ['CVL'];
  // PLOVER: a partially recognised entity's PRE is added to whatever else the phrase codes
  // ("Transnistrian authorities" → MDA GOV PRE)
  if (np.countryIsMetonym && np.metonymSectors.includes('PRE') && !sectors.includes('PRE')) sectors.push('PRE');
  if (np.headReplaced && np.personId === null) sectors = np.org?.kind === 'igo' ? sectors : [];
  return { country, sectors };
}

export function composeCode(country: string | null, sectors: string[]): string | null {
  const code = (country ?? '') + sectors.join('');
  return code ? code : null;
}

function kindOf(np: NP): MentionKind {
  const head = np.agents[np.agents.length - 1];
  if (np.headReplaced && np.personId === null && np.org?.kind !== 'igo') return np.country ? 'org' : 'unknown';
  // "the Russian side": the country itself
  if (head && head.inherit && !head.person && !head.sectors.length && !np.org && !np.name && np.country) return 'country';
  if (np.personId !== null) return 'person';
  if (np.name && (head?.person || np.org || np.agents.length)) return 'person';
  if (np.org) return np.org.kind === 'igo' ? 'igo' : 'org';
  if (head) return head.person ? 'agent' : 'org';
  if (np.name) return np.country ? 'org' : 'unknown';
  return 'country';
}

function toMention(c: Ctx, np: NP, date: string | null): { m: ActorMention; info: MentionInfo } {
  const { doc, k } = c;
  if (np.orgName && !np.country && np.personId === null && !np.org && k.placeCountry) {
    // "Kano State government", "Rakhine Buddhists": a place name before an agent gives its country
    const place = k.placeCountry(doc.text.slice(doc.starts[np.orgName[0]], doc.ends[np.orgName[1] - 1]));
    if (place) np.country = place;
  }
  const { country, sectors } = codeOf(np, date, k);
  const headAgent = np.agents[np.agents.length - 1] ?? null;
  let head = np.t1 - 1;
  if (np.name) head = np.name[1] - 1;
  else if (headAgent) head = np.agentEnds[np.agentEnds.length - 1] - 1;
  const start = doc.starts[np.t0];
  const end = doc.ends[np.t1 - 1];
  let name: string | null = null;
  if (np.personId !== null) name = k.people[np.personId].name;
  else if (np.name) name = doc.text.slice(doc.starts[np.name[0]], doc.ends[np.name[1] - 1]);
  const nameText = np.name ? doc.lower.slice(np.name[0], np.name[1]).join(' ') : null;
  let kind = kindOf(np);
  let code = kind === 'unknown' ? null : composeCode(country, sectors);
  if (np.prefix.length) {
    // a prefix code alone ("MSF said") is the organisation; before an actor it leads its code
    if (code === null && !np.name) kind = 'org';
    code = np.prefix.join('') + (code ?? '');
  }
  const next = doc.pos[np.t1] ?? '';
  const m: ActorMention = {
    tokenStart: np.t0, tokenEnd: np.t1, head, start, end, text: doc.text.slice(start, end),
    code, country: kind === 'unknown' ? null : country, sectors: kind === 'unknown' ? [] : sectors, name, kind, antecedent: null,
  };
  // "The Shire" coded as three actors: only a bare organisation entry carries them (no agent, no person)
  if (np.org?.also && !np.agents.length && np.personId === null && kind !== 'unknown') {
    m.also = np.org.also.map((a) => ({ code: composeCode(a.country, a.sectors) ?? '', country: a.country, sectors: a.sectors })).filter((a) => a.code !== '');
  }
  const info: MentionInfo = {
    agent: headAgent, personId: np.personId, definite: np.definite, named: !!np.name, nameText,
    possessive: POSSESSIVE.has(doc.lower[np.t1] ?? ''), subject: next === 'VERB' || next === 'AUX',
  };
  return { m, info };
}

/** All actor mentions in `doc`, sorted and non-overlapping, coded for `articleDate` (YYYY-MM-DD). */
export function findActorMentions(doc: Doc, articleDate: string, k: ActorKnowledge): ActorMention[] {
  return findWithInfo(doc, normaliseDate(articleDate), k).mentions;
}

export function findWithInfo(doc: Doc, date: string | null, k: ActorKnowledge): { mentions: ActorMention[]; infos: MentionInfo[] } {
  const segOf = segment(doc, k);
  const mentions: ActorMention[] = [];
  const infos: MentionInfo[] = [];
  for (const s of doc.sentences) {
    const c: Ctx = { doc, segOf, k, last: s.last, date };
    let i = s.first;
    while (i < s.last) {
      const w = doc.lower[i];
      const groupPronoun = GROUP_POSSESSIVES.has(w) || (GROUP_PRONOUNS.has(w) && doc.pos[i] === 'PRON');
      if (PRONOUNS.has(w) && doc.pos[i] === 'PRON' || (w === 'his' || w === 'her') && !segOf[i] || groupPronoun) {
        mentions.push({
          tokenStart: i, tokenEnd: i + 1, head: i, start: doc.starts[i], end: doc.ends[i], text: doc.tokens[i],
          code: null, country: null, sectors: [], name: null, kind: 'pronoun', antecedent: null,
        });
        infos.push({ agent: null, personId: null, definite: false, named: false, nameText: null, possessive: w === 'his' || w === 'her' || GROUP_POSSESSIVES.has(w), subject: doc.pos[i + 1] === 'VERB' || doc.pos[i + 1] === 'AUX' });
        i++;
        continue;
      }
      // Only a dictionary segment, a capitalised name or a number can start an actor phrase: skip the
      // rest without building a phrase (this runs at every token).
      if (!segOf[i] && doc.pos[i] !== 'NUM') {
        i++;
        continue;
      }
      const np = parseNP(c, i, false);
      if (!np) {
        i++;
        continue;
      }
      if (!np.substantive) {
        i = Math.max(i + 1, np.t1);
        continue;
      }
      // a bare place after a locative preposition is a location, not an actor ("near Moscow")
      const prev = np.t0 > s.first ? doc.lower[np.t0 - 1] : '';
      const bare = !np.agents.length && !np.org && np.personId === null &&
        (!np.name || !k.firstNames.has(doc.lower[np.name[0]]));
      // "its key military and political ally": an agent word used as an adjective
      // but "Israel's military has ...": an ADJ-tagged agent word followed by a verb or punctuation is the head
      const nextPos = np.t1 < s.last ? doc.pos[np.t1] : 'PUNCT';
      const headsPhrase = nextPos === 'AUX' || nextPos === 'VERB' || nextPos === 'PUNCT' || nextPos === 'ADP' || nextPos === 'PART';
      const adjectival = np.agents.length > 0 && !np.name && !np.org && doc.pos[np.agentEnds[np.agentEnds.length - 1] - 1] === 'ADJ' && !headsPhrase;
      if ((bare && LOCATIVE.has(prev)) || adjectival) {
        i = np.t1;
        continue;
      }
      const { m, info } = toMention(c, np, date);
      mentions.push(m);
      infos.push(info);
      i = np.t1;
    }
  }
  distributeOverCountries(doc, mentions);
  resolveCoreference(doc, mentions, infos, date, k);
  if (k.placeCountry) codePlaceNames(doc, mentions, infos, k.placeCountry, k.firstNames);
  return { mentions, infos };
}

/**
 * "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost and Gondor": the agent
 * noun applies to every country of the list, not only the first.
 */
function distributeOverCountries(doc: Doc, mentions: ActorMention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const head = mentions[i];
    if (!head.country || head.sectors.length === 0 || head.kind === 'person' || head.kind === 'pronoun') continue;
    // the phrase ends "... of|in <country>"
    const last = head.tokenEnd - 1;
    const prep = doc.lower[last - 1];
    if (prep !== 'of' && prep !== 'in' && !(doc.lower[last - 2] === 'of' || doc.lower[last - 2] === 'in')) continue;
    let prev = head;
    for (let j = i + 1; j < mentions.length; j++) {
      const m = mentions[j];
      const gap = doc.lower.slice(prev.tokenEnd, m.tokenStart);
      const joined = gap.length === 1 ? gap[0] === ',' || gap[0] === 'and' : gap.length === 2 && gap[0] === ',' && gap[1] === 'and';
      // a bare country (PETRARCH files list countries as plain actors, coded like organisations)
      const bare = (m.kind === 'country' || m.kind === 'org') && m.sectors.length === 0 && !!m.country;
      if (!joined || !bare || doc.sentenceOf[m.tokenStart] !== doc.sentenceOf[head.tokenStart]) break;
      m.sectors = [...head.sectors];
      m.code = composeCode(m.country, m.sectors);
      m.kind = head.kind;
      prev = m;
    }
  }
}

/**
 * A name still unknown after coreference that the gazetteer knows as a prominent place ("Mariupol")
 * stands for its country. After coreference, so a surname that is also a town ("Jackson") first
 * finds the person named earlier.
 */
function codePlaceNames(doc: Doc, mentions: ActorMention[], infos: MentionInfo[], placeCountry: (name: string) => string | null, firstNames: Set<string>): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.kind !== 'unknown' || m.antecedent !== null || !infos[i].named) continue;
    if (firstNames.has(doc.lower[m.tokenStart])) continue;
    // "the port city of Valparaiso": a name in a prepositional phrase is a place, not an actor
    if (m.tokenStart > 0 && doc.pos[m.tokenStart - 1] === 'ADP') continue;
    const country = placeCountry(m.text);
    if (!country) continue;
    m.kind = 'country';
    m.code = country;
    m.country = country;
    m.name = null;
  }
}

/** YYYY-MM-DD from an ISO date or a free-form date string; null for "today" or nonsense. */
export function normaliseDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const t = date.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  if (/^\d{4}$/.test(t)) return `${t}-07-01`;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  // Date.parse reads free text in local time; take the local calendar day it meant
  const y = d.getFullYear();
  const mo = String(d.getMonth() + 1).padStart(2, '0');
  const da = String(d.getDate()).padStart(2, '0');
  return `${y}-${mo}-${da}`;
}

/**
 * Code a short actor phrase ("Russian Defense Minister", "Sergey Shoygu") as of `date`. A `context`
 * ("Saudi", "Somalia") gives the country when the phrase itself names none ("the National Guard").
 */
export function resolveActorText(text: string, date: string | null, k: ActorKnowledge, context: string | null = null): ActorCode {
  const own = resolvePhrase(text, date, k);
  if (own.country || !context || !context.trim() || own.sectors.includes('IGO')) return own;
  const setting = resolvePhrase(context, date, k);
  if (!setting.country) return own;
  const sectors = own.code ? own.sectors : [];
  return { code: composeCode(setting.country, sectors), country: setting.country, sectors, name: own.name };
}

function resolvePhrase(text: string, date: string | null, k: ActorKnowledge): ActorCode {
  const doc = parseText(text.trim());
  const { mentions, infos } = findWithInfo(doc, normaliseDate(date), k);
  // the phrase's actor: the widest mention that is not a bare pronoun
  let best = -1;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.kind === 'pronoun') continue;
    const b = mentions[best];
    if (!b || m.tokenEnd - m.tokenStart > b.tokenEnd - b.tokenStart || (!b.code && m.code)) best = i;
  }
  const m = mentions[best];
  if (!m || !m.code) return locatedIn(doc, date, k) ?? { code: null, country: null, sectors: [], name: m?.name ?? null };
  // a town or region named alone ("Mariupol") stands for the people who live there; countries and
  // capitals (government metonyms) are not names here
  if (m.kind === 'country' && infos[best].named && !m.sectors.length && m.tokenStart === 0 && m.tokenEnd === doc.tokens.length) {
    return { code: composeCode(m.country, ['CVL']), country: m.country, sectors: ['CVL'], name: null };
  }
  return { code: m.code, country: m.country, sectors: m.sectors, name: m.name };
}

/**
 * "regions across Indonesia": a phrase with no actor of its own takes the country it is located in
 * (the words after a locative preposition), with no sector.
 */
function locatedIn(doc: Doc, date: string | null, k: ActorKnowledge): ActorCode | null {
  const at = doc.lower.findIndex((w, i) => i > 0 && LOCATIVE.has(w));
  if (at < 0 || at + 1 >= doc.tokens.length) return null;
  const rest = resolvePhrase(doc.text.slice(doc.starts[at + 1]), date, k);
  return rest.country ? { code: rest.country, country: rest.country, sectors: [], name: null } : null;
}
