import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPetrarch } from '../../src/article/petrarch.js';
import { articles, collect, errors, streamOf } from './helpers.js';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Sentences>
<Sentence date="20210824" id="DEMO-01" sentence="True" source="demo">
<Text>
The   minister
  visited &amp; toured the port.
</Text>
<Parse>(ROOT (S (NP (DT The) (NN minister)) (VP (VBD visited))))</Parse>
</Sentence>
<Sentence date="20210825" id="DEMO-02"><Text><![CDATA[Rebels <fired> on troops.]]></Text></Sentence>
</Sentences>`;

test('PETRARCH XML: sentences, collapsed text, ignored Parse, CDATA', async () => {
  for (const size of [0, 5, 64]) {
    const rs = await collect(readPetrarch(streamOf(XML, size), 'p.xml'));
    assert.deepEqual(errors(rs), []);
    assert.deepEqual(articles(rs), [
      { id: 'DEMO-01', date: '2021-08-24', text: 'The minister visited & toured the port.', source: 'demo' },
      { id: 'DEMO-02', date: '2021-08-25', text: 'Rebels <fired> on troops.' },
    ]);
  }
});

test('PETRARCH XML: bad sentences are errors, good ones still read', async () => {
  const xml = `<Sentences>
<Sentence id="A"><Text>No date.</Text></Sentence>
<Sentence date="2021-99-99" id="B"><Text>Bad date.</Text></Sentence>
<Sentence date="20210824" id="C"><Text>  </Text></Sentence>
<Sentence date="20210824" id="D"><Text>Good.</Text></Sentence>
</Sentences>`;
  const rs = await collect(readPetrarch(streamOf(xml), 'q.xml'));
  assert.deepEqual(articles(rs).map((a) => a.id), ['D']);
  assert.deepEqual(errors(rs).map((e) => e.record), ['q.xml#A', 'q.xml#B', 'q.xml#C']);
});

test('PETRARCH XML: billion laughs DOCTYPE is rejected without expansion', async () => {
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${dtd}]><Sentences><Sentence date="20210824" id="x"><Text>&lol9;</Text></Sentence></Sentences>`;
  const t0 = Date.now();
  const before = process.memoryUsage().heapUsed;
  const rs = await collect(readPetrarch(streamOf(xml), 'lol.xml'));
  assert.ok(Date.now() - t0 < 1000);
  assert.ok(process.memoryUsage().heapUsed - before < 50 * 1024 * 1024);
  assert.deepEqual(articles(rs), []);
  assert.equal(errors(rs).length, 1);
  assert.match(errors(rs)[0]!.reason, /DOCTYPE/);
});

test('PETRARCH XML: malformed XML, unbalanced quotes, empty, binary, invalid UTF-8', async () => {
  const cut = await collect(readPetrarch(streamOf('<Sentences><Sentence date="20210824" id="a"><Text>ok</Text></Sentence><Sentence date="2021'), 'm.xml'));
  assert.deepEqual(articles(cut).map((a) => a.id), ['a']);
  assert.match(errors(cut)[0]!.reason, /malformed XML/);
  assert.match(errors(cut)[0]!.record, /^m\.xml:\d+$/);

  const quotes = await collect(readPetrarch(streamOf('<Sentences><Sentence date="20210824 id="a"><Text>x</Text></Sentence></Sentences>'), 'q.xml'));
  assert.equal(articles(quotes).length, 0);
  assert.ok(errors(quotes).length >= 1);

  assert.deepEqual(await collect(readPetrarch(streamOf(''), 'e.xml')), [{ ok: false, record: 'e.xml', reason: 'empty file' }]);
  const none = await collect(readPetrarch(streamOf('<Sentences></Sentences>'), 'n.xml'));
  assert.match(errors(none)[0]!.reason, /no <Sentence>/);
  const bin = await collect(readPetrarch(streamOf(Buffer.from([0x3c, 0, 0, 1])), 'b.xml'));
  assert.match(errors(bin)[0]!.reason, /binary/);
  const utf = await collect(readPetrarch(streamOf(Buffer.concat([Buffer.from('<S><Sentence date="20210824"><Text>'), Buffer.from([0xff, 0xfe]), Buffer.from('</Text></Sentence></S>')])), 'u.xml'));
  assert.match(errors(utf)[0]!.reason, /invalid UTF-8/);
});

test('PETRARCH XML: an empty id attribute is no id (the record is named by file and line)', async () => {
  const xml = '<Sentences>\n<Sentence date="20210824" id=""><Text>Rebels fired on troops.</Text></Sentence>\n</Sentences>';
  const rs = await collect(readPetrarch(streamOf(xml), 'p.xml'));
  assert.deepEqual(articles(rs), [{ id: 'p.xml:2', date: '2021-08-24', text: 'Rebels fired on troops.' }]);
});
