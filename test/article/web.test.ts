// Web inputs against a local HTTP server: feeds (RSS, Atom), sitemaps and sitemap indexes, HTML
// pages with scripts (never run), and the faults: 404, a redirect loop, too many redirects, a body
// that never ends (timeout) and one that is too large (size limit). Each failing item is one error
// record naming its URL and reason; the rest of the batch is read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Fetcher } from '../../src/article/fetch.js';
import { feedDate } from '../../src/article/feed.js';
import { readInputs } from '../../src/article/read.js';
import { markupKind } from '../../src/article/sniff.js';
import { TempDir, articles, collect, errors } from './helpers.js';
import { atomXml, feedXml, sitemapXml, startServer, type TestServer } from './web-server.js';

const pwned = () => (globalThis as { DYAD_WEB_PWNED?: number }).DYAD_WEB_PWNED;

describe('web inputs over a loopback server', () => {
  let srv: TestServer;
  before(async () => { srv = await startServer(); });
  after(async () => { await srv.close(); });

  test('an RSS feed from a URL: item text, linked pages, dates as written; failures are records', async () => {
    const rs = await collect(readInputs([`${srv.base}/feed.xml`]));
    const arts = articles(rs);
    // Ids: the link, unless the guid is a URI; a guid that is not is only unique within its feed.
    assert.deepEqual(arts.map((a) => a.id), [`${srv.base}/news/budget`, `${srv.base}/pages/a.html`, `${srv.base}/feed.xml#wire-4`, `${srv.base}/pages/b.html`]);
    const [budget, harbour, script, river] = arts as [typeof arts[0], typeof arts[0], typeof arts[0], typeof arts[0]];
    // Item text, not the linked page; the publisher's own calendar date (23:30 -0500 is still the 5th).
    assert.equal(budget.date, '2024-03-05');
    assert.equal(budget.text, 'The city council of Northport approved the annual budget on Tuesday after a long debate about school funding.');
    assert.equal(budget.title, 'Budget vote');
    assert.equal(budget.url, `${srv.base}/news/budget`);
    assert.equal(budget.source, 'Test Wire');
    // A link-only item: the page is fetched; the feed's date wins over the page's own.
    assert.equal(harbour.date, '2024-02-11');
    assert.match(harbour.text, /^The mayor of Northport met union leaders.*\n\nBoth sides said/s);
    assert.doesNotMatch(harbour.text, /Home \| Sections|Contact us|INJECTED|DYAD_WEB_PWNED/);
    assert.equal(script.text, 'Two ministers signed a trade pact in Westport.\n\nIt takes effect in May.');
    assert.equal(script.date, '2024-02-13');
    assert.equal(river.date, '2024-02-09');
    assert.equal(river.title, 'River protest');
    const errs = errors(rs);
    assert.deepEqual(errs.map((e) => e.record), [`${srv.base}/missing`, `${srv.base}/loop-a`]);
    assert.equal(errs[0]!.reason, 'HTTP 404 Not Found');
    assert.match(errs[1]!.reason, /^redirect loop at .*\/loop-a$/);
    assert.equal(pwned(), undefined);
    assert.equal(existsSync('/tmp/dyad-pwned'), false);
    assert.deepEqual([...srv.agents()].filter((a) => !a.startsWith('dyad/')), []);
  });

  test('one request per host at a time, even with several linked pages fetched ahead', async () => {
    const before = srv.maxActive();
    assert.ok(before <= 1);
    await collect(readInputs([`${srv.base}/feed.xml`, `${srv.base}/sitemap.xml`], { followLinks: true }));
    assert.equal(srv.maxActive(), 1);
  });

  test('--follow-links reads the page even when the item has text', async () => {
    const rs = await collect(readInputs([`${srv.base}/feed.xml`], { followLinks: true }));
    const budget = articles(rs).find((a) => a.id === `${srv.base}/news/budget`)!;
    assert.match(budget.text, /farmers marched/);
    assert.equal(budget.date, '2024-03-05');
  });

  test('an Atom feed: html and xhtml content, relative links, updated as the date of last resort', async () => {
    const rs = await collect(readInputs([`${srv.base}/atom`]));
    assert.deepEqual(errors(rs), []);
    const arts = articles(rs);
    assert.deepEqual(arts.map((a) => [a.id, a.date]), [['urn:test:atom-1', '2024-03-01'], ['urn:test:atom-2', '2024-03-03'], ['urn:test:atom-3', '2024-02-09']]);
    assert.equal(arts[0]!.text, 'The envoy called for a ceasefire in the border villages.\n\nTalks resume Monday.');
    assert.equal(arts[0]!.url, `${srv.base}/news/ceasefire`);
    assert.equal(arts[1]!.text, 'Rebels released twelve hostages.\n\nOfficials confirmed it.');
    assert.equal(arts[0]!.source, 'Atom Desk');
  });

  test('a sitemap: every page fetched; news:publication_date, then the page, then lastmod', async () => {
    const rs = await collect(readInputs([`${srv.base}/sitemap.xml`]));
    assert.deepEqual(articles(rs).map((a) => [a.id, a.date, a.title]), [
      [`${srv.base}/pages/a.html`, '2024-02-11', 'Harbour talks'],
      [`${srv.base}/pages/nodate.html`, '2024-02-15', 'No date on page'],
    ]);
    assert.deepEqual(errors(rs).map((e) => `${e.record}: ${e.reason}`), [`${srv.base}/missing: HTTP 404 Not Found`]);
  });

  test('a sitemap index: nested sitemaps (gzipped too) are read, a loop is reported once', async () => {
    const rs = await collect(readInputs([`${srv.base}/sitemap-index.xml`]));
    assert.deepEqual(articles(rs).map((a) => a.id), [`${srv.base}/pages/a.html`, `${srv.base}/pages/nodate.html`, `${srv.base}/pages/b.html`]);
    assert.deepEqual(errors(rs).map((e) => e.record), [`${srv.base}/missing`, `${srv.base}/sitemap-index.xml`]);
    assert.match(errors(rs)[1]!.reason, /loop/);
  });

  test('other formats from URLs by Content-Type; a linked page that is not HTML is an error', async () => {
    const t = new TempDir();
    try {
      const feed = t.file('pdf.rss', `<rss><channel><item><link>${srv.base}/data.pdf</link><pubDate>2024-01-01</pubDate></item></channel></rss>`);
      const rs = await collect(readInputs([`${srv.base}/articles.jsonl`, `${srv.base}/story.txt`, feed]));
      assert.deepEqual(articles(rs).map((a) => [a.id, a.date, a.text]), [
        ['j1', '2024-04-01', 'Voters in Northport elected a new mayor.'],
        [`${srv.base}/story.txt`, '2024-04-02', 'Strikers blocked the northern bridge.'],
      ]);
      assert.deepEqual(errors(rs).map((e) => `${e.record}: ${e.reason}`), [`${srv.base}/data.pdf: not an HTML page (Content-Type application/pdf)`]);
    } finally {
      t.remove();
    }
  });

  test('HTML from a URL, in its declared character set', async () => {
    const rs = await collect(readInputs([`${srv.base}/pages/a.html`, `${srv.base}/pages/latin1.html`]));
    assert.deepEqual(errors(rs), []);
    const [a, l] = articles(rs);
    assert.equal(a!.id, `${srv.base}/pages/a.html`);
    assert.equal(a!.date, '2024-02-11');
    assert.match(l!.text, /The café owners of Southbay/);
    assert.equal(pwned(), undefined);
  });

  test('faults: timeout on a body that never ends, size limit on one that never stops, redirects, schemes', async () => {
    const started = Date.now();
    const rs = await collect(readInputs([
      `${srv.base}/slow`, `${srv.base}/huge`, `${srv.base}/chain/0`, `${srv.base}/big-declared`, `${srv.base}/ftp-redirect`,
      'ftp://127.0.0.1/feed.xml', `${srv.base}/missing`, `${srv.base}/pages/b.html`,
    ], { fetch: { timeoutMs: 400, maxBytes: 256 * 1024, maxRedirects: 3 } }));
    assert.ok(Date.now() - started < 10_000);
    const errs = errors(rs).map((e) => `${e.record.replace(srv.base, '')}: ${e.reason}`);
    assert.equal(errs.length, 7);
    assert.match(errs[0]!, /^\/slow: timed out after 0.4 s \(--timeout\) with \d+ bytes read$/);
    assert.equal(errs[1], '/huge: body larger than 256 KB (--max-bytes); download stopped');
    assert.equal(errs[2], '/chain/0: more than 3 redirects (--max-redirects)');
    assert.equal(errs[3], '/big-declared: body of 10485760 bytes is larger than 256 KB (--max-bytes)');
    assert.equal(errs[4], '/ftp-redirect: unsupported URL scheme "ftp:" (only http and https)');
    assert.equal(errs[5], 'ftp://127.0.0.1/feed.xml: unsupported URL scheme "ftp:" (only http and https)');
    assert.equal(errs[6], '/missing: HTTP 404 Not Found');
    assert.deepEqual(articles(rs).map((a) => a.id), [`${srv.base}/pages/b.html`]);
    // The endless body was cut off near the limit, not read on and on.
    assert.ok(srv.hugeSent() < 16 * 1024 * 1024, `server sent ${srv.hugeSent()} bytes`);
  });

  test('a connection refused is a record too', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const rs = await collect(readInputs([`http://127.0.0.1:${port}/feed.xml`], { fetcher: new Fetcher({ timeoutMs: 2000 }) }));
    assert.deepEqual(errors(rs).map((e) => `${e.record}: ${e.reason}`), [`http://127.0.0.1:${port}/feed.xml: connection refused`]);
  });

  test('a local feed file whose items only link: pages fetched from the server', async () => {
    const t = new TempDir();
    try {
      const path = t.file('wire.xml', feedXml(srv.base));
      const sm = t.file('pages.xml', sitemapXml(srv.base));
      const rs = await collect(readInputs([path, sm]));
      assert.equal(articles(rs).length, 6);
      assert.deepEqual(errors(rs).map((e) => e.record), [`${srv.base}/missing`, `${srv.base}/loop-a`, `${srv.base}/missing`]);
    } finally {
      t.remove();
    }
  });
});

describe('local feeds, pages and sniffing (no network)', () => {
  test('.html files are read as pages (mtime as the last-resort date, with a note); scripts never run', async () => {
    const t = new TempDir();
    try {
      const dir = t.path;
      t.file('a.html', '<html><head><meta name="date" content="2022-05-06"><script>globalThis.DYAD_WEB_PWNED = 9</script></head><body><p>The prime minister of Oceania visited the flooded districts on Friday and promised emergency funds for rebuilding.</p></body></html>');
      t.file('b.htm', '<html><body><p>Students occupied the main hall of the university on Monday, demanding lower fees and more housing.</p></body></html>');
      const notes: string[] = [];
      const rs = await collect(readInputs([dir], { notice: (m) => notes.push(m) }));
      assert.deepEqual(errors(rs), []);
      const [a, b] = articles(rs);
      assert.equal(a!.date, '2022-05-06');
      assert.match(a!.text, /^The prime minister of Oceania/);
      assert.match(b!.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(notes.length, 1);
      assert.match(notes[0]!, /b\.htm: no date in the page/);
      const given = articles(await collect(readInputs([`${dir}/b.htm`], { date: '2020-01-02' })));
      assert.equal(given[0]!.date, '2020-01-02');
      assert.equal(pwned(), undefined);
    } finally {
      t.remove();
    }
  });

  test('.xml is a feed, a sitemap or PETRARCH by its root element; stdin is sniffed the same way', async () => {
    const t = new TempDir();
    try {
      const feed = t.file('f.xml', '<?xml version="1.0"?>\n<!-- a comment --><rss><channel><title>T</title><item><title>x</title><description>Words here.</description><pubDate>2021-02-03T00:00:00Z</pubDate></item></channel></rss>');
      const pet = t.file('p.xml', '<Sentences><Sentence date="20210104" id="s1"><Text>Xml text.</Text></Sentence></Sentences>');
      const rs = await collect(readInputs([feed, pet]));
      assert.deepEqual(articles(rs).map((a) => [a.id, a.date, a.text]), [[`${feed}#1`, '2021-02-03', 'Words here.'], ['s1', '2021-01-04', 'Xml text.']]);
      const { Readable } = await import('node:stream');
      const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><updated>2021-05-05T00:00:00Z</updated><summary>Short text.</summary></entry></feed>';
      const fromStdin = await collect(readInputs(['-'], {}, Readable.from([Buffer.from('  \n'), Buffer.from(atom.slice(0, 3)), Buffer.from(atom.slice(3))])));
      assert.deepEqual(articles(fromStdin).map((a) => [a.id, a.text]), [['-#e1', 'Short text.']]);
      const html = await collect(readInputs(['-'], { date: '2021-01-01' }, Readable.from(['<!DOCTYPE html><html><body><p>Stdin page text that is long enough.</p></body></html>'])));
      assert.equal(articles(html)[0]?.text, 'Stdin page text that is long enough.');
    } finally {
      t.remove();
    }
  });

  test('bad feeds: malformed XML, no items, an item without a date or with an unreadable one', async () => {
    const t = new TempDir();
    try {
      const broken = t.file('broken.rss', '<rss><channel><item><title>x</item></channel></rss>');
      const empty = t.file('empty.rss', '<rss><channel><title>Nothing</title></channel></rss>');
      const dates = t.file('dates.rss', '<rss><channel><item><guid>g1</guid><description>No date.</description></item><item><guid>g2</guid><pubDate>someday</pubDate><description>Bad date.</description></item><item><guid>g3</guid><description>Text only</description><pubDate>3 Jan 2021</pubDate></item></channel></rss>');
      const rs = await collect(readInputs([broken, empty, dates]));
      const errs = errors(rs);
      assert.equal(errs.length, 4);
      assert.equal(errs[0]!.record, broken);
      assert.match(errs[0]!.reason, /^malformed XML/);
      assert.deepEqual([errs[1]!.record, errs[1]!.reason], [empty, 'feed has no items']);
      assert.match(`${errs[2]!.record}: ${errs[2]!.reason}`, /dates\.rss#1 \(g1\): no pubDate\/published\/updated in the item and no --date/);
      assert.match(`${errs[3]!.record}: ${errs[3]!.reason}`, /dates\.rss#2 \(g2\): unreadable date "someday"/);
      assert.deepEqual(articles(rs).map((a) => [a.id, a.date]), [[`${dates}#g3`, '2021-01-03']]);
    } finally {
      t.remove();
    }
  });

  test('feed dates: ISO 8601 and RFC 822 (two-digit years, no weekday), as written', () => {
    assert.equal(feedDate('2024-02-11T23:59:59-08:00'), '2024-02-11');
    assert.equal(feedDate('Tue, 05 Mar 2024 23:30:00 -0500'), '2024-03-05');
    assert.equal(feedDate('5 March 2024'), '2024-03-05');
    assert.equal(feedDate('Thu, 01 Jan 70 00:00:00 GMT'), '1970-01-01');
    assert.equal(feedDate('31 Feb 2024'), null);
    assert.equal(feedDate('soon'), null);
  });

  test('markup sniffing', () => {
    assert.equal(markupKind('<?xml version="1.0"?><rss>', true), 'feed');
    assert.equal(markupKind('\ufeff<rdf:RDF xmlns:rdf="x">'), 'feed');
    assert.equal(markupKind('<!-- c --><urlset>'), 'sitemap');
    assert.equal(markupKind('<!DOCTYPE html><html>'), 'html');
    assert.equal(markupKind('<Sentences>'), 'xml');
    assert.equal(markupKind('<?xml version'), null);
    assert.equal(markupKind('<?xml version', true), 'xml');
  });
});
