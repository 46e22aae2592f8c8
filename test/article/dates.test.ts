import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseDate } from '../../src/article/dates.js';

test('normaliseDate accepts the spellings found in inputs', () => {
  assert.equal(normaliseDate('2021-08-24'), '2021-08-24');
  assert.equal(normaliseDate('2021-08-24T10:00:00Z'), '2021-08-24');
  assert.equal(normaliseDate('2021-08-24 10:00'), '2021-08-24');
  assert.equal(normaliseDate('20210824'), '2021-08-24');
  assert.equal(normaliseDate(20210824), '2021-08-24');
  assert.equal(normaliseDate('2021/08/24'), '2021-08-24');
  assert.equal(normaliseDate(' 2020-02-29 '), '2020-02-29');
});

test('normaliseDate rejects impossible or foreign dates', () => {
  for (const bad of ['2021-02-29', '2021-13-01', '2021-00-10', '2021-04-31', '1900-02-29', '24/08/2021', 'yesterday', '', '2021-8-24', '202108241']) {
    assert.equal(normaliseDate(bad), null, bad);
  }
  assert.equal(normaliseDate(null), null);
  assert.equal(normaliseDate({}), null);
  assert.equal(normaliseDate(1.5), null);
});
