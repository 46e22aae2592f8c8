import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../src/text/document.js';
import { verbGroups } from '../../src/text/verbgroups.js';

function groupsOf(text: string) {
  const doc = parseText(text);
  return { doc, groups: verbGroups(doc, 0, doc.tokens.length) };
}

test('negation, modality and voice of verb groups', () => {
  const { doc, groups } = groupsOf('Armenia did not sign the deal, but Russia will supply arms and the base was attacked by rebels.');
  const byLemma = new Map(groups.map((g) => [g.lemma, g]));
  assert.equal(byLemma.get('sign')?.negated, true);
  assert.equal(byLemma.get('supply')?.future, true);
  assert.equal(byLemma.get('supply')?.negated, false);
  assert.equal(byLemma.get('attack')?.passive, true);
  assert.equal(doc.tokens[byLemma.get('sign')!.first], 'did');
});

test('infinitives, gerunds and particles', () => {
  const { groups } = groupsOf('Responding to the talks, the army decided to step up patrols.');
  const step = groups.find((g) => g.lemma === 'step');
  assert.ok(step);
  assert.equal(step.infinitive, true);
  assert.deepEqual(step.particles, ['up']);
  assert.equal(groups.find((g) => g.lemma === 'respond')?.gerund, true);
});

test('hypothetical modals', () => {
  const { groups } = groupsOf('Turkey could impose sanctions.');
  assert.equal(groups[0].hypothetical, true);
});

test('noun-phrase and verb-group chunks with spans', async () => {
  const { chunks } = await import('../../src/text/chunks.js');
  const doc = parseText('The Armenian defense minister attended the opening ceremony near Moscow.');
  const cs = chunks(doc).map((c) => `${c.type}:${c.text}`);
  assert.deepEqual(cs, ['NP:The Armenian defense minister', 'VG:attended', 'NP:the opening ceremony', 'NP:Moscow']);
  for (const c of chunks(doc)) assert.equal(doc.text.slice(c.start, c.end), c.text);
});

test('a participle used as an adjective is no verb group', () => {
  const lemmas = (t: string) => groupsOf(t).groups.map((g) => g.lemma);
  assert.deepEqual(lemmas('Gondor promised aid to the affected villages.'), ['promise']);
  assert.deepEqual(lemmas('Arnor will abandon improved economic relations with Gondor.'), ['abandon']);
  // a gerund after a verb is its complement, still a verb
  assert.ok(lemmas('Russia stopped supplying weapons to Armenia.').includes('supply'));
});

test('a word tagged adjective between a name and a determiner is the verb; "the reopening of" is a noun', () => {
  const lemmas = (t: string) => groupsOf(t).groups.map((g) => g.lemma);
  assert.deepEqual(lemmas('Fornost and Gondor welcome a resumption of ties.'), ['welcome']);
  assert.deepEqual(lemmas('Gamgee has arranged for the reopening of guest houses.'), ['arrange']);
});

test('"be opposed to" states a stance and is no passive; "was opposed by" still is', () => {
  const stance = groupsOf('Norway is opposed to the plan.').groups.find((g) => g.lemma === 'oppose');
  assert.equal(stance?.passive, false);
  const byAgent = groupsOf('The plan was opposed by Norway.').groups.find((g) => g.lemma === 'oppose');
  assert.equal(byAgent?.passive, true);
});
