import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseConfliEvent, parseConflibert, pentaClass, predictConfliClass, summarizeConflibert } from '../../eval/conflibert.js';
import type { EventRecord } from '../../src/types.js';
import { actor, ev } from './fake-events.js';

function coded(cameo: string, start: number, negated = false): EventRecord {
  const e = ev('X', actor('USA'), actor('IRN'));
  return { ...e, event: { ...e.event, cameo, negated }, evidence: { ...e.evidence, start } };
}

test('parseConflibert reads sentence<TAB>label lines and skips bad labels', () => {
  const rows = parseConflibert('Troops shelled the town.\t4\r\nA bad line\nTabs\tinside\t1\nNo label\t7\n');
  assert.deepEqual(rows.map((r) => [r.sentence, r.gold]), [['Troops shelled the town.', '4'], ['Tabs\tinside', '1']]);
});

test('pentaClass: CAMEO roots to the five classes', () => {
  assert.equal(pentaClass('010'), '0');
  assert.equal(pentaClass('023'), '0');
  assert.equal(pentaClass('036'), '1');
  assert.equal(pentaClass('057'), '1');
  assert.equal(pentaClass('0831'), '2');
  assert.equal(pentaClass('112'), '3');
  assert.equal(pentaClass('138'), '3');
  assert.equal(pentaClass('145'), '4');
  assert.equal(pentaClass('163'), '4');
  assert.equal(pentaClass('190'), '4');
  assert.equal(pentaClass('000'), null);
  assert.equal(pentaClass('x'), null);
});

test('the first non-negated event in text order decides; no event is neutral', () => {
  const assault = coded('190', 30);
  const accuse = coded('112', 5);
  const negAid = coded('070', 1, true);
  assert.equal(chooseConfliEvent([assault, accuse]), accuse);
  assert.equal(predictConfliClass([assault, negAid, accuse]), '3');
  assert.equal(predictConfliClass([negAid]), '2');
  assert.equal(predictConfliClass([]), '0');
});

test('summarizeConflibert: accuracy and macro-F1 over the five classes', () => {
  const s = summarizeConflibert([{ gold: '4', pred: '4' }, { gold: '3', pred: '0' }], 1);
  assert.equal(s.accuracy, 0.5);
  // class 4: F1 1; classes 0 and 3: 0; classes 1, 2: no items, 0.
  assert.ok(Math.abs(s.macroF1 - 1 / 5) < 1e-12);
  assert.equal(s.noEvent, 1);
});
