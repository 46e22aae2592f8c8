// What kind of markup a document is, from its first bytes: HTML, a feed (RSS/Atom), a sitemap, or
// other XML (read as PETRARCH). Skips a BOM, white space, the XML declaration, processing
// instructions, comments and a non-HTML DOCTYPE, then looks at the root element's name.

export type MarkupKind = 'html' | 'feed' | 'sitemap' | 'xml';

const HTML_ROOTS = new Set(['html', 'head', 'body', 'meta', 'title', 'div', 'p', 'article', 'section', 'main', 'link', 'style', 'script']);
const FEED_ROOTS = new Set(['rss', 'rdf', 'feed']);
const SITEMAP_ROOTS = new Set(['urlset', 'sitemapindex']);

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\ufeff';
}

/** The kind of markup `head` starts with; null if `head` is too short to tell (or not markup). */
export function markupKind(head: string, complete = false): MarkupKind | null {
  let i = 0;
  for (;;) {
    while (i < head.length && isSpace(head[i])) i++;
    if (i >= head.length) return complete ? 'xml' : null;
    if (head[i] !== '<') return complete ? 'xml' : null;
    const rest = head.slice(i, i + 16).toLowerCase();
    let close: string | null = null;
    if (rest.startsWith('<?')) close = '?>';
    else if (rest.startsWith('<!--')) close = '-->';
    else if (rest.startsWith('<!doctype')) {
      // An internal subset ([...]) holds declarations with '>' of their own.
      let end = head.indexOf('>', i);
      const bracket = head.indexOf('[', i);
      if (bracket !== -1 && (end === -1 || bracket < end)) {
        const close = head.indexOf(']', bracket);
        end = close === -1 ? -1 : head.indexOf('>', close);
      }
      if (end === -1) return complete ? 'xml' : null;
      const decl = head.slice(i + 9, end).trim().toLowerCase();
      if (decl === 'html' || decl.startsWith('html ')) return 'html';
      i = end + 1;
      continue;
    }
    if (close) {
      const end = head.indexOf(close, i + 2);
      if (end === -1) return complete ? 'xml' : null;
      i = end + close.length;
      continue;
    }
    let j = i + 1;
    while (j < head.length && !isSpace(head[j]) && head[j] !== '>' && head[j] !== '/') j++;
    if (j >= head.length && !complete) return null;
    const name = head.slice(i + 1, j).toLowerCase();
    const local = name.slice(name.indexOf(':') + 1);
    if (HTML_ROOTS.has(name)) return 'html';
    if (FEED_ROOTS.has(local)) return 'feed';
    if (SITEMAP_ROOTS.has(local)) return 'sitemap';
    return 'xml';
  }
}
