// The article-analysis scorers (conll, meantime, geo, timex, quotes) on tiny hand-made cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactMatches, overlapPairs, prf } from '../../eval/span-score.js';
import { conllDocuments, countDocument, groupDocuments, iobEntities, parseConll, scoreTypes, type ConllCounts } from '../../eval/conll.js';
import { meantimePredictions, parseMeantime } from '../../eval/meantime.js';
import { addResolution, distanceKm, parseGwn, type ResolutionStats } from '../../eval/geo.js';
import { countTimexes, parseTimeMl, type TimexCounts } from '../../eval/timex.js';
import { countQuotes, normaliseContent, parseAnn, type QuoteCounts } from '../../eval/quotes.js';

test('span matching: exact is a multiset, overlap is one-to-one', () => {
  const g = [{ start: 0, end: 5, type: 'A' }, { start: 10, end: 15, type: 'B' }];
  const p = [{ start: 0, end: 5, type: 'A' }, { start: 0, end: 5, type: 'A' }, { start: 12, end: 20, type: 'A' }];
  assert.equal(exactMatches(g, p), 1);
  assert.deepEqual(overlapPairs(g, p), [[0, 0], [1, 2]]);
  assert.deepEqual(overlapPairs(g, p, true), [[0, 0]]);
  const s = prf(2, 3, 1);
  assert.equal(s.precision, 1 / 3);
  assert.equal(s.recall, 0.5);
  assert.ok(Math.abs(s.f1 - 0.4) < 1e-9);
});

const CONLL = `EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

BRUSSELS NNP B-NP B-LOC
1996-08-22 CD I-NP O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
, , O O
hi UH O O
. . O O
`;

test('conll: IOB2 entities, documents from datelines, char spans', () => {
  assert.deepEqual(iobEntities(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC']), [
    { first: 0, last: 2, type: 'PER' },
    { first: 3, last: 4, type: 'LOC' },
    { first: 4, last: 5, type: 'LOC' },
  ]);
  const sents = parseConll(CONLL + '\nNEXT NN O O\n\nPARIS NNP B-NP B-LOC\n1996-08-23 CD O O\n');
  assert.equal(sents.length, 5);
  assert.deepEqual(groupDocuments(sents).map((d) => d.length), [3, 2]);
  const [doc] = conllDocuments(CONLL);
  assert.equal(doc.date, '1996-08-22');
  assert.equal(doc.text, 'EU rejects German call.\n\nBRUSSELS 1996-08-22\n\nPeter Blackburn, hi.');
  assert.deepEqual(doc.gold.map((g) => [doc.text.slice(g.start, g.end), g.type]), [['EU', 'ORG'], ['German', 'MISC'], ['BRUSSELS', 'LOC'], ['Peter Blackburn', 'PER']]);
  const counts: ConllCounts = { byType: new Map() };
  countDocument(doc.gold, [{ start: 0, end: 2, type: 'ORG' }, { start: 25, end: 33, type: 'PER' }, { start: 46, end: 61, type: 'PER' }], counts);
  const s = scoreTypes(counts, ['PER', 'ORG', 'LOC']);
  assert.deepEqual([s.gold, s.predicted, s.tp], [3, 3, 2]);
});

test('meantime: NAM mentions typed through REFERS_TO, leading "the" dropped, PRO ignored', () => {
  const xml = `<Document doc_id="1"><token t_id="1" sentence="0" number="0">the</token><token t_id="2" sentence="0" number="1">US</token>
<token t_id="3" sentence="0" number="2">buys</token><token t_id="4" sentence="0" number="3">iPods</token>
<Markables><ENTITY_MENTION m_id="10" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY m_id="20" ent_type="LOC"/><ENTITY m_id="21" ent_type="PRO"/>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="5" type="DATE" value="2008-03-01"/></Markables>
<Relations><REFERS_TO r_id="1"><source m_id="10"/><target m_id="20"/></REFERS_TO><REFERS_TO r_id="2"><source m_id="11"/><target m_id="21"/></REFERS_TO></Relations></Document>`;
  const d = parseMeantime('1', xml);
  assert.equal(d.text, 'the US buys iPods');
  assert.equal(d.date, '2008-03-01');
  assert.deepEqual(d.gold, [{ start: 4, end: 6, type: 'LOC' }]);
  const pred = meantimePredictions([{ start: 4, end: 6, type: 'GPE' }, { start: 12, end: 17, type: 'ORG' }, { start: 7, end: 11, type: 'NORP' }], d);
  assert.deepEqual(pred, [{ start: 4, end: 6, type: 'LOC' }]);
});

test('geo: gold toponyms are those with coordinates; distances and accuracy@161', () => {
  const xml = `<articles><article file="7"><title>t</title><text>Rain in Paris &amp; Lyon.</text><toponyms>
<toponym><extractedName>Paris</extractedName><type>Literal</type><start>8</start><end>13</end><latitude>48.85</latitude><longitude>2.35</longitude></toponym>
<toponym><extractedName>Rain</extractedName><type>Non_Toponym</type><start>0</start><end>4</end></toponym>
</toponyms></article></articles>`;
  const [a] = parseGwn(xml);
  assert.equal(a.text, 'Rain in Paris & Lyon.');
  assert.equal(a.toponyms.length, 1);
  assert.equal(a.text.slice(a.toponyms[0].start, a.toponyms[0].end), 'Paris');
  assert.ok(Math.abs(distanceKm(48.85, 2.35, 45.76, 4.84) - 392) < 5); // Paris–Lyon
  const s: ResolutionStats = { items: 0, resolved: 0, within: 0, errorSum: 0 };
  addResolution(s, a.toponyms[0], { lat: 48.9, lon: 2.3 });
  addResolution(s, a.toponyms[0], { lat: 45.76, lon: 4.84 });
  addResolution(s, a.toponyms[0], null);
  assert.deepEqual([s.items, s.resolved, s.within], [3, 2, 1]);
});

test('timex: TimeML text and spans; strict, relaxed and value counts for DATE only', () => {
  const xml = `<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>On <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3>, <TIMEX3 tid="t3" type="DATE" value="1997">last year</TIMEX3>.</TEXT>`;
  const d = parseTimeMl('x', xml);
  assert.equal(d.dct, '1998-01-08');
  assert.equal(d.text, 'On Wednesday & for a week, last year.');
  assert.deepEqual(d.timexes.map((t) => d.text.slice(t.start, t.end)), ['Wednesday', 'a week', 'last year']);
  const c: TimexCounts = { gold: 0, pred: 0, strict: 0, relaxed: 0, valueOk: 0 };
  const pred = [
    { start: 3, end: 12, value: '1998-01-07' }, // strict, right value
    { start: 19, end: 25, value: 'P1W' }, // only on a DURATION: ignored
    { start: 32, end: 36, value: '1996' }, // relaxed, wrong value
  ];
  countTimexes(d.timexes, pred, new Set(['DATE']), c);
  assert.deepEqual(c, { gold: 2, pred: 2, strict: 1, relaxed: 2, valueOk: 1 });
});

test('quotes: brat relations, trimmed exact match, overlap and source accuracy', () => {
  const text = 'He said that taxes will rise. “No,” Bob said.';
  const ann = 'T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 28\tthat taxes will rise\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\nT4\tContent 30 32\tNo\nE2\tAttribution-no-source:T2 Content:T4\n';
  const gold = parseAnn(ann);
  assert.deepEqual(gold, [{ content: { start: 8, end: 28 }, source: { start: 0, end: 2 } }, { content: { start: 30, end: 32 }, source: null }]);
  assert.deepEqual(normaliseContent(text, { start: 8, end: 29 }), { start: 13, end: 28 });
  const c: QuoteCounts = { gold: 0, pred: 0, exact: 0, overlapGold: 0, withSource: 0, sourceOk: 0 };
  const q = (cs: number, ce: number, ss: number, se: number) => ({ speaker: { text: '', start: ss, end: se }, cue: null, content: { text: '', start: cs, end: ce }, direct: false });
  countQuotes(text, gold, [q(13, 28, 0, 2), q(36, 39, 36, 39)], c);
  assert.deepEqual(c, { gold: 2, pred: 2, exact: 1, overlapGold: 1, withSource: 1, sourceOk: 1 });
});
