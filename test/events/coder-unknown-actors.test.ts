// The coder with actors it cannot name: agentless passives, unknown organisations as subjects, and
// pronouns that refer back to the source. Sentences of our own, through the public code() API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../src/index.js';
import type { EventRecord } from '../../src/types.js';

function events(text: string): EventRecord[] {
  return code({ id: 't', date: '2022-03-10', text });
}

function summary(evs: EventRecord[]): string {
  return evs.map((e) => `${e.source.code}→${e.target?.code ?? '-'} ${e.event.plover}/${e.event.cameo}`).join('; ') || 'no events';
}

test('an agentless passive of violence is an assault by an unknown source on its subject', () => {
  const evs = events('Three Indian soldiers were wounded by a roadside bomb.');
  const e = evs.find((x) => x.event.plover === 'ASSAULT');
  assert.ok(e, summary(evs));
  assert.equal(e.source.code, null);
  assert.equal(e.target?.country, 'IND');
});

test('an agentless passive of coercion is coded too ("were arrested")', () => {
  const evs = events('Forty protesters were arrested in Minsk.');
  assert.ok(evs.some((x) => x.event.plover === 'COERCE' && x.source.code === null), summary(evs));
});

test('an agentless passive of a cooperative act codes nothing', () => {
  assert.deepEqual(events('The agreement was signed on Monday.'), []);
});

test('a pronoun naming the source is not the target ("Iran threatened ..., it said")', () => {
  const evs = events('Iran threatened to shell Iraqi border towns, it said.');
  assert.ok(evs.some((x) => x.source.country === 'IRN' && x.event.plover === 'THREATEN'), summary(evs));
});

test('an unknown organisation heads its subject across an acronym and a kind noun', () => {
  const evs = events('The Kestrel Freedom Alliance (KFA) forum has agreed to hold talks with the government.');
  assert.ok(evs.some((x) => x.event.plover === 'AGREE' && x.source.code === null), summary(evs));
});

test('an unknown name inside a prepositional phrase does not head the subject', () => {
  // the voters (civilians) agree; the name inside "in the ... stronghold" is never the source
  const evs = events('Voters in the Kestrel Freedom Alliance stronghold agreed to hold talks.');
  assert.ok(evs.length > 0 && evs.every((x) => x.source.code === 'CVL' && x.source.text === 'Voters'), summary(evs));
});

test('agentless releases and accusations are coded too ("were freed", "has been accused of")', () => {
  const freed = events('Forty Kurdish prisoners were freed on Monday.');
  assert.ok(freed.some((x) => x.event.plover === 'RETREAT' && x.source.code === null), summary(freed));
  const accused = events('A Swedish journalist has been accused of espionage.');
  assert.ok(accused.some((x) => x.event.plover === 'ACCUSE' && x.target?.country === 'SWE'), summary(accused));
});

test('"leaders of" an unknown organisation: the organisation stands for its subject', () => {
  const evs = events('Leaders of the Kestrel Freedom Alliance agreed to hold talks with Sweden.');
  assert.ok(evs.some((x) => x.event.plover === 'AGREE' && x.source.code === null && x.target?.country === 'SWE'), summary(evs));
});

test('the European Community is the EU (an IGO source, not an unknown name)', () => {
  const evs = events('The European Community may halt mediation efforts in Serbia.');
  assert.ok(evs.some((x) => x.source.code === 'IGOEUREEC' && x.target?.country === 'SRB'), summary(evs));
});

test('an unknown name after "of" in an ordinary noun phrase is not the subject', () => {
  assert.deepEqual(events('Muslim hackers angered by cartoons of the Prophet Mohammed have defaced Danish web sites.'), []);
});

test('a sentence whose only event is an actorless violent noun codes it with an unknown source', () => {
  const evs = events('Nobody survived the massacre in the village.');
  assert.ok(evs.length === 1 && evs[0].event.plover === 'ASSAULT' && evs[0].source.text === '' && evs[0].evidence.rule.startsWith('nouns.txt'), summary(evs));
});

test('an actorless violent noun adds nothing to a sentence with an event of its own', () => {
  const evs = events('Sweden criticized the bombing of Kabul.');
  assert.ok(evs.every((x) => x.source.country === 'SWE'), summary(evs));
});
