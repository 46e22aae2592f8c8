// Web inputs → articles: a URL (an HTML page, a feed, a sitemap, or any format the file readers
// know), and feeds and sitemaps from files or URLs, whose items become articles. A feed item with
// text of its own is read as it is; an item that only links (or every item, with followLinks) and
// every sitemap entry is fetched and read as an HTML page. Each item that fails is one error record
// naming its URL and the reason; the others are still read. Linked pages are fetched a few at a
// time, in order (the fetcher keeps to one request per host).
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { decodeDocument } from './charset.js';
import { feedFromScan, isFeedRoot, recordElement, type Feed, type FeedEntry } from './feed.js';
import { FetchError, Fetcher, type Fetched } from './fetch.js';
import { articleFromHtml, htmlToText } from './html.js';
import { readJsonl } from './jsonl.js';
import { readPetrarch } from './petrarch.js';
import { fail, ok, type InputFormat, type ReadOptions, type ReadResult } from './result.js';
import { sitemapFromScan } from './sitemap.js';
import { markupKind, type MarkupKind } from './sniff.js';
import { textArticle } from './text.js';
import { scanXml, XmlError } from './xml.js';
import { localDate } from './dates.js';
import type { Article } from '../types.js';

/** Linked pages fetched ahead of the one being read (different hosts proceed in parallel). */
const WINDOW = 8;
/** Sitemap indexes may point to further indexes; deeper than this is refused. */
const MAX_SITEMAP_DEPTH = 3;

const ACCEPT_ANY = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';
const ACCEPT_HTML = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

interface Context {
  fetcher: Fetcher;
  options: ReadOptions;
  /** Sitemaps and feeds already read in this run (loops in sitemap indexes). */
  visited: Set<string>;
}

export function webContext(options: ReadOptions): Context {
  return { fetcher: options.fetcher ?? new Fetcher(options.fetch), options, visited: new Set() };
}

type Kind = 'html' | 'feed' | 'jsonl' | 'petrarch' | 'text';

function kindOfMarkup(k: MarkupKind): Kind {
  return k === 'html' ? 'html' : k === 'xml' ? 'petrarch' : 'feed';
}

/** What a fetched body is: the forced format, else the Content-Type, else sniffed. */
function kindOf(f: Fetched, format: InputFormat | undefined): Kind {
  if (format === 'html' || format === 'feed' || format === 'jsonl' || format === 'petrarch') return format;
  if (format === 'text' || format === 'dated') return 'text';
  const type = f.contentType.split(';')[0]!.trim();
  const head = f.body.subarray(0, 4096).toString('latin1');
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.endsWith('json') || type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'text/plain') return 'text';
  if (type.includes('xml') || type.includes('rss') || type.includes('atom')) return kindOfMarkup(markupKind(head, true) ?? 'xml');
  const first = head.trimStart()[0];
  if (first === '{') return 'jsonl';
  if (first === '<') return kindOfMarkup(markupKind(head, true) ?? 'xml');
  return 'text';
}

/** Gzipped bodies (sitemap.xml.gz, served as application/gzip) unpacked, within the size limit. */
export function gunzipped(body: Buffer, maxBytes: number): Buffer | { error: string } {
  if (body[0] !== 0x1f || body[1] !== 0x8b) return body;
  try {
    return gunzipSync(body, { maxOutputLength: maxBytes });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { error: err.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError ? `gzipped body unpacks to more than ${maxBytes} bytes (--max-bytes)` : `corrupt gzip data: ${err.message}` };
  }
}

async function get(ctx: Context, url: string, accept: string): Promise<Fetched | { error: string }> {
  try {
    const f = await ctx.fetcher.get(url, accept);
    const body = gunzipped(f.body, ctx.fetcher.maxBytes);
    if (!Buffer.isBuffer(body)) return body;
    return body === f.body ? f : { ...f, body, contentType: f.contentType.includes('gzip') ? '' : f.contentType };
  } catch (e) {
    return { error: e instanceof FetchError ? e.message : `fetch failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** Read one http(s) URL given as an input. */
export async function* readUrl(url: string, ctx: Context): AsyncGenerator<ReadResult> {
  const f = await get(ctx, url, ACCEPT_ANY);
  if ('error' in f) { yield fail(url, f.error); return; }
  ctx.visited.add(new URL(url).href).add(f.url);
  yield* readFetched(url, f, ctx, 0);
}

async function* readFetched(id: string, f: Fetched, ctx: Context, depth: number): AsyncGenerator<ReadResult> {
  const { options } = ctx;
  switch (kindOf(f, options.format)) {
    case 'html': {
      const decoded = decodeDocument(f.body, f.contentType, 'html');
      yield decoded.ok ? articleFromHtml(decoded.text, id, options.date, f.url) : fail(id, decoded.reason);
      return;
    }
    case 'feed':
      yield* readSyndication(f.body, f.contentType, id, f.url, ctx, depth);
      return;
    case 'jsonl':
      yield* readJsonl(Readable.from([f.body]), id, options);
      return;
    case 'petrarch':
      yield* readPetrarch(Readable.from([f.body]), id, options);
      return;
    case 'text': {
      const mode = options.format === 'text' ? 'text' : options.format === 'dated' ? 'dated' : 'auto';
      yield textArticle(f.body, id, mode, options, () => localDate(new Date()));
    }
  }
}

/** A fetched page read as HTML; `preferred` (a feed's own date for the item) wins over the page's. */
async function pageArticle(ctx: Context, link: string, id: string, preferred: string | null, fallback: string | undefined, extra: { title?: string; source?: string }): Promise<ReadResult> {
  const f = await get(ctx, link, ACCEPT_HTML);
  if ('error' in f) return fail(link, f.error);
  const type = f.contentType.split(';')[0]!.trim();
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml' && !(type === 'text/plain' && markupKind(f.body.subarray(0, 4096).toString('latin1'), true) === 'html')) {
    return fail(link, `not an HTML page (Content-Type ${type})`);
  }
  const decoded = decodeDocument(f.body, f.contentType, 'html');
  if (!decoded.ok) return fail(link, decoded.reason);
  const r = articleFromHtml(decoded.text, id, preferred ?? fallback, f.url);
  if (!r.ok) return fail(link, r.reason);
  if (preferred) r.article.date = preferred;
  if (!r.article.title && extra.title) r.article.title = extra.title;
  if (!r.article.source && extra.source) r.article.source = extra.source;
  return r;
}

/** Map with up to `width` calls running, results yielded in input order. `fn` must not reject. */
async function* ordered<T, R>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  let next = 0;
  const refill = () => {
    while (next < items.length && running.length < width) { running.push(fn(items[next]!, next)); next++; }
  };
  refill();
  while (running.length > 0) {
    const r = await running.shift()!;
    refill();
    yield r;
  }
}

/** An item's result; an unexpected exception becomes its error record instead of ending the batch. */
async function guarded(where: string, read: () => Promise<ReadResult>): Promise<ReadResult> {
  try {
    return await read();
  } catch (e) {
    return fail(where, `unreadable item: ${(e as Error)?.message ?? String(e)}`);
  }
}

function resolveLink(link: string, base: string | undefined): string | null {
  try {
    return new URL(link, base).href;
  } catch {
    return null;
  }
}

function feedItem(entry: FeedEntry, index: number, name: string, feed: Feed, base: string | undefined, ctx: Context): Promise<ReadResult> {
  const { options } = ctx;
  const link = entry.link ? resolveLink(entry.link, base) : null;
  // A guid is only unique within its feed unless it is an absolute URI (http:, urn:, tag:).
  const guid = entry.guid && !/^[a-z][a-z0-9+.-]*:/i.test(entry.guid) ? `${name}#${entry.guid}` : entry.guid;
  const id = (entry.guid && guid === entry.guid ? guid : link ?? guid) || `${name}#${index + 1}`;
  const where = link ?? `${name}#${index + 1}${entry.guid ? ` (${entry.guid})` : ''}`;
  const text = entry.html ? htmlToText(entry.html) : '';
  if (entry.rawDate && !entry.date) return Promise.resolve(fail(where, `unreadable date "${entry.rawDate.slice(0, 60)}"`));
  if (text && !(options.followLinks && link)) {
    const date = entry.date ?? options.date;
    if (!date) return Promise.resolve(fail(where, 'no pubDate/published/updated in the item and no --date'));
    const article: Article = { id, date, text };
    if (entry.title) article.title = entry.title;
    if (link) article.url = link;
    if (feed.title) article.source = feed.title;
    return Promise.resolve(ok(article));
  }
  if (!link) {
    return Promise.resolve(fail(where, entry.link ? `item link "${entry.link.slice(0, 200)}" cannot be resolved` : 'item has no text and no link'));
  }
  return pageArticle(ctx, link, id, entry.date, options.date, { title: entry.title, source: feed.title });
}

/**
 * A feed or sitemap document (from a file or a URL) → its items' articles. `base` resolves
 * relative links (the document's URL; undefined for local files).
 */
export async function* readSyndication(bytes: Uint8Array, contentType: string, name: string, base: string | undefined, ctx: Context, depth = 0): AsyncGenerator<ReadResult> {
  const decoded = decodeDocument(bytes, contentType, 'xml');
  if (!decoded.ok) { yield fail(name, decoded.reason); return; }
  let scan;
  try {
    scan = scanXml(decoded.text, recordElement);
  } catch (e) {
    yield fail(name, e instanceof XmlError ? e.message : String(e));
    return;
  }
  if (isFeedRoot(scan.root)) {
    const feed = feedFromScan(scan);
    if (feed.entries.length === 0) { yield fail(name, 'feed has no items'); return; }
    yield* ordered(feed.entries, WINDOW, (entry, i) => guarded(`${name}#${i + 1}`, () => feedItem(entry, i, name, feed, base, ctx)));
    return;
  }
  if (scan.root !== 'urlset' && scan.root !== 'sitemapindex') {
    yield fail(name, `not a feed or sitemap (root element <${scan.root || '?'}>)`);
    return;
  }
  const sitemap = sitemapFromScan(scan);
  if (sitemap.kind === 'urlset') {
    if (sitemap.pages.length === 0) { yield fail(name, 'sitemap lists no pages'); return; }
    yield* ordered(sitemap.pages, WINDOW, (page) => guarded(`${name}: ${page.loc.slice(0, 200)}`, () => {
      const loc = resolveLink(page.loc, base);
      if (!loc) return Promise.resolve(fail(`${name}: ${page.loc.slice(0, 200)}`, 'relative or invalid <loc> URL'));
      return pageArticle(ctx, loc, loc, page.published, ctx.options.date ?? page.modified ?? undefined, { title: page.title });
    }));
    return;
  }
  if (sitemap.sitemaps.length === 0) { yield fail(name, 'sitemap index lists no sitemaps'); return; }
  for (const raw of sitemap.sitemaps) {
    const loc = resolveLink(raw, base);
    if (!loc) { yield fail(`${name}: ${raw.slice(0, 200)}`, 'relative or invalid <loc> URL'); continue; }
    if (depth + 1 > MAX_SITEMAP_DEPTH) { yield fail(loc, `sitemap indexes nested deeper than ${MAX_SITEMAP_DEPTH}`); continue; }
    if (ctx.visited.has(loc)) { yield fail(loc, 'sitemap already read in this run (loop in sitemap indexes)'); continue; }
    ctx.visited.add(loc);
    const f = await get(ctx, loc, ACCEPT_ANY);
    if ('error' in f) { yield fail(loc, f.error); continue; }
    yield* readSyndication(f.body, f.contentType, loc, f.url, ctx, depth + 1);
  }
}
