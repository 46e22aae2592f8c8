// A minimal reader for PETRARCH XML (`<Sentence date= id=><Text>…</Text>`), enough for the benchmark:
// one article per <Sentence>, its <Text> with the line breaks folded. Linear indexOf scans.
import type { Article } from '../src/types.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);
}

/** Attributes of a start tag, e.g. `date = "20080804" id ="X"` (spaces around = allowed). */
export function parseAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]] = decodeEntities(m[2]);
  return out;
}

/** PETRARCH's YYYYMMDD as YYYY-MM-DD (already dashed dates pass through); null if neither. */
export function petrarchDate(d: string | undefined): string | null {
  if (!d) return null;
  if (/^\d{8}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
}

/** The <Sentence> records of a PETRARCH XML file as articles (comments skipped; no <Text> → skipped). */
export function parsePetrarchXml(xml: string, fallbackDate = '1970-01-01'): Article[] {
  const out: Article[] = [];
  let i = 0;
  let comment = xml.indexOf('<!--');
  for (;;) {
    const open = xml.indexOf('<Sentence', i);
    if (open < 0) break;
    // A comment opening before this tag: skip past it (the tag may be commented out). The next comment
    // position is cached so the scan stays linear.
    if (comment >= 0 && comment < i) comment = xml.indexOf('<!--', i);
    if (comment >= 0 && comment < open) {
      const close = xml.indexOf('-->', comment + 4);
      if (close < 0) break;
      i = close + 3;
      continue;
    }
    const next = xml.charAt(open + '<Sentence'.length);
    if (next !== ' ' && next !== '\t' && next !== '\n' && next !== '\r' && next !== '>') {
      i = open + '<Sentence'.length; // <Sentences>
      continue;
    }
    const tagEnd = xml.indexOf('>', open);
    const end = xml.indexOf('</Sentence>', tagEnd);
    if (tagEnd < 0 || end < 0) break;
    i = end + '</Sentence>'.length;
    const attrs = parseAttributes(xml.slice(open, tagEnd));
    const t0 = xml.indexOf('<Text>', tagEnd);
    const t1 = xml.indexOf('</Text>', t0);
    if (t0 < 0 || t1 < 0 || t1 > end) continue;
    const text = decodeEntities(xml.slice(t0 + '<Text>'.length, t1)).replace(/\s+/g, ' ').trim();
    out.push({ id: attrs.id ?? `sentence-${out.length}`, date: petrarchDate(attrs.date) ?? fallbackDate, text, source: attrs.source });
  }
  return out;
}
