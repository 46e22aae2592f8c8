// Stated refusals: negated future or hypothetical yielding, meeting, aid or cooperation is REJECT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { code } from '../../src/index.js';
import { refusalCode } from '../../src/events/refusal.js';

function coded(text: string): string[] {
  return code({ id: 't', date: '2022-03-10', text }).map((e) => `${e.source.code}→${e.target?.code ?? '-'} ${e.event.plover}/${e.event.cameo}${e.event.negated ? ' negated' : ''}`);
}

test('refusalCode: only negated future or hypothetical acts of yielding, meeting, aid or cooperation', () => {
  assert.equal(refusalCode('RETREAT', true, true, false), '124');
  assert.equal(refusalCode('CONSULT', true, false, true), '125');
  assert.equal(refusalCode('AID', true, true, false), '122');
  assert.equal(refusalCode('RETREAT', true, false, false), null);
  assert.equal(refusalCode('RETREAT', false, true, false), null);
  assert.equal(refusalCode('ASSAULT', true, true, false), null);
});

test('"will not release" is a refusal to yield; "did not release" is no refusal', () => {
  assert.ok(coded('Kenya will not release the Ugandan prisoners.').some((c) => c.startsWith('KEN→') && c.endsWith('REJECT/124')));
  const past = coded('Kenya did not release the Ugandan prisoners.');
  assert.ok(!past.some((c) => c.includes('REJECT')), past.join('; '));
});

test('"would not give aid" refuses aid; "will not meet" rejects a meeting, and the refusal is not negated', () => {
  assert.ok(coded('Germany would not give aid to Greece.').includes('DEU→GRC REJECT/122'));
  assert.ok(coded('Russia will not meet Ukraine.').includes('RUS→UKR REJECT/125'));
});

test('meeting demands yields to them; refusing to meet them is a rejection', () => {
  assert.ok(coded('Peru met the demands of Chile.').some((c) => c.startsWith('PER→') && c.endsWith('CONCEDE/080')));
  assert.ok(coded('Peru would not meet the demands of Chile.').some((c) => c.startsWith('PER→') && c.endsWith('REJECT/124')));
});
