// Plain and dated plain text: one article per file. A dated file starts (after optional white
// space) with `date YYYY-MM-DD`, and the text follows on the same line or the next ones.
import { normaliseDate } from './dates.js';
import { decodeUtf8 } from './decode.js';
import { fail, ok, type ReadOptions, type ReadResult } from './result.js';

export type DateLine =
  | { kind: 'dated'; date: string; text: string }
  | { kind: 'none' }
  | { kind: 'malformed'; reason: string; text: string };

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/** Look for the `date YYYY-MM-DD` line at the start of a text. Linear, no regex over the text. */
export function splitDateLine(content: string): DateLine {
  let i = 0;
  while (i < content.length && isSpace(content.charCodeAt(i))) i++;
  if (!content.startsWith('date', i)) return { kind: 'none' };
  let j = i + 4;
  // `date` must be followed by spaces/tabs (or end of line: then the date is missing).
  const after = content.charCodeAt(j);
  if (j < content.length && after !== 32 && after !== 9 && after !== 10 && after !== 13 && after !== 58) {
    return { kind: 'none' }; // "dated", "dates", ...
  }
  if (after === 58) j++; // tolerate "date: 2021-08-24"
  while (j < content.length && (content.charCodeAt(j) === 32 || content.charCodeAt(j) === 9)) j++;
  let k = j;
  while (k < content.length && !isSpace(content.charCodeAt(k))) k++;
  const token = content.slice(j, k);
  const text = content.slice(k).trim();
  if (token.length === 0) return { kind: 'malformed', reason: 'date line has no date (expected "date YYYY-MM-DD")', text };
  const first = token.charCodeAt(0);
  if (first < 48 || first > 57) return { kind: 'none' }; // "date palms grow ..." is ordinary text
  const date = normaliseDate(token);
  if (!date) return { kind: 'malformed', reason: `malformed date "${token.slice(0, 40)}" (expected "date YYYY-MM-DD")`, text };
  return { kind: 'dated', date, text };
}

export type TextMode = 'auto' | 'text' | 'dated';

export type TextParse =
  | { ok: true; date: string | null; text: string; note?: string }
  | { ok: false; reason: string };

/**
 * Split one text file into date + text. `date: null` means the file carries no date and none was
 * given: the caller falls back to the file's mtime.
 */
export function parseTextContent(content: string, mode: TextMode, fallbackDate: string | undefined): TextParse {
  if (content.trim().length === 0) return { ok: false, reason: 'empty file' };
  if (mode === 'text') return { ok: true, date: fallbackDate ?? null, text: content.trim() };
  const line = splitDateLine(content);
  if (line.kind === 'dated') {
    if (line.text.length === 0) return { ok: false, reason: 'no text after the date line' };
    return { ok: true, date: line.date, text: line.text };
  }
  if (line.kind === 'malformed') {
    if (!fallbackDate) return { ok: false, reason: line.reason };
    if (line.text.length === 0) return { ok: false, reason: 'no text after the date line' };
    return { ok: true, date: fallbackDate, text: line.text, note: `${line.reason}; using --date ${fallbackDate}` };
  }
  if (mode === 'dated') {
    if (!fallbackDate) return { ok: false, reason: 'missing date line (expected "date YYYY-MM-DD" first)' };
    return { ok: true, date: fallbackDate, text: content.trim() };
  }
  return { ok: true, date: fallbackDate ?? null, text: content.trim() };
}

/** One text article from already-read bytes; `fallback` gives the date of last resort (mtime, today). */
export function textArticle(bytes: Uint8Array, id: string, mode: TextMode, options: ReadOptions, fallback: () => string): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail(id, decoded.reason);
  const parsed = parseTextContent(decoded.text, mode, options.date);
  if (!parsed.ok) return fail(id, parsed.reason);
  if (parsed.note) options.notice?.(`${id}: ${parsed.note}`);
  let date = parsed.date;
  if (!date) {
    date = fallback();
    options.notice?.(`${id}: no date line and no --date; using ${date}`);
  }
  return ok({ id, date, text: parsed.text });
}
