// Direct quotations: pairing quotation marks within paragraphs.
//
// Marks: curly “…”, guillemets «…», low „…“, straight "…", and the doubled apostrophes ''…'' (and
// ``…'') that some wires and archives (the New York Times) use for double quotes. A straight or
// doubled mark opens only before a non-space and closes only after one, so stray marks stay unpaired.
// Marks pair within a paragraph (blank-line separated; single lines when the text has no blank lines).
// An unclosed quote continues into the next paragraph only when that paragraph opens with the same
// mark (the newspaper convention); otherwise it ends at its paragraph's end. All scans are linear.

export interface Marked {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or -1 if capped at a paragraph end. */
  close: number;
  /** Offset just past the closing mark (or the content end when unclosed). */
  closeEnd: number;
  contentStart: number;
  contentEnd: number;
}

type Mark = '“' | '«' | '„' | '"' | "''" | '``';

const CLOSER_OF: Record<Mark, string> = { '“': '”', '„': '“', '«': '»', '"': '"', "''": "''", '``': "''" };

export function isSpaceChar(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

/** The opening mark at offset i, if one may open there. */
function openerAt(text: string, i: number): Mark | null {
  const ch = text[i];
  if (ch === '“' || ch === '«' || ch === '„') return ch;
  if (ch === '"') {
    // not before a space, and not an inch mark (5'11")
    if (isSpaceChar(text[i + 1]) || /[0-9]/.test(text[i - 1] ?? '')) return null;
    return '"';
  }
  if ((ch === "'" || ch === '`') && text[i + 1] === ch) {
    const after = text[i + 2];
    if (isSpaceChar(after) || after === "'" || after === '`') return null;
    return ch === "'" ? "''" : '``';
  }
  return null;
}

export function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  const blank = /\n[ \t\r]*\n/.test(text);
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === 10) {
      let j = i + 1;
      if (blank) {
        while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
        if (j < text.length && text.charCodeAt(j) !== 10) {
          i = j;
          continue;
        }
        j++;
        while (j < text.length && isSpaceChar(text[j])) j++;
      }
      if (i > start) out.push([start, i]);
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

function opensParagraph(text: string, p: [number, number]): Mark | null {
  let i = p[0];
  while (i < p[1] && isSpaceChar(text[i])) i++;
  return i < p[1] ? openerAt(text, i) : null;
}

/** Offset of the closing mark for `opener` inside [from, end), or -1. */
function findCloser(text: string, opener: Mark, from: number, end: number): number {
  const closer = CLOSER_OF[opener];
  const c0 = closer[0];
  for (let i = from; i < end; i++) {
    if (text[i] !== c0) continue;
    if (closer.length === 2) {
      if (text[i + 1] !== closer[1] || i + 1 >= end || isSpaceChar(text[i - 1])) continue;
      // a run of three apostrophes is a single quote closing inside a double: the last two close
      if (text[i + 2] === "'") continue;
      return i;
    }
    // a straight quote closes only after a non-space (so a stray opener cannot close)
    if (opener === '"' && isSpaceChar(text[i - 1])) continue;
    return i;
  }
  return -1;
}

function trimContent(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpaceChar(text[s])) s++;
  while (e > s && (isSpaceChar(text[e - 1]) || text[e - 1] === ',')) e--;
  return [s, e];
}

function push(out: Marked[], text: string, open: number, mark: Mark, close: number, capEnd: number): void {
  const closeLen = CLOSER_OF[mark].length;
  const [cs, ce] = trimContent(text, open + mark.length, close >= 0 ? close : capEnd);
  if (ce > cs) out.push({ open, close, closeEnd: close >= 0 ? close + closeLen : ce, contentStart: cs, contentEnd: ce });
}

/** All direct quotations of `text`, in text order. */
export function findMarked(text: string): Marked[] {
  const paras = paragraphs(text);
  const out: Marked[] = [];
  for (let p = 0; p < paras.length; p++) {
    const [ps, pe] = paras[p];
    let i = ps;
    while (i < pe) {
      const mark = openerAt(text, i);
      if (!mark) {
        i++;
        continue;
      }
      const close = findCloser(text, mark, i + mark.length, pe);
      if (close >= 0) {
        push(out, text, i, mark, close, pe);
        i = close + CLOSER_OF[mark].length;
        continue;
      }
      // unclosed: continue through following paragraphs that open with the same mark
      let q = p + 1;
      let found = -1;
      while (q < paras.length && opensParagraph(text, paras[q]) === mark) {
        const [qs, qe] = paras[q];
        let k = qs;
        while (isSpaceChar(text[k])) k++;
        found = findCloser(text, mark, k + mark.length, qe);
        if (found >= 0) break;
        q++;
      }
      if (found >= 0) {
        push(out, text, i, mark, found, -1);
        p = q;
        scanRest(text, found + CLOSER_OF[mark].length, paras[q][1], out);
        break;
      }
      push(out, text, i, mark, -1, pe);
      i = pe;
    }
  }
  return out;
}

/** Pair marks in [from, end) of one paragraph (used after a multi-paragraph quote closes). */
function scanRest(text: string, from: number, end: number, out: Marked[]): void {
  let i = from;
  while (i < end) {
    const mark = openerAt(text, i);
    if (!mark) {
      i++;
      continue;
    }
    const close = findCloser(text, mark, i + mark.length, end);
    push(out, text, i, mark, close, end);
    i = close >= 0 ? close + CLOSER_OF[mark].length : end;
  }
}
