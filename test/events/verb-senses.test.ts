// Verb (and noun) senses added to the pattern dictionaries: each family on a sentence of our own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../src/index.js';

/** "SRC→TGT TYPE/CAMEO" of every event of a sentence. */
function coded(text: string): string[] {
  return code({ id: 't', date: '2022-03-10', text }).map((e) => `${e.source.code}→${e.target?.code ?? '-'} ${e.event.plover}/${e.event.cameo}`);
}

function assertCodes(text: string, expected: string): void {
  const got = coded(text);
  assert.ok(got.includes(expected), `${text}\n  expected ${expected}\n  got ${got.join('; ') || 'no events'}`);
}

test('indicting and charging are ACCUSE allegations (PLOVER), not arrests', () => {
  assertCodes('A French court indicted the former Chadian president on Monday.', 'FRAJUD→TCDELI ACCUSE/112');
});

test('sending inspectors is investigating', () => {
  assertCodes('Sweden dispatched inspectors to Iran.', 'SWE→IRN ACCUSE/090');
});

test('cancelling restrictions concedes', () => {
  assertCodes('The Latvian government cancelled restrictions on foreign media.', 'LVAGOV→JRN CONCEDE/081');
});

test('sharing expertise is cooperation', () => {
  assertCodes('Sweden has been sharing expertise with Norway.', 'SWE→NOR COOPERATE/060');
});

test('receiving observers admits international involvement', () => {
  assertCodes('The Kenyan president received a team of observers from the African Union.', 'KENGOV→- RETREAT/086');
});

test('denying a permit is a rejection, not a denial of responsibility', () => {
  assertCodes('The Turkish governor denied land allocation for the mosque.', 'TURGOV→REL REJECT/120');
});

test('pressuring someone to act is a demand', () => {
  assertCodes('Chinese officials have been pressuring Taiwanese firms to drop the plan.', 'CHNGOV→TWNBUS REQUEST/100');
});

test('extending a curfew and preventing a demonstration are coercion', () => {
  assertCodes('The Malian junta extended the curfew in Bamako.', 'MLIGOV→- COERCE/1723');
  assertCodes('Kenyan police prevented a demonstration by students in Nairobi.', 'KENCOP→KENEDU COERCE/1721');
});

test('abusing people is assault', () => {
  assertCodes('Kenyan police officers abused Somali refugees.', 'KENCOP→SOMREF ASSAULT/182');
});

test('shunning work is a strike', () => {
  assertCodes('Greek doctors shunned work on Monday.', 'GRCMED→- PROTEST/143');
});

test('forcing someone out of the country expels them', () => {
  assertCodes('Jakarta forced the Dutch ambassador out of the country.', 'IDNGOV→NLDGOV SANCTION/166');
});

test('giving a warm welcome to a visitor is hosting', () => {
  assertCodes('President Mattarella gave a warm welcome on Thursday to the Chilean president.', 'ITAGOV→CHLGOV CONSULT/043');
});

test('a warning of hardship is no threat; the refusal is the event', () => {
  const got = coded('Despite warnings of famine by aid agencies, the Israeli government is refusing to lift the curfew on Palestinians.');
  assert.ok(!got.some((g) => g.includes('THREATEN')), got.join('; '));
  assert.ok(got.includes('ISRGOV→PSE REJECT/120'), got.join('; '));
});

test('agreeing to a ceasefire is AGREE; lifting a curfew concedes (PLOVER manual, CONCEDE)', () => {
  assertCodes('Bosnia and Croatia agreed to a ceasefire on Monday.', 'BIH→HRV AGREE/0356');
  assert.ok(coded('Serbia lifted the night curfew in Kosovo on Sunday.').some((g) => g.startsWith('SRB→') && g.endsWith('CONCEDE/0813')));
});

test('abusing an office is no assault', () => {
  assert.deepEqual(coded('The Kenyan minister abused his office.'), []);
});

test('offering troops to someone is an intent to protect them', () => {
  assertCodes('Syria offered its troops to the Lebanese president.', 'SYR→LBNGOV AGREE/0334');
});

test('collecting signatures is dissent', () => {
  assertCodes('The Lithuanian Green Party began collecting signatures against the law.', 'LTUPTY→- PROTEST/140');
});

test('opposing a mediation or a proposal rejects it, with the opposer as source', () => {
  const bySource = (text: string, source: string, type: string) => {
    const got = coded(text);
    assert.ok(got.some((c) => c.startsWith(`${source}→`) && c.endsWith(` ${type}`)), `${text}\n  got ${got.join('; ')}`);
  };
  bySource('Kenya is opposed to Egyptian mediation in the dispute.', 'KEN', 'REJECT/126');
  bySource('Peru opposes the Chilean proposal.', 'PER', 'REJECT/120');
});

test('opposing without a proposal stays a disapproval', () => {
  assertCodes('Peru opposes Chile over the border.', 'PER→CHL ACCUSE/110');
});
