// The API over a store holding the example article: search filters, cursors, aggregates, article
// view, export streams, POST with keys, OpenAPI and security headers. Every route runs against
// SQLite and PostgreSQL (DYAD_TEST_PG, see test/store/backends.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { allBackends } from '../store/backends.js';
import { EXAMPLE_ID, fixture, type Fixture } from './fixture.js';
import { ISO3, encodeCursor } from '../../src/server/params.js';
import { searchEvents, type EventQuery } from '../../src/server/queries.js';

for (const backend of allBackends()) describe(`API on ${backend.name}`, () => {
  let fx: Fixture;
  before(async () => { fx = await fixture({}, backend.name === 'postgres' ? await backend.fresh() : undefined); });
  after(async () => { await fx.close(); await backend.cleanup(); });

  async function get(url: string, headers: Record<string, string> = {}) {
    const r = await fx.app.inject({ method: 'GET', url, headers });
    return { status: r.statusCode, json: () => r.json(), body: r.body, headers: r.headers };
  }

  interface Ev { id: string; article_id: string; date: string; event: { plover: string; cameo: string; quad: number }; source: { code: string | null; country: string | null }; target: { code: string | null; country: string | null } | null; location: { lat: number; lon: number; country: string | null } | null }

  describe('event search', () => {
    test('returns the example article\'s events newest first with article metadata', async () => {
      const r = await get('/api/events?limit=500');
      assert.equal(r.status, 200);
      const { events, next } = r.json() as { events: (Ev & { article: { id: string } })[]; next: string | null };
      assert.ok(events.length >= 5, `only ${events.length} events`);
      assert.equal(next, null);
      for (let i = 1; i < events.length; i++) assert.ok(events[i - 1]!.date >= events[i]!.date, 'newest first');
      assert.equal(events[0]!.article.id, EXAMPLE_ID);
    });

    test('filters by dyad, type, quad, CAMEO root, country, date range and bbox', async () => {
      const all = (await get('/api/events?limit=500')).json().events as Ev[];
      const check = async (qs: string, pred: (e: Ev) => boolean) => {
        const got = (await get(`/api/events?limit=500&${qs}`)).json().events as Ev[];
        const want = all.filter(pred);
        assert.deepEqual(got.map((e) => e.id).sort(), want.map((e) => e.id).sort(), qs);
        return got;
      };
      const rusArm = await check('source=RUS&target=ARM', (e) => e.source.country === 'RUS' && e.target?.country === 'ARM');
      assert.ok(rusArm.length > 0, 'the example has RUS→ARM events');
      await check('source=ARMGOV', (e) => (e.source.code ?? '').startsWith('ARMGOV'));
      await check('actor=AZE', (e) => e.source.country === 'AZE' || e.target?.country === 'AZE');
      await check('type=AID,AGREE', (e) => ['AID', 'AGREE'].includes(e.event.plover));
      await check('quad=3,4', (e) => e.event.quad >= 3);
      await check('cameo=04', (e) => e.event.cameo.startsWith('04'));
      await check('country=AZE', (e) => [e.source.country, e.target?.country, e.location?.country].includes('AZE'));
      await check('from=2021-08-15&to=2021-08-31', (e) => e.date >= '2021-08-15' && e.date <= '2021-08-31');
      const moscow = await check('bbox=37,55,38.5,56.5', (e) => !!e.location && e.location.lon >= 37 && e.location.lon <= 38.5 && e.location.lat >= 55 && e.location.lat <= 56.5);
      assert.ok(moscow.length > 0);
      await check('q=Karabakh', () => true);
      await check('q=zebrafishology', () => false);
    });

    test('the response is JSON.stringify of the events (records with their article) and the cursor, byte for byte', async () => {
      for (const [qs, f] of [['', {}], ['&country=AZE', { country: 'AZE' }], ['&q=Karabakh&order=asc', { q: 'Karabakh' }]] as [string, EventQuery][]) {
        const order = qs.includes('order=asc') ? 'asc' : 'desc';
        const r = await get(`/api/events?limit=4${qs}`);
        assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
        const page = await searchEvents(fx.store.db, fx.store.dialect, ISO3, f, 4, null, order);
        assert.ok(page.events.length > 0 && page.next !== null, qs);
        const want = JSON.stringify({ events: page.events.map((h) => ({ ...h.record, article: h.article })), next: page.next ? encodeCursor(page.next, order) : null });
        assert.equal(r.body, want, qs);
      }
    });

    test('cursors page through all events without gaps or repeats, in both orders', async () => {
      for (const order of ['desc', 'asc']) {
        const all = (await get(`/api/events?limit=500&order=${order}`)).json().events as Ev[];
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page = (await get(`/api/events?limit=3&order=${order}${cursor ? `&cursor=${cursor}` : ''}`)).json() as { events: Ev[]; next: string | null };
          assert.ok(page.events.length <= 3);
          seen.push(...page.events.map((e) => e.id));
          cursor = page.next;
        } while (cursor);
        assert.deepEqual(seen, all.map((e) => e.id), order);
      }
    });
  });

  describe('aggregates', () => {
    test('monthly series per quad sums to the event count; weeks start on Mondays', async () => {
      const n = (await get('/api/events?limit=500')).json().events.filter((e: Ev) => e.date.length >= 7).length;
      const s = (await get('/api/aggregates/series?interval=month&by=quad')).json() as { series: { period: string; key: string; count: number }[] };
      assert.equal(s.series.reduce((a, p) => a + p.count, 0), n);
      assert.ok(s.series.every((p) => /^\d{4}-\d{2}$/.test(p.period) && ['1', '2', '3', '4'].includes(p.key)));
      const w = (await get('/api/aggregates/series?interval=week&by=none')).json() as { series: { period: string }[] };
      assert.ok(w.series.length > 0);
      for (const p of w.series) assert.equal(new Date(`${p.period}T00:00:00Z`).getUTCDay(), 1, p.period);
      const y = (await get('/api/aggregates/series?interval=year&source=RUS&target=ARM')).json() as { series: { period: string; count: number }[] };
      assert.ok(y.series.some((p) => p.period === '2021' && p.count > 0));
    });

    test('top actors, network edges and locations', async () => {
      const a = (await get('/api/aggregates/actors?role=source&level=country&limit=5')).json() as { actors: { code: string; count: number }[] };
      assert.ok(a.actors.length > 0 && a.actors.length <= 5);
      for (let i = 1; i < a.actors.length; i++) assert.ok(a.actors[i - 1]!.count >= a.actors[i]!.count);
      const net = (await get('/api/aggregates/network?level=country')).json() as { edges: { source: string; target: string; quad: number; count: number }[] };
      assert.ok(net.edges.some((e) => e.source === 'RUS' && e.target === 'ARM'));
      assert.ok(net.edges.every((e) => e.source !== e.target && e.quad >= 1 && e.quad <= 4 && e.count > 0));
      const loc = (await get('/api/aggregates/locations')).json() as { locations: { name: string; count: number; quads: number[] }[] };
      const moscow = loc.locations.find((l) => l.name === 'Moscow');
      assert.ok(moscow, 'Moscow is on the map');
      assert.equal(moscow.quads.reduce((x, y) => x + y, 0), moscow.count);
    });
  });

  describe('articles', () => {
    test('article view returns text and Analysis; full-text listing finds it', async () => {
      const r = await get(`/api/articles/${encodeURIComponent(EXAMPLE_ID)}`);
      assert.equal(r.status, 200);
      const v = r.json() as { article: { text: string }; analysis: { events: unknown[]; places: unknown[]; timexes: unknown[]; quotes: unknown[] } };
      assert.ok(v.article.text.includes('Armenian defense minister'));
      assert.ok(v.analysis.events.length > 0 && v.analysis.places.length > 0 && v.analysis.timexes.length > 0);
      const s = (await get('/api/articles?q=Armenian%20minister')).json() as { articles: { id: string }[] };
      assert.deepEqual(s.articles.map((x) => x.id), [EXAMPLE_ID]);
      assert.equal((await get('/api/articles/nope')).status, 404);
    });

    test('POST codes and stores an article with a write key; re-posting is unchanged', async () => {
      const body = { id: 'post-1', date: '2022-03-01', title: 'Posted', text: 'Russian troops attacked the Ukrainian city of Kharkiv on Tuesday. Ukraine accused Russia of shelling civilians.' };
      const r1 = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: { authorization: `Bearer ${fx.writeKey}` }, payload: body });
      assert.equal(r1.statusCode, 201, r1.body);
      const res = r1.json().articles[0];
      assert.equal(res.id, 'post-1');
      assert.equal(res.status, 'inserted');
      assert.ok(res.events > 0, 'the posted article codes to events');
      const r2 = await fx.app.inject({ method: 'POST', url: '/api/articles', headers: { 'x-api-key': fx.writeKey }, payload: { articles: [body] } });
      assert.equal(r2.statusCode, 200);
      assert.equal(r2.json().articles[0].status, 'unchanged');
      const evs = (await get('/api/events?source=UKR&target=RUS&from=2022-01-01')).json().events as Ev[];
      assert.ok(evs.some((e) => e.article_id === 'post-1'));
    });
  });

  describe('export', () => {
    test('CSV, GDELT and JSONL streams carry every matching event', async () => {
      const n = (await get('/api/events?limit=500&country=ARM')).json().events.length as number;
      const csv = await get('/api/export?format=csv&country=ARM');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.equal(csv.body.trimEnd().split('\r\n').length, n + 1);
      const gdelt = await get('/api/export?format=gdelt&country=ARM');
      const rows = gdelt.body.trimEnd().split('\n');
      assert.equal(rows.length, n);
      assert.ok(rows.every((r) => r.split('\t').length === 61));
      const jsonl = await get('/api/export?format=jsonl&country=ARM');
      assert.equal(jsonl.body.trimEnd().split('\n').map((l) => JSON.parse(l)).length, n);
    });
  });

  describe('OpenAPI and headers', () => {
    test('/openapi.json documents every API route', async () => {
      const doc = (await get('/openapi.json')).json() as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
      assert.equal(doc.openapi, '3.1.0');
      for (const p of ['/api/events', '/api/export', '/api/aggregates/series', '/api/aggregates/actors', '/api/aggregates/network', '/api/aggregates/locations', '/api/articles', '/api/articles/{id}']) {
        assert.ok(doc.paths[p], p);
      }
      assert.ok(doc.paths['/api/articles']!.post);
      assert.ok(doc.paths['/api/events']!.get!.parameters!.some((x) => x.name === 'bbox'));
    });

    test('strict CSP and no CORS by default', async () => {
      const r = await get('/api/health', { origin: 'https://evil.example' });
      assert.equal(r.status, 200);
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /require-trusted-types-for 'script'/);
      assert.equal(r.headers['access-control-allow-origin'], undefined);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    });
  });
});
