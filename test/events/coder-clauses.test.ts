// Clause-level coding: modality reaching past the verb group (a reported "would", infinitive
// complements after adverbials), complements folded into threats, and event order. Sentences of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../src/index.js';

function coded(text: string): string[] {
  return code({ id: 't', date: '2022-03-10', text }).map((e) => `${e.source.code}→${e.target?.code ?? '-'} ${e.event.plover}/${e.event.cameo}${e.event.aux ? ' ' + e.event.aux : ''}`);
}

test('a reported "would" is a future: "said it would allow inspectors" is an intent (AGREE)', () => {
  const got = coded('Iraq said it would allow the return of weapons inspectors.');
  assert.ok(got.includes('IRQ→- AGREE/0355'), got.join('; '));
});

test('"would have" stays hypothetical', () => {
  const got = coded('Iraq said it would have allowed the return of weapons inspectors.');
  assert.ok(got.includes('IRQ→- RETREAT/086 hypothetical'), got.join('; '));
});

test('an infinitive complement after adverbials takes the governing verb\'s intent', () => {
  const got = coded('European Union ministers agreed in principle on Saturday to provide aid to Poland.');
  assert.ok(got.some((g) => g.endsWith('→POL AGREE/033')), got.join('; '));
});

test('a purpose infinitive after a non-intent verb stays an act', () => {
  const got = coded('European Union ministers met in Brussels on Saturday to provide aid to Poland.');
  assert.ok(got.some((g) => g.endsWith('→POL AID/070')), got.join('; '));
});

test('a threat takes its complement across an adverb ("threatened today to hold a strike unless X")', () => {
  const got = coded('Syrian villagers threatened today to hold a general strike unless Israel rescinded the annexation.');
  assert.deepEqual(got, ['SYRCVL→ISR THREATEN/130']);
});

test("a sentence's events come in text order, nominal ones included", () => {
  const got = coded('Kenyan students staged a protest on Monday, demanding the resignation of the minister.');
  assert.ok(got.length >= 2 && got[0].includes('PROTEST'), got.join('; '));
});

test('a reported future of the speaker itself is its own threat ("NATO confirmed it would tighten ...")', () => {
  const got = coded('NATO confirmed on Wednesday it would tighten the naval blockade of Serbia.');
  assert.ok(got.includes('IGOWSTNAT→SRB THREATEN/137'), got.join('; '));
});

test('a governing verb tagged as a noun still makes its complement an intention ("plans to impose")', () => {
  const got = coded('Greece, like other members, plans to impose restrictions on Bulgarian workers.');
  assert.ok(got.some((g) => g.startsWith('GRC→') && g.includes('THREATEN/137')), got.join('; '));
});

test('a reported "must" on a copula is a demand ("said that Sweden must be ready to mediate")', () => {
  const got = coded('The Egyptian president said on Wednesday that Sweden must be ready to mediate between Israel and Lebanon.');
  assert.ok(got.includes('EGYGOV→SWE REQUEST/100'), got.join('; '));
});

test('a conditional act is a threat ("may cut aid if ..."); without the condition it stays hypothetical', () => {
  assert.deepEqual(coded('Sweden may cut aid to Kenya if the elections are rigged.'), ['SWE→KEN THREATEN/132']);
  assert.deepEqual(coded('Sweden may cut aid to Kenya.'), ['SWE→KEN SANCTION/162 hypothetical']);
});

test('"were engaged in" lends its subject to the event noun after it', () => {
  const got = coded('Serbian forces were engaged in ethnic cleansing in Kosovo.');
  assert.ok(got.some((g) => g.startsWith('SRBMIL→') && g.includes('ASSAULT/203')), got.join('; '));
});

test('a generic head noun after a name and its parenthesised gloss is the named actor', () => {
  const got = coded('The pro-Iranian Hizbollah (Party of God) group declared a ceasefire.');
  assert.ok(got.some((g) => g.startsWith('LBNREB→') && g.includes('RETREAT/')), got.join('; '));
});

test('a parenthesised name glosses the name before it, which is the subject', () => {
  const got = coded('Hizbollah (Party of God) declared a ceasefire.');
  assert.ok(got.some((g) => g.startsWith('LBNREB→') && g.includes('RETREAT/')), got.join('; '));
  assert.ok(!got.some((g) => g.startsWith('PTY→')), got.join('; '));
});

test('the object of a participle phrase after the subject is not the subject', () => {
  const bombs = coded('Kenyan aircraft using laser guided bombs killed 12 Somalis.');
  assert.ok(bombs.some((g) => g.startsWith('KENMIL→SOM') && g.includes('ASSAULT/')), bombs.join('; '));
  const troops = coded('Kenyan troops using armoured vehicles attacked Somalia.');
  assert.ok(troops.some((g) => g.startsWith('KENMIL→SOM') && g.includes('ASSAULT/')), troops.join('; '));
});

test('a dropped second target leaves no untargeted copy of the targeted event', () => {
  const got = coded('Russia agreed on Monday to supply arms to Armenia, the defence ministry in Moscow said in a statement.');
  assert.deepEqual(got.filter((g) => g.includes('/0332')), ['RUS→ARM AGREE/0332'], got.join('; '));
});

test('the speaker of a trailing attribution is no target ("..., the local government said")', () => {
  const got = coded('Protesters blocked the main road to the harbor, the local government said.');
  assert.deepEqual(got.filter((g) => g.includes('PROTEST')), ['CVL→- PROTEST/144'], got.join('; '));
  const two = coded('Russia will supply arms to Armenia, the defence ministry in Moscow said.');
  assert.ok(two.every((g) => !g.includes('RUSGOV')), two.join('; '));
});
