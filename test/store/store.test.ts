// The same store suite against SQLite and PostgreSQL: round trip, idempotent re-put, atomic
// replacement, filters, cross-article clusters, full-text search.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store, type StoredArticle, type StoredEvent } from '../../src/store/index.js';
import type { Analysis, Article } from '../../src/types.js';
import { allBackends } from './backends.js';
import { fakeAnalysis, fakeArticles } from './fixtures.js';

const item = (a: Article, analysis: Analysis = fakeAnalysis(a)): StoredArticle => ({ article: a, hash: `h:${a.text.length}:${a.text}`, analysis });

function sortEvents(a: Analysis): Analysis {
  return { ...a, events: [...a.events].sort((x, y) => x.sentence - y.sentence) };
}

for (const backend of allBackends()) {
  describe(`store (${backend.name})`, () => {
    after(() => backend.cleanup());

    async function withStore(fn: (s: Store) => Promise<void>): Promise<void> {
      const s = await openStore(await backend.fresh());
      try { await fn(s); } finally { await s.close(); }
    }

    test('round trip: what is put is what comes back', () => withStore(async (s) => {
      const arts = fakeArticles(20);
      const st = await s.putAnalyses(arts.map((a) => item(a)));
      assert.deepEqual(st, arts.map(() => 'inserted'));
      const events = arts.reduce((n, a) => n + fakeAnalysis(a).events.length, 0);
      assert.deepEqual(await s.counts(), { articles: 20, events });
      const got = await s.getArticle('art-3');
      assert.ok(got);
      assert.deepEqual(got.article, arts[3]);
      assert.deepEqual(got.analysis, sortEvents(fakeAnalysis(arts[3]!)));
      assert.equal(await s.getArticle('nope'), null);
    }));

    test('re-putting the same content changes nothing; changed content replaces the analysis', () => withStore(async (s) => {
      const arts = fakeArticles(5);
      await s.putAnalyses(arts.map((a) => item(a)));
      const before = await s.counts();
      assert.deepEqual(await s.putAnalyses(arts.map((a) => item(a))), arts.map(() => 'unchanged'));
      assert.deepEqual(await s.counts(), before);
      const changed = { ...arts[1]!, text: 'A single new sentence.' };
      assert.deepEqual(await s.putAnalyses([item(changed)]), ['replaced']);
      const got = await s.getArticle(changed.id);
      assert.equal(got?.article.text, changed.text);
      assert.equal(got?.analysis.events.length, 1);
      const old = fakeAnalysis(arts[1]!).events.length;
      assert.deepEqual(await s.counts(), { articles: 5, events: before.events - old + 1 });
      const actorRows = await s.db.selectFrom('actors').select('event_id').where('article_id', '=', changed.id).execute();
      assert.equal(actorRows.length, got!.analysis.events.reduce((n, e) => n + (e.target ? 2 : 1), 0));
    }));

    test('a later duplicate id in one batch wins', () => withStore(async (s) => {
      const [a] = fakeArticles(1);
      const b = { ...a!, text: 'Second version. Two sentences.' };
      assert.deepEqual(await s.putAnalyses([item(a!), item(b)]), ['unchanged', 'inserted']);
      assert.equal((await s.getArticle(a!.id))?.article.text, b.text);
    }));

    test('a failing batch leaves the store exactly as it was (one transaction)', () => withStore(async (s) => {
      const arts = fakeArticles(4);
      await s.putAnalyses(arts.slice(0, 2).map((a) => item(a)));
      const before = await s.counts();
      const bad = fakeAnalysis(arts[3]!);
      (bad.events[1]!.event as { plover: unknown }).plover = null; // violates NOT NULL mid-batch
      const changed = { ...arts[0]!, text: 'Changed text. Here.' };
      await assert.rejects(s.putAnalyses([item(changed), item(arts[2]!), item(arts[3]!, bad)]));
      assert.deepEqual(await s.counts(), before);
      assert.equal((await s.getArticle(arts[0]!.id))?.article.text, arts[0]!.text);
      assert.equal(await s.getArticle(arts[2]!.id), null);
      // and the store still works afterwards
      assert.deepEqual(await s.putAnalyses([item(arts[2]!)]), ['inserted']);
    }));

    test('events(): filters and paging over more than one page', () => withStore(async (s) => {
      const arts = fakeArticles(300);
      for (let i = 0; i < arts.length; i += 100) await s.putAnalyses(arts.slice(i, i + 100).map((a) => item(a)));
      const all = arts.flatMap((a) => fakeAnalysis(a).events);
      assert.ok(all.length > 1000);
      const got: StoredEvent[] = [];
      for await (const e of s.events()) got.push(e);
      assert.equal(got.length, all.length);
      assert.equal(new Set(got.map((e) => `${e.record.article_id}|${e.record.id}`)).size, all.length);
      for (let i = 1; i < got.length; i++) assert.ok(got[i - 1]!.record.date <= got[i]!.record.date);
      assert.equal(got[0]!.article.url, arts.find((a) => a.id === got[0]!.record.article_id)!.url);

      const count = async (f: Parameters<Store['events']>[0]) => { let n = 0; for await (const _ of s.events(f)) n++; return n; };
      const inRange = all.filter((e) => e.date >= '2021-08-05' && e.date <= '2021-08-09').length;
      assert.equal(await count({ from: '2021-08-05', to: '2021-08-09' }), inRange);
      const rus = all.filter((e) => e.source.country === 'RUS' || e.target?.country === 'RUS' || e.location?.country === 'RUS').length;
      assert.equal(await count({ country: 'rus' }), rus);
      assert.equal(await count({ type: 'ACCUSE' }), all.filter((e) => e.event.plover === 'ACCUSE').length);
      assert.equal(await count({ type: '19' }), all.filter((e) => e.event.cameo.startsWith('19')).length);
      assert.equal(await count({ type: 'CONSULT', country: 'FIN', from: '2021-08-10' }),
        all.filter((e) => e.event.plover === 'CONSULT' && e.date >= '2021-08-10' && [e.source.country, e.target?.country, e.location?.country].includes('FIN')).length);
    }));

    test('clusters(): the same event in several articles counts once with mentions', () => withStore(async (s) => {
      const base = fakeArticles(1)[0]!;
      const copies = [0, 1, 2].map((i) => ({ ...base, id: `copy-${i}`, source: i === 2 ? 'Wire A' : 'Wire B', url: `https://x/${i}` }));
      await s.putAnalyses([...copies, ...fakeArticles(4, 'other').slice(1)].map((a) => item(a)));
      const clusters = [];
      for await (const c of s.clusters()) clusters.push(c);
      const perArticle = fakeAnalysis(base).events.length;
      const multi = clusters.filter((c) => c.numArticles === 3);
      assert.ok(multi.length >= 1 && multi.length <= perArticle);
      for (const c of multi) {
        assert.equal(c.numSources, 2);
        assert.ok(c.numMentions >= 3);
        assert.equal(c.record.article_id, 'copy-0');
      }
      const total = clusters.reduce((n, c) => n + c.numMentions, 0);
      assert.equal(total, (await s.counts()).events);
      const view = await s.db.selectFrom('event_clusters').selectAll().where('num_articles', '=', 3).execute();
      assert.equal(view.length, multi.length);
    }));

    test('search(): full-text index follows inserts and replacements', () => withStore(async (s) => {
      const arts = fakeArticles(10);
      arts[4] = { ...arts[4]!, text: 'Zanzibar harbour strike ends. Dockers return.' };
      await s.putAnalyses(arts.map((a) => item(a)));
      assert.deepEqual((await s.search('zanzibar dockers')).map((h) => h.id), ['art-4']);
      await s.putAnalyses([item({ ...arts[4]!, text: 'Nothing to see. Here.' })]);
      assert.deepEqual(await s.search('zanzibar'), []);
      assert.deepEqual(await s.search('"; drop table articles; --'), []);
      assert.equal((await s.search("ferry", 100)).length, 9);
    }));

    test('deleteArticles() removes an article and all its rows', () => withStore(async (s) => {
      const arts = fakeArticles(3);
      await s.putAnalyses(arts.map((a) => item(a)));
      assert.equal(await s.deleteArticles(['art-1', 'missing']), 1);
      assert.equal(await s.getArticle('art-1'), null);
      const left = await s.db.selectFrom('events').select('id').where('article_id', '=', 'art-1').execute();
      assert.equal(left.length, 0);
    }));

    test('reopening runs no migration twice and keeps the data', async () => {
      const loc = await backend.fresh();
      const s1 = await openStore(loc);
      await s1.putAnalyses(fakeArticles(2).map((a) => item(a)));
      await s1.close();
      const s2 = await openStore(loc);
      assert.equal((await s2.counts()).articles, 2);
      await s2.close();
      const ro = await openStore(loc, { readonly: true });
      assert.equal((await ro.counts()).articles, 2);
      await ro.close();
    });
  });
}
