import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEvalArgs } from '../../eval/args.js';
import { SCORERS, findScorer } from '../../eval/registry.js';
import { renderMarkdownTable, renderTextTable, pct } from '../../eval/report.js';

test('tables render aligned text and Markdown with escaped pipes', () => {
  const t = { title: 'T', headers: ['class', 'n'], rows: [['A|B', '1'], ['CC', '10']] };
  assert.equal(renderTextTable(t), ['T', 'class   n', '-----  --', 'A|B     1', 'CC     10'].join('\n'));
  assert.equal(renderMarkdownTable(t), ['| class | n |', '|---|---:|', '| A\\|B | 1 |', '| CC | 10 |'].join('\n'));
  assert.equal(pct(0.5321), '53.2%');
});

test('the registry holds every set under a unique name', () => {
  const names = SCORERS.map((s) => s.name);
  for (const n of ['petrarch', 'plover-gsr', 'plv', 'example', 'conflibert', 'ngec-actors', 'conll', 'meantime', 'geo', 'timex', 'quotes']) {
    assert.ok(names.includes(n), `missing ${n}`);
  }
  assert.equal(new Set(names).size, names.length);
  assert.equal(findScorer('plv')?.name, 'plv');
  assert.equal(findScorer('nope'), undefined);
});

test('parseEvalArgs: --set, --limit, --write', () => {
  assert.deepEqual(parseEvalArgs([]), { sets: [], help: false });
  assert.deepEqual(parseEvalArgs(['--set', 'plv', '--limit=20']), { sets: ['plv'], limit: 20, help: false });
  assert.deepEqual(parseEvalArgs(['--set=plv,example', '--write']).sets, ['plv', 'example']);
  assert.throws(() => parseEvalArgs(['--limit', 'x']), /whole number/);
  assert.throws(() => parseEvalArgs(['--bogus']), /unknown option/);
});
