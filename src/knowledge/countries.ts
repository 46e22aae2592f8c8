// The world-countries fields the actor and entity dictionaries read. The package's countries.json is
// 1.4 MB (translations, borders, currencies ...) and parsing it took about 10 ms of every start, so the
// build (scripts/build-gazetteer.ts) writes these fields to build/countries.json; when that file is
// missing or was made from another version of the package, the package itself is read.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_DIR } from '../paths.js';

const require = createRequire(import.meta.url);

export const COUNTRIES_FILE = join(BUILD_DIR, 'countries.json');
/** This module's file (what is compiled from the records depends on `pick` below). */
export const COUNTRIES_SOURCE = fileURLToPath(import.meta.url);

export interface WorldCountry {
  cca3: string;
  independent?: boolean | null;
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

interface CountriesFile {
  /** world-countries version the file was made from. */
  version: string;
  countries: WorldCountry[];
}

/** The fields of one world-countries record that Dyad reads (in the package's order). */
function pick(c: WorldCountry): WorldCountry {
  const out: WorldCountry = { cca3: c.cca3, name: { common: c.name.common, official: c.name.official } };
  if (c.independent !== undefined) out.independent = c.independent;
  if (c.altSpellings !== undefined) out.altSpellings = c.altSpellings;
  if (c.capital !== undefined) out.capital = c.capital;
  const eng = c.demonyms?.eng;
  if (c.demonyms !== undefined) out.demonyms = eng === undefined ? {} : { eng: { ...(eng.m !== undefined ? { m: eng.m } : {}), ...(eng.f !== undefined ? { f: eng.f } : {}) } };
  return out;
}

/** The installed world-countries version. */
export function worldCountriesVersion(): string {
  return (require('world-countries/package.json') as { version: string }).version;
}

/** The package's records reduced to the fields above (what build/countries.json holds). */
export function countriesFromPackage(): WorldCountry[] {
  return (require('world-countries') as WorldCountry[]).map(pick);
}

/** Contents of build/countries.json (used by the build script). */
export function encodeCountries(): string {
  const file: CountriesFile = { version: worldCountriesVersion(), countries: countriesFromPackage() };
  return JSON.stringify(file);
}

let cached: WorldCountry[] | null = null;

/** world-countries' records (the fields above), from build/ when it matches the installed package. Shared: do not modify. */
export function worldCountries(file: string = COUNTRIES_FILE): WorldCountry[] {
  if (cached && file === COUNTRIES_FILE) return cached;
  let countries: WorldCountry[] | null = null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CountriesFile;
    if (parsed.version === worldCountriesVersion() && Array.isArray(parsed.countries)) countries = parsed.countries;
  } catch {
    // missing or unreadable: read the package
  }
  countries ??= countriesFromPackage();
  if (file === COUNTRIES_FILE) cached = countries;
  return countries;
}
