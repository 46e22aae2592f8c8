import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTRIES_FILE, countriesFromPackage, encodeCountries, worldCountries } from '../../src/knowledge/countries.js';

const require = createRequire(import.meta.url);

test('build/countries.json holds the package records with the fields Dyad reads', () => {
  const built = worldCountries();
  const full = require('world-countries') as { cca3: string; name: { common: string; official: string }; independent?: boolean | null; altSpellings?: string[]; capital?: string[]; demonyms?: { eng?: { m?: string; f?: string } } }[];
  assert.equal(built.length, full.length);
  built.forEach((c, i) => {
    const f = full[i];
    assert.equal(c.cca3, f.cca3);
    assert.deepEqual(c.name, { common: f.name.common, official: f.name.official });
    assert.equal(c.independent, f.independent);
    assert.deepEqual(c.altSpellings, f.altSpellings);
    assert.deepEqual(c.capital, f.capital);
    assert.deepEqual(c.demonyms?.eng, f.demonyms?.eng);
  });
  assert.deepEqual(JSON.parse(encodeCountries()).countries, countriesFromPackage());
  assert.ok(worldCountries() === worldCountries(), 'read once per process');
  assert.ok(COUNTRIES_FILE.endsWith(join('build', 'countries.json')));
});

test('a missing or stale countries file falls back to the package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-countries-'));
  const stale = join(dir, 'stale.json');
  writeFileSync(stale, JSON.stringify({ version: '0.0.0-other', countries: [{ cca3: 'XXX', name: { common: 'Nowhere', official: 'Nowhere' } }] }));
  assert.deepEqual(worldCountries(stale), countriesFromPackage());
  assert.deepEqual(worldCountries(join(dir, 'missing.json')), countriesFromPackage());
  writeFileSync(join(dir, 'bad.json'), '{');
  assert.deepEqual(worldCountries(join(dir, 'bad.json')), countriesFromPackage());
});
