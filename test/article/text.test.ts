import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTextContent, splitDateLine } from '../../src/article/text.js';

test('date line followed by text on the same line (the shared example layout)', () => {
  assert.deepEqual(splitDateLine(' date 2021-08-24 On August 23, the minister left.\n\nMore.'), {
    kind: 'dated', date: '2021-08-24', text: 'On August 23, the minister left.\n\nMore.',
  });
});

test('date line on its own line, after leading blank lines and tabs', () => {
  assert.deepEqual(splitDateLine('\n\n\tdate 2022-11-02\nDock workers struck.\n'), {
    kind: 'dated', date: '2022-11-02', text: 'Dock workers struck.',
  });
});

test('ordinary text that happens to start with "date"', () => {
  assert.equal(splitDateLine('date palms grow in the oasis').kind, 'none');
  assert.equal(splitDateLine('dated reports said').kind, 'none');
  assert.equal(splitDateLine('The minister said').kind, 'none');
});

test('malformed date lines are reported', () => {
  const a = splitDateLine('date 2021-13-45 Text');
  assert.equal(a.kind, 'malformed');
  const b = splitDateLine('date\nText');
  assert.equal(b.kind, 'malformed');
});

test('parseTextContent: modes and fallbacks', () => {
  assert.deepEqual(parseTextContent('date 2021-08-24 Hello', 'auto', undefined), { ok: true, date: '2021-08-24', text: 'Hello' });
  assert.deepEqual(parseTextContent('Hello', 'auto', undefined), { ok: true, date: null, text: 'Hello' });
  assert.deepEqual(parseTextContent('Hello', 'auto', '2020-01-01'), { ok: true, date: '2020-01-01', text: 'Hello' });
  // Forced plain text keeps a date-looking first line as text.
  assert.deepEqual(parseTextContent('date 2021-08-24 Hello', 'text', '2020-01-01'), { ok: true, date: '2020-01-01', text: 'date 2021-08-24 Hello' });
  const missing = parseTextContent('Hello', 'dated', undefined);
  assert.equal(missing.ok, false);
  assert.match((missing as { reason: string }).reason, /missing date line/);
  const malformed = parseTextContent('date 2021-02-30 Hello', 'auto', undefined);
  assert.equal(malformed.ok, false);
  assert.match((malformed as { reason: string }).reason, /malformed date "2021-02-30"/);
  assert.equal(parseTextContent('   \n\t ', 'auto', undefined).ok, false);
  assert.equal(parseTextContent('date 2021-08-24   \n', 'auto', undefined).ok, false);
  // Unbalanced quotes are ordinary text.
  assert.deepEqual(parseTextContent('date 2021-08-24 He said "we will', 'dated', undefined), { ok: true, date: '2021-08-24', text: 'He said "we will' });
});
