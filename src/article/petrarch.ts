// PETRARCH XML: <Sentence date="YYYYMMDD" id="…"><Text>…</Text><Parse>…</Parse></Sentence>.
// Streamed through saxes chunk by chunk; only <Text> is kept (whitespace collapsed). Any DOCTYPE
// is rejected before its declarations are used, so entity-expansion attacks cannot start.
import { SaxesParser } from 'saxes';
import type { Article } from '../types.js';
import { normaliseDate } from './dates.js';
import { MAX_RECORD_BYTES, fail, ok, type ReadOptions, type ReadResult } from './result.js';

class Stop extends Error {}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Stream sentences from a PETRARCH XML file as articles (one per <Sentence>). */
export async function* readPetrarch(
  chunks: AsyncIterable<Uint8Array | string>,
  name: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadResult> {
  const parser = new SaxesParser({ fileName: name, position: true });
  const out: ReadResult[] = [];
  let sentence: { id: string | undefined; date: string | undefined; line: number; source?: string } | null = null;
  let inText = false;
  let text: string[] = [];
  let textSize = 0;
  let count = 0;

  parser.on('doctype', () => {
    throw new Stop('DOCTYPE declarations are not allowed');
  });
  parser.on('opentag', (tag) => {
    if (tag.name === 'Sentence') {
      const a = tag.attributes as Record<string, string>;
      sentence = { id: a.id, date: a.date, line: parser.line, source: a.source };
      text = [];
      textSize = 0;
    } else if (tag.name === 'Text' && sentence) {
      inText = true;
    }
  });
  const onText = (t: string) => {
    if (!inText) return;
    textSize += t.length;
    if (textSize > MAX_RECORD_BYTES) throw new Stop(`<Text> longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB`);
    text.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (tag.name === 'Text') inText = false;
    else if (tag.name === 'Sentence' && sentence) {
      count++;
      const s = sentence as { id: string | undefined; date: string | undefined; line: number; source?: string };
      sentence = null;
      const where = s.id ? `${name}#${s.id}` : `${name}:${s.line}`;
      const body = collapse(text.join(''));
      text = [];
      const date = s.date !== undefined ? normaliseDate(s.date) : (options.date ?? null);
      if (!date) out.push(fail(where, s.date === undefined ? 'missing date attribute (or give --date)' : `malformed date "${s.date.slice(0, 40)}" (expected YYYYMMDD)`));
      else if (body.length === 0) out.push(fail(where, 'missing or empty <Text>'));
      else {
        const article: Article = { id: s.id || where, date, text: body }; // id="" is no id
        if (s.source) article.source = s.source;
        out.push(ok(article));
      }
    }
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let sawContent = false;
  try {
    for await (const raw of chunks) {
      const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      if (first && bytes.length > 0) {
        first = false;
        if (bytes.indexOf(0) !== -1) { yield fail(name, 'binary file (contains NUL bytes)'); return; }
      }
      let s: string;
      try {
        s = decoder.decode(bytes, { stream: true });
      } catch {
        yield* drain(out);
        yield fail(`${name}:${parser.line}`, 'invalid UTF-8');
        return;
      }
      if (s.indexOf('\u0000') !== -1) { yield* drain(out); yield fail(`${name}:${parser.line}`, 'binary content (NUL character)'); return; }
      if (!sawContent && s.trim().length > 0) sawContent = true;
      parser.write(s);
      yield* drain(out);
    }
    if (!sawContent) { yield fail(name, 'empty file'); return; }
    try {
      decoder.decode();
    } catch {
      yield fail(`${name}:${parser.line}`, 'invalid UTF-8 (truncated at end of file)');
      return;
    }
    parser.close();
    yield* drain(out);
  } catch (e) {
    yield* drain(out);
    const msg = e instanceof Stop ? e.message : `malformed XML: ${(e as Error).message.slice(0, 200)}`;
    yield fail(`${name}:${parser.line}`, msg);
    return;
  }
  if (count === 0) yield fail(name, 'no <Sentence> elements');
}

function* drain(out: ReadResult[]): Generator<ReadResult> {
  if (out.length > 0) yield* out.splice(0);
}
