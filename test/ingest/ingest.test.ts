// Ingestion through the library API with the fake coder on worker threads: idempotent re-runs,
// changed articles replaced, bad records and coder failures reported without stopping the run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../../src/article/read.js';
import { ingest, queueDepth } from '../../src/ingest/ingest.js';
import { progressLine } from '../../src/ingest/progress.js';
import { estimateArticles } from '../../src/ingest/count.js';
import { contentHash } from '../../src/ingest/hash.js';
import { openStore } from '../../src/store/store.js';
import { expectedEvents, writeCorpus } from './corpus.js';
import type { Article } from '../../src/types.js';

const FAKE = fileURLToPath(new URL('./fake-coder.js', import.meta.url));

describe('ingest (library, fake coder)', () => {
  let dir: string;
  let saved: string | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-ingest-'));
    saved = process.env.DYAD_CODER_MODULE;
    process.env.DYAD_CODER_MODULE = FAKE;
  });
  after(() => {
    if (saved === undefined) delete process.env.DYAD_CODER_MODULE; else process.env.DYAD_CODER_MODULE = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  test('content hash: any field change changes it', () => {
    const a: Article = { id: 'x', date: '2021-01-01', text: 'T.' };
    const h = contentHash(a);
    assert.equal(contentHash({ ...a }), h);
    for (const b of [{ ...a, id: 'y' }, { ...a, date: '2021-01-02' }, { ...a, text: 'T!' }, { ...a, title: '' }, { ...a, url: 'u' }, { ...a, source: 's' }]) {
      assert.notEqual(contentHash(b), h);
    }
    assert.notEqual(contentHash({ ...a, title: 'ab', url: 'c' }), contentHash({ ...a, title: 'a', url: 'bc' }));
  });

  test('parallel ingest, idempotent re-run, changed articles replaced', async () => {
    const corpus = join(dir, 'c1');
    const arts = await writeCorpus(corpus, 120);
    writeFileSync(join(corpus, 'bad.jsonl'), '{"id":"j1","date":"2021-01-01","text":"Fine one. Two."}\n{not json}\n{"id":"p1","date":"2021-01-01","text":"POISON here."}\n');
    const db = join(dir, 'c1.sqlite');
    const store = await openStore(db);
    const errors: string[] = [];
    const s1 = await ingest(readInputs([corpus]), store, { threads: 2, commitSize: 16, onError: (r, why) => errors.push(`${r}: ${why}`) });
    assert.equal(s1.inserted, 121);
    assert.equal(s1.failed, 2, errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('poisoned article')));
    const events = expectedEvents(arts) + 2;
    assert.equal(s1.events, events);
    assert.deepEqual(await store.counts(), { articles: 121, events });

    const s2 = await ingest(readInputs([corpus]), store, { threads: 2 });
    assert.equal(s2.inserted + s2.replaced, 0);
    assert.equal(s2.unchanged, 121);
    assert.deepEqual(await store.counts(), { articles: 121, events });

    // change three articles: they (and only they) are re-coded
    for (const a of arts.slice(0, 3)) writeFileSync(a.id, `date ${a.date}\nA brand new text. With two sentences.\n`);
    const s3 = await ingest(readInputs([corpus]), store, { threads: 1 });
    assert.equal(s3.replaced, 3);
    assert.equal(s3.inserted, 0);
    assert.equal(s3.unchanged, 118);
    const now = await store.counts();
    assert.equal(now.articles, 121);
    assert.equal(now.events, events - expectedEvents(arts.slice(0, 3)) + 3 * 2);
    assert.equal((await store.getArticle(arts[0]!.id))?.article.text, 'A brand new text. With two sentences.');

    const s4 = await ingest(readInputs([corpus]), store, { threads: 0, force: true });
    assert.equal(s4.unchanged, 121); // re-coded, but the same content is not rewritten
    await store.close();
  });

  test('a later copy of an article in the same run wins', async () => {
    const f = join(dir, 'dups.jsonl');
    const lines = [];
    for (let i = 0; i < 40; i++) lines.push(JSON.stringify({ id: `d${i % 5}`, date: '2021-02-02', text: `Version ${i}. Second sentence.` }));
    writeFileSync(f, lines.join('\n') + '\n');
    const store = await openStore(join(dir, 'dups.sqlite'));
    const s = await ingest(readInputs([f]), store, { threads: 2, batchSize: 1 });
    assert.equal(s.inserted + s.replaced + s.unchanged, 40);
    for (let k = 0; k < 5; k++) assert.equal((await store.getArticle(`d${k}`))?.article.text, `Version ${35 + k}. Second sentence.`);
    assert.equal((await store.counts()).articles, 5);
    await store.close();
  });

  test('abort stops reading but commits what was coded', async () => {
    const corpus = join(dir, 'c2');
    await writeCorpus(corpus, 60);
    const store = await openStore(join(dir, 'c2.sqlite'));
    const ctl = new AbortController();
    let n = 0;
    const src = (async function* () { for await (const r of readInputs([corpus])) { if (++n === 20) ctl.abort(); yield r; } })();
    const s = await ingest(src, store, { threads: 1, signal: ctl.signal });
    assert.equal(s.aborted, true);
    assert.equal((await store.counts()).articles, s.inserted);
    assert.ok(s.inserted >= 1 && s.inserted < 60);
    await store.close();
  });

  test('abort after the whole input was read stops dispatching what is left', async () => {
    const corpus = join(dir, 'c4');
    await writeCorpus(corpus, 60);
    const store = await openStore(join(dir, 'c4.sqlite'));
    const ctl = new AbortController();
    // After the first batch, the other 52 articles wait for one final check; abort as it starts.
    const s = await ingest(readInputs([corpus]), store, { threads: 1, signal: ctl.signal, onProgress: (p) => { if (p.read === 60) ctl.abort(); } });
    assert.equal(s.aborted, true);
    assert.equal((await store.counts()).articles, s.inserted);
    assert.ok(s.inserted < 60, `${s.inserted} stored`);
    await store.close();
  });

  test('progress line and article estimate', async () => {
    const line = progressLine({ done: 50, events: 200, skipped: 10, failed: 1 }, 10_000, 122);
    assert.match(line, /61\/122 articles/);
    assert.match(line, /5\.0 art\/s/);
    assert.match(line, /200 events 20\.0\/s/);
    assert.match(line, /ETA 10s/);
    const corpus = join(dir, 'c3');
    await writeCorpus(corpus, 7);
    writeFileSync(join(corpus, 'x.jsonl'), '{"a":1}\n\n{"b":2}\n{"c":3}');
    assert.equal(await estimateArticles([corpus]), 10);
    assert.equal(await estimateArticles(['-']), null);
  });
});

test('queue depth: two commits of work per coding thread, at least 16 batches each', () => {
  assert.equal(queueDepth(1, 8, 256), 64);
  assert.equal(queueDepth(2, 8, 256), 128);
  assert.equal(queueDepth(1, 8, 4), 16);
  assert.equal(queueDepth(3, 1, 256), 3 * 512);
});
