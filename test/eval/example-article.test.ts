import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventMatches, EXPECTED_FILE, matchExpectations, parseDatedText, type ExpectedEvent, type ExpectedFile } from '../../eval/example-article.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { actor, ev } from './fake-events.js';

test('parseDatedText strips the leading date line', () => {
  const a = parseDatedText('x', ' date 2021-08-24 On August 23, ...');
  assert.deepEqual(a, { id: 'x', date: '2021-08-24', text: 'On August 23, ...' });
  assert.equal(parseDatedText('y', 'No date here', '2016-11-01').date, '2016-11-01');
});

const meet: ExpectedEvent = { id: 'm', description: '', plover: ['CONSULT'], source: ['ARM'], target: ['RUS'], either_direction: true, date: '2021-08' };

test('eventMatches checks type, countries, direction, date prefix and mode', () => {
  assert.equal(eventMatches(meet, ev('CONSULT', actor('ARM'), actor('RUS'), { date: '2021-08-11' })), true);
  assert.equal(eventMatches(meet, ev('CONSULT', actor('RUS'), actor('ARM'), { date: '2021-08-11' })), true);
  assert.equal(eventMatches({ ...meet, either_direction: false }, ev('CONSULT', actor('RUS'), actor('ARM'), { date: '2021-08-11' })), false);
  assert.equal(eventMatches(meet, ev('CONSULT', actor('ARM'), actor('RUS'), { date: '2021-07-30' })), false);
  assert.equal(eventMatches(meet, ev('AGREE', actor('ARM'), actor('RUS'), { date: '2021-08-11' })), false);
  const pk: ExpectedEvent = { id: 'p', description: '', plover: ['MOBILIZE', 'AID'], source: ['RUS'], context: ['peacekeeping'] };
  assert.equal(eventMatches(pk, ev('AID', actor('RUS'), null, { context: 'peacekeeping' })), true);
  assert.equal(eventMatches(pk, ev('AID', actor('RUS'), null)), false);
  const visit: ExpectedEvent = { id: 'v', description: '', plover: ['CONSULT'], mode: ['visit'] };
  assert.equal(eventMatches(visit, ev('CONSULT', actor('ARM'), null, { mode: 'visit' })), true);
  assert.equal(eventMatches(visit, ev('CONSULT', actor('ARM'), null, { mode: 'host' })), false);
});

test('matchExpectations uses each event once and maximises matches', () => {
  const a: ExpectedEvent = { id: 'a', description: '', plover: ['CONSULT', 'AGREE'] };
  const b: ExpectedEvent = { id: 'b', description: '', plover: ['CONSULT'] };
  const events = [ev('CONSULT', actor('ARM'), null), ev('AGREE', actor('ARM'), null)];
  // Greedy would give event 0 to a and leave b unmatched; augmenting moves a to event 1.
  assert.deepEqual(matchExpectations([a, b], events), [1, 0]);
  assert.deepEqual(matchExpectations([b, b], events.slice(0, 1)), [0, -1]);
});

test('the checklist file is well formed', () => {
  const spec = JSON.parse(readFileSync(join(PACKAGE_ROOT, EXPECTED_FILE), 'utf8')) as ExpectedFile;
  assert.ok(spec.expected.length >= 8);
  const ids = new Set(spec.expected.map((x) => x.id));
  assert.equal(ids.size, spec.expected.length);
  for (const x of spec.expected) {
    assert.ok(x.plover.length > 0, x.id);
    if (x.date) assert.match(x.date, /^\d{4}(-\d{2}){0,2}$/);
  }
});
