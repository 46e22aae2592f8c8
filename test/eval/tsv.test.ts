import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { column, parseTsv, parseTsvRows } from '../../eval/tsv.js';
import { SHARED_DIR } from '../../src/paths.js';

test('plain fields and trailing newline', () => {
  assert.deepEqual(parseTsvRows('a\tb\nc\td\n'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
  assert.deepEqual(parseTsvRows('a\tb\r\nc\td'), [
    ['a', 'b'],
    ['c', 'd'],
  ]);
});

test('quoted fields hold tabs, newlines and doubled quotes', () => {
  const text = 'x\t"a\tb"\t"line1\nline2"\t"say ""hi"""\n';
  assert.deepEqual(parseTsvRows(text), [['x', 'a\tb', 'line1\nline2', 'say "hi"']]);
});

test('a quote inside an unquoted field is literal', () => {
  assert.deepEqual(parseTsvRows('He said "no" twice\t2\n'), [['He said "no" twice', '2']]);
});

test('empty fields are kept', () => {
  assert.deepEqual(parseTsvRows('\ta\t\n'), [['', 'a', '']]);
  assert.deepEqual(parseTsvRows('""\t""\n'), [['', '']]);
});

test('unterminated quote is an error', () => {
  assert.throws(() => parseTsvRows('"abc\tdef\n'), /unterminated/);
});

test('parseTsv reads columns by name, including the unnamed index column', () => {
  const t = parseTsv('\tname\tlabel\n0\t"a, ""b"""\tX\n1\tc\n');
  assert.deepEqual(t.columns, ['', 'name', 'label']);
  assert.deepEqual(column(t, 'name'), ['a, "b"', 'c']);
  assert.deepEqual(column(t, 'label'), ['X', '']);
  assert.deepEqual(column(t, ''), ['0', '1']);
  assert.throws(() => column(t, 'missing'), /no column/);
});

const PLV = join(SHARED_DIR, 'data/plv/PLV_train.tsv');
test('the PLV DEV file parses into 1,050 rows with the documented columns', { skip: !existsSync(PLV) }, () => {
  const t = parseTsv(readFileSync(PLV, 'utf8'));
  assert.equal(t.records.length, 1050);
  for (const c of ['sentence_id', 'sentence', 'marked_sentence', 'gold_root']) assert.ok(t.columns.includes(c), c);
  const labels = new Set(column(t, 'gold_root'));
  assert.equal(labels.size, 15);
});
