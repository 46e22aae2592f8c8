// Readers stream: reading 50,000 JSON lines must not grow the heap with the number of records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readJsonl } from '../../src/article/jsonl.js';
import { readPetrarch } from '../../src/article/petrarch.js';

const N = 50_000;
const TEXT = 'The foreign minister met his counterpart in the capital on Monday to discuss trade. '.repeat(8);

// A real collection before each sample, so garbage is not mistaken for retention.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

function* jsonLines(): Generator<Buffer> {
  let batch: string[] = [];
  for (let i = 0; i < N; i++) {
    batch.push(JSON.stringify({ id: `r${i}`, date: '2021-08-24', text: TEXT }));
    if (batch.length === 500) { yield Buffer.from(batch.join('\n') + '\n'); batch = []; }
  }
  if (batch.length) yield Buffer.from(batch.join('\n') + '\n');
}

function* xmlChunks(): Generator<Buffer> {
  yield Buffer.from('<Sentences>');
  for (let i = 0; i < N; i += 500) {
    let s = '';
    for (let k = i; k < i + 500; k++) s += `<Sentence date="20210824" id="x${k}"><Text>${TEXT}</Text></Sentence>\n`;
    yield Buffer.from(s);
  }
  yield Buffer.from('</Sentences>');
}

async function measure(iter: AsyncIterable<unknown>): Promise<{ count: number; growth: number }> {
  gc();
  let count = 0;
  let base = 0;
  let peak = 0;
  for await (const r of iter) {
    void r;
    count++;
    if (count === 2000) { gc(); base = process.memoryUsage().heapUsed; }
    if (count > 2000 && count % 5000 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); }
  }
  return { count, growth: peak - base };
}

test('JSON lines: heap stays flat over 50,000 records', async () => {
  const { count, growth } = await measure(readJsonl(Readable.from(jsonLines()), 'gen.jsonl'));
  assert.equal(count, N);
  // All records together are ~35 MB of text; keeping them would grow the heap far past this bound.
  assert.ok(growth < 8 * 1024 * 1024, `heap grew ${(growth / 1048576).toFixed(1)} MB`);
});

test('PETRARCH XML: heap stays flat over 50,000 sentences', async () => {
  const { count, growth } = await measure(readPetrarch(Readable.from(xmlChunks()), 'gen.xml'));
  assert.equal(count, N);
  assert.ok(growth < 8 * 1024 * 1024, `heap grew ${(growth / 1048576).toFixed(1)} MB`);
});
