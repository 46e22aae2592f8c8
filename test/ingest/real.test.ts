// The real pipeline through worker threads into the store: what is stored equals analyzeWith().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/article/read.js';
import { analyzeWith } from '../../src/analyze.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { ingest } from '../../src/ingest/ingest.js';
import { PACKAGE_ROOT, SHARED_DIR } from '../../src/paths.js';
import { openStore } from '../../src/store/store.js';
import type { Analysis, Article } from '../../src/types.js';

function normal(a: Analysis): unknown {
  const events = [...a.events].sort((x, y) => x.sentence - y.sentence || x.evidence.start - y.evidence.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return JSON.parse(JSON.stringify({ ...a, events }));
}

test('ingest with the real coder on 2 threads stores exactly what analyzeWith returns', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-real-'));
  const saved = process.env.DYAD_CODER_MODULE;
  delete process.env.DYAD_CODER_MODULE;
  try {
    const inputs = [join(PACKAGE_ROOT, 'examples'), join(SHARED_DIR, 'examples')];
    const arts: Article[] = [];
    for await (const r of readInputs(inputs)) if (r.ok) arts.push(r.article);
    assert.ok(arts.length >= 3);
    const store = await openStore(join(dir, 'real.sqlite'));
    const stats = await ingest(readInputs(inputs), store, { threads: 2 });
    assert.equal(stats.inserted, arts.length);
    assert.equal(stats.failed, 0);
    const k = loadKnowledge();
    let events = 0;
    for (const a of arts) {
      const want = analyzeWith(a, k);
      events += want.events.length;
      const got = await store.getArticle(a.id);
      assert.ok(got, a.id);
      assert.deepEqual(normal(got.analysis), normal(want), a.id);
    }
    assert.ok(events > 0, 'the examples should code to some events');
    assert.equal(stats.events, events);
    await store.close();
  } finally {
    if (saved !== undefined) process.env.DYAD_CODER_MODULE = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});
