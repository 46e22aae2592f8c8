import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overlaps, parseMarked, spansInSentence } from '../../eval/spans.js';

test('parseMarked removes marks and gives offsets into the unmarked text', () => {
  const m = parseMarked('On Friday <s>Iran</s> condemned <t>the US decision</t>.');
  assert.equal(m.text, 'On Friday Iran condemned the US decision.');
  assert.deepEqual(m.source, { start: 10, end: 14 });
  assert.equal(m.text.slice(m.target!.start, m.target!.end), 'the US decision');
});

test('target before source, and a missing target', () => {
  const m = parseMarked('<t>Kyiv</t> was shelled by <s>Russia</s>');
  assert.equal(m.text.slice(m.source!.start, m.source!.end), 'Russia');
  assert.deepEqual(m.target, { start: 0, end: 4 });
  assert.equal(parseMarked('<s>The PM</s> agreed to resign.').target, null);
});

test('edge whitespace inside a mark is trimmed', () => {
  const m = parseMarked('<s>The LNA </s>agreed');
  assert.equal(m.text, 'The LNA agreed');
  assert.deepEqual(m.source, { start: 0, end: 7 });
});

test('a lone < is text, not a mark', () => {
  assert.equal(parseMarked('a <b> c < d').text, 'a <b> c < d');
});

test('spansInSentence relocates spans when the unmarked text differs from the sentence', () => {
  const s = spansInSentence('  Iran condemned the US.', '<s>Iran</s> condemned <t>the US</t>.');
  assert.deepEqual(s.source, { start: 2, end: 6 });
  assert.deepEqual(s.target, { start: 17, end: 23 });
});

test('overlaps is half-open and null-safe', () => {
  assert.equal(overlaps({ start: 0, end: 5 }, { start: 4, end: 8 }), true);
  assert.equal(overlaps({ start: 0, end: 5 }, { start: 5, end: 8 }), false);
  assert.equal(overlaps({ start: 3, end: 4 }, { start: 0, end: 10 }), true);
  assert.equal(overlaps(null, { start: 0, end: 1 }), false);
});
