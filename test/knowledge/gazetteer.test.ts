import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeKeyBuckets, decodeGazetteer, encodeGazetteer, entriesForKey, entryName, GAZETTEER_FILE, KEY_EXTENDS, KEY_FOUND, keyAt, leadFilter, leadWord, loadGazetteer, lookupPlace, lowerBound, mayLead, placeKey, probeKey, type GazetteerSource } from '../../src/knowledge/gazetteer.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const filter = leadFilter(['moscow', 'new york', 'st. louis']);
  // a key's own leading word always passes, whatever follows it
  for (const k of ['moscow', 'new', 'new jersey', 'st', 'st. petersburg']) assert.ok(mayLead(filter, k), k);
  // a Bloom filter may let an odd word through, but not most of them
  const words = Array.from({ length: 2000 }, (_, i) => `word${i}`);
  const passed = words.filter((w) => mayLead(filter, w)).length;
  assert.ok(passed < 20, `false positives: ${passed}`);
});

test('the compiled lead filter passes the leading word of every key', () => {
  const missed: string[] = [];
  for (let i = 0; i < g.nKeys; i++) {
    const k = keyAt(g, i);
    if (!mayLead(g.leads, k)) missed.push(k);
  }
  assert.deepEqual(missed.slice(0, 5), []);
  assert.deepEqual(g.keyBuckets, computeKeyBuckets(g.keyBytes, g.keyOffset, g.nKeys));
  // and rules out most words that lead no key
  const notLeads = ['karen', 'said', 'president', 'minister', 'government', 'ministry', 'reuters', 'tuesday'].filter((w) => entriesForKey(g, w).length === 0 && probeKey(g, w) === 0);
  assert.ok(notLeads.filter((w) => mayLead(g.leads, w)).length <= 1, notLeads.join(' '));
});

/** A tiny gazetteer with non-ASCII keys and keys that extend one another. */
function tiny(): GazetteerSource {
  const names = ['Moscow', 'Moscow', 'New York', 'São Paulo', 'Zürich', 'Ürümqi', 'New'];
  const index = new Map<string, number[]>([
    ['moscow', [0, 1]],
    ['new york', [2]],
    ['new york city', [2]],
    ['sao paulo', [3]],
    ['zurich', [4]],
    ['zürich', [4]],
    ['ürümqi', [5]],
    ['n', [6]],
    ['𝔸lpha', [6]],
    ['\uffefbeta', [6]],
  ]);
  return {
    names,
    geonameid: names.map((_, i) => 100 + i),
    lat: names.map(() => 1),
    lon: names.map(() => 2),
    population: [10, 1000, 500, 400, 300, 200, 5],
    country: names.map(() => ''),
    admin: names.map(() => ''),
    kind: names.map(() => 'PPL'),
    isLoc: names.map(() => false),
    index,
    weakWords: [],
    demonyms: [],
    demonymEntries: [],
  };
}

test('encode/decode: names decoded per entry, keys found by bytes, prefixes reported', () => {
  const src = tiny();
  const t = decodeGazetteer(encodeGazetteer(src));
  assert.equal(t.size, 7);
  assert.deepEqual(Array.from({ length: t.size }, (_, e) => entryName(t, e)), src.names);
  // every key is found with its postings, best prior first
  for (const [k, es] of src.index) {
    assert.equal(probeKey(t, k) & KEY_FOUND, KEY_FOUND, k);
    assert.deepEqual([...entriesForKey(t, k)], [...es].sort((a, b) => src.population[b] - src.population[a]), k);
    assert.equal(keyAt(t, lowerBound(t, k)), k);
  }
  // keys are in UTF-8 byte order (code point order, even across the surrogate range)
  const keys = Array.from({ length: t.nKeys }, (_, i) => keyAt(t, i));
  assert.deepEqual(keys, [...src.index.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  assert.deepEqual(t.keyBuckets, computeKeyBuckets(t.keyBytes, t.keyOffset, t.nKeys));
  assert.equal(t.keyBuckets.length, 65537);
  assert.equal(probeKey(t, 'new york'), KEY_FOUND | KEY_EXTENDS);
  assert.equal(probeKey(t, 'new'), KEY_EXTENDS);
  assert.equal(probeKey(t, 'new y'), KEY_EXTENDS);
  assert.equal(probeKey(t, 'new york city'), KEY_FOUND);
  assert.equal(probeKey(t, 'n'), KEY_FOUND | KEY_EXTENDS);
  assert.equal(probeKey(t, 'zür'), KEY_EXTENDS);
  assert.equal(probeKey(t, 'ürümqi'), KEY_FOUND);
  assert.equal(probeKey(t, '𝔸lpha'), KEY_FOUND);
  assert.equal(probeKey(t, 'moscowx'), 0);
  assert.equal(probeKey(t, 'zzz'), 0);
  assert.equal(probeKey(t, ''), KEY_EXTENDS);
  assert.deepEqual([...entriesForKey(t, 'mos')], []);
  assert.deepEqual(lookupPlace(t, 'ZÜRICH').map((c) => c.name), ['Zürich']);
});

test('a gazetteer file in an older format asks for a rebuild', () => {
  const buf = Buffer.from(encodeGazetteer(tiny()));
  buf.write('DYADGAZ1', 0, 'latin1');
  const dir = mkdtempSync(join(tmpdir(), 'dyad-gaz-'));
  writeFileSync(join(dir, 'old.bin'), buf);
  assert.throws(() => loadGazetteer(join(dir, 'old.bin')), /DYADGAZ1.*npm run build/);
  buf.write('NOTAGAZ!', 0, 'latin1');
  assert.throws(() => decodeGazetteer(buf), /not a gazetteer file.*npm run build/);
});
