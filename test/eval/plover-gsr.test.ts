import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chooseGsrEvent, GSR_FILE, parseGsr, ploverGsr, scoreGsrItem, summarizeGsr, type GsrRecord } from '../../eval/plover-gsr.js';
import { SHARED_DIR } from '../../src/paths.js';
import type { Article } from '../../src/types.js';
import { actor, ev } from './fake-events.js';

const rec = (event: string, src: string[], tgt: string[]): GsrRecord => ({ id: 'r', date: '2000-01-01', text: 't', event, sourceCodes: src, targetCodes: tgt });

test('parseGsr skips the DOCUMENT record and reads actor codes ("" target → none)', () => {
  const json = JSON.stringify([
    { id: 'D', event: 'DOCUMENT', eventText: 'doc' },
    { id: 'A', date: '2000-01-01', event: 'AGREE', text: 'x', source: [{ actorText: 'APEC', code: 'IGO' }], target: [{ actorText: 'Tokyo', code: 'JAP' }] },
    { id: 'B', date: '2000-01-01', event: 'DEMAND', text: 'y', source: [{ code: 'JOR' }, { code: 'GBR' }], target: '' },
  ]);
  const r = parseGsr(json);
  assert.deepEqual(r.map((x) => x.id), ['A', 'B']);
  assert.deepEqual(r[0].targetCodes, ['JAP']);
  assert.deepEqual(r[1].sourceCodes, ['JOR', 'GBR']);
  assert.deepEqual(r[1].targetCodes, []);
});

test('chooseGsrEvent prefers actor matches, else the first event', () => {
  const first = ev('ACCUSE', actor('FRA'), actor('DEU'));
  const oneSide = ev('REJECT', actor('USA'), actor('DEU'));
  const both = ev('REQUEST', actor('USA'), actor('IRQ'));
  assert.equal(chooseGsrEvent([first, oneSide, both], ['USA'], ['IRQ']), both);
  assert.equal(chooseGsrEvent([first, oneSide], ['USA'], ['IRQ']), oneSide);
  assert.equal(chooseGsrEvent([first, oneSide], ['CHN'], ['IRQ']), first);
  assert.equal(chooseGsrEvent([], ['USA'], []), null);
});

test('scoreGsrItem: found vs best-event accuracy and actor checks', () => {
  const events = [ev('ACCUSE', actor('USA'), actor('IRQ')), ev('REQUEST', actor('FRA'), null)];
  const r = scoreGsrItem(rec('DEMAND', ['USA'], ['IRQ']), events);
  assert.equal(r.found, true); // REQUEST is among the events
  assert.equal(r.pred, 'ACCUSE'); // but the best-matching event is the ACCUSE
  assert.equal(r.correct, false);
  assert.equal(r.sourceOk, true);
  assert.equal(r.targetOk, true);
  const none = scoreGsrItem(rec('FIGHT', ['USA'], []), []);
  assert.deepEqual([none.found, none.pred, none.correct, none.sourceOk, none.targetOk], [false, 'NONE', false, false, null]);
});

test('summarizeGsr counts a correct YIELD-style pick under the gold class', () => {
  const a = scoreGsrItem(rec('FIGHT', ['SYR'], ['ISR']), [ev('ASSAULT', actor('SYR'), actor('ISR'))]);
  const b = scoreGsrItem(rec('AGREE', ['IGO'], ['JAP']), [ev('AGREE', actor(null, 0, 0, ['IGO']), actor('KOR'))]);
  const c = scoreGsrItem(rec('AGREE', ['FRA'], []), []);
  const s = summarizeGsr([a, b, c]);
  assert.equal(s.items, 3);
  assert.equal(s.found, 2);
  assert.equal(s.accuracy, 2 / 3);
  assert.equal(s.sourceAccuracy, 2 / 3);
  assert.equal(s.targetItems, 2);
  assert.equal(s.targetAccuracy, 1 / 2);
  assert.equal(s.noEvents, 1);
  assert.deepEqual(s.pairs[0], { gold: 'ASSAULT', pred: 'ASSAULT' });
});

test('the scorer runs on the DEV file with a stub coder', { skip: !existsSync(join(SHARED_DIR, GSR_FILE)) }, () => {
  const seen: Article[] = [];
  const report = ploverGsr.run({ sharedDir: SHARED_DIR, limit: 5, coder: (a) => (seen.push(a), []) });
  assert.equal(report.items, 5);
  assert.equal(seen.length, 5);
  assert.ok(seen.every((a) => a.date === '2000-01-01' && a.text.length > 0));
  assert.match(report.summary[0].value, /0\.0% \(0\/5\)/);
});
