// The API's search and aggregate queries against a brute-force reference, on SQLite and PostgreSQL:
// a few hundred made-up articles spread over years, dyads, places and words, every filter alone and
// combined, pages walked with cursors in both orders. On SQLite the search plans are all checked
// (the ordered index scans, the fallback when the scan budget runs out, full text tested per event
// or as a set of articles), and a bbox search reads the located-events index. Pages written as JSON
// text (the API's) equal the serialised records. Also: a store created
// before migrations 0002 to 0004 gets the query indexes when it is opened.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { ISO3 } from '../../src/server/params.js';
import { cachingDatabase, cachingKysely } from '../../src/server/reader.js';
import { clearShapeCache, filterShape, searchEvents, searchEventsJson, timeSeries, topActors, type EventKey, type EventQuery } from '../../src/server/queries.js';
import { migrationProvider } from '../../src/store/migrations.js';
import { analysisRows } from '../../src/store/rows.js';
import { CHILD_TABLES, type Database } from '../../src/store/schema.js';
import { openStore, type Store, type StoredArticle } from '../../src/store/store.js';
import type { Analysis, Article, EventRecord } from '../../src/types.js';
import { allBackends, PG_URL } from '../store/backends.js';

const COUNTRIES = ['RUS', 'UKR', 'ARM', 'AZE', 'USA', 'CHN'];
const TYPES = [
  { plover: 'CONSULT', cameo: '042', quad: 1 as const, goldstein: 1 },
  { plover: 'AID', cameo: '070', quad: 2 as const, goldstein: 7 },
  { plover: 'ACCUSE', cameo: '112', quad: 3 as const, goldstein: -2 },
  { plover: 'ASSAULT', cameo: '190', quad: 4 as const, goldstein: -10 },
];
const PLACES = [
  { name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62 },
  { name: 'Baku', country: 'AZE', lat: 40.41, lon: 49.87 },
  { name: 'Yerevan', country: 'ARM', lat: 40.18, lon: 44.51 },
  { name: 'Fiji', country: 'FJI', lat: -17.7, lon: 178.0 },
  { name: 'Samoa', country: 'WSM', lat: -13.8, lon: -172.1 },
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** Made-up coded articles: 0-4 events each, with month-precision dates now and then. */
function corpus(n: number): StoredArticle[] {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: StoredArticle[] = [];
  for (let i = 0; i < n; i++) {
    const id = `q${String(i).padStart(4, '0')}`;
    const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(r() * 9 * 365) * 86_400_000).toISOString().slice(0, 10);
    const words = r() < 0.3 ? 'sanctions were announced' : 'talks were held';
    const article: Article = { id, date, title: `Title ${i}`, text: `Officials said ${words} on day ${i}.` };
    const events: EventRecord[] = [];
    const k = Math.floor(r() * 5);
    for (let e = 0; e < k; e++) {
      const t = pick(TYPES);
      const src = pick(COUNTRIES);
      const tgt = r() < 0.8 ? pick(COUNTRIES) : null;
      const place = r() < 0.5 ? pick(PLACES) : null;
      const sector = r() < 0.5 ? 'GOV' : 'MIL';
      events.push({
        id: `e${e}`, article_id: id, sentence: 0, text: article.text,
        date: r() < 0.1 ? date.slice(0, 7) : date, date_precision: 'day',
        event: { plover: t.plover, mode: null, context: null, cameo: t.cameo, quad: t.quad, goldstein: t.goldstein, negated: false, aux: null },
        source: { text: src, start: 0, end: 1, code: `${src}${sector}`, country: src, sectors: [sector], name: null },
        target: tgt ? { text: tgt, start: 1, end: 2, code: tgt, country: tgt, sectors: [], name: null } : null,
        location: place ? { text: place.name, ...place, geonameid: null } : null,
        evidence: { trigger: 'said', start: 10, end: 14, rule: 'test#1' },
      });
    }
    const analysis: Analysis = { article: { id, date, title: article.title! }, entities: [], places: [], timexes: [], quotes: [], events };
    out.push({ article, hash: `h${i}`, analysis });
  }
  return out;
}

const ITEMS = corpus(400);
const ALL = ITEMS.flatMap((it) => it.analysis.events.map((e) => ({ e, text: `${it.article.title} ${it.article.text}` })));
const key = (e: EventRecord): EventKey => [e.date, e.article_id, e.id];
const cmp = (a: EventKey, b: EventKey): number => (a.join('\u0000') < b.join('\u0000') ? -1 : a.join('\u0000') > b.join('\u0000') ? 1 : 0);

function side(code: string, a: EventRecord['source'] | null): boolean {
  if (!a) return false;
  return code.length === 3 && ISO3.has(code) ? a.country === code : (a.code ?? '').startsWith(code);
}

/** The reference: what a filter must select, by brute force. */
function matches(f: EventQuery, e: EventRecord, text: string): boolean {
  if (f.from && e.date < f.from) return false;
  if (f.to && e.date.slice(0, 10) > f.to) return false;
  if (f.source && !side(f.source, e.source)) return false;
  if (f.target && !side(f.target, e.target)) return false;
  if (f.actor && !side(f.actor, e.source) && !side(f.actor, e.target)) return false;
  if (f.country && ![e.source.country, e.target?.country, e.location?.country].includes(f.country)) return false;
  if (f.plover && !f.plover.includes(e.event.plover)) return false;
  if (f.cameo && !e.event.cameo.startsWith(f.cameo)) return false;
  if (f.quad && !f.quad.includes(e.event.quad)) return false;
  if (f.bbox) {
    const [w, s, east, n] = f.bbox;
    const l = e.location;
    if (!l || l.lat < s || l.lat > n) return false;
    if (w <= east ? l.lon < w || l.lon > east : l.lon < w && l.lon > east) return false;
  }
  if (f.q && !f.q.split(' ').every((w) => text.toLowerCase().includes(w.toLowerCase()))) return false;
  return true;
}

const FILTERS: EventQuery[] = [
  {},
  { country: 'RUS', from: '2019-01-01', to: '2019-12-31', plover: ['CONSULT', 'ACCUSE', 'ASSAULT'] },
  { source: 'RUS', target: 'UKR' },
  { source: 'ARM', target: 'AZE', from: '2017-01-01', to: '2020-12-31' },
  { source: 'RUSMIL' },
  { actor: 'AZE', quad: [3, 4] },
  { cameo: '11' },
  { cameo: '190', to: '2018-06-30' },
  { bbox: [34, 29, 52, 60] },
  { bbox: [170, -20, -170, -10] }, // across the antimeridian: Fiji and Samoa
  { q: 'sanctions', from: '2018-01-01', to: '2018-12-31' },
  { q: 'sanctions announced', country: 'USA' },
  { q: 'zebrafish' },
  { q: 'talks', quad: [1, 3] },
  { from: '2016-03', to: '2016-03-31' } as EventQuery,
  { plover: ['AID'], country: 'CHN' },
];

for (const backend of allBackends()) {
  describe(`API queries on ${backend.name}`, () => {
    let store: Store;
    after(async () => { await store?.close(); await backend.cleanup(); });

    test('search pages match the brute-force reference for every filter, both orders, every plan', async () => {
      store = await openStore(await backend.fresh());
      await store.putAnalyses(ITEMS);
      // SQLite: the default plans; the fallback once the scan budget runs out; full text tested per
      // event (as for a common word: any match count reaches a cap of 1).
      const tunings: [number | undefined, number | undefined][] = backend.name === 'sqlite' ? [[undefined, undefined], [7, undefined], [undefined, 1]] : [[undefined, undefined]];
      for (const f of FILTERS) {
        const want = ALL.filter((x) => matches(f, x.e, x.text)).map((x) => key(x.e)).sort(cmp);
        // Each filter but the no-match one selects something, and most span several pages.
        assert.equal(want.length === 0, f.q === 'zebrafish', `${JSON.stringify(f)}: ${want.length} reference events`);
        for (const order of ['desc', 'asc'] as const) {
          const expected = order === 'asc' ? want : [...want].reverse();
          for (const [budget, cap] of tunings) {
            const got: EventKey[] = [];
            let after: EventKey | null = null;
            for (let guard = 0; guard < 1000; guard++) {
              const page = await searchEvents(store.db, store.dialect, ISO3, f, 13, after, order, budget, cap);
              got.push(...page.events.map((h) => key(h.record)));
              assert.ok(page.events.every((h) => h.article.id === h.record.article_id));
              if (!page.next) break;
              after = page.next;
            }
            assert.deepEqual(got, expected, `${JSON.stringify(f)} ${order} budget ${budget ?? 'default'} full-text cap ${cap ?? 'default'}`);
          }
        }
      }
    });

    test('search pages as JSON text are JSON.stringify of the searched records, byte for byte', async () => {
      // The store's own Kysely instance (rows as objects), and on SQLite the API's reader (rows read as arrays).
      const dbs = backend.name === 'sqlite' ? [store.db, cachingKysely(store.sqlite!)] : [store.db];
      let events = 0;
      for (const db of dbs) {
        for (const f of FILTERS) {
          for (const order of ['desc', 'asc'] as const) {
            let after: EventKey | null = null;
            for (let guard = 0; guard < 1000; guard++) {
              const page = await searchEvents(store.db, store.dialect, ISO3, f, 13, after, order);
              const json = await searchEventsJson(db, store.dialect, ISO3, f, 13, after, order);
              assert.equal(json.events, JSON.stringify(page.events.map((h) => ({ ...h.record, article: h.article }))), `${JSON.stringify(f)} ${order}`);
              assert.deepEqual(json.next, page.next);
              events += page.events.length;
              if (!page.next) break;
              after = page.next;
            }
          }
        }
        if (db !== store.db) await db.destroy();
      }
      assert.ok(events > 1000, `${events} events compared`);
    });

    test('series and top actors agree with the reference, full text included', async () => {
      for (const f of [{ source: 'RUS', target: 'ARM' }, { q: 'sanctions' }, { country: 'AZE', quad: [4] }] as EventQuery[]) {
        const sel = ALL.filter((x) => matches(f, x.e, x.text)).map((x) => x.e);
        const series = await timeSeries(store.db, store.dialect, ISO3, f, 'year', 'quad');
        const want = new Map<string, number>();
        for (const e of sel) want.set(`${e.date.slice(0, 4)}|${e.event.quad}`, (want.get(`${e.date.slice(0, 4)}|${e.event.quad}`) ?? 0) + 1);
        assert.deepEqual(new Map(series.map((p) => [`${p.period}|${p.key}`, p.count])), want, JSON.stringify(f));
        const top = await topActors(store.db, store.dialect, ISO3, f, 'source', 'country', 50);
        const byCountry = new Map<string, number>();
        for (const e of sel) byCountry.set(e.source.country!, (byCountry.get(e.source.country!) ?? 0) + 1);
        assert.deepEqual(new Map(top.map((a) => [a.code, a.count])), byCountry, JSON.stringify(f));
      }
    });

    test('compiled query shapes: requests of one shape with other values, and of other shapes, get what a fresh build gets', async () => {
      // Pairs of one shape (filterShape) with different values, and neighbours of another shape
      // (a country vs an actor-code prefix, a box across the antimeridian, longer IN lists).
      const filters: EventQuery[] = [
        { country: 'RUS', from: '2016-01-01', to: '2018-12-31', plover: ['CONSULT', 'ACCUSE'] },
        { country: 'AZE', from: '2019-01-01', to: '2022-12-31', plover: ['AID', 'ASSAULT'] },
        { country: 'AZE', plover: ['AID', 'ASSAULT', 'CONSULT'] },
        { source: 'RUS', target: 'UKR' }, { source: 'ARM', target: 'AZE' },
        { source: 'RUSGOV' }, { source: 'AZEMIL' }, { source: 'RUS' }, { actor: 'ARM' }, { actor: 'USAGOV' },
        { bbox: [34, 29, 52, 60] }, { bbox: [-10, 30, 40, 60] }, { bbox: [170, -20, -170, 0] }, { bbox: [175, -20, -175, 0] },
        { q: 'sanctions', from: '2017-01-01' }, { q: 'talks', from: '2019-01-01' }, { q: 'sanctions announced' },
        { cameo: '04', quad: [1, 3] }, { cameo: '19', quad: [4, 2] }, { quad: [2] },
      ];
      assert.equal(filterShape(filters[0]!, store.dialect, ISO3), filterShape(filters[1]!, store.dialect, ISO3));
      assert.notEqual(filterShape({ source: 'RUS' }, store.dialect, ISO3), filterShape({ source: 'RUSGOV' }, store.dialect, ISO3));
      assert.notEqual(filterShape({ bbox: [34, 29, 52, 60] }, store.dialect, ISO3), filterShape({ bbox: [170, -20, -170, 0] }, store.dialect, ISO3));
      const pages = async (f: EventQuery, order: 'asc' | 'desc', fresh: boolean): Promise<unknown[]> => {
        const out: unknown[] = [];
        let after: EventKey | null = null;
        for (let guard = 0; guard < 1000; guard++) {
          if (fresh) clearShapeCache(store.db);
          const page = await searchEvents(store.db, store.dialect, ISO3, f, 7, after, order);
          out.push(page);
          if (!page.next) break;
          after = page.next;
        }
        return out;
      };
      for (const order of ['desc', 'asc'] as const) {
        // Reference: every query compiled afresh; then the same requests in turn with the cache warm.
        const want = [];
        for (const f of filters) want.push(await pages(f, order, true));
        clearShapeCache(store.db);
        for (const [i, f] of filters.entries()) {
          const got = await pages(f, order, false);
          assert.deepEqual(got, want[i], `${JSON.stringify(f)} ${order}`);
        }
      }
      // Each filter but none selects events at all (so the comparisons above compare something).
      for (const f of filters) assert.ok(ALL.some((x) => matches(f, x.e, x.text)), JSON.stringify(f));
    });

    if (backend.name === 'sqlite') {
      test('a bbox search scans the located-events index in order, with no sort', async () => {
        const sqls: { sql: string; parameters: readonly unknown[] }[] = [];
        const db = new Kysely<Database>({
          dialect: new SqliteDialect({ database: cachingDatabase(store.sqlite!) }),
          log: (e) => { if (e.level === 'query') sqls.push(e.query); },
        });
        try {
          const page = await searchEvents(db, 'sqlite', ISO3, { bbox: [34, 29, 52, 60] }, 5, null);
          assert.equal(page.events.length, 5);
          const plan = sqls.map((q) => (store.sqlite!.prepare(`explain query plan ${q.sql}`).all(...q.parameters) as { detail: string }[])
            .map((r) => r.detail).join(' | ')).join('\n');
          assert.match(plan, /SCAN e USING COVERING INDEX events_search_located/, plan);
          assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
        } finally {
          await db.destroy();
        }
      });
    }

    test('a store of migration 0004 gets article_seq on its events when opened; full text finds events with or without it, read-only before migrating too', async () => {
      const loc = await backend.fresh();
      const items = ITEMS.slice(0, 80);
      const fill = (db: Kysely<Database>) => writeWithoutArticleSeq(db, items);
      if (backend.name === 'sqlite') await oldSqliteStore(loc, '0004_located_index', fill);
      else await oldPostgresStore(loc, '0004_located_index', fill);
      const ids = new Set(items.map((it) => it.article.id));
      const all = ALL.filter((x) => ids.has(x.e.article_id));
      const search = async (s: Store, f: EventQuery, cap?: number): Promise<EventKey[]> => {
        const got: EventKey[] = [];
        let after: EventKey | null = null;
        for (let guard = 0; guard < 1000; guard++) {
          const page = await searchEvents(s.db, s.dialect, ISO3, f, 9, after, 'desc', undefined, cap);
          got.push(...page.events.map((h) => key(h.record)));
          if (!page.next) return got;
          after = page.next;
        }
        return got;
      };
      const check = async (s: Store, label: string, filters: EventQuery[]) => {
        for (const f of filters) {
          const want = all.filter((x) => matches(f, x.e, x.text)).map((x) => key(x.e)).sort(cmp).reverse();
          assert.ok(want.length > 0, JSON.stringify(f));
          for (const cap of [undefined, 1]) assert.deepEqual(await search(s, f, cap), want, `${label} ${JSON.stringify(f)} cap ${cap ?? 'default'}`);
        }
      };
      const fullText = [{ q: 'sanctions' }, { q: 'talks', from: '2017-01-01' }, { q: 'sanctions', country: 'RUS' }, { q: 'talks', bbox: [34, 29, 52, 60] }] as EventQuery[];
      // Read-only, a store runs no migrations: searches (scans included) do without the column.
      const ro = await openStore(loc, { readonly: true });
      try {
        await check(ro, 'read-only 0004 store', [...fullText, {}, { country: 'AZE' }, { bbox: [34, 29, 52, 60] }, { plover: ['AID'] }]);
      } finally {
        await ro.close();
      }
      const s = await openStore(loc);
      try {
        const [counts] = await sql<{ n: number | string; wrong: number | string }>`select count(*) as n,
          sum(case when e.article_seq = (select a.seq from articles a where a.id = e.article_id) then 0 else 1 end) as wrong from events e`.execute(s.db).then((r) => r.rows);
        assert.equal(Number(counts!.n), all.length);
        assert.equal(Number(counts!.wrong), 0, 'every event has its article\'s seq');
        await check(s, 'migrated', fullText);
        // Events stored without it (null) are found all the same (their article is looked up by id).
        const half = items.filter((_, i) => i % 2 === 0).map((it) => it.article.id);
        await s.db.updateTable('events').set({ article_seq: null }).where('article_id', 'in', half).execute();
        await check(s, 'half without article_seq', fullText);
        // New writes set it.
        await s.putAnalyses(ITEMS.slice(80, 90));
        const [fresh] = await sql<{ n: number | string }>`select count(*) as n from events e
          where e.article_id in (${sql.join(ITEMS.slice(80, 90).map((it) => it.article.id))})
          and e.article_seq = (select a.seq from articles a where a.id = e.article_id)`.execute(s.db).then((r) => r.rows);
        assert.equal(Number(fresh!.n), ITEMS.slice(80, 90).reduce((n, it) => n + it.analysis.events.length, 0));
      } finally {
        await s.close();
      }
    });

    test('a store created before migrations 0002 to 0004 gets the query indexes when opened', async () => {
      const loc = await backend.fresh();
      const indexes = backend.name === 'sqlite' ? await oldSqliteStore(loc) : await oldPostgresStore(loc);
      assert.ok(!indexes.includes('events_search'));
      const s = await openStore(loc);
      try {
        await s.putAnalyses(ITEMS.slice(0, 30));
        const now = await indexNames(s);
        for (const name of ['events_search', 'events_search_located', 'events_dyad', 'events_source', 'events_target', 'events_location_country', 'events_lat_lon', 'articles_date_id']) {
          assert.ok(now.includes(name), `${name} in ${now.join(', ')}`);
        }
        for (const name of ['events_date', 'events_plover', 'events_source_country']) assert.ok(!now.includes(name), `${name} is dropped`);
        const page = await searchEvents(s.db, s.dialect, ISO3, {}, 5, null);
        assert.equal(page.events.length, 5);
      } finally {
        await s.close();
      }
    });
  });
}

async function indexNames(s: Store): Promise<string[]> {
  if (s.sqlite) return (s.sqlite.prepare(`select name from sqlite_master where type = 'index'`).all() as { name: string }[]).map((r) => r.name);
  const r = await s.db.selectFrom('pg_indexes' as never).select('indexname' as never).where('schemaname' as never, '=', s.pgSchema as never).execute();
  return (r as { indexname: string }[]).map((x) => x.indexname);
}

async function migrateTo(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', name: string, schema?: string): Promise<void> {
  const m = new Migrator({ db, provider: migrationProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error } = await m.migrateTo(name);
  if (error) throw error;
}

/** A store at migration `name` (0001 unless told), by a bare Kysely instance; `fill` writes to it. */
async function oldSqliteStore(path: string, name = '0001_initial', fill?: (db: Kysely<Database>) => Promise<void>): Promise<string[]> {
  const raw = new BetterSqlite3(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateTo(db, 'sqlite', name);
  await fill?.(db);
  const names = (raw.prepare(`select name from sqlite_master where type = 'index'`).all() as { name: string }[]).map((r) => r.name);
  await db.destroy();
  return names;
}

async function oldPostgresStore(url: string, name = '0001_initial', fill?: (db: Kysely<Database>) => Promise<void>): Promise<string[]> {
  const schema = new URL(url).searchParams.get('schema')!;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: PG_URL, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateTo(db, 'postgres', name, schema);
  await fill?.(db);
  const r = await pool.query('select indexname from pg_indexes where schemaname = $1', [schema]);
  await db.destroy();
  return r.rows.map((x: { indexname: string }) => x.indexname);
}

/** Write `items` as a store before migration 0005 would: every row, events without article_seq. */
async function writeWithoutArticleSeq(db: Kysely<Database>, items: readonly StoredArticle[]): Promise<void> {
  for (const it of items) {
    const rows = analysisRows(it.article, it.hash, it.analysis, '2024-01-01T00:00:00.000Z');
    await db.insertInto('articles').values(rows.article).execute();
    for (const table of CHILD_TABLES) {
      const list = (rows[table] as object[]).map((r) => {
        const { article_seq: _, ...rest } = r as Record<string, unknown>;
        return table === 'events' ? rest : r;
      });
      if (list.length > 0) await db.insertInto(table as never).values(list as never).execute();
    }
  }
}
