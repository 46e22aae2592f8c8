// The coder on hostile input: adversarial strings under a time budget, and random/mutated text
// (fast-check) that must never throw and must always give well-formed records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, code } from '../../src/index.js';
import type { EventRecord } from '../../src/types.js';
import { exampleArticle } from '../helpers/shared.js';

function wellFormed(text: string, e: EventRecord): void {
  assert.match(e.id, /^[0-9a-f]{16}$/);
  assert.match(e.date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
  assert.ok(['day', 'month', 'year'].includes(e.date_precision));
  assert.ok(e.event.quad >= 1 && e.event.quad <= 4);
  assert.ok(Number.isFinite(e.event.goldstein));
  assert.match(e.event.cameo, /^\d{2,4}$/);
  assert.ok(e.evidence.start >= 0 && e.evidence.end <= text.length && e.evidence.start < e.evidence.end);
  assert.equal(text.slice(e.source.start, e.source.end), e.source.text);
  assert.ok(e.sentence >= 0);
}

const ADVERSARIAL: [string, string][] = [
  ['10,000 capitalised words', Array.from({ length: 10_000 }, (_, i) => `Name${i % 50}`).join(' ')],
  ['one 1 MB line of one letter', 'a'.repeat(1_000_000)],
  ['nested quotes and brackets', '“'.repeat(5000) + '(' .repeat(5000) + 'Russia attacked Ukraine' + ')'.repeat(5000)],
  ['repeated actors and verbs', 'Russia attacked Ukraine and '.repeat(3000) + 'Russia attacked Ukraine.'],
  ['repeated dates', 'On August 23, '.repeat(5000) + 'Iran met Iraq.'],
  ['only punctuation', '.,;:!?-–—'.repeat(20_000)],
  ['unbalanced quotes', '"He said "they attacked" and "'.repeat(2000)],
  ['mixed scripts', 'Москва 北京 القاهرة Ελλάδα '.repeat(5000) + 'Russia met China.'],
  ['long hyphen chains', 'a-'.repeat(50_000) + 'b'],
  ['many apostrophes', "Russia's ".repeat(20_000)],
];

for (const [name, text] of ADVERSARIAL) {
  test(`adversarial input finishes within its time budget: ${name}`, () => {
    const t0 = performance.now();
    const evs = code({ id: name, date: '2022-01-01', text });
    const ms = performance.now() - t0;
    // Linear work: ~1 MB of text must not take more than a few seconds even on a loaded 2-core box.
    assert.ok(ms < 8000, `${name}: ${ms.toFixed(0)} ms`);
    for (const e of evs) wellFormed(text, e);
  });
}

test('fuzz: random text never throws and gives well-formed records', () => {
  const words = ['Russia', 'Armenia', 'the', 'minister', 'said', 'attacked', 'met', 'with', 'in', 'Moscow', 'on', 'August', '23', ',', '.', '“', '”', 'not', 'will', 'by', 'was', 'and', 'which', 'Shoygu', 'agreed', 'to', 'sign', 'deal', 'last', 'year’s', 'war', '\n\n', 'NATO', 'rebels', 'protest', "'s"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 80 }), fc.string({ maxLength: 40 }), (ws, noise) => {
      const text = ws.join(' ') + noise;
      for (const e of code({ id: 'fuzz', date: '2021-08-24', text })) wellFormed(text, e);
    }),
    { numRuns: 300, seed: 20211124 },
  );
});

test('fuzz: mutated example article never throws; analyze spans stay in range', () => {
  const base = exampleArticle().text;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: base.length }), fc.integer({ min: 0, max: 200 }), fc.string({ maxLength: 20 }), (at, del, ins) => {
      const text = base.slice(0, at) + ins + base.slice(Math.min(base.length, at + del));
      const a = analyze({ id: 'm', date: '2021-08-24', text });
      for (const e of a.events) wellFormed(text, e);
      for (const x of [...a.entities, ...a.places, ...a.timexes]) assert.equal(text.slice(x.start, x.end), x.text);
      for (const q of a.quotes) assert.equal(text.slice(q.content.start, q.content.end), q.content.text);
    }),
    { numRuns: 60, seed: 7 },
  );
});
