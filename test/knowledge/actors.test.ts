import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorSourcesKey, compileActorKnowledge, decodeActorKnowledge, encodeActorKnowledge, loadActorKnowledge, phraseKeys, plurals, readActorSources, termOn, type ActorKnowledge } from '../../src/knowledge/actors.js';
import { worldCountries } from '../../src/knowledge/countries.js';

test('loads the actor knowledge', () => {
  // Load time belongs to `npm run bench` (start-up), not to a timed test.
  const k = loadActorKnowledge();
  assert.ok(k.people.length > 100);
  assert.ok(k.countryNames.get('ARM') === 'Armenia');
});

test('phrase keys split hyphens and possessives like the Doc tokens', () => {
  assert.deepEqual(phraseKeys("People's Republic of China"), ['people', "'s", 'republic', 'of', 'china']);
  assert.deepEqual(phraseKeys('Secretary-General'), ['secretary', '-', 'general']);
  assert.deepEqual(phraseKeys('U.S.'), ['u.s.']);
});

test('plurals and spelling variants are generated', () => {
  assert.deepEqual(plurals('spokesman'), ['spokesmen']);
  assert.deepEqual(plurals('company'), ['companies']);
  assert.deepEqual(plurals('wanted person'), ['wanted people', 'wanted persons']);
  const k = loadActorKnowledge();
  const walk = (p: string) => {
    let n: typeof k.trie | undefined = k.trie;
    for (const key of phraseKeys(p)) n = n?.next.get(key);
    return n?.entries ?? null;
  };
  assert.deepEqual(walk('defence ministry')?.[0].sectors, ['GOV', 'MIL']);
  assert.deepEqual(walk('soldiers')?.[0].sectors, ['MIL']);
  assert.equal(walk('armenian')?.[0].country, 'ARM');
  assert.equal(walk('azerbaijani')?.[0].country, 'AZE');
  assert.equal(walk('kremlin')?.[0].country, 'RUS');
  assert.ok(walk('nato')?.some((e) => e.kind === 'igo'));
});

test('people terms are date-restricted', () => {
  const k = loadActorKnowledge();
  const shoygu = k.people.find((p) => p.name === 'Sergey Shoygu')!;
  assert.deepEqual(termOn(shoygu, '2021-08-11')?.sectors, ['GOV', 'MIL']);
  assert.equal(termOn(shoygu, '2010-01-01'), null);
  assert.equal(termOn(shoygu, '2024-06-01')?.role, 'secretary of the security council');
  const zak = k.people.find((p) => p.name === 'Maria Zakharova')!;
  assert.equal(zak.gender, 'f');
  assert.equal(termOn(zak, '2021-08-19')?.country, 'RUS');
  assert.ok(k.offices.get('ARM|defense minister')!.length >= 5);
});

test('the built-in knowledge as loaded equals compiling the dictionaries', () => {
  const compiled = compileActorKnowledge(readActorSources(), worldCountries());
  assert.deepStrictEqual(loadActorKnowledge(), compiled);
  // and survives the round trip through the build file, undefined flags and all
  const key = actorSourcesKey(readActorSources());
  assert.deepStrictEqual(decodeActorKnowledge(encodeActorKnowledge(compiled, key), key), compiled);
});

test('a compiled file is used only when made from the current sources', () => {
  const sources = readActorSources();
  const key = actorSourcesKey(sources);
  assert.equal(actorSourcesKey(readActorSources()), key, 'the key is a function of the sources');
  assert.notEqual(actorSourcesKey({ ...sources, 'people.tsv': sources['people.tsv'] + '\n# edited\n' }), key);
  assert.notEqual(actorSourcesKey({ ...sources, 'agents.tsv': sources['agents.tsv'].replace('\t', '  \t') }), key);
  const marker: ActorKnowledge = { trie: { next: new Map(), entries: null }, people: [], offices: new Map(), countryNames: new Map([['XXX', 'Marker']]), pronouns: new Map(), firstNames: new Set() };
  const dir = mkdtempSync(join(tmpdir(), 'dyad-actors-'));
  const current = join(dir, 'current.bin');
  writeFileSync(current, encodeActorKnowledge(marker, key));
  assert.equal(loadActorKnowledge(current).countryNames.get('XXX'), 'Marker');
  const stale = join(dir, 'stale.bin');
  writeFileSync(stale, encodeActorKnowledge(marker, 'f'.repeat(64)));
  const compiled = compileActorKnowledge(sources, worldCountries());
  assert.deepStrictEqual(loadActorKnowledge(stale), compiled);
  assert.deepStrictEqual(loadActorKnowledge(join(dir, 'missing.bin')), compiled);
  writeFileSync(join(dir, 'junk.bin'), 'not a knowledge file');
  assert.deepStrictEqual(loadActorKnowledge(join(dir, 'junk.bin')), compiled);
});
