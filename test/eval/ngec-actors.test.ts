import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNgec, scoreNgecCase, summarizeNgec, type NgecCase } from '../../eval/ngec-actors.js';
import type { ActorCode } from '../../src/types.js';

const COUNTRIES = new Set(['RUS', 'FRA', 'LBN']);
const code = (country: string | null, sectors: string[] = []): ActorCode => ({ code: (country ?? '') + sectors.join('') || null, country, sectors, name: null });
const kase = (kind: string, assertions: NgecCase['assertions'], extra: Partial<NgecCase> = {}): NgecCase =>
  ({ index: 0, case_id: 'c', kind, input: { text: 'x' }, assertions, expect_none: false, ...extra });

test('parseNgec reads JSONL in file order', () => {
  const cs = parseNgec('{"index":0,"case_id":"a","kind":"nationality","input":{"text":"France"},"assertions":[],"expect_none":false}\n\n{"index":2,"case_id":"b","kind":"wiki_title","input":{},"assertions":[],"expect_none":false}\n');
  assert.deepEqual(cs.map((c) => c.case_id), ['a', 'b']);
});

test('country and sectors are scored separately; both must hold for the case', () => {
  const c = kase('actor_code', [{ field: 'country', op: '==', value: 'RUS' }, { field: 'code_1', op: '==', value: 'MIL' }, { field: 'wiki', op: '==', value: 'Northern Fleet' }]);
  assert.deepEqual(
    [scoreNgecCase(c, code('RUS', ['MIL']), COUNTRIES)].map((r) => [r.countryOk, r.sectorOk, r.ok]),
    [[true, true, true]],
  );
  const r = scoreNgecCase(c, code('RUS', ['GOV']), COUNTRIES);
  assert.deepEqual([r.countryOk, r.sectorOk, r.ok], [true, false, false]);
});

test('empty country, UNK sector, IGO codes, in and != operators', () => {
  const noCountry = kase('agent_sector', [{ field: 'country', op: '==', value: '' }, { field: 'code_1', op: '==', value: 'UNK' }]);
  assert.equal(scoreNgecCase(noCountry, code(null), COUNTRIES).ok, true);
  assert.equal(scoreNgecCase(noCountry, code('FRA'), COUNTRIES).ok, false);
  assert.equal(scoreNgecCase(noCountry, code(null, ['CVL']), COUNTRIES).ok, false);
  const igo = kase('actor_code', [{ field: 'country', op: '==', value: 'EUR' }]);
  assert.equal(scoreNgecCase(igo, code(null, ['IGOEUR']), COUNTRIES).countryOk, true);
  assert.equal(scoreNgecCase(igo, code('FRA'), COUNTRIES).countryOk, false);
  const oneOf = kase('actor_code', [{ field: 'code_1', op: 'in', value: ['PTY', 'REB'] }]);
  assert.equal(scoreNgecCase(oneOf, code('LBN', ['REB']), COUNTRIES).ok, true);
  assert.equal(scoreNgecCase(oneOf, code('LBN', ['GOV']), COUNTRIES).ok, false);
  const notGbr = kase('actor_code', [{ field: 'country', op: '!=', value: 'FRA' }]);
  assert.equal(scoreNgecCase(notGbr, code('RUS'), COUNTRIES).ok, true);
  assert.equal(scoreNgecCase(notGbr, code('FRA'), COUNTRIES).ok, false);
});

test('expect_none needs no code; other kinds and contradictory cases are not applicable', () => {
  const none = kase('actor_code', [{ field: '$result', op: 'is', value: null }], { expect_none: true });
  assert.equal(scoreNgecCase(none, code(null), COUNTRIES).ok, true);
  assert.equal(scoreNgecCase(none, code('FRA'), COUNTRIES).ok, false);
  const wiki = kase('wiki_title', [{ field: 'title', op: '==', value: 'X' }]);
  assert.equal(scoreNgecCase(wiki, code('FRA'), COUNTRIES).ok, null);
  const bad = kase('actor_code', [{ field: 'country', op: '==', value: 'FRA' }], { self_contradictory: ['country'] });
  const cases = [none, wiki, bad];
  const s = summarizeNgec(cases, cases.map((c) => scoreNgecCase(c, code(null), COUNTRIES)));
  assert.equal(s.scored, 1);
  assert.equal(s.correct, 1);
  assert.deepEqual([...s.notApplicable.entries()].sort(), [['self-contradictory', 1], ['wiki_title', 1]]);
});
