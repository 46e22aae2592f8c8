// Named entities (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT) from capitalised token runs.
// Separable steps so a learned re-ranker can replace the decisions later:
//   generateCandidates(): structural — capitalised runs, connectors ("of", "for", particles, hyphens),
//     split at titles ("President Ilham Aliyev"), at a given name after an organisation
//     ("Rosoboronexport Company Alexander Mikheyev"), after a leading demonym, and around known places
//     in ALL-CAPS headlines; line-initial names of table rows and datelines too.
//   attachHints(): the caller's actor/place mentions become evidence on the candidates (hintType),
//     not spans of their own, so titles, "the" and lower-case heads stay out of the spans.
//   classifyCandidate(): a type and a score from word lists, hints, document memory and context
//     features (entity-context.ts: sports report, a name acting as a team, datelines, result rows).
// findEntities() classifies twice (the second pass knows the document's confident people and
// organisations: "Karapetian" once seen in a person's name is a person throughout).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenAtOrAfter, type Doc } from '../text/document.js';
import type { Entity, EntityType } from '../types.js';
import { DICTIONARIES } from '../paths.js';
import { worldCountries } from '../knowledge/countries.js';
import { actsAsTeam, afterLocative, inResultRow, isDateline, isSportsReport, type TeamContextWords } from './entity-context.js';

export interface EntityHint {
  start: number;
  end: number;
  type: EntityType;
  text?: string;
}

export interface EntityKnowledge {
  /** Lower-case words that make a name an organisation. */
  orgWords: Set<string>;
  /** Known organisation names, as written. */
  orgNames: Set<string>;
  facilityWords: Set<string>;
  eventWords: Set<string>;
  /** Lower-case heads after a name that make it an event ("... exhibition"). */
  eventHeads: Set<string>;
  locationWords: Set<string>;
  /** Place names as written → GPE or LOC (countries, capitals, regions). */
  places: Map<string, EntityType>;
  /** Demonyms and group names as written (Armenian, Armenians, Muslims). */
  norp: Set<string>;
  titleHeads: Set<string>;
  titleMods: Set<string>;
  firstNames: Set<string>;
  surnameEndings: string[];
  particles: Set<string>;
  notEntities: Set<string>;
  /** Common nouns that are no entity alone but may be part of a name ("Police"). */
  notAlone: Set<string>;
  /** Names of nations (countries, home nations): in a sports report their sides stay places. */
  nations: Set<string>;
  /** Sport and competition words that mark a sports report. */
  sportWords: Set<string>;
  teamWords: TeamContextWords;
  /** Last words of club names → 'any' or 'sport' (only in a sports report). */
  clubWords: Map<string, string>;
  /** Lower-case nouns after a name that make it an organisation ("the Sun newspaper"). */
  orgHeads: Set<string>;
  /** Speech verbs (said, says, told): an unknown single name next to one is a person. */
  speechWords: Set<string>;
}

/** A candidate span: tokens [first, last) plus the evidence the classifier uses. */
export interface EntityCandidate {
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
  /** A title stands right before the span (inside the capitalised run or as a lower-case word). */
  titled: boolean;
  /** The span was split off an organisation/place at a known given name. */
  splitAtName: boolean;
  /** Lower-case event head that extends the span ("exhibition"), if any. */
  eventHead: boolean;
  sentenceInitial: boolean;
  /** Type of the caller's hint that covers this span and no other candidate, if any. */
  hintType: EntityType | null;
}

export interface Classification {
  type: EntityType;
  /** 0..1; spans under 0.5 are not emitted. */
  score: number;
}

/** What the document has already established, for consistency across mentions. */
export interface DocMemory {
  personTokens: Set<string>;
  typeByText: Map<string, EntityType>;
  /** The document is a sports report (team names are organisations). */
  sports?: boolean;
  /** Indices of ALL-CAPS headline sentences, where capitalisation says nothing about names. */
  capsLines?: Set<number>;
  /** ALL-CAPS words written outside such headlines (acronyms the body uses: "NFL", "UEFA"). */
  bodyCaps?: Set<string>;
}

export type CandidateClassifier = (doc: Doc, c: EntityCandidate, k: EntityKnowledge, memory: DocMemory) => Classification | null;

// ---------------------------------------------------------------------------------------------
// Knowledge

function readList(file: string): string[] {
  const out: string[] = [];
  for (const raw of readFileSync(join(DICTIONARIES, 'entities', file), 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '' || line.startsWith('#')) continue;
    out.push(line.trim());
  }
  return out;
}

/** Load the entity word lists and the world-countries names/demonyms (once per process). */
export function loadEntityKnowledge(): EntityKnowledge {
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const eventLines = readList('event-words.txt');
  const places = new Map<string, EntityType>();
  const norp = new Set<string>(readList('norp.txt'));
  const countries = worldCountries();
  for (const c of countries) {
    places.set(c.name.common, 'GPE');
    places.set(c.name.official, 'GPE');
    for (const a of c.altSpellings ?? []) if (a.length > 3 && !/^[A-Z]{2,3}$/.test(a)) places.set(a, 'GPE');
    for (const cap of c.capital ?? []) places.set(cap, 'GPE');
    const d = c.demonyms?.eng;
    if (d) {
      for (const form of new Set([d.m, d.f])) {
        if (!form) continue;
        norp.add(form);
        // plural: Armenians, Azerbaijanis; not for -ese/-ch/-sh forms (Chinese, French, British)
        if (!/(ese|ch|sh|ss)$/.test(form)) norp.add(form + 's');
      }
    }
  }
  const nations = new Set<string>(readList('nations.txt'));
  for (const c of countries) {
    nations.add(c.name.common);
    nations.add(c.name.official);
    for (const a of c.altSpellings ?? []) nations.add(a);
  }
  const teamWords: TeamContextWords = { after: new Set(), before: new Set(), possessed: new Set() };
  for (const line of readList('team-context.txt')) {
    const [w, where] = line.split('\t');
    if (where === 'after' || where === 'before' || where === 'possessed') teamWords[where].add(w.toLowerCase());
  }
  const clubWords = new Map<string, string>();
  for (const line of readList('club-words.txt')) {
    const [w, scope] = line.split('\t');
    if (scope === 'any' || scope === 'sport') clubWords.set(w.toLowerCase(), scope);
  }
  for (const line of readList('places.txt')) {
    const [name, type] = line.split('\t');
    if (name && (type === 'GPE' || type === 'LOC')) places.set(name, type);
  }
  const titleHeads = new Set<string>();
  const titleMods = new Set<string>();
  for (const line of readList('titles.txt')) {
    const [w, kind] = line.split('\t');
    if (kind === 'head') titleHeads.add(w.toLowerCase());
    else if (kind === 'mod') titleMods.add(w.toLowerCase());
  }
  return {
    orgWords: lower(readList('org-words.txt')),
    orgNames: new Set(readList('org-names.txt')),
    facilityWords: lower(readList('facility-words.txt')),
    eventWords: lower(eventLines.filter((l) => !l.startsWith('@'))),
    eventHeads: lower(eventLines.filter((l) => l.startsWith('@')).map((l) => l.slice(1))),
    locationWords: lower(readList('location-words.txt')),
    places,
    norp,
    titleHeads,
    titleMods,
    firstNames: new Set(readList('first-names.txt')),
    surnameEndings: readList('surname-endings.txt').map((s) => s.toLowerCase()),
    particles: lower(readList('name-particles.txt')),
    notEntities: lower(readList('not-entities.txt')),
    notAlone: lower(readList('not-alone.txt')),
    nations,
    sportWords: lower(readList('sport-words.txt')),
    teamWords,
    clubWords,
    orgHeads: lower(readList('org-heads.txt')),
    speechWords: new Set(['said', 'says', 'say', 'told', 'added', 'asked', 'replied', 'wrote', 'declared', 'stated']),
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate generation

// POS tags that cannot be part of a name even when capitalised (headline words: "Was", "To").
const NON_NAME_POS = new Set(['VERB', 'AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'INTJ']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '—', '–', '-', '„']);
// Words after which "of"/"for" continue a name: "Republic of Armenia", "Service for ...".
const OF_HEADS = new Set(['republic', 'kingdom', 'state', 'states', 'emirates', 'federation', 'province', 'city', 'county', 'district', 'region', 'islands', 'isle', 'people', 'commonwealth', 'union', 'house', 'court', 'bank']);

// Company-form suffixes end a name: "Kia Motor Corp of South Korea" is the company, then the country.
const LEGAL_SUFFIXES = new Set(['corp', 'corp.', 'inc', 'inc.', 'ltd', 'ltd.', 'co', 'co.', 'plc', 'llc', 'gmbh', 'ag', 'sa', 'nv', 'n.v.', 'bv', 'spa', 'oy', 'ab', 'as']);

function isUpperStart(tok: string): boolean {
  const c = tok.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = String.fromCodePoint(tok.codePointAt(0) ?? 0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigitStart(tok: string): boolean {
  const c = tok.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** A token known to the word lists as (part of) a name, whatever its POS tag. */
function knownNameToken(doc: Doc, i: number, k: EntityKnowledge): boolean {
  const t = doc.tokens[i];
  return k.places.has(t) || k.norp.has(t) || k.firstNames.has(t) || k.orgNames.has(t);
}

function isNameToken(doc: Doc, i: number, k: EntityKnowledge, headline: boolean): boolean {
  const t = doc.tokens[i];
  if (!isUpperStart(t)) return false;
  if (k.notEntities.has(doc.lower[i])) return false;
  if (knownNameToken(doc, i, k)) return true;
  // In running text a capitalised word the tagger calls a verb is still a name ("Clinton and Dole
  // start"); in a headline, where every word is capitalised, only proper nouns count.
  if (headline) return doc.pos[i] === 'PROPN';
  return !NON_NAME_POS.has(doc.pos[i]) || (doc.pos[i] === 'VERB' && !isSentenceStartish(doc, i));
}

function isSentenceStartish(doc: Doc, i: number): boolean {
  return i === 0 || doc.sentenceOf[i - 1] !== doc.sentenceOf[i] || OPENERS.has(doc.tokens[i - 1]);
}

function isAllCaps(t: string): boolean {
  return t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase();
}

/** A headline-like sentence: most of its words are capitalised. */
function isHeadline(doc: Doc, from: number, to: number): boolean {
  let words = 0;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const c = doc.tokens[i].charCodeAt(0);
    if (doc.pos[i] === 'PUNCT' || (c >= 48 && c <= 57)) continue;
    words++;
    if (isUpperStart(doc.tokens[i])) caps++;
  }
  return words >= 4 && caps / words > 0.6;
}

/** A line-initial name in a table or results row: "OAKLAND 64 72 .471", "Reading 2 Stoke 2". */
function tableRowStart(doc: Doc, i: number, to: number): boolean {
  let j = i + 1;
  while (j < to && j < i + 4 && isUpperStart(doc.tokens[j])) j++;
  return j < to && isDigitStart(doc.tokens[j]) || isDateline(doc, i, j);
}

function adjacent(doc: Doc, a: number, b: number): boolean {
  return doc.ends[a] === doc.starts[b];
}

function isSentenceInitial(doc: Doc, i: number, sentFirst: number): boolean {
  for (let j = i - 1; j >= sentFirst; j--) if (!OPENERS.has(doc.tokens[j])) return false;
  return true;
}

/** Is token i an organisation/place/facility/event key word (blocks person splitting)? */
function isKeyWord(doc: Doc, i: number, k: EntityKnowledge): boolean {
  const l = doc.lower[i];
  return k.orgWords.has(l) || k.facilityWords.has(l) || k.eventWords.has(l) || k.locationWords.has(l);
}

/** Maximal capitalised runs [first, last) in sentence token range, with connectors inside names. */
function capitalisedRuns(doc: Doc, from: number, to: number, k: EntityKnowledge): [number, number][] {
  const runs: [number, number][] = [];
  const headline = isHeadline(doc, from, to);
  let i = from;
  while (i < to) {
    if (!isNameToken(doc, i, k, headline) || (isSentenceInitial(doc, i, from) && doc.pos[i] !== 'PROPN' && !knownNameToken(doc, i, k) && !tableRowStart(doc, i, to))) {
      i++;
      continue;
    }
    const first = i;
    let last = i + 1;
    for (;;) {
      if (last >= to) break;
      const t = doc.tokens[last];
      const l = doc.lower[last];
      if (isNameToken(doc, last, k, headline)) {
        last++;
        continue;
      }
      // hyphenated names: Military-Technical, Nagorno-Karabakh, Army-2021
      if ((t === '-' || t === '‑') && last + 1 < to && adjacent(doc, last - 1, last) && adjacent(doc, last, last + 1) && (isUpperStart(doc.tokens[last + 1]) || isDigitStart(doc.tokens[last + 1]))) {
        last += 2;
        continue;
      }
      if (t === '&' && last + 1 < to && isUpperStart(doc.tokens[last + 1])) {
        last += 2;
        continue;
      }
      if (k.particles.has(l) && t === l && last + 1 < to && isUpperStart(doc.tokens[last + 1])) {
        last += 2;
        continue;
      }
      if ((l === 'of' || l === 'for') && last + 1 < to) {
        const prevLower = doc.lower[last - 1];
        const joins = (k.orgWords.has(prevLower) || k.locationWords.has(prevLower) || k.facilityWords.has(prevLower) || OF_HEADS.has(prevLower)) && !k.titleHeads.has(prevLower) && !LEGAL_SUFFIXES.has(prevLower);
        let next = last + 1;
        if (doc.lower[next] === 'the' && next + 1 < to) next++;
        if (joins && isNameToken(doc, next, k, headline)) {
          last = next + 1;
          continue;
        }
      }
      break;
    }
    if (headline && last - first > 2) splitHeadlineRun(doc, first, last, k, runs);
    else runs.push([first, last]);
    i = last;
  }
  return runs;
}

/**
 * An ALL-CAPS headline capitalises every word, so its runs swallow verbs and nouns ("BELGIUM SCRAPE
 * PAST TURKEY"): split such a run (3+ words) around single words that are known places or nations,
 * unless a neighbour makes them part of a longer name ("KANSAS CITY", "TOUR OF NETHERLANDS",
 * "SOUTH KOREA").
 */
function splitHeadlineRun(doc: Doc, first: number, last: number, k: EntityKnowledge, runs: [number, number][]): void {
  let caps = true;
  for (let i = first; i < last; i++) if (isUpperStart(doc.tokens[i]) && !isAllCaps(doc.tokens[i]) && doc.tokens[i].length > 1) caps = false;
  if (!caps || last - first < 3) {
    runs.push([first, last]);
    return;
  }
  const place = (i: number) => {
    const t = titleCase(doc.tokens[i]);
    return k.places.has(t) || k.nations.has(t);
  };
  const binds = (i: number) => {
    if (i < first || i >= last) return false;
    const l = doc.lower[i];
    return isKeyWord(doc, i, k) || k.clubWords.has(l) || l === 'of' || l === '-' || COMPASS.has(l) || place(i) || l.length <= 2;
  };
  let start = first;
  for (let i = first; i < last; i++) {
    if (!place(i) || binds(i - 1) || binds(i + 1)) continue;
    if (k.places.has(titleCase(spanText(doc, Math.max(first, i - 1), Math.min(last, i + 2))))) continue;
    if (i > start) runs.push([start, i]);
    runs.push([i, i + 1]);
    start = i + 1;
  }
  if (start < last) runs.push([start, last]);
}

/** Split one run into candidate spans (titles, names after organisations, leading demonyms). */
// Iterative (not recursive): each step emits the part it recognises and continues on the rest, so a
// pathological 10,000-word run costs linear time and no stack.
function splitRun(doc: Doc, first: number, last: number, k: EntityKnowledge, titledBefore: boolean, out: EntityCandidate[], sentFirst: number): void {
  for (;;) {
    if (last <= first) return;
    const next = splitStep(doc, first, last, k, titledBefore, out, sentFirst);
    if (!next) return;
    [first, last, titledBefore] = next;
  }
}

/** One splitting step: emits candidates and returns the remaining range to split, or null when done. */
function splitStep(doc: Doc, first: number, last: number, k: EntityKnowledge, titledBefore: boolean, out: EntityCandidate[], sentFirst: number): [number, number, boolean] | null {
  // 1. Titles: the rightmost title head followed by a name-like tail.
  // (scan right to left, keeping whether the tail after h is free of key words: linear time)
  let tailOk = true;
  for (let h = last - 2; h >= first; h--) {
    const j = h + 1;
    if (isKeyWord(doc, j, k) || k.titleHeads.has(doc.lower[j])) tailOk = false;
    if (!tailOk) break;
    if (!k.titleHeads.has(doc.lower[h])) continue;
    let ts = h;
    while (ts > first && (k.titleMods.has(doc.lower[ts - 1]) || k.titleHeads.has(doc.lower[ts - 1]))) ts--;
    pushCandidate(doc, h + 1, last, true, false, false, out, sentFirst);
    return [first, ts, titledBefore];
  }
  // A run that ends in a title ("Russian Defense Minister") keeps only what precedes the title.
  if (k.titleHeads.has(doc.lower[last - 1]) && !isKeyWord(doc, last - 1, k)) {
    let ts = last - 1;
    while (ts > first && (k.titleMods.has(doc.lower[ts - 1]) || k.titleHeads.has(doc.lower[ts - 1]))) ts--;
    const allTitle = ts === first;
    if (!allTitle || last - first === 1) return [first, ts, titledBefore];
  }
  // 2. A given name after an organisation/place: "... Company Alexander Mikheyev" (not inside a
  // known name: "Lockheed Martin").
  const wholeKnown = k.orgNames.has(spanText(doc, first, last)) || k.places.has(spanText(doc, first, last));
  for (let p = first + 1; p < last && !wholeKnown; p++) {
    if (!k.firstNames.has(doc.tokens[p]) || last - p > 4) continue;
    let tailOk = true;
    for (let j = p; j < last; j++) if (isKeyWord(doc, j, k)) tailOk = false;
    let prefixKnown = false;
    for (let j = first; j < p; j++) if (isKeyWord(doc, j, k)) prefixKnown = true;
    const prefixText = spanText(doc, first, p);
    if (k.places.has(prefixText) || k.norp.has(prefixText) || k.orgNames.has(prefixText)) prefixKnown = true;
    if (tailOk && prefixKnown) {
      pushCandidate(doc, p, last, false, true, false, out, sentFirst);
      return [first, p, titledBefore];
    }
  }
  // 3. A leading demonym before a non-organisation name: "Israeli Benjamin Netanyahu".
  if (last - first > 1 && k.norp.has(doc.tokens[first]) && doc.tokens[first + 1] !== '-') {
    let keyed = false;
    for (let j = first + 1; j < last; j++) if (isKeyWord(doc, j, k)) keyed = true;
    const rest = spanText(doc, first + 1, last);
    if (!keyed && !k.orgNames.has(rest) && !k.places.has(spanText(doc, first, last))) {
      pushCandidate(doc, first, first + 1, false, false, false, out, sentFirst);
      return [first + 1, last, false];
    }
  }
  // 4. Event head after the run: "Army-2021 military-industrial exhibition".
  let end = last;
  let eventHead = false;
  if (!k.norp.has(doc.tokens[first]) || last - first > 1) {
    for (let j = last; j < Math.min(doc.tokens.length, last + 5) && doc.sentenceOf[j] === doc.sentenceOf[first]; j++) {
      const p = doc.pos[j];
      if (k.eventHeads.has(doc.lower[j]) && !isUpperStart(doc.tokens[j])) {
        end = j + 1;
        eventHead = true;
        break;
      }
      if (!(p === 'ADJ' || p === 'NOUN' || doc.tokens[j] === '-') || isUpperStart(doc.tokens[j])) break;
    }
  }
  // An event head must follow a name that looks like an event title (a digit or 2+ words).
  if (eventHead && !/\d/.test(spanText(doc, first, last)) && last - first < 2) {
    end = last;
    eventHead = false;
  }
  pushCandidate(doc, first, end, titledBefore, false, eventHead, out, sentFirst);
  return null;
}

function spanText(doc: Doc, first: number, last: number): string {
  if (last <= first) return '';
  return doc.text.slice(doc.starts[first], doc.ends[last - 1]).replace(/\s+/g, ' ');
}

function pushCandidate(doc: Doc, first: number, last: number, titled: boolean, splitAtName: boolean, eventHead: boolean, out: EntityCandidate[], sentFirst: number): void {
  // trim connectors and hyphens left at the edges
  while (last > first && !isUpperStart(doc.tokens[last - 1]) && !isDigitStart(doc.tokens[last - 1]) && !eventHead) last--;
  while (first < last && !isUpperStart(doc.tokens[first])) first++;
  if (last <= first) return;
  out.push({
    first,
    last,
    start: doc.starts[first],
    end: doc.ends[last - 1],
    text: doc.text.slice(doc.starts[first], doc.ends[last - 1]),
    titled,
    splitAtName,
    eventHead,
    sentenceInitial: isSentenceInitial(doc, first, sentFirst),
    hintType: null,
  });
}

/** Candidate spans for the whole document, in text order. */
export function generateCandidates(doc: Doc, k: EntityKnowledge): EntityCandidate[] {
  const out: EntityCandidate[] = [];
  for (const s of doc.sentences) {
    for (const [first, last] of capitalisedRuns(doc, s.first, s.last, k)) {
      // lower-case title right before: "spokeswoman Maria Zakharova", "director ... Dmitry Shugayev"
      const prev = first - 1 >= s.first ? doc.lower[first - 1] : '';
      const titledBefore = prev !== '' && k.titleHeads.has(prev) && !isUpperStart(doc.tokens[first - 1]);
      splitRun(doc, first, last, k, titledBefore, out, s.first);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Classification

const VERBISH = new Set(['VERB', 'AUX']);
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central']);
const LOCATIVE = new Set(['in', 'near', 'outside', 'across', 'towards', 'toward', 'into', 'at']);
// "the village of Layron", "the town of Uyo"
const PLACE_NOUNS = new Set(['village', 'villages', 'town', 'towns', 'city', 'cities', 'region', 'province', 'district', 'port', 'island', 'islands', 'capital', 'suburb', 'area', 'state', 'county', 'municipality']);

function hasSurnameEnding(t: string, k: EntityKnowledge): boolean {
  const l = t.toLowerCase();
  if (l.length < 5) return false;
  for (const e of k.surnameEndings) if (l.endsWith(e)) return true;
  return false;
}

function titleCase(t: string): string {
  return t.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

function isAcronym(t: string): boolean {
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (c !== 46 && c !== 38) return false;
  }
  // NATO, EU, U.S.; longer all-caps words are headline words (SOCCER, LONDON)
  return letters >= 2 && (letters <= 4 || t.includes('.'));
}

/** A lower-case organisation noun right after the name (or after its 's), or right before it. */
function orgHeadAround(doc: Doc, c: EntityCandidate, k: EntityKnowledge): boolean {
  const sent = doc.sentenceOf[c.first];
  const lowerAt = (i: number) => i >= 0 && i < doc.tokens.length && doc.sentenceOf[i] === sent && doc.tokens[i] === doc.lower[i];
  let j = c.last;
  if (doc.tokens[j] === "'s" || doc.tokens[j] === "'") j++;
  if (lowerAt(j) && k.orgHeads.has(doc.lower[j])) return true;
  const p = c.first - 1;
  return lowerAt(p) && k.orgHeads.has(doc.lower[p]) && !k.titleHeads.has(doc.lower[p]);
}

/** An acronym in parentheses after a name: "Restoration Council (SLORC)", "(LIFFE)". */
function parentheticalAcronym(doc: Doc, c: EntityCandidate, text: string): boolean {
  return c.last - c.first === 1 && (isAcronym(text) || (isAllCaps(text) && text.length <= 8)) && c.first > 0 && doc.tokens[c.first - 1] === '(' && doc.tokens[c.last] === ')';
}

function actsAsTeamHere(doc: Doc, c: EntityCandidate, k: EntityKnowledge): boolean {
  return !afterLocative(doc, c.first) && !isDateline(doc, c.first, c.last) && actsAsTeam(doc, c.first, c.last, k.teamWords);
}

/** Rule-based classifier: word lists first, then document memory, then shape. */
export function classifyCandidate(doc: Doc, c: EntityCandidate, k: EntityKnowledge, memory: DocMemory): Classification | null {
  const toks: string[] = [];
  const lows: string[] = [];
  for (let i = c.first; i < c.last; i++) {
    toks.push(doc.tokens[i]);
    lows.push(doc.lower[i]);
  }
  const raw = spanText(doc, c.first, c.last);
  // ALL-CAPS text ("NEW YORK") is looked up in title case
  const text = isAllCaps(raw.replace(/[^\p{L}]/gu, '')) && !k.orgNames.has(raw) && !isAcronym(raw) ? titleCase(raw) : raw;
  if (text !== raw) for (let i = 0; i < toks.length; i++) toks[i] = titleCase(toks[i]);
  const lastLow = lows[lows.length - 1];
  const n = toks.length;
  if (n === 1 && (k.notEntities.has(lastLow) || ((k.notAlone.has(lastLow) || k.sportWords.has(lastLow)) && !k.orgNames.has(text)))) return null;
  if (c.eventHead) return { type: 'EVENT', score: 0.85 };
  // the place of a dateline ("EDMONTON 1996-08-31", "TOFTIR, Faroe Islands 1996-08-31")
  if (isDateline(doc, c.first, c.last) && !k.orgNames.has(text)) return { type: k.places.get(text) ?? 'GPE', score: 0.9 };
  // club names: "Manchester United", "Bristol Rovers"; "Kansas City" only in a sports report
  const club = n >= 2 ? k.clubWords.get(lastLow) : undefined;
  if ((club === 'any' || (club === 'sport' && memory.sports && !afterLocative(doc, c.first))) && !k.nations.has(text) && !k.orgWords.has(lows[0])) return { type: 'ORG', score: 0.85 };
  if ((c.hintType === 'PERSON' || c.hintType === 'ORG') && !k.norp.has(text)) return { type: c.hintType, score: 0.9 };
  if (parentheticalAcronym(doc, c, raw) && !k.places.has(text) && !k.nations.has(text)) return { type: 'ORG', score: 0.8 };
  const known = k.places.get(text);
  // a demonym the gazetteer also lists as a place ("Brazilian") stays a nationality
  const place = known ?? ((c.hintType === 'GPE' || c.hintType === 'LOC') && !k.norp.has(text) ? c.hintType : undefined);
  if (place) {
    // in a sports report a city, county or state that scores or beats someone is a team
    if (memory.sports && !k.nations.has(text) && known !== 'LOC' && actsAsTeamHere(doc, c, k)) return { type: 'ORG', score: 0.85 };
    // a gazetteer-only place whose words are this document's people is a person ("Thatcher")
    if (!known && toks.every((t) => memory.personTokens.has(t))) return { type: 'PERSON', score: 0.8 };
    return { type: place, score: known ? 0.95 : 0.7 };
  }
  let allNorp = true;
  for (let i = 0; i < toks.length; i++) if (toks[i] !== '-' && !k.norp.has(toks[i]) && !(i === 0 && n > 1 && COMPASS.has(lows[0]))) allNorp = false;
  if (allNorp || k.norp.has(text)) return { type: 'NORP', score: 0.95 };
  if (k.orgNames.has(text)) return { type: 'ORG', score: 0.95 };
  if (c.titled) return { type: 'PERSON', score: 0.9 };
  if (n >= 2 && k.eventWords.has(lastLow)) return { type: 'EVENT', score: 0.8 };
  for (const t of toks) if (/^\p{Lu}[\p{L}]*-\d{4}$/u.test(t)) return { type: 'EVENT', score: 0.7 };
  if (n >= 2 && k.facilityWords.has(lastLow)) return { type: 'FAC', score: 0.8 };
  // a lone organisation word ("Police", "Division") is usually generic
  for (const l of lows) if (k.orgWords.has(l)) return { type: 'ORG', score: n === 1 ? 0.45 : 0.8 };
  if (toks.includes('&')) return { type: 'ORG', score: 0.7 };
  if (n >= 2 && (k.locationWords.has(lastLow) || k.locationWords.has(lows[0]))) return { type: 'LOC', score: 0.8 };
  if (k.orgNames.has(toks[0])) return { type: 'ORG', score: 0.7 };
  if (c.splitAtName) return { type: 'PERSON', score: 0.85 };
  if (k.firstNames.has(toks[0]) && n >= 2 && n <= 4) return { type: 'PERSON', score: 0.85 };
  const remembered = memory.typeByText.get(text);
  if (remembered) return { type: remembered, score: 0.75 };
  let allPersonTokens = true;
  for (const t of toks) if (!memory.personTokens.has(t)) allPersonTokens = false;
  if (allPersonTokens) return { type: 'PERSON', score: 0.75 };
  // an initial before a surname: "S. Waugh", "A. Dale"
  if (n >= 2 && n <= 3 && /^\p{Lu}\.$/u.test(toks[0])) return { type: 'PERSON', score: 0.8 };
  const nextTok = c.last < doc.tokens.length && doc.sentenceOf[c.last] === doc.sentenceOf[c.first] ? c.last : -1;
  // "the Sun newspaper", "the CFDT union", "Kia shares", "Comelf's board"; "serie A club Atalanta"
  if (orgHeadAround(doc, c, k)) return { type: 'ORG', score: 0.75 };
  // in a sports report an unknown name that scores or beats someone is a team ("Lotte 6 Hyundai 2")
  // (a longer unknown name only with a place in it, "Dynamo Moscow": "Geir Moen (Norway) 20.41" is an athlete)
  if (memory.sports && (n === 1 || toks.some((t) => k.places.has(t))) && actsAsTeamHere(doc, c, k)) return { type: 'ORG', score: 0.6 };
  if (memory.sports && n >= 2 && inResultRow(doc, c.first, c.last)) return { type: 'ORG', score: 0.6 };
  // "the Blue Jays", "the Eagles": a plural name after "the" in a sports report is a team
  if (memory.sports && c.first > 0 && doc.lower[c.first - 1] === 'the' && /\p{Ll}s$/u.test(toks[n - 1]) && !k.norp.has(toks[n - 1])) return { type: 'ORG', score: 0.65 };
  if (n === 1) {
    // a lone unknown word of an ALL-CAPS headline ("SHOT", "ROAD") needs the body to use it too
    if (memory.capsLines?.has(doc.sentenceOf[c.first]) && isAllCaps(raw) && !memory.bodyCaps?.has(raw)) return null;
    const prevTok = c.first > 0 && doc.sentenceOf[c.first - 1] === doc.sentenceOf[c.first] ? c.first - 1 : -1;
    // '" Henke said', 'said Rios': an unknown lone name next to a speech verb is a person
    if ((nextTok >= 0 && k.speechWords.has(doc.tokens[nextTok])) || (prevTok >= 0 && k.speechWords.has(doc.tokens[prevTok]))) return { type: 'PERSON', score: 0.6 };
    if (k.places.has(toks[0])) return { type: k.places.get(toks[0]) as EntityType, score: 0.9 };
    if (k.firstNames.has(toks[0])) return { type: 'PERSON', score: 0.6 };
    if (isAcronym(toks[0])) return { type: 'ORG', score: 0.5 };
    const next = c.last < doc.tokens.length ? c.last : -1;
    const subject = next >= 0 && (VERBISH.has(doc.pos[next]) || doc.pos[next] === 'ADV');
    if (hasSurnameEnding(toks[0], k)) return { type: 'PERSON', score: subject ? 0.65 : 0.55 };
    // "in Zürich", "near Gyumri": a lone unknown name after a locative preposition is a place
    const prev = c.first > 0 ? doc.lower[c.first - 1] : '';
    if ((LOCATIVE.has(prev) || (prev === 'of' && c.first > 1 && PLACE_NOUNS.has(doc.lower[c.first - 2]))) && !c.sentenceInitial) return { type: 'GPE', score: 0.5 };
    return { type: subject ? 'PERSON' : 'ORG', score: 0.3 };
  }
  // Unknown multi-word capitalised names: people when short and plainly alphabetic.
  let alpha = true;
  for (const t of toks) if (!/^\p{Lu}[\p{Ll}'’.-]*$/u.test(t)) alpha = false;
  if (alpha && n <= 3 && text === raw) return { type: 'PERSON', score: 0.5 };
  return { type: 'ORG', score: 0.4 };
}

// ---------------------------------------------------------------------------------------------
// The extractor

interface Typed {
  c: EntityCandidate;
  cls: Classification | null;
}

const MIN_SCORE = 0.5;
const STRONG = 0.75;

function buildMemory(doc: Doc, typed: Typed[], hints: EntityHint[], k: EntityKnowledge, sports: boolean): DocMemory {
  const personTokens = new Set<string>();
  const votes = new Map<string, Map<EntityType, number>>();
  const addPerson = (first: number, last: number) => {
    for (let i = first; i < last; i++) {
      const t = doc.tokens[i];
      if (isUpperStart(t) && !k.titleHeads.has(doc.lower[i]) && !k.norp.has(t) && !k.places.has(t)) {
        personTokens.add(t);
        // "RANDALL CUNNINGHAM" in a headline makes "Cunningham" a person too
        if (isAllCaps(t)) personTokens.add(titleCase(t));
      }
    }
  };
  for (const { c, cls } of typed) {
    if (!cls || cls.score < STRONG) continue;
    if (cls.type === 'PERSON') addPerson(c.first, c.last);
    const text = spanText(doc, c.first, c.last);
    const vote = (t: string, type: EntityType) => {
      let m = votes.get(t);
      if (!m) votes.set(t, (m = new Map()));
      m.set(type, (m.get(type) ?? 0) + 1);
    };
    vote(text, cls.type);
    // "Rosoboronexport Company" → "Rosoboronexport" is the organisation too
    if (cls.type === 'ORG' && c.last - c.first >= 2 && k.orgWords.has(doc.lower[c.last - 1])) vote(spanText(doc, c.first, c.last - 1), 'ORG');
  }
  for (const h of hints) {
    if (h.type !== 'PERSON') continue;
    const s = tokenAtOrAfter(doc, h.start);
    let e = s;
    while (e < doc.tokens.length && doc.starts[e] < h.end) e++;
    addPerson(s, e);
  }
  const typeByText = new Map<string, EntityType>();
  for (const [text, m] of votes) {
    let best: EntityType | null = null;
    let bestN = 0;
    for (const [t, n] of m) if (n > bestN) [best, bestN] = [t, n];
    if (best) typeByText.set(text, best);
  }
  return { personTokens, typeByText, sports };
}


/**
 * Attach the caller's hints (actor and place mentions) to our candidates as evidence: a hint that
 * covers exactly one candidate (or equals it) lends it its type ("the Palestinian Authority" → ORG for
 * "Palestinian Authority"; "President Alexander Lukashenko" → PERSON). Spans stay ours, so titles,
 * "the" and lower-case heads stay out. A hint strictly inside a candidate ("Paul" in "Paul Johnson")
 * lends nothing. Hints that touch no candidate become candidates of their own, trimmed to their
 * capitalised words (a sentence-initial "Baltimore" the run finder skipped); all-lower-case hints
 * ("the company") are not names and are dropped.
 */
export function attachHints(doc: Doc, cands: EntityCandidate[], hints: readonly EntityHint[], k: EntityKnowledge): EntityCandidate[] {
  const valid = hints.filter((h) => h.end > h.start && h.start >= 0 && h.end <= doc.text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const extra: EntityCandidate[] = [];
  const hintLen = new Map<EntityCandidate, number>();
  let lo = 0;
  for (const h of valid) {
    while (lo < cands.length && cands[lo].end <= h.start) lo++;
    const touched: EntityCandidate[] = [];
    for (let j = lo; j < cands.length && cands[j].start < h.end; j++) touched.push(cands[j]);
    if (touched.length === 0) {
      const c = hintCandidate(doc, h, k);
      if (c) extra.push(c);
      continue;
    }
    if (touched.length !== 1) continue;
    const c = touched[0];
    // the candidate must be the hint's head: nothing but punctuation after it inside the hint
    const covers = h.start <= c.start && c.end <= h.end && !/[\p{L}\p{N}]/u.test(doc.text.slice(c.end, h.end));
    if (!covers) continue;
    // a type from the narrowest covering hint
    if (h.end - h.start < (hintLen.get(c) ?? Infinity)) {
      c.hintType = h.type;
      hintLen.set(c, h.end - h.start);
    }
  }
  // hint candidates may overlap one another: keep the longest
  extra.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityCandidate[] = [];
  for (const c of extra) if (!kept.some((o) => o.start < c.end && c.start < o.end)) kept.push(c);
  return kept;
}

function hintCandidate(doc: Doc, h: EntityHint, k: EntityKnowledge): EntityCandidate | null {
  let first = tokenAtOrAfter(doc, h.start);
  let last = first;
  while (last < doc.tokens.length && doc.starts[last] < h.end) last++;
  while (first < last && !isUpperStart(doc.tokens[first])) first++;
  while (last > first && !isUpperStart(doc.tokens[last - 1]) && !isDigitStart(doc.tokens[last - 1])) last--;
  if (last <= first) return null;
  if (doc.sentenceOf[first] !== doc.sentenceOf[last - 1]) return null;
  const l = doc.lower[first];
  if (last - first === 1 && (k.notEntities.has(l) || k.notAlone.has(l) || (h.type === 'ORG' && (k.orgWords.has(l) || doc.pos[first] === 'NOUN')))) return null;
  if (doc.lower[first] === 'the' && last - first === 1) return null;
  if (doc.lower[first] === 'the') first++;
  const s = doc.sentences[doc.sentenceOf[first]];
  return {
    first,
    last,
    start: doc.starts[first],
    end: doc.ends[last - 1],
    text: doc.text.slice(doc.starts[first], doc.ends[last - 1]),
    titled: false,
    splitAtName: false,
    eventHead: false,
    sentenceInitial: isSentenceInitial(doc, first, s.first),
    hintType: h.type,
  };
}

/** Which sentences are ALL-CAPS headlines, and which ALL-CAPS words the other sentences use. */
function capitalisation(doc: Doc): { capsLines: Set<number>; bodyCaps: Set<string> } {
  const capsLines = new Set<number>();
  const bodyCaps = new Set<string>();
  doc.sentences.forEach((s, si) => {
    let words = 0;
    let caps = 0;
    for (let i = s.first; i < s.last; i++) {
      if (!isUpperStart(doc.tokens[i]) && doc.tokens[i] === doc.lower[i] && doc.tokens[i] !== doc.tokens[i].toUpperCase()) words++;
      else if (isAllCaps(doc.tokens[i])) {
        words++;
        caps++;
      } else if (isUpperStart(doc.tokens[i])) words++;
    }
    if (words >= 3 && caps / words > 0.7) capsLines.add(si);
    else for (let i = s.first; i < s.last; i++) if (isAllCaps(doc.tokens[i])) bodyCaps.add(doc.tokens[i]);
  });
  return { capsLines, bodyCaps };
}

/**
 * Named entities of `doc`, sorted by start and non-overlapping. Spans come from our candidates; the
 * caller's `hints` (actor and place mentions) are evidence for their types (see attachHints).
 * `classify` can replace the rule classifier (e.g. with a learned re-ranker).
 */
export function findEntities(doc: Doc, hints: EntityHint[], k: EntityKnowledge, classify: CandidateClassifier = classifyCandidate): Entity[] {
  const own = generateCandidates(doc, k);
  const extra = attachHints(doc, own, hints, k);
  const cands = extra.length ? [...own, ...extra].sort((a, b) => a.start - b.start) : own;
  const sports = isSportsReport(doc, k.sportWords);
  const { capsLines, bodyCaps } = capitalisation(doc);
  const empty: DocMemory = { personTokens: new Set(), typeByText: new Map(), sports, capsLines, bodyCaps };
  const pass1: Typed[] = cands.map((c) => ({ c, cls: classify(doc, c, k, empty) }));
  const memory = { ...buildMemory(doc, pass1, hints, k, sports), capsLines, bodyCaps };
  const out: Entity[] = [];
  for (const { c, cls: first } of pass1) {
    const cls = first && first.score >= STRONG ? first : classify(doc, c, k, memory);
    if (!cls || cls.score < MIN_SCORE) continue;
    if (out.length && out[out.length - 1].end > c.start) continue;
    out.push({ text: c.text, start: c.start, end: c.end, type: cls.type });
  }
  return out;
}
