import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText, tokenAt } from '../../src/text/document.js';
import { exampleArticle } from '../helpers/shared.js';

test('token spans index the original text', () => {
  const text = 'He didn’t say “yes.”\n\nRussia’s army moved.';
  const doc = parseText(text);
  for (let i = 0; i < doc.tokens.length; i++) assert.equal(text.slice(doc.starts[i], doc.ends[i]), doc.tokens[i]);
  assert.equal(doc.sentences.length, 2);
  assert.equal(text.slice(doc.sentences[0].start, doc.sentences[0].end), 'He didn’t say “yes.”');
});

test('a blank line always ends a sentence and closing quotes stay with their sentence', () => {
  const doc = parseText('Title without stop\n\nFirst sentence. “Quoted.” Next one.');
  const texts = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
  assert.equal(texts[0], 'Title without stop');
  assert.ok(texts.includes('“Quoted.”'), texts.join(' | '));
});

test('the example article splits into its 14 sentences with POS and lemmas', () => {
  const doc = parseText(exampleArticle().text);
  assert.equal(doc.sentences.length, 14);
  const i = doc.tokens.indexOf('attended');
  assert.equal(doc.pos[i], 'VERB');
  assert.equal(doc.lemmas[i], 'attend');
  assert.equal(tokenAt(doc, doc.starts[i] + 2), i);
});

test('empty and whitespace-only text', () => {
  assert.equal(parseText('').tokens.length, 0);
  assert.equal(parseText('  \n\n ').sentences.length, 0);
});

test('a capitalised word after "to" before a lower-case noun is an adjective, not an infinitive', () => {
  const doc = parseText('Norway objected to French mediation. Sweden wants to Send Troops.');
  assert.equal(doc.pos[doc.tokens.indexOf('French')], 'ADJ');
  assert.equal(doc.pos[doc.tokens.indexOf('Send')], 'VERB');
});
