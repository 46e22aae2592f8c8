import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeGazetteer, GAZETTEER_FILE, leadWord, leadWords, loadGazetteer, lookupPlace, placeKey } from '../../src/knowledge/gazetteer.js';
import { readFileSync } from 'node:fs';

test('loads the compiled gazetteer', () => {
  const buf = readFileSync(GAZETTEER_FILE);
  const g = decodeGazetteer(buf);
  // Decode time is part of the start-up figure in `npm run bench`; here only the content is checked.
  assert.ok(g.size > 130000, `entries: ${g.size}`);
});

const g = loadGazetteer();

test('placeKey folds case, diacritics, hyphens and apostrophes', () => {
  assert.equal(placeKey('São  Paulo'), 'sao paulo');
  assert.equal(placeKey('Nagorno-Karabakh'), 'nagorno karabakh');
  assert.equal(placeKey('Sana’a'), "sana'a");
});

test('lookups: best prior first, ISO3 countries, GeoNames ids', () => {
  const moscow = lookupPlace(g, 'Moscow');
  assert.equal(moscow[0].geonameid, 524901);
  assert.equal(moscow[0].country, 'RUS');
  assert.equal(moscow[0].kind, 'PPLC');
  assert.ok(Math.abs(moscow[0].lat - 55.75) < 0.05 && Math.abs(moscow[0].lon - 37.62) < 0.05);
  assert.ok(moscow.some((c) => c.admin === 'US.ID'), 'Moscow, Idaho is a candidate');
  const armenia = lookupPlace(g, 'Armenia')[0];
  assert.deepEqual([armenia.kind, armenia.country, armenia.geonameid, armenia.type], ['COUNTRY', 'ARM', 174982, 'GPE']);
  assert.equal(lookupPlace(g, 'nagorno karabakh')[0].name, 'Nagorno-Karabakh');
  assert.equal(lookupPlace(g, 'Sao Paulo')[0].geonameid, 3448439);
  assert.equal(lookupPlace(g, 'Kiev')[0].geonameid, 703448);
  assert.equal(lookupPlace(g, 'U.S.')[0].country, 'USA');
  assert.equal(lookupPlace(g, 'Donbass')[0].country, 'UKR');
  assert.equal(lookupPlace(g, 'Middle East')[0].country, null);
  assert.equal(lookupPlace(g, 'Middle East')[0].type, 'LOC');
});

test('demonyms and junk are not in the index', () => {
  assert.deepEqual(lookupPlace(g, 'Armenian'), []);
  assert.deepEqual(lookupPlace(g, 'Russian'), []);
  assert.deepEqual(lookupPlace(g, 'It'), []);
  assert.deepEqual(lookupPlace(g, ''), []);
  assert.deepEqual(lookupPlace(g, 'Москва'), []);
});

test('every country in world-countries has coordinates; most have GeoNames ids', () => {
  let withId = 0;
  for (const [iso3, e] of g.countryEntry) {
    assert.match(iso3, /^[A-Z]{3}$/);
    if (g.geonameid[e] > 0) withId++;
  }
  assert.ok(g.countryEntry.size >= 240);
  assert.ok(withId >= 180, `with ids: ${withId}`);
});

test('first-level divisions: curated ones keep their entry, imported ones fill the rest', () => {
  const top = (name: string) => lookupPlace(g, name)[0];
  assert.equal(top('Kent').kind, 'ADM1');
  assert.equal(top('Kent').country, 'GBR');
  assert.equal(top('Benue State').country, 'NGA');
  // abbreviations lend themselves to the curated state
  assert.equal(top('Calif.').name, 'California');
  assert.equal(lookupPlace(g, 'California').filter((c) => c.kind === 'ADM1' && c.country === 'USA').length, 1);
  // a division named like a large city of its country gives way to the city ("Lagos State" stays)
  assert.equal(top('Lagos').kind.startsWith('PPL'), true);
  assert.equal(top('Lagos State').kind, 'ADM1');
  // ordinary words are never division names
  assert.equal(lookupPlace(g, 'Central').some((c) => c.kind === 'ADM1'), false);
});

test('leading words: up to the first space or punctuation; every key contributes its own', () => {
  assert.equal(leadWord('st. louis'), 'st');
  assert.equal(leadWord('new york'), 'new');
  assert.equal(leadWord("n'djamena"), 'n');
  assert.equal(leadWord('moscow'), 'moscow');
  const set = leadWords(['moscow', 'new york', 'st. louis']);
  assert.ok(set.has('moscow') && set.has('new') && set.has('st'));
  assert.ok(!set.has('york') && !set.has('karen'));
});
