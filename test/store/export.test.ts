// `dyad export` over both back ends: formats, filters, clustered GDELT rows and the mentions table.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runExport } from '../../src/cli/export.js';
import { UsageError } from '../../src/cli/args.js';
import { GDELT_COLUMNS } from '../../src/output/gdelt.js';
import { CSV_COLUMNS } from '../../src/output/csv.js';
import { openStore } from '../../src/store/store.js';
import { allBackends } from './backends.js';
import { capture } from '../cli/harness.js';
import { fakeAnalysis, fakeArticles } from './fixtures.js';

async function exportText(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const code = await runExport(argv, c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

for (const backend of allBackends()) {
  describe(`dyad export (${backend.name})`, () => {
    after(() => backend.cleanup());
    const arts = fakeArticles(40);
    const copies = [0, 1].map((i) => ({ ...arts[0]!, id: `copy-${i}`, source: `Paper ${i}` }));
    const all = [...arts, ...copies];
    const events = all.flatMap((a) => fakeAnalysis(a).events);
    let db = '';

    test('fill', async () => {
      db = await backend.fresh();
      const s = await openStore(db);
      await s.putAnalyses(all.map((a) => ({ article: a, hash: a.text + a.id, analysis: fakeAnalysis(a) })));
      await s.close();
    });

    test('jsonl: every event once, in date order, identical records', async () => {
      const r = await exportText(['--db', db]);
      assert.equal(r.code, 0, r.err);
      const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, events.length);
      const byKey = new Map(events.map((e) => [`${e.article_id}|${e.id}`, e]));
      for (const l of lines) assert.deepEqual(l, JSON.parse(JSON.stringify(byKey.get(`${l.article_id}|${l.id}`))));
    });

    test('filters: date range, country, type', async () => {
      const r = await exportText(['--db', db, '--from', '2021-08-03', '--to', '2021-08-10', '--country', 'fin', '--type', 'CONSULT']);
      const want = events.filter((e) => e.date >= '2021-08-03' && e.date <= '2021-08-10' && e.event.plover === 'CONSULT'
        && [e.source.country, e.target?.country, e.location?.country].includes('FIN'));
      assert.equal(r.out.split('\n').filter(Boolean).length, want.length);
      const c = await exportText(['--db', db, '--type', '11']);
      assert.equal(c.out.split('\n').filter(Boolean).length, events.filter((e) => e.event.cameo.startsWith('11')).length);
    });

    test('csv, gdelt, plover', async () => {
      const csv = await exportText(['--db', db, '-f', 'csv']);
      assert.equal(csv.out.split('\r\n')[0], CSV_COLUMNS.join(','));
      const gd = await exportText(['--db', db, '-f', 'gdelt', '--header']);
      const rows = gd.out.trim().split('\n');
      assert.equal(rows.length, events.length + 1);
      for (const row of rows) assert.equal(row.split('\t').length, GDELT_COLUMNS.length);
      const pl = await exportText(['--db', db, '-f', 'plover', '--country', 'RUS']);
      for (const l of pl.out.trim().split('\n')) assert.ok(Array.isArray(JSON.parse(l).event));
    });

    test('--clustered gdelt: mention counts; mentions table points at the same ids', async () => {
      const g = await exportText(['--db', db, '-f', 'gdelt', '--clustered']);
      const rows = g.out.trim().split('\n').map((l) => l.split('\t'));
      const iM = GDELT_COLUMNS.indexOf('NumMentions');
      assert.equal(rows.reduce((n, r) => n + Number(r[iM]), 0), events.length);
      const triple = rows.filter((r) => r[iM + 2] === '3');
      assert.ok(triple.length >= 1);
      for (const r of triple) assert.equal(r[iM + 1], '3'); // Wire B/A + Paper 0 + Paper 1 → 3 sources
      const m = await exportText(['--db', db, '-f', 'mentions']);
      const ids = m.out.trim().split('\n').map((l) => l.split('\t')[0]);
      assert.equal(ids.length, events.length);
      for (const r of triple) assert.equal(ids.filter((i) => i === r[0]).length, Number(r[iM]));
      const j = await exportText(['--db', db, '--clustered']);
      const first = JSON.parse(j.out.split('\n')[0]!);
      assert.ok(first.num_mentions >= 1 && first.first_mention.event.plover);
    });

    test('usage errors and a missing store', async () => {
      await assert.rejects(exportText(['--db', db, '--from', 'yesterday']), UsageError);
      await assert.rejects(exportText(['--db', db, '--country', 'Russia']), UsageError);
      await assert.rejects(exportText(['--db', db, '-f', 'csv', '--clustered']), UsageError);
      if (backend.name === 'sqlite') {
        const r = await exportText(['--db', '/nonexistent/dir/x.sqlite']);
        assert.equal(r.code, 1);
        assert.match(r.err, /no database at/);
      }
    });
  });
}
