import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import { chronoFor, newsChrono } from '../../src/extract/news-chrono.js';

const require = createRequire(import.meta.url);
const chronoLoaded = () => Object.keys(require.cache).some((k) => k.includes(`${sep}chrono-node${sep}`));

// (first: it checks what this test process has loaded so far)
test('chrono itself is loaded only once a text needs a parser', () => {
  assert.equal(chronoFor('Russia agreed to supply arms to Armenia.'), null);
  assert.equal(chronoLoaded(), false);
  assert.notEqual(chronoFor('Talks resume on Monday.'), null);
  assert.equal(chronoLoaded(), true);
});

const REF = { instant: new Date(Date.UTC(2021, 7, 24, 12)), timezone: 0 };
const read = (text: string, c = newsChrono()) => c.parse(text, REF).map((r) => [r.index, r.text, r.start.date().toISOString()]);

test('a text without date words or numeric dates gets no parser', () => {
  assert.equal(chronoFor('the minister said the talks went well'), null);
  assert.equal(chronoFor('a 500-page report on the 10-point plan'), null);
  assert.notEqual(chronoFor('a report dated 8/24'), null);
});

test('the reduced parser (or none) reads every text as the full one does', () => {
  for (const text of [
    'The minister said Monday that output fell last yr.',
    'Talks ran from Monday to Friday, officials said.',
    'He sat down yesterday after talks three years ago.',
    'A delegation arrived last night, a week after the ceasefire.',
    'In August the army withdrew; talks resume next month.',
    'Officials met on the first of May and again in mid-June.',
    'The weekend protests followed the previous week of strikes.',
    'Past and present leaders met this morning.',
    'The attack came two days later, on a Sunday evening.',
    'France on Wednesday condemned claims about the 1994 genocide in a 500-page report.',
    'The war ended on Aug 26 after 51 days; a truce was signed on 2014-08-26 and again on 8/27.',
    'Talks in 2020 12 5 and 24.08.2021 or 08.24.2021 and 12/2021 resumed 15 months ago.',
    'Elections are due in March 2022, officials said on 3 January.',
  ]) {
    const c = chronoFor(text);
    assert.deepEqual(c ? read(text, c) : [], read(text), text);
  }
});
