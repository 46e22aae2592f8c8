import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chronoFor, NEWS_CHRONO } from '../../src/extract/news-chrono.js';

const REF = { instant: new Date(Date.UTC(2021, 7, 24, 12)), timezone: 0 };
const read = (text: string, c = NEWS_CHRONO) => c.parse(text, REF).map((r) => [r.index, r.text, r.start.date().toISOString()]);

test('a text with a digit gets the full parser; one without date words gets none', () => {
  assert.equal(chronoFor('talks on 23 August'), NEWS_CHRONO);
  assert.equal(chronoFor('the minister said the talks went well'), null);
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
  ]) {
    const c = chronoFor(text);
    assert.notEqual(c, NEWS_CHRONO, text);
    assert.deepEqual(c ? read(text, c) : [], read(text), text);
  }
});
