import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../../src/paths.js';
import { parseText } from '../../src/text/document.js';
import { findTimexes } from '../../src/extract/timexes.js';
import type { Timex } from '../../src/types.js';

const AD = '2021-08-24';
const run = (text: string, date = AD): Timex[] => findTimexes(parseText(text), date);
const values = (text: string, date = AD) => run(text, date).map((t) => [t.text, t.value, t.precision]);

test('example article: every date normalised', () => {
  const raw = readFileSync(join(SHARED_DIR, 'examples', 'armenia-russia-arms-2021-08-24.txt'), 'utf8');
  const text = raw.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');
  const got = findTimexes(parseText(text), AD);
  for (const t of got) assert.equal(text.slice(t.start, t.end), t.text, 'offsets match the text');
  assert.deepEqual(
    got.map((t) => [t.text, t.value, t.precision]),
    [
      ['August 23', '2021-08-23', 'day'],
      ['the same day', '2021-08-23', 'day'],
      ['August 23', '2021-08-23', 'day'],
      ['August 11', '2021-08-11', 'day'],
      ['last year', '2020', 'year'],
      ['now', 'PRESENT_REF', 'day'], // TIMEX3 reference time; event dating skips non-date values
      ['August 14', '2021-08-14', 'day'],
      ['August 19', '2021-08-19', 'day'],
      ['last November', '2020-11', 'month'],
    ],
  );
});

test('past-leaning months, weekdays and days', () => {
  assert.deepEqual(values('Protests began in November.'), [['November', '2020-11', 'month']]);
  assert.deepEqual(values('Protests began in July.'), [['July', '2021-07', 'month']]);
  assert.deepEqual(values('He resigned on Monday.'), [['on Monday', '2021-08-23', 'day']]);
  assert.deepEqual(values('They met Friday.'), [['Friday', '2021-08-20', 'day']]);
  assert.deepEqual(values('The talks are set for August 28.'), [['August 28', '2021-08-28', 'day']]);
  assert.deepEqual(values('The talks were held on September 30.'), [['September 30', '2020-09-30', 'day']]);
  assert.deepEqual(values('The talks will be held on September 30.'), [['September 30', '2021-09-30', 'day']]);
  assert.deepEqual(values('The deal was signed on 3 March 2019.'), [['on 3 March 2019', '2019-03-03', 'day']]);
  assert.deepEqual(values('Elections are due next month.'), [['next month', '2021-09', 'month']]);
  // Around new year: December in a January article is last year's.
  assert.deepEqual(values('Talks collapsed on December 28.', '2021-01-03'), [['December 28', '2020-12-28', 'day']]);
});

test('TimeBank conventions: quarters, reference words, bare years, unyeared dates by tense and distance', () => {
  assert.deepEqual(values('Profit fell in the third quarter.', '1989-11-02'), [['the third quarter', '1989-Q3', 'year']]);
  assert.deepEqual(values('Fourth-quarter sales rose.', '1989-11-02'), [['Fourth-quarter', '1989-Q4', 'year']]);
  assert.deepEqual(values('Fourth-quarter sales rose.', '1989-05-02'), [['Fourth-quarter', '1988-Q4', 'year']]);
  assert.deepEqual(values('Prices have risen recently.'), [['recently', 'PAST_REF', 'year']]);
  assert.deepEqual(values('1995 was a record year.', '1998-01-08'), [['1995', '1995', 'year']]);
  // no tense cue: the article's year unless more than nine months away
  assert.deepEqual(values('The contract runs to January 3.', '1989-11-01'), [['January 3', '1990-01-03', 'day']]);
  assert.deepEqual(values('Deliveries start in November.', '1998-03-04'), [['November', '1998-11', 'month']]);
});

test('our rules: last November, last year’s, this year, in 2020, the same day', () => {
  assert.deepEqual(values('He came last November.'), [['last November', '2020-11', 'month']]);
  assert.deepEqual(values('He came last November.', '2021-12-05'), [['last November', '2021-11', 'month']]);
  assert.deepEqual(values('in last year’s war'), [['last year', '2020', 'year']]);
  assert.deepEqual(values("in last year's war"), [['last year', '2020', 'year']]);
  assert.deepEqual(values('Exports grew this year.'), [['this year', '2021', 'year']]);
  assert.deepEqual(values('The war began in 2020 and sanctions date from 2014.'), [
    ['2020', '2020', 'year'],
    ['2014', '2014', 'year'],
  ]);
  assert.deepEqual(values('Troops left in mid-2019.'), [['2019', '2019', 'year']]);
  assert.deepEqual(values('On the same day, troops withdrew.'), [['the same day', AD, 'day']]);
  assert.deepEqual(values('He arrived on August 11. The next day he left.'), [
    ['August 11', '2021-08-11', 'day'],
    ['The next day', '2021-08-12', 'day'],
  ]);
  assert.deepEqual(values('He left yesterday and returns today.'), [
    ['yesterday', '2021-08-23', 'day'],
    ['today', AD, 'day'],
  ]);
  assert.deepEqual(values('Fighting flared last week.'), [['last week', '2021-W33', 'month']]);
});

test('numbers that are not dates are not timexes', () => {
  assert.deepEqual(values('He opened the Army-2021 exhibition.'), []);
  assert.deepEqual(values('Russia deployed about 2,000 peacekeepers.'), []);
  assert.deepEqual(values('It ended the 44-day war after six weeks of fighting.'), []);
  assert.deepEqual(values('Resolution 2231 was adopted by 15 members and 1,500 troops.'), []);
  // "march" the verb is no month; "now" is a TIMEX3 reference time, not a date
  assert.deepEqual(values('Thousands march in the capital and now demand change.'), [['now', 'PRESENT_REF', 'day']]);
  assert.deepEqual(values('He paid $1995 for 1999 shares in 2001.').map((v) => v[0]), ['2001']);
  assert.deepEqual(values('He spoke at 10:30 am.'), []);
});

test('adversarial input: long and non-Latin text', () => {
  const long = Array.from({ length: 2000 }, (_, i) => `Word${i} August ${(i % 28) + 1}`).join(' ') + '.';
  const t0 = performance.now();
  const got = run(long);
  assert.ok(performance.now() - t0 < 5000);
  assert.ok(got.length > 100);
  assert.doesNotThrow(() => run('Москва 23 августа. القاهرة في ٢٣ أغسطس. 北京 8月23日。'));
  assert.throws(() => run('x', 'yesterday'), /bad article date/);
});

test('financial periods: the quarter, the year-earlier quarter, a year earlier after a quarter', () => {
  const d = '1989-11-02';
  assert.deepEqual(values('Net rose in the third quarter from $4 million a year earlier.', d), [
    ['the third quarter', '1989-Q3', 'year'],
    ['a year earlier', '1988-Q3', 'year'],
  ]);
  assert.deepEqual(values('Sales in the quarter rose from the year-ago period.', d), [
    ['the quarter', '1989-Q3', 'year'],
    ['the year-ago period', '1988-Q3', 'year'],
  ]);
  // without a quarter, "a year earlier" is the year before
  assert.deepEqual(values('Prices were lower a year earlier.', d), [['a year earlier', '1988', 'year']]);
  assert.deepEqual(values('Profit in the 1988 second quarter and this year\'s third quarter.', d), [
    ['the 1988 second quarter', '1988-Q2', 'year'],
    ["this year's third quarter", '1989-Q3', 'year'],
  ]);
  assert.deepEqual(values('Results for the third quarter of 1984 and the current fiscal year.', d), [
    ['the third quarter of 1984', '1984-Q3', 'year'],
    ['the current fiscal year', '1989', 'year'],
  ]);
});

test('seasons, decades and reference words', () => {
  assert.deepEqual(values('Talks began last fall and resume this summer.', '1999-01-20'), [
    ['last fall', '1998-FA', 'year'],
    ['this summer', '1999-SU', 'year'],
  ]);
  assert.deepEqual(values('Prices rose in the spring of 1997.', '1999-01-20'), [['the spring of 1997', '1997-SP', 'year']]);
  assert.deepEqual(values('The fall of the wall.', '1999-01-20'), []);
  assert.deepEqual(values('Growth in the late 1970s and the 1990s.', '1999-01-20'), [
    ['the late 1970s', '197', 'year'],
    ['the 1990s', '199', 'year'],
  ]);
  assert.deepEqual(values('Troops will stay for the foreseeable future.'), [['the foreseeable future', 'FUTURE_REF', 'year']]);
  // not annotated as timexes in TimeML practice
  assert.deepEqual(values('He previously said he would come soon.'), []);
});

test('weekday windows (read by the weekday rule alone) keep every other date chrono finds in them', () => {
  assert.deepEqual(values('The minister said Monday that output fell last yr.'), [
    ['Monday', '2021-08-23', 'day'],
    ['last yr', '2020', 'year'],
  ]);
  assert.deepEqual(values('Talks ran from Monday to Friday, officials said.'), [['Monday to Friday,', '2021-08-23', 'day']]);
  assert.deepEqual(values('On Friday, he may resign, aides said last Tuesday.'), [
    ['On Friday,', '2021-08-20', 'day'],
    ['last Tuesday', '2021-08-17', 'day'],
  ]);
  assert.deepEqual(values('The talks resume next Wednesday.'), [['next Wednesday', '2021-08-25', 'day']]);
});
