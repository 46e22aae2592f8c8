// Every bad input gets the right 4xx and a JSON error body: malformed parameters, huge pages,
// unknown codes, injection attempts, missing/wrong/revoked keys, oversized or malformed bodies,
// and too many requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyRing } from '../../src/server/keys.js';
import { fixture, type Fixture } from './fixture.js';

let fx: Fixture;
before(async () => { fx = await fixture(); });
after(async () => { await fx.close(); });

type Resp = Awaited<ReturnType<Fixture['app']['inject']>>;

function assertJsonError(r: Resp, status: number, what: string, message?: RegExp): void {
  assert.equal(r.statusCode, status, `${what}: ${r.body.slice(0, 200)}`);
  assert.match(String(r.headers['content-type']), /^application\/json/, what);
  const b = r.json() as { statusCode: number; error: string; message: string };
  assert.equal(b.statusCode, status, what);
  assert.equal(typeof b.error, 'string');
  assert.equal(typeof b.message, 'string');
  if (message) assert.match(b.message, message, what);
}

describe('malformed query parameters', () => {
  const cases: [string, RegExp][] = [
    ['/api/events?limit=abc', /limit/],
    ['/api/events?limit=0', /limit/],
    ['/api/events?limit=100000', /limit must be <= 500/],
    ['/api/events?limit=1e400', /limit/],
    ['/api/events?from=2021-13-45', /from/],
    ['/api/events?from=yesterday', /from/],
    ['/api/events?from=2021-09-01&to=2021-08-01', /after/],
    ['/api/events?bbox=1,2,3', /bbox/],
    ['/api/events?bbox=10,80,20,95', /latitude/],
    ['/api/events?bbox=a,b,c,d', /bbox/],
    ['/api/events?quad=5', /quad/],
    ['/api/events?quad=1;2', /quad/],
    ['/api/events?contry=RUS', /unknown parameter "contry"/],
    ['/api/events?country=RUS&country=ARM', /country/],
    ['/api/events?cursor=!!!', /cursor/],
    ['/api/events?cursor=bm90LWpzb24', /invalid cursor/],
    [`/api/events?cursor=${Buffer.from(JSON.stringify(['asc', 'a', 'b', 'c'])).toString('base64url')}`, /order=asc/],
    ['/api/aggregates/series?interval=hour', /interval/],
    ['/api/aggregates/actors?role=both', /role/],
    ['/api/aggregates/network?limit=5000', /limit/],
    ['/api/articles?q=%20%2B%2B%20', /letter or digit/],
    [`/api/events?q=${'x'.repeat(201)}`, /q must NOT have more than 200/],
  ];
  for (const [url, msg] of cases) {
    test(url.slice(0, 90), async () => assertJsonError(await fx.app.inject(url), 400, url, msg));
  }
});

describe('unknown codes', () => {
  const cases: [string, RegExp][] = [
    ['/api/events?country=XYZ', /unknown country code/],
    ['/api/events?source=QQQGOV', /unknown country or actor code/],
    ['/api/events?target=RU', /target/],
    ['/api/events?actor=RUSGO', /3-letter parts/],
    ['/api/events?type=FOO', /unknown PLOVER type/],
    ['/api/events?type=AID,NOPE', /NOPE/],
    ['/api/events?cameo=99', /unknown CAMEO code/],
    ['/api/events?cameo=4a', /cameo/],
  ];
  for (const [url, msg] of cases) test(url, async () => assertJsonError(await fx.app.inject(url), 400, url, msg));
});

describe('injection attempts', () => {
  test('SQL in filters is rejected or treated as data; the tables survive', async () => {
    const before = await fx.store.counts();
    for (const url of [
      `/api/events?source=${encodeURIComponent("RUS' OR '1'='1")}`,
      `/api/events?country=${encodeURIComponent('RUS;--')}`,
      `/api/events?from=${encodeURIComponent("2021-01-01' OR 1=1--")}`,
      `/api/events?type=${encodeURIComponent('AID) OR (1=1')}`,
    ]) assertJsonError(await fx.app.inject(url), 400, url);
    for (const url of [
      `/api/events?q=${encodeURIComponent("'; DROP TABLE events; --")}`,
      `/api/events?q=${encodeURIComponent('Moscow" OR text:*')}`,
      `/api/articles?q=${encodeURIComponent('NEAR(a b) OR * ^ "')}`,
      `/api/articles/${encodeURIComponent("x' OR '1'='1")}`,
    ]) {
      const r = await fx.app.inject(url);
      assert.ok(r.statusCode === 200 || r.statusCode === 404, `${url}: ${r.statusCode} ${r.body}`);
      assert.match(String(r.headers['content-type']), /^application\/json/);
    }
    // FTS operators are not interpreted: a quoted-word search for Moscow plus junk matches like the words alone.
    assert.deepEqual(await fx.store.counts(), before);
  });

  test('HTML and script in parameters come back only inside JSON, never as HTML', async () => {
    for (const url of [
      `/api/events?q=${encodeURIComponent('<script>alert(1)</script>')}`,
      `/api/<script>alert(1)</script>`,
      `/api/events?source=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    ]) {
      const r = await fx.app.inject(url);
      assert.ok(r.statusCode === 200 || (r.statusCode >= 400 && r.statusCode < 500), url);
      assert.match(String(r.headers['content-type']), /^application\/json/, url);
      assert.match(String(r.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  });
});

describe('API keys', () => {
  const article = { id: 'k-1', date: '2022-01-01', text: 'Armenia protested against Azerbaijan.' };
  const post = (headers: Record<string, string>, payload: unknown = article) =>
    fx.app.inject({ method: 'POST', url: '/api/articles', headers, payload: payload as object });

  test('missing, malformed, wrong and read-only keys are refused', async () => {
    assertJsonError(await post({}), 401, 'no key', /API key is required/);
    assertJsonError(await post({ authorization: 'Bearer nonsense' }), 401, 'malformed', /invalid/);
    const wrong = fx.writeKey.slice(0, -4) + (fx.writeKey.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    assertJsonError(await post({ authorization: `Bearer ${wrong}` }), 401, 'wrong secret', /invalid/);
    assertJsonError(await post({ 'x-api-key': `dyad_0000000000000000_${'A'.repeat(43)}` }), 401, 'unknown id');
    assertJsonError(await post({ authorization: `Bearer ${fx.readKey}` }), 403, 'read key', /only read/);
  });

  test('a revoked key stops working; keys are stored hashed', async () => {
    const ring = KeyRing.of(fx.store.db);
    const { key, info } = await ring.add('temp');
    assert.equal((await post({ authorization: `Bearer ${key}` }, { ...article, id: 'k-2' })).statusCode, 201);
    const rows = await fx.store.db.withTables<{ api_keys: { id: string; hash: string; salt: string } }>()
      .selectFrom('api_keys').selectAll().where('id', '=', info.id).execute();
    const secret = key.split('_')[2]!;
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(secret), 'the secret is not stored');
    assert.ok(await ring.revoke(info.id));
    assertJsonError(await post({ authorization: `Bearer ${key}` }, { ...article, id: 'k-3' }), 401, 'revoked');
  });

  test('reads can require a key', async () => {
    const keyed = await fixture({ readAuth: true });
    try {
      assertJsonError(await keyed.app.inject('/api/events'), 401, 'no key on read');
      assert.equal((await keyed.app.inject({ url: '/api/events', headers: { authorization: `Bearer ${keyed.readKey}` } })).statusCode, 200);
    } finally {
      await keyed.close();
    }
  });
});

describe('bad bodies', () => {
  const post = (payload: string | object, headers: Record<string, string> = {}) => fx.app.inject({
    method: 'POST', url: '/api/articles', headers: { authorization: `Bearer ${fx.writeKey}`, ...headers }, payload,
  });
  test('oversized body → 413', async () => {
    const huge = JSON.stringify({ date: '2022-01-01', text: 'x'.repeat(1024 * 1024 + 10) });
    assertJsonError(await post(huge, { 'content-type': 'application/json' }), 413, 'oversized');
  });
  test('an article over the text limit → 400', async () => {
    assertJsonError(await post({ date: '2022-01-01', text: 'word '.repeat(50_000) }), 400, 'long text', /text/);
  });
  test('malformed JSON → 400; wrong content type → 415', async () => {
    assertJsonError(await post('{"date": "2022-01-01", "text": ', { 'content-type': 'application/json' }), 400, 'bad json');
    assertJsonError(await post('date=2022-01-01', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'form body');
  });
  test('schema violations → 400', async () => {
    assertJsonError(await post({ date: '2022-01-01' }), 400, 'no text');
    assertJsonError(await post({ date: '2022-02-30', text: 'x' }), 400, 'impossible date', /real date/);
    assertJsonError(await post({ date: '2022-01-01', text: 'x', extra: 1 }), 400, 'extra field');
    assertJsonError(await post({ date: '2022-01-01', text: 'x', url: 'javascript:alert(1)' }), 400, 'javascript url');
    assertJsonError(await post({ articles: Array.from({ length: 51 }, (_, i) => ({ id: `a${i}`, date: '2022-01-01', text: 'x' })) }), 400, 'too many');
    assertJsonError(await post({ articles: [] }), 400, 'empty list');
  });
});

describe('rate limit', () => {
  test('too many requests → 429 JSON', async () => {
    const limited = await fixture({ rateLimit: 5 });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await limited.app.inject('/api/health')).statusCode, 200);
      assertJsonError(await limited.app.inject('/api/health'), 429, 'sixth request', /rate limit/);
    } finally {
      await limited.close();
    }
  });
});

test('unknown routes → 404 JSON', async () => {
  assertJsonError(await fx.app.inject('/api/nothing'), 404, 'unknown route');
  assertJsonError(await fx.app.inject({ method: 'DELETE', url: '/api/articles/x' }), 404, 'unknown method');
});
