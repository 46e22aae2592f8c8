import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAttributes, parsePetrarchXml, petrarchDate } from '../../bench/petrarch-xml.js';
import { GIGAWORD_FILE } from '../../bench/corpora.js';
import { SHARED_DIR } from '../../src/paths.js';

const XML = `<!-- header <Sentence id="COMMENTED"> -->
<Sentences>
<Sentence date = "20080804" id ="A_1" source = "AFP" sentence = "True">
<Text>
Rice met
Lavrov &amp; aides.
</Text>
<Parse>(S ...)</Parse>
</Sentence>
<!-- <Sentence date="20080805" id="HIDDEN"><Text>x</Text></Sentence> -->
<Sentence date="20080806" id="A_2">
<Text></Text>
</Sentence>
</Sentences>`;

test('parsePetrarchXml reads sentences, folds line breaks, decodes entities, skips comments', () => {
  const a = parsePetrarchXml(XML);
  assert.deepEqual(
    a.map((x) => x.id),
    ['A_1', 'A_2'],
  );
  assert.deepEqual(a[0], { id: 'A_1', date: '2008-08-04', text: 'Rice met Lavrov & aides.', source: 'AFP' });
  assert.equal(a[1].text, '');
});

test('attributes with spaces around = and PETRARCH dates', () => {
  assert.deepEqual(parseAttributes('<Sentence date = "1" id ="b"'), { date: '1', id: 'b' });
  assert.equal(petrarchDate('19950101'), '1995-01-01');
  assert.equal(petrarchDate('1995-01-01'), '1995-01-01');
  assert.equal(petrarchDate('95'), null);
});

const FILE = join(SHARED_DIR, GIGAWORD_FILE);
test('the GigaWord sample yields its 76 records', { skip: !existsSync(FILE) }, () => {
  const a = parsePetrarchXml(readFileSync(FILE, 'utf8'));
  assert.equal(a.length, 76);
  assert.equal(a[0].id, 'AFP0808020625_4');
  assert.ok(a.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x.date)));
});
