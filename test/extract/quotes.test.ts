import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/text/document.js';
import { SHARED_DIR } from '../../src/paths.js';
import { findQuotes, loadQuoteKnowledge, type SpeakerHint } from '../../src/extract/quotes.js';
import type { Quote } from '../../src/types.js';

const example = readFileSync(join(SHARED_DIR, 'examples', 'armenia-russia-arms-2021-08-24.txt'), 'utf8').replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');

/** A hint for the `nth` occurrence (0-based) of `s` in `text`. */
function hint(text: string, s: string, name: string | null, code: string | null, nth = 0, kind = 'actor'): SpeakerHint {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(s, at + 1);
    assert.ok(at >= 0, `hint text not found: ${s} #${nth}`);
  }
  return { start: at, end: at + s.length, name, code, kind };
}

const ARM = 'ARMGOVMIL';
const hints: SpeakerHint[] = [
  hint(example, 'the Armenian Defense Ministry', 'Armenian Defense Ministry', ARM),
  hint(example, 'Karapetian', 'Arshak Karapetyan', ARM, 0),
  hint(example, 'the Armenian ministry', 'Armenian Defense Ministry', ARM),
  hint(example, 'the ministry also', 'Armenian Defense Ministry', ARM),
  hint(example, 'Shoygu', 'Sergey Shoygu', 'RUSGOVMIL', 1),
  hint(example, 'Russia will continue', 'Russia', 'RUS'),
  hint(example, 'the Russian defense minister', 'Sergey Shoygu', 'RUSGOVMIL'),
  hint(example, 'Azerbaijani President Ilham Aliyev', 'Ilham Aliyev', 'AZEGOV'),
  hint(example, 'Aliyev said', 'Ilham Aliyev', 'AZEGOV'),
  hint(example, 'Aliyev’s', 'Ilham Aliyev', 'AZEGOV'),
  hint(example, 'Russian Foreign Ministry spokeswoman Maria Zakharova', 'Maria Zakharova', 'RUSGOV'),
  hint(example, 'she reminded', 'Maria Zakharova', 'RUSGOV'),
  hint(example, 'Zakharova said.', 'Maria Zakharova', 'RUSGOV'),
].map((h) => {
  // trim the helper context words used to locate the mention
  const t = example.slice(h.start, h.end);
  for (const suffix of [' said.', ' said', ' also', ' reminded', '’s', ' will continue']) if (t.endsWith(suffix)) return { ...h, end: h.end - suffix.length };
  if (t === 'Russia will continue') return { ...h, end: h.start + 6 };
  return h;
});

function quoteWith(qs: Quote[], contentStart: string): Quote {
  const q = qs.find((x) => x.content.text.startsWith(contentStart));
  assert.ok(q, `no quote starting ${contentStart}`);
  return q;
}

function assertSpans(text: string, qs: Quote[]): void {
  for (const q of qs) {
    assert.equal(text.slice(q.content.start, q.content.end), q.content.text);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
  }
}

test('example article: direct quotes with content, speaker and cue', () => {
  const qs = findQuotes(parseText(example), hints);
  assertSpans(example, qs);
  const a = quoteWith(qs, 'a number of issues of mutual interest');
  assert.equal(a.direct, true);
  assert.equal(a.content.text, 'a number of issues of mutual interest.');
  assert.equal(a.speaker?.text, 'the Armenian Defense Ministry');
  assert.equal(a.speaker?.code, ARM);

  const b = quoteWith(qs, 'Karapetian then discussed');
  assert.equal(b.direct, true);
  assert.ok(b.content.text.endsWith('director of the Rosoboronexport Company Alexander Mikheyev'));
  assert.equal(b.speaker?.text, 'the Armenian ministry');
  assert.equal(b.cue?.text, 'said');

  const c = quoteWith(qs, 'We can consider');
  assert.equal(c.content.text, 'We can consider that the process of arms supplies to Armenia has started');
  assert.equal(c.speaker?.text, 'the Russian defense minister');
  assert.equal(c.speaker?.name, 'Sergey Shoygu');

  const d = quoteWith(qs, 'We expect that Russia');
  assert.equal(d.content.text, 'We expect that Russia will stop arming Armenia, we don’t see it at the moment');
  assert.equal(d.speaker?.text, 'Aliyev');
  assert.equal(d.speaker?.name, 'Ilham Aliyev');
  assert.equal(d.cue?.text, 'said');

  const e = quoteWith(qs, 'It is Russia’s sovereign right');
  assert.ok(e.content.text.endsWith('in the region'));
  assert.equal(e.speaker?.text, 'Zakharova');
  assert.equal(e.speaker?.code, 'RUSGOV');
});

test('example article: indirect quotes', () => {
  const qs = findQuotes(parseText(example), hints);
  const s = quoteWith(qs, 'Russia will continue to help Armenia');
  assert.equal(s.direct, false);
  assert.equal(s.content.text, 'Russia will continue to help Armenia reform and modernize its armed forces');
  assert.equal(s.speaker?.text, 'Shoygu');
  assert.equal(s.cue?.text, 'said');

  const z = quoteWith(qs, 'supplying weapons to other countries');
  assert.equal(z.direct, false);
  assert.equal(z.content.text, 'supplying weapons to other countries was Moscow’s sovereign right');
  assert.equal(z.speaker?.name, 'Maria Zakharova');

  const r = quoteWith(qs, 'Russia has supplied weapons');
  assert.equal(r.speaker?.text, 'she');
  assert.equal(r.cue?.text, 'reminded');

  const al = quoteWith(qs, 'while the Armenian people');
  assert.equal(al.cue?.text, 'argued');
  assert.equal(al.speaker?.name, 'Ilham Aliyev');
  // the partial quotes inside Aliyev's argument are his
  assert.equal(quoteWith(qs, 'illogical').speaker?.name, 'Ilham Aliyev');

  const acc = quoteWith(qs, 'on the same day Karapetian held');
  assert.equal(acc.cue?.text, 'According to');
  assert.equal(acc.speaker?.text, 'the Armenian Defense Ministry');

  // no quote has a speaker inside a direct quotation ("Russia" in "We expect that Russia ...")
  assert.ok(!qs.some((q) => q.speaker?.text === 'Russia'));
});

test('without hints: noun phrase speakers with null names', () => {
  const qs = findQuotes(parseText(example), []);
  const b = quoteWith(qs, 'Karapetian then discussed');
  assert.equal(b.speaker?.text, 'the Armenian ministry');
  assert.equal(b.speaker?.name ?? null, null);
  assert.equal(quoteWith(qs, 'We expect that Russia').speaker?.text, 'Aliyev');
  assert.equal(quoteWith(qs, 'Russia has supplied weapons').speaker?.text, 'she');
});

test('split quotes, inversion, cue before, straight quotes', () => {
  const text = '“We will not give up,” he said, “and we will win.”\n\n"Prices will rise," said the central bank.\n\nThe minister told reporters: "The talks failed."';
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  // a quote split by its attribution is one quotation (PolNeAR's convention), from the first
  // opening mark to the last closing one
  const a = quoteWith(qs, 'We will not give up');
  assert.equal(a.content.text, 'We will not give up,” he said, “and we will win.');
  assert.equal(a.speaker?.text, 'he');
  assert.equal(a.cue?.text, 'said');
  assert.ok(!qs.some((q) => q.content.text.startsWith('and we will win')));
  const c = quoteWith(qs, 'Prices will rise');
  assert.equal(c.speaker?.text, 'the central bank');
  const d = quoteWith(qs, 'The talks failed.');
  assert.equal(d.speaker?.text, 'The minister');
  assert.equal(d.cue?.text, 'told');
});

test('multi-paragraph quotes and quote-only paragraphs', () => {
  const text = 'The president said: “We have made progress.\n\n“But there is more to do,” he added.\n\nSomething else happened.';
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  const q = quoteWith(qs, 'We have made progress.');
  assert.ok(q.content.text.endsWith('more to do'));
  assert.ok(q.content.text.includes('\n\n“But'));
  assert.ok(!qs.some((x) => x.content.text.includes('Something else')));
});

test('indirect: according to, tail attribution, told X that', () => {
  const text = 'According to the Interior Ministry, five people were killed. The talks will resume next week, officials said. Police told reporters that the suspect had fled. The army will withdraw, said the defense minister.';
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  const a = quoteWith(qs, 'five people were killed');
  assert.equal(a.speaker?.text, 'the Interior Ministry');
  assert.equal(a.cue?.text, 'According to');
  const b = quoteWith(qs, 'The talks will resume next week');
  assert.equal(b.speaker?.text, 'officials');
  const c = quoteWith(qs, 'the suspect had fled');
  assert.equal(c.speaker?.text, 'Police');
  assert.equal(c.cue?.text, 'told');
  const d = quoteWith(qs, 'The army will withdraw');
  assert.equal(d.speaker?.text, 'the defense minister');
});

test('bad input: only quotes, unclosed quotes, stray marks', () => {
  assert.deepEqual(findQuotes(parseText(''), []), []);
  const only = '“One two three four.”\n\n“Five six seven eight.”';
  const q1 = findQuotes(parseText(only), []);
  assert.equal(q1.length, 2);
  assert.equal(q1[0].speaker, null);
  // an unclosed quote stops at its paragraph end
  const unclosed = 'He said: “This never ends and\n\nThe next paragraph is narration. "Another one.\n\nMore narration here.';
  const q2 = findQuotes(parseText(unclosed), []);
  assertSpans(unclosed, q2);
  assert.ok(!q2.some((q) => q.content.text.includes('next paragraph') || q.content.text.includes('More narration')));
  assert.ok(q2.some((q) => q.content.text === 'This never ends and'));
  const stray = '" " “ ” ” “ " 5\'11" tall "a';
  const q3 = findQuotes(parseText(stray), []);
  assertSpans(stray, q3);
  const big = ('“' + 'word '.repeat(50)).repeat(200);
  const t0 = performance.now();
  findQuotes(parseText(big), []);
  assert.ok(performance.now() - t0 < 2000);
  assert.ok(loadQuoteKnowledge().cues.has('say'));
});

test('stance and cognition cues: the complement is the content, with a source', () => {
  const text = 'Clinton called the plan a disaster for working families. A Bloomberg poll shows that voters have moved. The senator wants to raise taxes on the rich. The plan was criticized by economists.';
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  const a = quoteWith(qs, 'the plan a disaster');
  assert.equal(a.speaker?.text, 'Clinton');
  assert.equal(a.cue?.text, 'called');
  assert.equal(a.direct, false);
  assert.equal(quoteWith(qs, 'voters have moved').speaker?.text, 'A Bloomberg poll');
  assert.equal(quoteWith(qs, 'to raise taxes').speaker?.text, 'The senator');
  // a passive subject is not the source
  assert.ok(!qs.some((q) => q.speaker?.text === 'The plan'));
});

test('a quoted label inside a stance complement is part of it', () => {
  const text = 'Trump called the senator “a total disgrace” on Monday.';
  const qs = findQuotes(parseText(text), []);
  assert.equal(qs.length, 1);
  assert.ok(qs[0].content.text.startsWith('the senator “a total disgrace”'));
});

test('participle and infinitive cues take the subject of their clause', () => {
  const text = 'Obama hit back on Wednesday, saying the issue had been manufactured. Trump took to Twitter to accuse the campaign of lying.';
  const qs = findQuotes(parseText(text), []);
  assert.equal(quoteWith(qs, 'the issue had been manufactured').speaker?.text, 'Obama');
  assert.equal(quoteWith(qs, 'the campaign of lying').speaker?.text, 'Trump');
});

test('attribution in the middle of the content, and after it with an apposition', () => {
  const text = 'Acts of protest, Mr. Obama said, are acts of patriotism. The lack of reciprocity is deplorable, said Elez Biberaj, the director of the division.';
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  assert.equal(quoteWith(qs, 'Acts of protest').speaker?.text, 'Mr. Obama');
  assert.equal(quoteWith(qs, 'The lack of reciprocity is deplorable').speaker?.text, 'Elez Biberaj');
});

test('doubled apostrophes are quotation marks', () => {
  const text = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''";
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  assert.equal(qs.length, 1);
  assert.ok(qs[0].content.text.startsWith("This isn't tax reform"));
  assert.ok(qs[0].content.text.endsWith("It's anti-reform."));
  assert.equal(qs[0].speaker?.text, 'Douglas Holtz-Eakin');
});

test('speaker labels of transcripts and headlines; labels that are not speakers', () => {
  const text = 'Sanders: Clinton needs to get away from personality\n\nPENCE: Well, look, this is serious business.\n\nCorrection: An earlier version misstated the date.\n\nLimbaugh added:\n\nShe cannot beat this guy without rigging it.';
  const qs = findQuotes(parseText(text), []);
  assertSpans(text, qs);
  assert.equal(quoteWith(qs, 'Clinton needs to').speaker?.text, 'Sanders');
  assert.equal(quoteWith(qs, 'Well, look').speaker?.text, 'PENCE');
  assert.ok(!qs.some((q) => q.speaker?.text === 'Correction'));
  const l = quoteWith(qs, 'She cannot beat this guy');
  assert.equal(l.speaker?.text, 'Limbaugh');
  assert.equal(l.cue?.text, 'added');
});

test('a cue is not taken from the next paragraph or after a finished quoted sentence', () => {
  const text = '“We will not validate what they do.”\n\nObama said that the terrorists do not speak for Islam. “It is over.” And he added that the pen has an eraser.';
  const qs = findQuotes(parseText(text), []);
  const a = quoteWith(qs, 'the terrorists do not speak for Islam');
  assert.equal(a.speaker?.text, 'Obama');
  assert.equal(quoteWith(qs, 'the pen has an eraser').cue?.text, 'added');
  assert.equal(quoteWith(qs, 'We will not validate').cue, null);
});

test('speakers: a name tagged as a verb, an apposition, a relative pronoun', () => {
  const text = 'Lynch said there remains a significant difference. Jim Jordan, an oversight panel member, said the deal was wrong. Saudi Arabia, which has strongly denied any involvement, lobbied hard.';
  const qs = findQuotes(parseText(text), []);
  assert.equal(quoteWith(qs, 'there remains').speaker?.text, 'Lynch');
  assert.equal(quoteWith(qs, 'the deal was wrong').speaker?.text, 'Jim Jordan');
  assert.equal(quoteWith(qs, 'any involvement').speaker?.text, 'which');
});
