import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptedTypes, actorMatches, gsrClass, normalizeGoldCode, PLOVER_TYPES, PLV_CLASSES, plvClass } from '../../eval/labels.js';
import { actor } from './fake-events.js';

test('PLOVER 0.5 names map to PLOVER 2021', () => {
  assert.deepEqual(acceptedTypes('DEMAND'), ['REQUEST']);
  assert.deepEqual(acceptedTypes('DISAPPROVE'), ['ACCUSE']);
  assert.deepEqual(acceptedTypes('INVESTIGATE'), ['ACCUSE']);
  assert.deepEqual(acceptedTypes('FIGHT'), ['ASSAULT']);
  assert.deepEqual(acceptedTypes('yield'), ['CONCEDE', 'RETREAT']);
  assert.deepEqual(acceptedTypes('AGREE'), ['AGREE']);
  assert.equal(gsrClass('DISAPPROVE'), 'ACCUSE');
});

test('every gold class is a PLOVER 2021 type', () => {
  for (const g of ['DEMAND', 'DISAPPROVE', 'INVESTIGATE', 'FIGHT', 'CONCEDE', 'RETREAT']) {
    for (const t of acceptedTypes(g)) assert.ok((PLOVER_TYPES as readonly string[]).includes(t), t);
  }
  assert.equal(PLOVER_TYPES.length, 16);
  assert.equal(PLV_CLASSES.length, 15);
});

test('plvClass merges CONCEDE and RETREAT into YIELD', () => {
  assert.equal(plvClass('CONCEDE'), 'YIELD');
  assert.equal(plvClass('RETREAT'), 'YIELD');
  assert.equal(plvClass('ASSAULT'), 'ASSAULT');
  assert.equal(plvClass(null), 'NONE');
});

test('gold actor codes: non-ISO codes map to ISO3', () => {
  assert.equal(normalizeGoldCode('JAP'), 'JPN');
  assert.equal(normalizeGoldCode('ITL'), 'ITA');
  assert.equal(normalizeGoldCode('usa'), 'USA');
  assert.equal(actorMatches(actor('JPN'), 'JAP'), true);
  assert.equal(actorMatches(actor('ITA'), 'ITL'), true);
  assert.equal(actorMatches(actor('RUS'), 'UKR'), false);
  assert.equal(actorMatches(null, 'RUS'), false);
});

test('IGO and NGO gold codes match sector codes, not countries', () => {
  assert.equal(actorMatches(actor(null, 0, 0, ['IGO']), 'IGO'), true);
  assert.equal(actorMatches(actor(null, 0, 0, ['UNO']), 'IGO'), true);
  assert.equal(actorMatches(actor('USA', 0, 0, ['GOV']), 'IGO'), false);
  assert.equal(actorMatches(actor(null, 0, 0, ['NGO']), 'NGO'), true);
  assert.equal(actorMatches(actor(null, 0, 0, ['IGO']), 'NGO'), false);
});
