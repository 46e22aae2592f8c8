// HTML pages: main text without navigation, paragraphs kept apart, date from <meta>/<time>,
// scripts never executed, clear errors for pages without text or date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromHtml } from '../../src/article/html.js';

const PAGE = `<html><head><title>Talks in Tallinn</title>
<meta property="article:published_time" content="2023-03-14T10:00:00Z"><meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://example.org/talks">
<script>globalThis.DYAD_PWNED = 1;</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Talks in Tallinn</h1>
<p>The Finnish foreign minister met her Estonian counterpart in Tallinn on Monday to discuss a joint plan for winter ferry traffic across the Gulf of Finland.</p>
<p>The two ministers agreed to set up a working group on port security, according to a statement from the Estonian Foreign Ministry.</p>
<img src="x" onerror="globalThis.DYAD_PWNED = 2"></article><footer>Copyright 2023</footer></body></html>`;

test('HTML page: main text, paragraphs, date, title, url, source; no script runs', () => {
  const r = articleFromHtml(PAGE, 'page.html');
  assert.ok(r.ok);
  const a = r.article;
  assert.equal(a.date, '2023-03-14');
  assert.equal(a.title, 'Talks in Tallinn');
  assert.equal(a.url, 'https://example.org/talks');
  assert.equal(a.source, 'Example News');
  assert.match(a.text, /Gulf of Finland\.\n\nThe two ministers/);
  assert.doesNotMatch(a.text, /Home \| World|Copyright|DYAD_PWNED/);
  assert.equal((globalThis as { DYAD_PWNED?: number }).DYAD_PWNED, undefined);
});

test('HTML dates: <time datetime>, then the fallback; errors otherwise', () => {
  const t = articleFromHtml('<html><body><time datetime="2020-05-06">May 6</time><p>Some words here that make a text body for the reader.</p></body></html>', 't');
  assert.ok(t.ok && t.article.date === '2020-05-06');
  const f = articleFromHtml('<html><body><p>Words without any date at all in this page.</p></body></html>', 'f', '2021-01-02');
  assert.ok(f.ok && f.article.date === '2021-01-02');
  const none = articleFromHtml('<html><body><p>Words without any date.</p></body></html>', 'n');
  assert.ok(!none.ok && /no date/.test(none.reason));
  const empty = articleFromHtml('<html><body><script>x()</script></body></html>', 'e', '2021-01-01');
  assert.ok(!empty.ok && /no text/.test(empty.reason));
});
