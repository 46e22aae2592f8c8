// Actor knowledge: countries, demonyms, government metonyms, agent nouns, named organisations and
// date-restricted people, compiled once into a token trie keyed on lower-cased tokens (the Doc's
// `lower` array) plus the maps coreference needs. Data lives in dictionaries/actors/*.tsv and the
// world-countries package; nothing here runs per article. The build compiles it once into
// build/actors.bin (see compiled.ts), which a start reads instead while its sources are unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR, DICTIONARIES } from '../paths.js';
import { compiledKey, decodeCompiled, encodeCompiled, readCompiled } from './compiled.js';
import { COUNTRIES_SOURCE, worldCountries, worldCountriesVersion, type WorldCountry } from './countries.js';

/** What a dictionary phrase denotes. */
export type EntryKind = 'country' | 'demonym' | 'metonym' | 'agent' | 'org' | 'igo' | 'person' | 'modifier';

export interface ActorEntry {
  kind: EntryKind;
  /** ISO3 country, or null (IGOs, NGOs, bare agents). */
  country: string | null;
  /** Sector codes that follow the country in the actor code (for IGOs: IGO + family codes). */
  sectors: string[];
  /** Agent flags. */
  person?: boolean;
  inherit?: boolean;
  /** Before another agent, adds its sectors to that head's ("opposition lawmaker" → LEG OPP). */
  adds?: boolean;
  title?: boolean;
  role?: string;
  /** Person id (index into ActorKnowledge.people) for kind 'person'. */
  personId?: number;
  /** Whether this variant was the surname alone. */
  surname?: boolean;
  /** Modifier effect. */
  effect?: 'eli' | 'cvl' | 'skip' | 'det';
  /** Codes that go before the actor's own (PETRARCH agents [NGO~]). */
  prefix?: boolean;
  /** Further actors the same phrase names (PETRARCH `[FRO/BIL/SAM]`): each takes part in its events. */
  also?: { country: string | null; sectors: string[] }[];
  /** Acronyms ("US", "WHO") only match upper-case text. */
  upper?: string[];
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: ActorEntry[] | null;
}

export interface PersonTerm {
  /** ISO3, or null for an IGO office (the code then starts IGO). */
  country: string | null;
  sectors: string[];
  from: string;
  to: string;
  role: string | null;
}

export interface Person {
  id: number;
  name: string;
  gender: 'm' | 'f' | null;
  terms: PersonTerm[];
}

export interface ActorKnowledge {
  trie: TrieNode;
  people: Person[];
  /** "ARM|defense minister" → office terms, for "the Armenian defense minister". */
  offices: Map<string, { personId: number; from: string; to: string }[]>;
  /** ISO3 → common English name. */
  countryNames: Map<string, string>;
  /** Lower-cased pronoun → gender ('m' | 'f' | null for plural/neutral). */
  pronouns: Map<string, 'm' | 'f' | null>;
  /** Lower-cased common given names (a name starting with one is a person's). */
  firstNames: Set<string>;
  /**
   * The country of a prominent place of this name ("Mariupol" → UKR, "Kano State" → NGA), for names
   * the actor dictionaries do not know; set by buildKnowledge from the gazetteer.
   */
  placeCountry?: (name: string) => string | null;
}

/** Split a dictionary phrase the way the matcher splits Doc tokens (see `splitToken`). */
export function phraseKeys(phrase: string): string[] {
  // fast path: plain words (nothing to fold, split or strip but case)
  if (/^[a-zA-Z ]+$/.test(phrase)) return phrase.toLowerCase().split(' ').filter(Boolean);
  const out: string[] = [];
  for (const word of phrase.trim().split(/\s+/)) {
    if (!word) continue;
    let w = word.toLowerCase().replace(/[’`´]/g, "'");
    let poss = false;
    if (w.length > 2 && w.endsWith("'s")) {
      poss = true;
      w = w.slice(0, -2);
    }
    for (const p of splitToken(w)) out.push(p);
    if (poss) out.push("'s");
  }
  return out;
}

/** Hyphenated tokens are matched piece by piece ("ex-president" → ex - president). */
export function splitToken(lower: string): string[] {
  // Fast path (most tokens): nothing to normalise, nothing to split.
  if (lower.indexOf('-') <= 0 && !hasOddApostrophe(lower)) return [lower];
  const w = lower.replace(/[’`´]/g, "'");
  if (w.length < 3 || w.indexOf('-') <= 0 || w.endsWith('-')) return [w];
  const out: string[] = [];
  for (const part of w.split('-')) {
    if (out.length) out.push('-');
    if (part) out.push(part);
  }
  return out;
}

function hasOddApostrophe(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2019 || c === 0x60 || c === 0xb4) return true;
  }
  return false;
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && /[A-Z]/.test(word) && word === word.toUpperCase() && !/[a-z]/.test(word);
}

/** The `next` of every leaf until it gets a child (most nodes are leaves); never written to. */
const NO_CHILDREN: Map<string, TrieNode> = new Map();

function addPhrase(root: TrieNode, phrase: string, entry: ActorEntry): void {
  const keys = phraseKeys(phrase);
  if (!keys.length) return;
  // a one-word acronym only matches upper-case text
  const word = phrase.trim();
  const e: ActorEntry = !/\s/.test(word) && isAcronym(word) ? { ...entry, upper: [word] } : entry;
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) {
      n = { next: NO_CHILDREN, entries: null };
      if (node.next === NO_CHILDREN) node.next = new Map();
      node.next.set(k, n);
    }
    node = n;
  }
  if (!node.entries) node.entries = [];
  // a phrase names one country: the first source that lists it wins
  if ((e.kind === 'country' || e.kind === 'demonym') && node.entries.some((x) => x.kind === 'country' || x.kind === 'demonym')) return;
  // identical duplicates add nothing
  if (!node.entries.some((x) => sameEntry(x, e))) node.entries.push(e);
}

function sameEntry(a: ActorEntry, b: ActorEntry): boolean {
  if (a.kind !== b.kind || a.country !== b.country || a.personId !== b.personId || a.role !== b.role) return false;
  if (a.sectors.length !== b.sectors.length || a.sectors.some((x, i) => x !== b.sectors[i])) return false;
  return (a.upper?.[0] ?? '') === (b.upper?.[0] ?? '');
}

/** Lines of a dictionary file's text without comments and blank lines. */
function dictLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    out.push(line);
  }
  return out;
}

/** English plural(s) of a phrase's last word. */
export function plurals(phrase: string): string[] {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  if (!m) return [];
  const [, head, w] = m;
  const lw = w.toLowerCase();
  const out: string[] = [];
  if (/(?:wo)?man$/.test(lw) && !/(?:ger|ro|ta|o)man$/.test(lw)) out.push(w.slice(0, -3) + 'men');
  else if (lw.endsWith('person')) out.push(w.slice(0, -6) + 'people', w + 's');
  else if (lw === 'child') out.push(w + 'ren');
  else if (/[^aeiou]y$/.test(lw)) out.push(w.slice(0, -1) + 'ies');
  else if (/(?:s|x|z|ch|sh)$/.test(lw)) out.push(w + 'es');
  else if (lw.endsWith('.')) return [];
  else out.push(w + 's');
  return out.map((p) => head + p);
}

const SPELLINGS: [RegExp, string][] = [
  [/defense/g, 'defence'],
  [/organization/g, 'organisation'],
  [/labor/g, 'labour'],
  [/center/g, 'centre'],
  [/counselor/g, 'counsellor'],
];

/** American spelling plus British variants. */
function spellings(phrase: string): string[] {
  const out = [phrase];
  for (const [re, to] of SPELLINGS) {
    // (global regexes keep lastIndex between test() calls, so compare replace() results instead)
    for (const p of [...out]) {
      const q = p.replace(re, to);
      if (q !== p) out.push(q);
    }
  }
  return out;
}

/** YYYY, YYYY-MM or YYYY-MM-DD → a comparable day string (start or end of the period). */
function dayOf(s: string, end: boolean): string {
  const t = s.trim();
  if (!t || t === '-') return end ? '9999-12-31' : '0000-01-01';
  if (/^\d{4}$/.test(t)) return end ? `${t}-12-31` : `${t}-01-01`;
  if (/^\d{4}-\d{2}$/.test(t)) return end ? `${t}-31` : `${t}-01`;
  return t;
}

/** Split an actor code (RUSGOVMIL, IGOUNO) into country + 3-letter sectors. */
export function splitCode(code: string, countries: Set<string>): { country: string | null; sectors: string[] } {
  const chunks: string[] = [];
  for (let i = 0; i + 3 <= code.length; i += 3) chunks.push(code.slice(i, i + 3));
  if (chunks.length && countries.has(chunks[0]) && chunks[0] !== 'IGO' && chunks[0] !== 'NGO') {
    return { country: chunks[0], sectors: chunks.slice(1) };
  }
  return { country: null, sectors: chunks };
}

/** Antarctica, Bouvet, Heard and McDonald, South Georgia, French Southern Lands, Chagos, US Minor Outlying Islands. */
const UNINHABITED = new Set(['ATA', 'BVT', 'HMD', 'SGS', 'ATF', 'IOT', 'UMI']);

/** The files of dictionaries/actors the knowledge is compiled from. */
const ACTOR_FILES = ['countries.tsv', 'metonyms.tsv', 'agents.tsv', 'orgs.tsv', 'modifiers.tsv', 'people.tsv', 'first-names.txt'] as const;
type ActorFile = (typeof ACTOR_FILES)[number];
export type ActorSources = Record<ActorFile, string>;

/** The texts of dictionaries/actors/*. */
export function readActorSources(dir: string = join(DICTIONARIES, 'actors')): ActorSources {
  const out = {} as ActorSources;
  for (const f of ACTOR_FILES) out[f] = readFileSync(join(dir, f), 'utf8');
  return out;
}

/** The compiled built-in actor knowledge, made by the build (scripts/build-gazetteer.ts). */
export const ACTORS_FILE = join(BUILD_DIR, 'actors.bin');
const ACTORS_MAGIC = 'DYADACT2';
const THIS_MODULE = fileURLToPath(import.meta.url);

/**
 * What compiled knowledge depends on: the dictionary texts, the world-countries version (the records
 * are the package's: build/countries.json is only read when made from it) and the code that compiles
 * them (this module and countries.ts, as built).
 */
export function actorSourcesKey(sources: ActorSources): string {
  const parts: string[] = [];
  for (const f of ACTOR_FILES) parts.push(f, sources[f]);
  parts.push(`world-countries@${worldCountriesVersion()}`);
  return compiledKey(ACTORS_MAGIC, parts, [THIS_MODULE, COUNTRIES_SOURCE]);
}

/**
 * Compiled knowledge as stored: the trie flattened in preorder (V8 rebuilds thousands of small objects
 * and maps slowly; a loop does it in a fraction of the time), entries and the rest as they are.
 */
interface PackedActors extends Omit<ActorKnowledge, 'trie' | 'placeCountry'> {
  /** Per node in preorder: number of children, and of entries (-1: entries is null). */
  childCount: Uint32Array;
  entryCount: Int32Array;
  /** Each child's key, in preorder of the children. */
  keys: string[];
  /** Each node's entries in turn, as indices into `entries` (shared entries are stored once). */
  entryRefs: Uint32Array;
  entries: ActorEntry[];
}

function packActors(k: ActorKnowledge): PackedActors {
  const childCount: number[] = [];
  const entryCount: number[] = [];
  const keys: string[] = [];
  const entryRefs: number[] = [];
  const entries: ActorEntry[] = [];
  const entryIndex = new Map<ActorEntry, number>();
  const visit = (n: TrieNode) => {
    childCount.push(n.next.size);
    entryCount.push(n.entries ? n.entries.length : -1);
    for (const e of n.entries ?? []) {
      let i = entryIndex.get(e);
      if (i === undefined) {
        i = entries.length;
        entries.push(e);
        entryIndex.set(e, i);
      }
      entryRefs.push(i);
    }
    for (const [key, child] of n.next) {
      keys.push(key);
      visit(child);
    }
  };
  visit(k.trie);
  const { trie: _trie, placeCountry: _placeCountry, ...rest } = k;
  return { ...rest, childCount: Uint32Array.from(childCount), entryCount: Int32Array.from(entryCount), keys, entryRefs: Uint32Array.from(entryRefs), entries };
}

function unpackActors(p: PackedActors): ActorKnowledge {
  const { childCount, entryCount, keys, entryRefs, entries } = p;
  let node = 0;
  let key = 0;
  let ref = 0;
  const build = (root: boolean): TrieNode => {
    const i = node++;
    let list: ActorEntry[] | null = null;
    if (entryCount[i] >= 0) {
      list = new Array<ActorEntry>(entryCount[i]);
      for (let j = 0; j < list.length; j++) list[j] = entries[entryRefs[ref++]];
    }
    const out: TrieNode = { next: root ? new Map() : NO_CHILDREN, entries: list };
    const n = childCount[i];
    if (n > 0) {
      if (!root) out.next = new Map();
      for (let c = 0; c < n; c++) {
        const k = keys[key++];
        out.next.set(k, build(false));
      }
    }
    return out;
  };
  const trie = build(true);
  return { trie, people: p.people, offices: p.offices, countryNames: p.countryNames, pronouns: p.pronouns, firstNames: p.firstNames };
}

/** Serialise compiled knowledge for build/actors.bin, keyed by what it was compiled from. */
export function encodeActorKnowledge(k: ActorKnowledge, key: string): Buffer {
  return encodeCompiled(ACTORS_MAGIC, key, packActors(k));
}

/** Knowledge from build/actors.bin bytes when they were compiled under `key`; otherwise null. */
export function decodeActorKnowledge(buf: Buffer, key: string): ActorKnowledge | null {
  const p = decodeCompiled<PackedActors>(buf, ACTORS_MAGIC, key);
  return p && unpackActors(p);
}

/**
 * The built-in actor knowledge (dictionaries/actors + world-countries). Read from `compiled`
 * (build/actors.bin) when that was compiled from the current sources and code; otherwise compiled
 * here (same result, some 30 ms slower). See compiled.ts.
 */
export function loadActorKnowledge(compiled: string = ACTORS_FILE): ActorKnowledge {
  const sources = readActorSources();
  const p = readCompiled<PackedActors>(compiled, ACTORS_MAGIC, actorSourcesKey(sources));
  return p ? unpackActors(p) : compileActorKnowledge(sources, worldCountries());
}

/** Compile the actor dictionaries' texts and world-countries' records. Pure. */
export function compileActorKnowledge(sources: ActorSources, countries: WorldCountry[]): ActorKnowledge {
  const dictLinesOf = (f: ActorFile) => dictLines(sources[f]);
  const root: TrieNode = { next: new Map(), entries: null };
  const iso = new Set<string>(countries.map((c) => c.cca3));
  iso.add('XKX');
  const countryNames = new Map<string, string>();
  const countryWords = new Set<string>();
  const addCountry = (code: string, name: string) => {
    addPhrase(root, name, { kind: 'country', country: code, sectors: [] });
    countryWords.add(name.toLowerCase());
  };
  const addDemonym = (code: string, word: string) => {
    addPhrase(root, word, { kind: 'demonym', country: code, sectors: [] });
    // "Russians", "Kazakhs", "Filipinos", "Cypriots": plural people nouns name the country's people
    // (not adjectives that are their own plural: Chinese, British, Dutch, Swiss)
    if (!/(?:ese|ish|ch|sh|s|x)$/i.test(word)) {
      addPhrase(root, word + 's', { kind: 'demonym', country: code, sectors: [] });
    }
  };
  // our own variants first, then independent countries, then territories: the first country entry
  // of a phrase wins ("French" is France, not the French Southern Territories)
  for (const line of dictLinesOf('countries.tsv')) {
    const [code, kind, variants] = line.split('\t');
    if (!code || !variants) continue;
    iso.add(code);
    for (const v of variants.split('|').map((x) => x.trim()).filter(Boolean)) {
      if (kind === 'name') addCountry(code, v);
      else addDemonym(code, v);
    }
  }
  const ordered = [...countries.filter((c) => c.independent !== false), ...countries.filter((c) => c.independent === false)];
  for (const c of ordered) {
    // territories without a permanent population are places, never actors
    if (UNINHABITED.has(c.cca3)) continue;
    // world-countries files Kosovo under the user-assigned code UNK; Dyad uses XKX as GDELT/PETRARCH do
    const code = c.cca3 === 'UNK' ? 'XKX' : c.cca3;
    countryNames.set(code, c.name.common);
    addCountry(code, c.name.common);
    addCountry(code, c.name.official);
    for (const a of c.altSpellings ?? []) {
      // two-letter codes ("RU", "AM") are too ambiguous as words; keep longer ASCII spellings
      if (a.length > 3 && /^[\x20-\x7e]+$/.test(a)) addCountry(code, a);
    }
    const d = c.demonyms?.eng;
    if (d?.m) addDemonym(code, d.m);
    if (d?.f && d.f !== d.m) addDemonym(code, d.f);
  }
  // government metonyms: listed ones, then world-countries capitals not excluded
  const excluded = new Set<string>();
  for (const line of dictLinesOf('metonyms.tsv')) {
    if (line.startsWith('-')) {
      excluded.add(line.slice(1).trim().toLowerCase());
      continue;
    }
    const [phrase, code] = line.split('\t');
    if (!phrase || !code) continue;
    excluded.add(phrase.trim().toLowerCase());
    const { country, sectors } = splitCode(code.trim(), iso);
    addPhrase(root, phrase, { kind: 'metonym', country, sectors });
  }
  for (const c of ordered) {
    if (c.independent === false) continue;
    for (const cap of c.capital ?? []) {
      const l = cap.toLowerCase();
      if (excluded.has(l) || countryWords.has(l) || !/^[\x20-\x7e]+$/.test(cap)) continue;
      addPhrase(root, cap, { kind: 'metonym', country: c.cca3, sectors: ['GOV'] });
    }
  }
  // agent nouns
  for (const line of dictLinesOf('agents.tsv')) {
    const [phrase, sec, flags = ''] = line.split('\t');
    if (!phrase || !sec) continue;
    const fl = flags.split(',').map((f) => f.trim());
    const entry: ActorEntry = {
      kind: 'agent',
      country: null,
      sectors: sec.trim() === '-' ? [] : sec.trim().split(/\s+/),
      person: fl.includes('p') || undefined,
      inherit: fl.includes('i') || undefined,
      adds: fl.includes('add') || undefined,
      title: fl.includes('title') || undefined,
      role: fl.find((f) => f.startsWith('role='))?.slice(5),
    };
    for (const p of spellings(phrase.trim())) {
      addPhrase(root, p, entry);
      for (const pl of plurals(p)) addPhrase(root, pl, entry);
    }
  }
  // organisations
  for (const line of dictLinesOf('orgs.tsv')) {
    const [names, code, kind] = line.split('\t');
    if (!names || !code) continue;
    const { country, sectors } = splitCode(code.trim(), iso);
    const k: EntryKind = kind?.trim() === 'igo' ? 'igo' : 'org';
    for (const v of names.split('|').map((x) => x.trim()).filter(Boolean)) {
      for (const p of spellings(v)) addPhrase(root, p, { kind: k, country, sectors: [...sectors] });
    }
  }
  // modifiers
  for (const line of dictLinesOf('modifiers.tsv')) {
    const [word, effect] = line.split('\t');
    if (!word || !effect) continue;
    addPhrase(root, word, { kind: 'modifier', country: null, sectors: [], effect: effect.trim() as 'eli' | 'cvl' | 'skip' | 'det' });
  }
  // people
  const people: Person[] = [];
  const byName = new Map<string, Person>();
  const offices = new Map<string, { personId: number; from: string; to: string }[]>();
  for (const line of dictLinesOf('people.tsv')) {
    const [names, gender, code, from = '', to = '', role = ''] = line.split('\t');
    if (!names || !code) continue;
    const variants = names.split('|').map((x) => x.trim()).filter(Boolean);
    const key = variants[0].toLowerCase();
    let person = byName.get(key);
    if (!person) {
      person = { id: people.length, name: variants[0], gender: gender === 'f' ? 'f' : gender === 'm' ? 'm' : null, terms: [] };
      people.push(person);
      byName.set(key, person);
    }
    const { country, sectors } = splitCode(code.trim(), iso);
    const term: PersonTerm = {
      country,
      sectors,
      from: dayOf(from, false),
      to: dayOf(to, true),
      role: role.trim() || null,
    };
    person.terms.push(term);
    if (term.role) {
      const ok = `${term.country}|${term.role}`;
      let list = offices.get(ok);
      if (!list) offices.set(ok, (list = []));
      list.push({ personId: person.id, from: term.from, to: term.to });
    }
    // a listed one-word variant (or "-") replaces the automatic surnames
    const autoSurname = !variants.some((v) => !/\s/.test(v));
    for (const v of variants) {
      if (v === '-') continue;
      addPhrase(root, v, { kind: 'person', country: null, sectors: [], personId: person.id });
      const parts = v.split(/\s+/);
      // a one- or two-letter last word ("Kim Jong Un", "Abdullah II") is no surname: "UN" is not Kim
      if (parts.length > 1 && autoSurname && parts[parts.length - 1].length >= 3) {
        addPhrase(root, parts[parts.length - 1], { kind: 'person', country: null, sectors: [], personId: person.id, surname: true });
      }
    }
  }
  const pronouns = new Map<string, 'm' | 'f' | null>([
    ['he', 'm'], ['him', 'm'], ['his', 'm'], ['she', 'f'], ['her', 'f'], ['hers', 'f'],
  ]);
  const firstNames = new Set<string>();
  for (const line of dictLinesOf('first-names.txt')) for (const n of line.split(/\s+/)) if (n) firstNames.add(n.toLowerCase());
  for (const p of people) {
    const first = p.name.split(/\s+/)[0];
    if (p.name.includes(' ')) firstNames.add(first.toLowerCase());
  }
  return { trie: root, people, offices, countryNames, pronouns, firstNames };
}

/** The term a person held on `date` (YYYY-MM-DD), or null; with no date, the latest term. */
export function termOn(person: Person, date: string | null): PersonTerm | null {
  if (!date) {
    let best: PersonTerm | null = null;
    for (const t of person.terms) if (!best || t.to > best.to || (t.to === best.to && t.from > best.from)) best = t;
    return best;
  }
  let found: PersonTerm | null = null;
  for (const t of person.terms) {
    // the most specific (latest-starting) term covering the date wins
    if (t.from <= date && date <= t.to && (!found || t.from > found.from)) found = t;
  }
  return found;
}
