import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryTable, parsePetrarchRecords, petrarchCode, scoreRecord, scoreRecords, scorable, totals, triplesOf, type PetrarchRecord } from '../../eval/petrarch.js';
import { actor, ev } from './fake-events.js';

const XML = `<Validation><Environment><Verbfile>V.txt</Verbfile><Include>valid DEMO</Include></Environment><Sentences>
<!-- a comment <Sentence> -->
<Sentence date="19950101" id="A-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode="GON" targetcode="ARN" eventcode="064"></EventCoding>
<Text>
Arnor and   Gondor restored ties.
</Text>
<Parse>(ROOT (S (NP (NNP Ignored))))</Parse>
</Sentence>
<Sentence date = "20080801" id ="B-1" category="OTHER" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing here.</Text></Sentence>
<Sentence date="19950101" id="C-1" category="DEMO"><EventCoding error="bad_input_parse"></EventCoding><Text>x</Text></Sentence>
</Sentences></Validation>`;

test('parsePetrarchRecords: environment, records, codings; <Parse> ignored', () => {
  const f = parsePetrarchRecords(XML);
  assert.deepEqual(f.include, ['valid', 'DEMO']);
  assert.equal(f.dictionaries.verbs, 'V.txt');
  assert.equal(f.records.length, 3);
  const [a, b, c] = f.records;
  assert.deepEqual([a.id, a.date, a.category, a.text], ['A-1', '1995-01-01', 'DEMO', 'Arnor and Gondor restored ties.']);
  assert.deepEqual(a.expected, [{ source: 'ARN', target: 'GON', code: '064' }, { source: 'GON', target: 'ARN', code: '064' }]);
  assert.equal(b.noEvents, true);
  assert.equal(b.date, '2008-08-01');
  assert.equal(c.error, 'bad_input_parse');
  assert.equal(scorable(c), false);
});

const rec = (expected: PetrarchRecord['expected'], noEvents = false): PetrarchRecord => ({ id: 'r', date: '1995-01-01', category: 'DEMO', text: '', expected, noEvents, error: null });
const T = (source: string, target: string, code: string) => ({ source, target, code });

test('scoreRecord: one-to-one matching, spurious, exact', () => {
  const r = rec([T('ARN', 'GON', '064'), T('GON', 'ARN', '064')]);
  const s = scoreRecord(r, [T('ARN', 'GON', '064'), T('ARN', 'GON', '111')]);
  assert.equal(s.reproduced, 1);
  assert.equal(s.spurious, 1);
  assert.equal(s.exact, false);
  assert.deepEqual(s.missed, [T('GON', 'ARN', '064')]);
  assert.equal(scoreRecord(r, [T('GON', 'ARN', '064'), T('ARN', 'GON', '064')]).exact, true);
  // a wrong CAMEO code, source or target is a miss
  assert.equal(scoreRecord(rec([T('ARN', 'GON', '064')]), [T('ARN', 'GON', '0641')]).reproduced, 0);
  const none = scoreRecord(rec([], true), []);
  assert.equal(none.noEventsCorrect, true);
  assert.equal(none.exact, true);
  assert.equal(scoreRecord(rec([], true), [T('A', 'B', '010')]).noEventsCorrect, false);
});

test('totals and per-category table', () => {
  const a = scoreRecord(rec([T('ARN', 'GON', '064')]), [T('ARN', 'GON', '064')]);
  const b = { ...scoreRecord(rec([T('ARN', 'GON', '064')]), []), category: 'AGENTS' };
  const t = totals([a, b]);
  assert.deepEqual([t.records, t.expected, t.reproduced, t.exact, t.spurious], [2, 2, 1, 1, 0]);
  const table = categoryTable([a, b], ['DEMO']);
  assert.deepEqual(table.rows.map((r) => r[0]), ['AGENTS *', 'DEMO']);
  assert.equal(table.rows[1][4], '100.0%');
});

test('triplesOf: PETRARCH codes, --- for missing actors and actorless agents, duplicates removed', () => {
  assert.equal(petrarchCode(null), '---');
  assert.equal(petrarchCode({ code: 'GOV', country: null, sectors: ['GOV'] }), '---GOV');
  assert.equal(petrarchCode({ code: 'ARNGOV', country: 'ARN', sectors: ['GOV'] }), 'ARNGOV');
  const e = ev('CONSULT', actor('ARN', 0, 5), null);
  e.event.cameo = '040';
  assert.deepEqual(triplesOf([e, e]), [T('ARN', '---', '040')]);
});

test('scoreRecords codes from the text with the record date', () => {
  const seen: string[] = [];
  const scores = scoreRecords(parsePetrarchRecords(XML).records, (a) => {
    seen.push(`${a.id}|${a.date}|${a.text}`);
    return [];
  });
  assert.deepEqual(seen, ['A-1|1995-01-01|Arnor and Gondor restored ties.', 'B-1|2008-08-01|Nothing here.']);
  assert.equal(scores.length, 2);
});
