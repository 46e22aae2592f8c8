import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { choosePlvEvent, parsePlv, PLV_FILE, plv, scorePlvItem, summarizePlv, type PlvRow } from '../../eval/plv.js';
import { SHARED_DIR } from '../../src/paths.js';
import { actor, ev } from './fake-events.js';

// "Iran condemned the US decision": source 0-4, target 15-30.
const S = { start: 0, end: 4 };
const T = { start: 15, end: 30 };

test('choosePlvEvent: both actors overlap beats one, one beats first', () => {
  const unrelated = ev('AGREE', actor('X', 40, 45), actor('Y', 50, 55));
  const oneSide = ev('REJECT', actor('IRN', 0, 4), actor('Z', 40, 45));
  const both = ev('ACCUSE', actor('IRN', 0, 4), actor('USA', 19, 21));
  assert.deepEqual(choosePlvEvent([unrelated, oneSide, both], S, T), { event: both, tier: 'both' });
  assert.deepEqual(choosePlvEvent([unrelated, oneSide], S, T), { event: oneSide, tier: 'one' });
  // A target overlapping the marked source also links one actor (reversed direction).
  const reversed = ev('ACCUSE', actor('USA', 15, 30), actor('IRN', 0, 4));
  assert.equal(choosePlvEvent([unrelated, reversed], S, T).tier, 'one');
  assert.deepEqual(choosePlvEvent([unrelated], S, T), { event: unrelated, tier: 'first' });
  assert.deepEqual(choosePlvEvent([], S, T), { event: null, tier: 'none' });
});

test('a missing marked target places no constraint on the event target', () => {
  const e = ev('CONCEDE', actor('NPL', 0, 4), null);
  assert.equal(choosePlvEvent([e], S, null).tier, 'both');
});

test('scorePlvItem maps CONCEDE/RETREAT to YIELD and empty output to NONE', () => {
  const row: PlvRow = { row: 0, sentenceId: '1', sentence: '', source: S, target: null, gold: 'YIELD' };
  assert.equal(scorePlvItem(row, [ev('RETREAT', actor('A', 0, 4), null)]).pred, 'YIELD');
  assert.equal(scorePlvItem(row, []).pred, 'NONE');
});

test('summarizePlv: accuracy, macro-F1 over 15 classes, tiers', () => {
  const s = summarizePlv([
    { gold: 'ACCUSE', pred: 'ACCUSE', tier: 'both' },
    { gold: 'ACCUSE', pred: 'NONE', tier: 'none' },
    { gold: 'AGREE', pred: 'ACCUSE', tier: 'first' },
  ]);
  assert.equal(s.accuracy, 1 / 3);
  // ACCUSE: P 1/2, R 1/2, F1 1/2; every other class 0.
  assert.ok(Math.abs(s.macroF1 - 0.5 / 15) < 1e-12);
  assert.deepEqual(s.tiers, { both: 1, one: 0, first: 1, none: 1 });
});

test('parsePlv reads the gold columns by name, whatever their order', () => {
  const tsv = 'gold_root\tsentence\tsilver_root\tmarked_sentence\tsentence_id\n' + 'ACCUSE\tIran hit "the US".\tREJECT\t<s>Iran</s> hit "<t>the US</t>".\t7\n';
  const [r] = parsePlv(tsv);
  assert.equal(r.gold, 'ACCUSE');
  assert.equal(r.sentenceId, '7');
  assert.equal(r.sentence.slice(r.source!.start, r.source!.end), 'Iran');
  assert.equal(r.sentence.slice(r.target!.start, r.target!.end), 'the US');
});

const FILE = join(SHARED_DIR, PLV_FILE);
test('all PLV DEV rows have a marked source span that matches the source column', { skip: !existsSync(FILE) }, () => {
  const rows = parsePlv(readFileSync(FILE, 'utf8'));
  assert.equal(rows.length, 1050);
  assert.ok(rows.every((r) => r.source !== null || r.target !== null));
  const withSource = rows.filter((r) => r.source);
  assert.ok(withSource.length > 1000);
});

test('the scorer codes each distinct sentence once', { skip: !existsSync(FILE) }, () => {
  let calls = 0;
  const report = plv.run({ sharedDir: SHARED_DIR, coder: () => (calls++, []) });
  assert.equal(report.items, 1050);
  assert.ok(calls < 1050 && calls >= 1040, String(calls));
  assert.equal(report.summary[0].value, '0.0%');
});
