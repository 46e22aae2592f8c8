import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracy, confusion, f1, macroF1, median, perClass, ratio } from '../../eval/metrics.js';

const pairs = [
  { gold: 'A', pred: 'A' },
  { gold: 'A', pred: 'B' },
  { gold: 'B', pred: 'B' },
  { gold: 'B', pred: 'NONE' },
  { gold: 'C', pred: 'B' },
];

test('accuracy counts exact label matches', () => {
  assert.equal(accuracy(pairs), 2 / 5);
  assert.equal(accuracy([]), 0);
});

test('ratio and f1 never return NaN', () => {
  assert.equal(ratio(1, 0), 0);
  assert.equal(f1(0, 0), 0);
  assert.equal(f1(0.5, 1), 2 / 3);
});

test('perClass precision, recall and F1 by hand', () => {
  const [a, b, c] = perClass(pairs, ['A', 'B', 'C']);
  assert.deepEqual([a.support, a.predicted, a.tp], [2, 1, 1]);
  assert.equal(a.precision, 1);
  assert.equal(a.recall, 0.5);
  assert.equal(a.f1, 2 / 3);
  // B: gold 2, predicted 3 (one from A, one from C), 1 correct.
  assert.deepEqual([b.support, b.predicted, b.tp], [2, 3, 1]);
  assert.equal(b.precision, 1 / 3);
  assert.equal(b.recall, 0.5);
  assert.ok(Math.abs(b.f1 - 0.4) < 1e-12);
  assert.deepEqual([c.support, c.predicted, c.tp, c.f1], [1, 0, 0, 0]);
});

test('macroF1 averages over the given classes, empty classes included', () => {
  assert.ok(Math.abs(macroF1(pairs, ['A', 'B', 'C']) - (2 / 3 + 0.4 + 0) / 3) < 1e-12);
  assert.ok(Math.abs(macroF1(pairs, ['A', 'B', 'C', 'D']) - (2 / 3 + 0.4) / 4) < 1e-12);
});

test('confusion puts gold in rows, predictions in columns, unknown predictions appended', () => {
  const m = confusion(pairs, ['A', 'B', 'C'], ['A', 'B', 'C']);
  assert.deepEqual(m.columns, ['A', 'B', 'C', 'NONE']);
  assert.deepEqual(m.counts, [
    [1, 1, 0, 0],
    [0, 1, 0, 1],
    [0, 1, 0, 0],
  ]);
  // Row sums equal the gold support.
  assert.deepEqual(m.counts.map((r) => r.reduce((s, n) => s + n, 0)), [2, 2, 1]);
});

test('median of odd, even and empty lists', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});
