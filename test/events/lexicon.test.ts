import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon, parseModality, parseSpeech } from '../../src/events/lexicon.js';

test('shipped lexicon: reporting verbs and modality cues', () => {
  const lx = loadLexicon();
  for (const w of ['say', 'tell', 'announce', 'state', 'add', 'argue', 'claim', 'report', 'remind', 'note', 'stress', 'insist', 'warn']) {
    assert.ok(lx.speech.has(w), w);
  }
  assert.ok(!lx.speech.has('attack'));
  assert.ok(lx.future.has('will') && lx.future.has('plan') && lx.future.has('pledge'));
  assert.ok(lx.hypothetical.has('may') && lx.hypothetical.has('could') && lx.hypothetical.has('threaten'));
  assert.ok(lx.negation.has('not') && lx.negation.has("n't") && lx.negation.has('refuse'));
  // a word belongs to one class only
  for (const w of lx.future) assert.ok(!lx.hypothetical.has(w) && !lx.negation.has(w), w);
  for (const w of lx.hypothetical) assert.ok(!lx.negation.has(w), w);
});

test('parsers skip comments and report bad lines as file:line', () => {
  assert.deepEqual([...parseSpeech('# head\nsay\n\ntell   # trailing\n')], ['say', 'tell']);
  assert.throws(() => parseSpeech('say\nSay\n'), /speech\.txt:2: expected one lower-case lemma/);
  const m = parseModality('future will\nhypothetical may  # maybe\nnegation not\n');
  assert.deepEqual([[...m.future], [...m.hypothetical], [...m.negation]], [['will'], ['may'], ['not']]);
  assert.throws(() => parseModality('future will\npast was\n'), /modality\.txt:2: unknown class 'past'/);
  assert.throws(() => parseModality('future\n'), /modality\.txt:1: expected '<class> <word>'/);
});
