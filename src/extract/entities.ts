// Named entities (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT) from capitalised token runs.
// Two separable steps so a learned re-ranker can replace the second later:
//   generateCandidates(): structural — capitalised runs, connectors ("of", "for", particles, hyphens),
//     split at titles ("President Ilham Aliyev"), at a given name after an organisation
//     ("Rosoboronexport Company Alexander Mikheyev") and after a leading demonym.
//   classifyCandidate(): a type and a score from word lists and document memory.
// findEntities() runs both twice (the second pass knows the document's confident people and
// organisations: "Karapetian" once seen in a person's name is a person throughout), then merges the
// caller's hints, which win where they overlap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { tokenAtOrAfter, type Doc } from '../text/document.js';
import type { Entity, EntityType } from '../types.js';
import { DICTIONARIES } from '../paths.js';

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

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

/** Load the entity word lists and the world-countries names/demonyms (once per process). */
export function loadEntityKnowledge(): EntityKnowledge {
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const eventLines = readList('event-words.txt');
  const places = new Map<string, EntityType>();
  const norp = new Set<string>(readList('norp.txt'));
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as WorldCountry[];
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
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate generation

// POS tags that cannot be part of a name even when capitalised (headline words: "Was", "To").
const NON_NAME_POS = new Set(['VERB', 'AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'PUNCT', 'INTJ']);
const OPENERS = new Set(['“', '"', '‘', "'", '(', '[', '«', '—', '–', '-', '„']);
// Words after which "of"/"for" continue a name: "Republic of Armenia", "Service for ...".
const OF_HEADS = new Set(['republic', 'kingdom', 'state', 'states', 'emirates', 'federation', 'province', 'city', 'county', 'district', 'region', 'islands', 'isle', 'people', 'commonwealth', 'union', 'house', 'court', 'bank']);

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
    if (!isNameToken(doc, i, k, headline) || (isSentenceInitial(doc, i, from) && doc.pos[i] !== 'PROPN' && !knownNameToken(doc, i, k))) {
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
        const joins = (k.orgWords.has(prevLower) || k.locationWords.has(prevLower) || k.facilityWords.has(prevLower) || OF_HEADS.has(prevLower)) && !k.titleHeads.has(prevLower);
        let next = last + 1;
        if (doc.lower[next] === 'the' && next + 1 < to) next++;
        if (joins && isNameToken(doc, next, k, headline)) {
          last = next + 1;
          continue;
        }
      }
      break;
    }
    runs.push([first, last]);
    i = last;
  }
  return runs;
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
  // 2. A given name after an organisation/place: "... Company Alexander Mikheyev".
  for (let p = first + 1; p < last; p++) {
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
const LOCATIVE = new Set(['in', 'near', 'outside', 'across', 'towards', 'toward', 'into']);

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
  if (n === 1 && k.notEntities.has(lastLow)) return null;
  if (c.eventHead) return { type: 'EVENT', score: 0.85 };
  const place = k.places.get(text);
  if (place) return { type: place, score: 0.95 };
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
  if (n === 1) {
    if (k.places.has(toks[0])) return { type: k.places.get(toks[0]) as EntityType, score: 0.9 };
    if (k.firstNames.has(toks[0])) return { type: 'PERSON', score: 0.6 };
    if (isAcronym(toks[0])) return { type: 'ORG', score: 0.5 };
    const next = c.last < doc.tokens.length ? c.last : -1;
    const subject = next >= 0 && (VERBISH.has(doc.pos[next]) || doc.pos[next] === 'ADV');
    if (hasSurnameEnding(toks[0], k)) return { type: 'PERSON', score: subject ? 0.65 : 0.55 };
    // "in Zürich", "near Gyumri": a lone unknown name after a locative preposition is a place
    const prev = c.first > 0 ? doc.lower[c.first - 1] : '';
    if (LOCATIVE.has(prev) && !c.sentenceInitial) return { type: 'GPE', score: 0.5 };
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

function buildMemory(doc: Doc, typed: Typed[], hints: EntityHint[], k: EntityKnowledge): DocMemory {
  const personTokens = new Set<string>();
  const votes = new Map<string, Map<EntityType, number>>();
  const addPerson = (first: number, last: number) => {
    for (let i = first; i < last; i++) {
      const t = doc.tokens[i];
      if (isUpperStart(t) && !k.titleHeads.has(doc.lower[i]) && !k.norp.has(t) && !k.places.has(t)) personTokens.add(t);
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
  return { personTokens, typeByText };
}


/**
 * Named entities of `doc`, sorted by start and non-overlapping. `hints` (from the actor and place
 * modules) win over our own spans where they overlap, except that a GPE/NORP/LOC hint strictly
 * inside a confident ORG/FAC/EVENT of ours ("Armenian" in "Armenian Defense Ministry") gives way.
 * `classify` can replace the rule classifier (e.g. with a learned re-ranker).
 */
export function findEntities(doc: Doc, hints: EntityHint[], k: EntityKnowledge, classify: CandidateClassifier = classifyCandidate): Entity[] {
  const cands = generateCandidates(doc, k);
  const empty: DocMemory = { personTokens: new Set(), typeByText: new Map() };
  const pass1: Typed[] = cands.map((c) => ({ c, cls: classify(doc, c, k, empty) }));
  const memory = buildMemory(doc, pass1, hints, k);
  const ours: (Entity & { score: number })[] = [];
  for (const { c, cls: first } of pass1) {
    const cls = first && first.score >= STRONG ? first : classify(doc, c, k, memory);
    if (!cls || cls.score < MIN_SCORE) continue;
    ours.push({ text: c.text, start: c.start, end: c.end, type: cls.type, score: cls.score });
  }
  return mergeWithHints(doc, ours, hints);
}

function mergeWithHints(doc: Doc, ours: (Entity & { score: number })[], hints: EntityHint[]): Entity[] {
  const hintEntities: Entity[] = [];
  // hints: longest first among themselves, no overlaps
  const sortedHints = [...hints].filter((h) => h.end > h.start && h.start >= 0 && h.end <= doc.text.length).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  for (const h of sortedHints) {
    if (hintEntities.some((e) => overlaps(e, h))) continue;
    hintEntities.push({ text: h.text ?? doc.text.slice(h.start, h.end), start: h.start, end: h.end, type: h.type });
  }
  const keepOurs: Entity[] = [];
  const droppedHints = new Set<Entity>();
  for (const e of ours) {
    const clash = hintEntities.filter((h) => overlaps(h, e));
    if (clash.length === 0) {
      keepOurs.push({ text: e.text, start: e.start, end: e.end, type: e.type });
      continue;
    }
    const yields = clash.every((h) => (h.type === 'GPE' || h.type === 'NORP' || h.type === 'LOC') && h.start >= e.start && h.end <= e.end && h.end - h.start < e.end - e.start);
    if (yields && e.score >= 0.8 && (e.type === 'ORG' || e.type === 'FAC' || e.type === 'EVENT')) {
      for (const h of clash) droppedHints.add(h);
      keepOurs.push({ text: e.text, start: e.start, end: e.end, type: e.type });
    }
  }
  const all = [...hintEntities.filter((h) => !droppedHints.has(h)), ...keepOurs].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Entity[] = [];
  for (const e of all) if (out.length === 0 || out[out.length - 1].end <= e.start) out.push(e);
  return out;
}
