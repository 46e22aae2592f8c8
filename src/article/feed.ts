// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → entries: id (guid / Atom id / link), link, title, the
// item's own HTML (content:encoded, Atom content, else description / summary) and its date
// (pubDate, published, updated, dc:date). Pure: fetching linked pages is the caller's job.
import { normaliseDate } from './dates.js';
import { child, childText, childrenNamed, innerMarkup, scanXml, textOf, type XmlNode, type XmlScan } from './xml.js';

export interface FeedEntry {
  /** guid / Atom id / rdf:about, if any. */
  guid?: string;
  link?: string;
  title?: string;
  /** The item's content as HTML (or plain text), '' if it has none. */
  html: string;
  /** YYYY-MM-DD, or null if the item carries no readable date. */
  date: string | null;
  /** The date as written, for error messages. */
  rawDate?: string;
}

export interface Feed {
  title?: string;
  entries: FeedEntry[];
}

const FEED_ROOTS = new Set(['rss', 'rdf', 'feed']);
export const SITEMAP_ROOTS = new Set(['urlset', 'sitemapindex']);

export function isFeedRoot(root: string): boolean {
  return FEED_ROOTS.has(root);
}

/** The record element of a feed or sitemap root. */
export function recordElement(root: string): string | null {
  if (root === 'rss' || root === 'rdf') return 'item';
  if (root === 'feed') return 'entry';
  if (root === 'urlset') return 'url';
  if (root === 'sitemapindex') return 'sitemap';
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * YYYY-MM-DD from a feed date: ISO 8601 (Atom, dc:date, sitemaps) or RFC 822 (RSS pubDate,
 * "Tue, 24 Aug 2021 23:30:00 -0500"). The calendar date is taken as written, in the publisher's
 * own time zone, not converted to UTC: that is the day the article means by "today".
 */
export function feedDate(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  const iso = normaliseDate(s.length > 10 && s[10] === 'T' ? s.slice(0, 10) : s);
  if (iso) return iso;
  const words = s.split(/[\s,]+/);
  let day = -1;
  let month = -1;
  let year = -1;
  for (const w of words) {
    const lower = w.toLowerCase();
    const m = MONTHS.indexOf(lower.slice(0, 3));
    if (m !== -1 && month === -1 && /^[a-z]+\.?$/.test(lower)) { month = m + 1; continue; }
    if (/^\d{1,2}$/.test(w) && day === -1 && month === -1) { day = Number(w); continue; }
    if (/^\d{4}$/.test(w) && year === -1) { year = Number(w); continue; }
    if (/^\d{2}$/.test(w) && year === -1 && month !== -1) { const y = Number(w); year = y < 50 ? 2000 + y : 1900 + y; continue; }
  }
  if (day < 1 || month < 1 || year < 1) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return normaliseDate(`${year}-${p(month)}-${p(day)}`);
}

function atomLink(entry: XmlNode): string | undefined {
  const links = childrenNamed(entry, 'link');
  const alt = links.find((l) => !l.attrs.rel || l.attrs.rel === 'alternate') ?? links[0];
  return alt?.attrs.href?.trim() || undefined;
}

function atomContent(entry: XmlNode): string {
  for (const name of ['content', 'summary']) {
    const c = child(entry, name);
    if (!c) continue;
    const html = c.attrs.type === 'xhtml' ? innerMarkup(c) : textOf(c);
    if (html.trim()) return html;
  }
  return '';
}

function entryOf(item: XmlNode, atom: boolean): FeedEntry {
  const rawDate = atom
    ? childText(item, 'published', 'issued', 'updated', 'modified', 'date')
    : childText(item, 'pubdate', 'date', 'published', 'updated');
  const guid = atom ? childText(item, 'id') : (childText(item, 'guid') || item.attrs['rdf:about']?.trim() || '');
  let link = atom ? atomLink(item) : (childText(item, 'link') || undefined);
  // RSS: a guid that is a permalink is the link when <link> is missing.
  if (!link && !atom && /^https?:\/\//i.test(guid) && child(item, 'guid')?.attrs.isPermaLink !== 'false') link = guid;
  const entry: FeedEntry = {
    html: atom ? atomContent(item) : (childText(item, 'encoded') || childText(item, 'description')),
    date: rawDate ? feedDate(rawDate) : null,
  };
  if (rawDate) entry.rawDate = rawDate;
  if (guid) entry.guid = guid;
  if (link) entry.link = link;
  const title = childText(item, 'title');
  if (title) entry.title = title;
  return entry;
}

/** Parse an RSS/RDF/Atom document. Throws XmlError if it is malformed. */
export function parseFeed(xml: string): Feed {
  return feedFromScan(scanXml(xml, recordElement));
}

/** The feed in an already scanned document (scanned with `recordElement`). */
export function feedFromScan(scan: XmlScan): Feed {
  const atom = scan.root === 'feed';
  const channel = atom ? scan.top : child(scan.top, 'channel');
  const feed: Feed = { entries: scan.records.map((r) => entryOf(r, atom)) };
  const title = childText(channel, 'title');
  if (title) feed.title = title;
  return feed;
}
