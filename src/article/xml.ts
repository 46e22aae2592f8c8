// A small record scanner over saxes for feeds and sitemaps: the elements named as records
// (RSS <item>, Atom <entry>, sitemap <url>/<sitemap>) are built as small trees and returned one by
// one, the rest of the document (channel title, dates) as a skeleton. Names are matched by their
// local part (`content:encoded` → `encoded`) because feeds use conventional prefixes but do not
// always declare them. saxes never expands DTD entities; HTML entities that feeds use without
// declaring (&nbsp;) are decoded from a short table, other unknown entities are kept as written.
import { SaxesParser } from 'saxes';

export interface XmlNode {
  name: string;
  /** The name without its prefix, lower-cased. */
  local: string;
  attrs: Record<string, string>;
  children: (XmlNode | string)[];
}

export class XmlError extends Error {}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return (i === -1 ? name : name.slice(i + 1)).toLowerCase();
}

/** HTML entities seen undeclared in real feeds. */
const HTML_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019',
  ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb', copy: '\u00a9', reg: '\u00ae',
  eacute: '\u00e9', egrave: '\u00e8', aacute: '\u00e1', agrave: '\u00e0', oacute: '\u00f3', uacute: '\u00fa',
  iacute: '\u00ed', ntilde: '\u00f1', ccedil: '\u00e7', uuml: '\u00fc', ouml: '\u00f6', auml: '\u00e4',
  szlig: '\u00df', euro: '\u20ac', pound: '\u00a3', middot: '\u00b7', bull: '\u2022', deg: '\u00b0',
};

export interface XmlScan {
  /** Local name of the root element ('' if none). */
  root: string;
  /** Everything outside the records. */
  top: XmlNode | null;
  records: XmlNode[];
}

/**
 * Scan an XML document. `recordFor(root)` names the record element for a given root (or null:
 * no records, only the skeleton). Throws XmlError for malformed XML.
 */
export function scanXml(text: string, recordFor: (root: string) => string | null): XmlScan {
  const parser = new SaxesParser({ position: true });
  Object.assign(parser.ENTITIES, HTML_ENTITIES);
  const stack: XmlNode[] = [];
  const records: XmlNode[] = [];
  let top: XmlNode | null = null;
  let record: string | null = null;
  let recordDepth = -1;
  let error: string | null = null;

  parser.on('error', (e) => {
    // Unknown entities are kept as written; anything else makes the document malformed.
    if (/undefined entity/.test(e.message)) return;
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, local: localName(tag.name), attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    if (stack.length === 0) {
      top = node;
      record = recordFor(node.local);
    } else if (recordDepth === -1 && node.local === record) {
      recordDepth = stack.length;
    } else {
      stack[stack.length - 1]!.children.push(node);
    }
    stack.push(node);
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (node && recordDepth === stack.length) {
      records.push(node);
      recordDepth = -1;
    }
  });
  const onText = (t: string) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text);
    parser.close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  if (error) throw new XmlError(`malformed XML: ${error.slice(0, 200)}`);
  return { root: (top as XmlNode | null)?.local ?? '', top, records };
}

/** The first child element with one of these local names. */
export function child(node: XmlNode | null | undefined, ...locals: string[]): XmlNode | undefined {
  if (!node) return undefined;
  for (const want of locals) {
    for (const c of node.children) if (typeof c !== 'string' && c.local === want) return c;
  }
  return undefined;
}

export function childrenNamed(node: XmlNode, local: string): XmlNode[] {
  return node.children.filter((c): c is XmlNode => typeof c !== 'string' && c.local === local);
}

/** All text below a node, in document order. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  let s = '';
  for (const c of node.children) s += typeof c === 'string' ? c : textOf(c);
  return s;
}

/** The text of the first child with one of these names, trimmed ('' if none). */
export function childText(node: XmlNode | null | undefined, ...locals: string[]): string {
  return textOf(child(node, ...locals)).trim();
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Child nodes written back as markup (Atom's type="xhtml" content is inline XHTML). */
export function innerMarkup(node: XmlNode): string {
  let s = '';
  for (const c of node.children) {
    if (typeof c === 'string') { s += escape(c); continue; }
    const attrs = Object.entries(c.attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
    s += `<${c.local}${attrs}>${innerMarkup(c)}</${c.local}>`;
  }
  return s;
}
