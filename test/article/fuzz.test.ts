// Property tests: random and mutated inputs never make a reader throw, and everything a reader
// yields is either a well-formed Article or an error record with a record name and a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normaliseDate } from '../../src/article/dates.js';
import { readJsonl } from '../../src/article/jsonl.js';
import { readPetrarch } from '../../src/article/petrarch.js';
import { readStreamArticles } from '../../src/article/read.js';
import type { ReadResult } from '../../src/article/result.js';
import { collect, streamOf } from './helpers.js';

function assertWellFormed(rs: ReadResult[]): void {
  for (const r of rs) {
    if (r.ok) {
      const a = r.article;
      assert.equal(typeof a.id, 'string');
      assert.ok(a.id.length > 0);
      assert.equal(normaliseDate(a.date), a.date, `date ${a.date}`);
      assert.equal(typeof a.text, 'string');
      assert.ok(a.text.trim().length > 0);
      for (const k of ['title', 'url', 'source'] as const) assert.ok(a[k] === undefined || typeof a[k] === 'string');
    } else {
      assert.equal(typeof r.record, 'string');
      assert.ok(r.record.length > 0);
      assert.equal(typeof r.reason, 'string');
      assert.ok(r.reason.length > 0);
    }
  }
}

type Mutation = { at: number; kind: 'delete' | 'insert' | 'dup' | 'truncate' | 'byte'; ch: string; byte: number };
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'dup', 'truncate', 'byte'),
  ch: fc.constantFrom('"', '{', '}', '<', '>', '&', '\n', '\\', ',', ':', ' ', '\u0000', 'é', '\uD800', ']', '/'),
  byte: fc.integer({ min: 0, max: 255 }),
}) as fc.Arbitrary<Mutation>;

/** Apply byte-level mutations (so invalid UTF-8 is produced too). */
function mutate(s: string, ms: Mutation[]): Buffer {
  let b = Buffer.from(s, 'utf8');
  for (const m of ms) {
    const i = b.length === 0 ? 0 : m.at % (b.length + 1);
    if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, i), b.subarray(i + 1)]);
    else if (m.kind === 'insert') b = Buffer.concat([b.subarray(0, i), Buffer.from(m.ch, 'utf8'), b.subarray(i)]);
    else if (m.kind === 'dup') b = Buffer.concat([b.subarray(0, i), b.subarray(i, i + 20), b.subarray(i)]);
    else if (m.kind === 'truncate') b = b.subarray(0, i);
    else b = Buffer.concat([b.subarray(0, i), Buffer.from([m.byte]), b.subarray(i)]);
  }
  return b;
}

const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' ') + '.');
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const record = fc.record({ id: word, date, text: sentence, title: fc.option(sentence, { nil: undefined }) });
const chunk = fc.integer({ min: 0, max: 40 });

const RUNS = { numRuns: 150 };

test('random bytes/strings never throw in any reader', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 200 }).map((u) => Buffer.from(u))), chunk, async (buf, size) => {
      assertWellFormed(await collect(readJsonl(streamOf(buf, size), 'r.jsonl')));
      assertWellFormed(await collect(readPetrarch(streamOf(buf, size), 'r.xml')));
      assertWellFormed(await collect(readStreamArticles(streamOf(buf, size), '-')));
      assertWellFormed(await collect(readStreamArticles(streamOf(buf, size), '-', { format: 'dated' })));
    }),
    RUNS,
  );
});

test('mutated JSON lines: no exception, well-formed results, one result per non-blank line', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 5 }), fc.array(mutation, { maxLength: 4 }), chunk, async (recs, ms, size) => {
      const buf = mutate(recs.map((r) => JSON.stringify(r)).join('\n') + '\n', ms);
      const rs = await collect(readJsonl(streamOf(buf, size), 'm.jsonl'));
      assertWellFormed(rs);
      const lines = buf.toString('latin1').split('\n').filter((l) => l.trim().length > 0).length;
      if (buf.indexOf(0) === -1) assert.equal(rs.length, Math.max(lines, 1));
    }),
    RUNS,
  );
});

test('mutated PETRARCH XML: no exception, well-formed results', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), chunk, async (recs, ms, size) => {
      const xml = '<?xml version="1.0"?><Sentences>' +
        recs.map((r) => `<Sentence date="${r.date.replaceAll('-', '')}" id="${r.id}"><Text>${r.text}</Text><Parse>(S)</Parse></Sentence>`).join('\n') +
        '</Sentences>';
      const rs = await collect(readPetrarch(streamOf(mutate(xml, ms), size), 'm.xml'));
      assertWellFormed(rs);
      if (ms.length === 0) assert.equal(rs.filter((r) => r.ok).length, recs.length);
    }),
    RUNS,
  );
});

test('mutated dated text: no exception, well-formed results', async () => {
  await fc.assert(
    fc.asyncProperty(date, fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.array(mutation, { maxLength: 3 }), chunk, async (d, ss, ms, size) => {
      const text = ` date ${d} ${ss.join(' ')}`;
      const rs = await collect(readStreamArticles(streamOf(mutate(text, ms), size), '-', { format: 'dated' }));
      assert.equal(rs.length, 1);
      assertWellFormed(rs);
      if (ms.length === 0) assert.deepEqual(rs[0], { ok: true, article: { id: '-', date: d, text: ss.join(' ') } });
    }),
    RUNS,
  );
});

test('mutated feeds, sitemaps and HTML: no exception, well-formed results (no network touched)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 4 }), fc.array(mutation, { maxLength: 4 }), fc.constantFrom('rss', 'atom', 'sitemap', 'html'), chunk, async (recs, ms, kind, size) => {
      const doc = kind === 'rss'
        ? `<?xml version="1.0"?><rss><channel><title>F</title>${recs.map((r) => `<item><guid>${r.id}</guid><pubDate>${r.date}</pubDate><description>&lt;p&gt;${r.text}&lt;/p&gt;</description></item>`).join('')}</channel></rss>`
        : kind === 'atom'
          ? `<feed xmlns="http://www.w3.org/2005/Atom">${recs.map((r) => `<entry><id>${r.id}</id><updated>${r.date}T00:00:00Z</updated><content type="xhtml"><div><p>${r.text}</p></div></content></entry>`).join('')}</feed>`
          : kind === 'sitemap'
            ? `<urlset>${recs.map((r) => `<url><loc>${r.id}</loc><lastmod>${r.date}</lastmod></url>`).join('')}</urlset>`
            : `<!DOCTYPE html><html><head><meta name="date" content="${recs[0]!.date}"><script>globalThis.DYAD_FUZZ_RAN = 1</script></head><body>${recs.map((r) => `<p>${r.text}</p>`).join('')}</body></html>`;
      const buf = mutate(doc, ms);
      const rs = await collect(readStreamArticles(streamOf(buf, size), '-', { date: '2020-01-01' }));
      assertWellFormed(rs);
      if (ms.length === 0 && kind !== 'sitemap') assert.ok(rs.every((r) => r.ok), JSON.stringify(rs));
      assert.equal((globalThis as { DYAD_FUZZ_RAN?: number }).DYAD_FUZZ_RAN, undefined);
    }),
    RUNS,
  );
});

test('entity definitions in a feed are never expanded ("billion laughs")', async () => {
  const lol = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    + '<rss><channel><item><guid>x</guid><pubDate>2021-01-01</pubDate><description>Boom &c; here.</description></item></channel></rss>';
  const rs = await collect(readStreamArticles(streamOf(lol), '-'));
  assert.equal(rs.length, 1);
  assert.ok(rs[0]!.ok);
  assert.ok(rs[0]!.article.text.length < 100, rs[0]!.article.text);
});
