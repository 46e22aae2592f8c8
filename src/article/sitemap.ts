// XML sitemaps (sitemaps.org) → the pages they list: <urlset> entries with their <loc>, <lastmod>
// and, in Google News sitemaps, <news:publication_date> and <news:title>; <sitemapindex> entries
// point to further sitemaps. Pure: fetching is the caller's job.
import { feedDate } from './feed.js';
import { child, childText, type XmlScan } from './xml.js';

export interface SitemapPage {
  loc: string;
  /** news:publication_date, the article's own date (YYYY-MM-DD), if given and readable. */
  published: string | null;
  /** lastmod (YYYY-MM-DD): when the page last changed, a date of last resort. */
  modified: string | null;
  title?: string;
}

export type Sitemap =
  | { kind: 'urlset'; pages: SitemapPage[] }
  | { kind: 'index'; sitemaps: string[] };

/** The sitemap in a scanned document (root urlset or sitemapindex, scanned with `recordElement`). */
export function sitemapFromScan(scan: XmlScan): Sitemap {
  if (scan.root === 'sitemapindex') {
    return { kind: 'index', sitemaps: scan.records.map((r) => childText(r, 'loc')).filter((l) => l !== '') };
  }
  const pages: SitemapPage[] = [];
  for (const r of scan.records) {
    const loc = childText(r, 'loc');
    if (!loc) continue;
    const news = child(r, 'news');
    const published = childText(news, 'publication_date');
    const modified = childText(r, 'lastmod');
    const page: SitemapPage = { loc, published: published ? feedDate(published) : null, modified: modified ? feedDate(modified) : null };
    const title = childText(news, 'title');
    if (title) page.title = title;
    pages.push(page);
  }
  return { kind: 'urlset', pages };
}
