// The API writes event records as JSON straight from row arrays (eventJsonOpen, articleMetaJson):
// the text must be byte for byte what JSON.stringify gives for the records eventFromRow and
// articleMeta build, for any strings (quotes, backslashes, control characters, lone surrogates),
// numbers (negative zero, NaN, numeric strings from PostgreSQL), nulls, and with or without a
// target or a location.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EVENT_RECORD_COLUMNS, articleMeta, articleMetaJson, eventFromRow, eventJsonOpen, jsonValue } from '../../src/store/rows.js';
import type { EventsTable } from '../../src/store/schema.js';

const tricky = fc.array(fc.constantFrom('"', '\\', '\u0000', '\u001f', '\n', '\t', '\u007f', '\ud800', '\udfff', '\ud83d\ude00', 'é', '\u2028', 'a', ' ', '/', '<'), { maxLength: 12 })
  .map((parts) => parts.join(''));
const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), tricky);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 0, 1, NaN, Infinity, -Infinity, 1e21, 5e-324), fc.integer().map(String), fc.constantFrom('12', '-3.5', 'abc', ''));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const sectors = fc.oneof(fc.constant(''), fc.array(fc.constantFrom('GOV', 'MIL', 'REB', '', 'X"Y'), { maxLength: 4 }).map((s) => s.join(' ')));

const row = fc.record({
  article_id: text, id: text, sentence: number, text, date: text, date_precision: text, plover: text, mode: maybe(text),
  context: maybe(text), cameo: text, quad: number, goldstein: number, negated: fc.oneof(fc.constantFrom(0, 1, '1', '0'), number), aux: maybe(text),
  source_text: text, source_start: number, source_end: number, source_code: maybe(text), source_country: maybe(text),
  source_sectors: sectors, source_name: maybe(text), has_target: fc.oneof(fc.constantFrom(0, 1), number),
  target_text: maybe(text), target_start: maybe(number), target_end: maybe(number), target_code: maybe(text),
  target_country: maybe(text), target_sectors: maybe(sectors), target_name: maybe(text),
  location_text: maybe(text), location_name: maybe(text), location_country: maybe(text), location_lat: maybe(number),
  location_lon: maybe(number), location_geonameid: maybe(number), trigger: text, trigger_start: number, trigger_end: number, rule: text,
});
const article = fc.record({ id: text, date: text, title: maybe(text), url: maybe(text), source: maybe(text) });

test('event and article JSON written from row arrays equal JSON.stringify of the records', () => {
  fc.assert(fc.property(row, article, (r, a) => {
    const values = EVENT_RECORD_COLUMNS.map((c) => r[c]);
    const record = eventFromRow(r as unknown as EventsTable);
    assert.equal(`${eventJsonOpen(values)}}`, JSON.stringify(record));
    assert.equal(`${eventJsonOpen(values)},"article":${articleMetaJson(a.id, a.date, a.title, a.url, a.source)}}`,
      JSON.stringify({ ...record, article: articleMeta(a) }));
  }), { numRuns: 2000 });
});

test('jsonValue is JSON.stringify for row values', () => {
  fc.assert(fc.property(fc.oneof(text, number, fc.constant(null)), (v) => assert.equal(jsonValue(v), JSON.stringify(v))));
  for (const v of ['', '"', '\\', '\u0000', '\ud800', '\ud800\udc00', '\udc00\ud800', 'plain']) assert.equal(jsonValue(v), JSON.stringify(v));
});
