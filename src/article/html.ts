// HTML pages → articles: the main text by Mozilla Readability over linkedom (a DOM without a
// browser: scripts are never executed), the date from <meta> (article:published_time, date,
// DC.date, og:…), JSON-LD datePublished or the first <time datetime>, the title, URL (canonical link) and site name.
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHTML } from 'linkedom';
import { normaliseDate } from './dates.js';
import { fail, ok, type ReadResult } from './result.js';

// linkedom takes ~80 ms to import, so it is loaded on the first HTML page, not by every `dyad code`.
const require = createRequire(import.meta.url);
let dom: { parseHTML: typeof ParseHTML; Readability: typeof ReadabilityClass } | null = null;
function htmlLibs(): NonNullable<typeof dom> {
  dom ??= {
    parseHTML: (require('linkedom') as { parseHTML: typeof ParseHTML }).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
  };
  return dom;
}

const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued',
  'dcterms.created', 'pubdate', 'publishdate', 'sailthru.date', 'parsely-pub-date', 'article:modified_time',
];

function metaDate(doc: Document): string | null {
  const metas = [...doc.querySelectorAll('meta')];
  for (const key of DATE_META) {
    for (const m of metas) {
      const k = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
      if (k !== key) continue;
      const d = normaliseDate((m.getAttribute('content') ?? '').slice(0, 10));
      if (d) return d;
    }
  }
  return null;
}

function timeDate(doc: Document): string | null {
  for (const t of doc.querySelectorAll('time[datetime]')) {
    const d = normaliseDate((t.getAttribute('datetime') ?? '').slice(0, 10));
    if (d) return d;
  }
  return null;
}

/** Elements whose text is never article text (and scripts are never run: linkedom has no engine). */
const NOT_TEXT = 'script, style, noscript, template, iframe, object, embed, svg';

function dropNonText(root: ParentNode): void {
  for (const el of [...root.querySelectorAll(NOT_TEXT)]) el.remove();
}

function tidy(text: string): string {
  return text.replace(/[ \t\r\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Plain text of an HTML fragment (a feed item's description or content): block elements become
 * paragraph breaks, scripts and styles are dropped. Text without markup is returned tidied.
 */
export function htmlToText(html: string): string {
  if (html.indexOf('<') === -1 && html.indexOf('&') === -1) return tidy(html);
  const spaced = html.replace(/<\/(p|div|h[1-6]|li|blockquote|pre|tr|section|article)>|<br\s*\/?>/gi, (m) => `${m}\n\n`);
  const doc = htmlLibs().parseHTML(`<html><body>${spaced}</body></html>`).document as unknown as Document;
  dropNonText(doc);
  return tidy((doc.body?.textContent as string | undefined) ?? '');
}

/** datePublished from JSON-LD metadata (schema.org NewsArticle), which many news sites carry. */
function jsonLdDate(doc: Document): string | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try { data = JSON.parse(script.textContent ?? ''); } catch { continue; }
    const stack: unknown[] = [data];
    for (let seen = 0; stack.length > 0 && seen < 1000; seen++) {
      const x = stack.pop();
      if (!x || typeof x !== 'object') continue;
      if (Array.isArray(x)) { stack.push(...x); continue; }
      const published = (x as Record<string, unknown>).datePublished;
      const d = typeof published === 'string' ? normaliseDate(published.slice(0, 10)) : null;
      if (d) return d;
      for (const v of Object.values(x)) if (v && typeof v === 'object') stack.push(v);
    }
  }
  return null;
}

/** Text of Readability's cleaned HTML with a blank line after each block, so paragraphs stay apart. */
function blockText(content: string | null, fallback: string): string {
  if (!content) return fallback;
  const spaced = content.replace(/<\/(p|div|h[1-6]|li|blockquote|pre|tr|section|article)>|<br\s*\/?>/gi, (m) => `${m}\n\n`);
  return (htmlLibs().parseHTML(`<html><body>${spaced}</body></html>`).document.body?.textContent as string | undefined) ?? fallback;
}

/**
 * One HTML page as an article (or an error record). `fallbackDate` (a date, or a function giving
 * one, called only when needed) is used when the page has none.
 */
export function articleFromHtml(html: string, id: string, fallbackDate?: string | (() => string | undefined), url?: string): ReadResult {
  let doc: Document;
  try {
    doc = htmlLibs().parseHTML(html).document as unknown as Document;
  } catch (e) {
    return fail(id, `unparsable HTML: ${(e as Error).message}`);
  }
  const found = metaDate(doc) ?? jsonLdDate(doc) ?? timeDate(doc);
  dropNonText(doc);
  const date = found ?? (typeof fallbackDate === 'function' ? fallbackDate() : fallbackDate) ?? null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? url;
  const site = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? undefined;
  let parsed: ReturnType<ReadabilityClass['parse']> = null;
  try {
    parsed = new (htmlLibs().Readability)(doc, { charThreshold: 100 }).parse();
  } catch {
    parsed = null;
  }
  const body = tidy(blockText(parsed?.content ?? null, parsed?.textContent ?? doc.body?.textContent ?? ''));
  if (!body) return fail(id, 'no text found in the HTML page');
  if (!date) return fail(id, 'no date in the page (<meta> or <time>) and no --date');
  const title = parsed?.title || doc.querySelector('title')?.textContent?.trim() || undefined;
  const article: { id: string; date: string; text: string; title?: string; url?: string; source?: string } = { id, date, text: body };
  if (title) article.title = title;
  if (canonical) article.url = canonical;
  if (site ?? parsed?.siteName) article.source = (site ?? parsed?.siteName)!;
  return ok(article);
}
