// JSON lines: one article object per line ({id, date, text, title?, url?, source?}; NGEC's
// `event_text` is accepted for `text`). Each bad line becomes an error record naming file:line.
import type { Article } from '../types.js';
import { normaliseDate } from './dates.js';
import { decodeUtf8 } from './decode.js';
import { splitLines } from './lines.js';
import { MAX_RECORD_BYTES, fail, ok, type ReadOptions, type ReadResult } from './result.js';

function optionalString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** One parsed JSON value → an article or the reason it is not one. */
export function articleFromJson(value: unknown, where: string, fallbackDate?: string): ReadResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return fail(where, `not a JSON object (got ${kind})`);
  }
  const o = value as Record<string, unknown>;
  const rawId = o.id ?? o.article_id ?? o.doc_id;
  const id = typeof rawId === 'string' && rawId.length > 0 ? rawId : typeof rawId === 'number' ? String(rawId) : undefined;
  const record = id !== undefined ? `${where} (id ${id.slice(0, 100)})` : where;
  const text = o.text ?? o.event_text;
  if (typeof text !== 'string') return fail(record, text === undefined ? 'missing "text"' : '"text" is not a string');
  if (text.trim().length === 0) return fail(record, 'empty "text"');
  const rawDate = o.date ?? o.publication_date ?? o.pub_date;
  let date: string | null;
  if (rawDate === undefined || rawDate === null || rawDate === '') {
    date = fallbackDate ?? null;
    if (!date) return fail(record, 'missing "date" (or give --date)');
  } else {
    date = normaliseDate(rawDate);
    if (!date) return fail(record, `malformed "date" ${JSON.stringify(rawDate).slice(0, 60)} (expected YYYY-MM-DD)`);
  }
  const article: Article = { id: id ?? where, date, text };
  const title = optionalString(o.title);
  const url = optionalString(o.url);
  const source = optionalString(o.source);
  if (title !== undefined) article.title = title;
  if (url !== undefined) article.url = url;
  if (source !== undefined) article.source = source;
  return ok(article);
}

/** Stream articles from JSON lines. Memory is bounded by the longest line. */
export async function* readJsonl(
  chunks: AsyncIterable<Uint8Array | string>,
  name: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  let seen = 0;
  for await (const line of splitLines(chunks, MAX_RECORD_BYTES)) {
    const where = `${name}:${line.number}`;
    if (line.tooLong) {
      seen++;
      yield fail(where, `line longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB`);
      continue;
    }
    const decoded = decodeUtf8(line.bytes);
    if (!decoded.ok) {
      seen++;
      if (seen === 1 && decoded.reason.startsWith('binary')) { yield fail(name, decoded.reason); return; }
      yield fail(where, decoded.reason);
      continue;
    }
    const s = decoded.text.trim();
    if (s.length === 0) continue;
    seen++;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch (e) {
      yield fail(where, `invalid JSON: ${(e as Error).message.slice(0, 200)}`);
      continue;
    }
    yield articleFromJson(value, where, options.date);
  }
  if (seen === 0) yield fail(name, 'empty file');
}
