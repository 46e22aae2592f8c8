// Shared line handling for PETRARCH/TABARI dictionary files: comments (`<!-- ... -->` across lines,
// `#` and the legacy `;`), line numbers for errors, and the error type every reader returns.

export interface DictError {
  file: string;
  line: number;
  reason: string;
}

export interface DictLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line without comments, trailing blanks removed (leading whitespace kept: it is significant). */
  text: string;
}

/**
 * Non-blank lines with comments removed. `<!--` opens a comment that ends at the next `-->` (possibly
 * lines later; "<! --" is accepted too, as the validation files use it); `#` and `;` end a line.
 */
export function dictLines(text: string): DictLine[] {
  const out: DictLine[] = [];
  const lines = text.split('\n');
  let inXml = false;
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    let kept = '';
    // strip XML comments, which may span lines
    for (;;) {
      if (inXml) {
        const end = raw.indexOf('-->');
        if (end < 0) {
          raw = '';
          break;
        }
        raw = raw.slice(end + 3);
        inXml = false;
      }
      const open = xmlOpen(raw);
      if (open < 0) {
        kept += raw;
        break;
      }
      kept += raw.slice(0, open);
      raw = raw.slice(open + 2);
      inXml = true;
    }
    const cut = firstOf(kept, '#', ';');
    const t = (cut >= 0 ? kept.slice(0, cut) : kept).trimEnd();
    if (t.trim() !== '') out.push({ line: i + 1, text: t });
  }
  return out;
}

/** Index of "<!" that starts a comment ("<!--" or "<! --"), or -1. */
function xmlOpen(s: string): number {
  let from = 0;
  for (;;) {
    const k = s.indexOf('<!', from);
    if (k < 0) return -1;
    const rest = s.slice(k + 2).trimStart();
    if (rest.startsWith('--')) return k;
    from = k + 2;
  }
}

function firstOf(s: string, a: string, b: string): number {
  const i = s.indexOf(a);
  const j = s.indexOf(b);
  if (i < 0) return j;
  if (j < 0) return i;
  return Math.min(i, j);
}

/** "YYMMDD" or "YYYYMMDD" → "YYYY-MM-DD" (two-digit years: 00-30 → 20xx, else 19xx); null if malformed. */
export function petrarchDate(s: string): string | null {
  const t = s.trim();
  let y: string;
  let rest: string;
  if (/^\d{8}$/.test(t)) {
    y = t.slice(0, 4);
    rest = t.slice(4);
  } else if (/^\d{6}$/.test(t)) {
    const yy = Number(t.slice(0, 2));
    y = String(yy <= 30 ? 2000 + yy : 1900 + yy);
    rest = t.slice(2);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${rest.slice(0, 2)}-${rest.slice(2)}`;
}

/** Words of a PETRARCH phrase: `_` and blanks both separate words; upper case → lower case. */
export function phraseWords(phrase: string): string[] {
  return phrase.toLowerCase().split(/[\s_]+/).filter((w) => w !== '');
}
