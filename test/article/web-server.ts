// A local HTTP server on 127.0.0.1 (random port) for the web-input tests: a feed, an Atom feed, a
// sitemap and a sitemap index, HTML pages with scripts, a redirect loop, a long redirect chain, a
// body that trickles forever, one that streams forever as fast as it can, and 404s. It counts the
// requests in flight to check the one-request-per-host rule. All texts are made up for the tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export const PAGE_A = `<!doctype html><html><head><title>Harbour talks</title>
<meta property="article:published_time" content="2024-02-11T08:00:00Z">
<script>globalThis.DYAD_WEB_PWNED = 1; require('node:fs').writeFileSync('/tmp/dyad-pwned', 'x');</script>
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-01-01"}</script>
</head><body><nav>Home | Sections | Login</nav><article><h1>Harbour talks</h1>
<p>The mayor of Northport met union leaders at the harbour on Sunday to settle a long dispute over night shifts for crane operators.</p>
<p>Both sides said they would sign a written agreement within a week, according to a statement from the city council.</p>
<script>document.write('INJECTED TEXT')</script><img src="x.png" onerror="globalThis.DYAD_WEB_PWNED = 2">
</article><footer>Contact us</footer></body></html>`;

export const PAGE_B = `<html><head><title>River protest</title></head><body><article>
<p>Hundreds of farmers marched along the river embankment in Eastvale on Friday to protest against new water charges set by the regional authority.</p>
<p>Police said the march was peaceful and ended at the authority's offices in the early afternoon.</p>
</article><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-02-09T10:00:00+01:00"}]}</script></body></html>`;

export const PAGE_NODATE = `<html><body><article><p>A page that says nothing about when it was written, though it has more than enough words to be read as an article by the reader.</p></article></body></html>`;

export function feedXml(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Test Wire</title><link>${base}/</link><description>Made-up items for tests</description>
<image><url>${base}/logo.png</url><title>Logo</title></image>
<item><title>Budget vote</title><link>${base}/news/budget</link><guid isPermaLink="false">wire-1</guid>
<pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
<description>The city council of Northport approved the annual budget on Tuesday after a long debate&nbsp;about school funding.</description></item>
<item><title>Harbour talks</title><link>${base}/pages/a.html</link><pubDate>Sun, 11 Feb 2024 09:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>${base}/missing</link><pubDate>Mon, 12 Feb 2024 09:00:00 GMT</pubDate></item>
<item><title>Script item</title><guid>wire-4</guid><dc:date>2024-02-13T07:00:00Z</dc:date>
<content:encoded><![CDATA[<p>Two ministers signed a trade pact in Westport.</p><script>globalThis.DYAD_WEB_PWNED = 3</script><p>It takes effect in May.</p>]]></content:encoded></item>
<item><title>Loop</title><link>${base}/loop-a</link><pubDate>Wed, 14 Feb 2024 09:00:00 GMT</pubDate></item>
<item><title>River protest</title><link>${base}/pages/b.html</link><pubDate>Fri, 09 Feb 2024 12:00:00 GMT</pubDate></item>
</channel></rss>`;
}

export function atomXml(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><updated>2024-03-01T00:00:00Z</updated>
<entry><title>Ceasefire call</title><id>urn:test:atom-1</id><link rel="alternate" href="/news/ceasefire"/>
<published>2024-03-01T12:00:00+02:00</published><updated>2024-03-02T12:00:00Z</updated>
<content type="html">&lt;p&gt;The envoy called for a ceasefire in the border villages.&lt;/p&gt;&lt;p&gt;Talks resume Monday.&lt;/p&gt;</content></entry>
<entry><title>Inline</title><id>urn:test:atom-2</id><updated>2024-03-03T08:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Rebels released <b>twelve</b> hostages.</p><p>Officials confirmed it.</p></div></content></entry>
<entry><title>Link only</title><id>urn:test:atom-3</id><link href="${base}/pages/b.html"/></entry>
</feed>`;
}

export function sitemapXml(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${base}/pages/a.html</loc><lastmod>2024-02-20</lastmod></url>
<url><loc>${base}/pages/nodate.html</loc><news:news><news:publication><news:name>Test</news:name></news:publication>
<news:publication_date>2024-02-15T06:00:00Z</news:publication_date><news:title>No date on page</news:title></news:news></url>
<url><loc>${base}/missing</loc></url>
</urlset>`;
}

export function sitemapIndexXml(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/sitemap.xml</loc></sitemap>
<sitemap><loc>${base}/sitemap-index.xml</loc></sitemap>
<sitemap><loc>${base}/sitemap-2.xml.gz</loc></sitemap>
</sitemapindex>`;
}

export interface TestServer {
  base: string;
  /** Most requests in flight at once. */
  maxActive: () => number;
  requests: () => string[];
  /** User-Agent headers seen. */
  agents: () => Set<string>;
  /** Bytes sent by /huge before the client gave up. */
  hugeSent: () => number;
  close: () => Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  let active = 0;
  let max = 0;
  let hugeSent = 0;
  const requests: string[] = [];
  const agents = new Set<string>();
  let base = '';
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const send = (status: number, type: string, body: string | Buffer) => {
      // A short delay so that overlapping requests would be seen.
      setTimeout(() => { res.writeHead(status, { 'content-type': type }); res.end(body); }, 20);
    };
    const xml = 'application/xml; charset=utf-8';
    if (path === '/feed.xml') return send(200, 'application/rss+xml', feedXml(base));
    if (path === '/atom') return send(200, 'application/atom+xml', atomXml(base));
    if (path === '/sitemap.xml') return send(200, xml, sitemapXml(base));
    if (path === '/sitemap-index.xml') return send(200, xml, sitemapIndexXml(base));
    if (path === '/sitemap-2.xml.gz') {
      return send(200, 'application/gzip', gzipSync(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${base}/pages/b.html</loc></url></urlset>`));
    }
    if (path === '/pages/a.html') return send(200, 'text/html; charset=utf-8', PAGE_A);
    if (path === '/pages/b.html') return send(200, 'text/html', PAGE_B);
    if (path === '/pages/nodate.html') return send(200, 'text/html', PAGE_NODATE);
    if (path === '/pages/latin1.html') {
      return send(200, 'text/html; charset=iso-8859-1', Buffer.from('<html><head><meta name="date" content="2024-01-01"></head><body><p>The caf\u00e9 owners of Southbay met the mayor to discuss the new parking rules near the market square on Monday.</p></body></html>', 'latin1'));
    }
    if (path === '/news/budget' || path === '/news/ceasefire') return send(200, 'text/html', PAGE_B);
    if (path === '/data.pdf') return send(200, 'application/pdf', '%PDF-1.4');
    if (path === '/articles.jsonl') return send(200, 'application/x-ndjson', '{"id":"j1","date":"2024-04-01","text":"Voters in Northport elected a new mayor."}\n');
    if (path === '/story.txt') return send(200, 'text/plain; charset=utf-8', 'date 2024-04-02 Strikers blocked the northern bridge.');
    if (path === '/loop-a') { res.writeHead(302, { location: '/loop-b' }); res.end(); return; }
    if (path === '/loop-b') { res.writeHead(301, { location: `${base}/loop-a` }); res.end(); return; }
    if (path.startsWith('/chain/')) {
      const n = Number(path.slice(7));
      res.writeHead(302, { location: `/chain/${n + 1}` });
      res.end();
      return;
    }
    if (path === '/ftp-redirect') { res.writeHead(302, { location: 'ftp://127.0.0.1/x' }); res.end(); return; }
    if (path === '/slow') {
      // Headers at once, then a few bytes every 50 ms, never ending.
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<rss><channel>');
      const t = setInterval(() => res.write('<!-- . -->'), 50);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (path === '/huge') {
      // An endless feed as fast as the client reads it (stops when the client hangs up).
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, '<!-- padding padding padding -->');
      let open = true;
      res.on('close', () => { open = false; });
      const pump = () => {
        while (open && res.write(chunk)) hugeSent += chunk.length;
        if (open) res.once('drain', pump);
      };
      pump();
      return;
    }
    if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10 * 1024 * 1024) });
      res.end();
      return;
    }
    return send(404, 'text/plain', 'not found');
  };
  const server: Server = createServer((req, res) => {
    active++;
    max = Math.max(max, active);
    requests.push(req.url ?? '');
    agents.add(String(req.headers['user-agent']));
    let done = false;
    const finish = () => { if (!done) { done = true; active--; } };
    res.on('close', finish);
    res.on('finish', finish);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    maxActive: () => max,
    requests: () => requests,
    agents: () => agents,
    hugeSent: () => hugeSent,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
