// Read inputs (files, directories, `-` for stdin) into a stream of ReadResults. Formats come from
// the extension (.jsonl/.ndjson/.json → JSON lines, .xml → PETRARCH, else text) or --input-format;
// stdin is sniffed from its first non-space character. Directories are walked lazily, sorted.
import { createReadStream } from 'node:fs';
import { opendir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { localDate } from './dates.js';
import { decodeUtf8 } from './decode.js';
import { readJsonl } from './jsonl.js';
import { readPetrarch } from './petrarch.js';
import { MAX_RECORD_BYTES, fail, ok, type InputFormat, type ReadOptions, type ReadResult } from './result.js';
import { parseTextContent, type TextMode } from './text.js';

type Concrete = 'text' | 'dated' | 'jsonl' | 'petrarch' | 'text-auto';

/** The format of a file from its name (used when --input-format is auto). */
export function formatFromPath(path: string): 'jsonl' | 'petrarch' | 'text-auto' {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.xml') return 'petrarch';
  return 'text-auto';
}

function concrete(format: InputFormat | undefined, path: string): Concrete {
  return !format || format === 'auto' ? formatFromPath(path) : format;
}

function textMode(f: Concrete): TextMode {
  return f === 'text' ? 'text' : f === 'dated' ? 'dated' : 'auto';
}

/** One text article from already-read bytes; `mtime` is the date of last resort. */
function textArticle(bytes: Uint8Array, id: string, mode: TextMode, options: ReadOptions, mtime: () => string): ReadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return fail(id, decoded.reason);
  const parsed = parseTextContent(decoded.text, mode, options.date);
  if (!parsed.ok) return fail(id, parsed.reason);
  if (parsed.note) options.notice?.(`${id}: ${parsed.note}`);
  let date = parsed.date;
  if (!date) {
    date = mtime();
    options.notice?.(`${id}: no date line and no --date; using ${date}`);
  }
  return ok({ id, date, text: parsed.text });
}

async function readAll(chunks: AsyncIterable<Uint8Array | string>): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of chunks) {
    const b = typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
    size += b.length;
    if (size > MAX_RECORD_BYTES) return null;
    parts.push(b);
  }
  return Buffer.concat(parts, size);
}

/** Read one file (not a directory). Never throws for bad content or I/O errors. */
export async function* readFileArticles(path: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const format = concrete(options.format, path);
  try {
    if (format === 'jsonl' || format === 'petrarch') {
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      try {
        yield* format === 'jsonl' ? readJsonl(stream, path, options) : readPetrarch(stream, path, options);
      } finally {
        stream.destroy();
      }
      return;
    }
    const info = await stat(path);
    if (info.size > MAX_RECORD_BYTES) { yield fail(path, `file larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB`); return; }
    const bytes = await readFile(path);
    yield textArticle(bytes, path, textMode(format), options, () => localDate(info.mtime));
  } catch (e) {
    yield fail(path, ioReason(e));
  }
}

function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file or directory';
  if (err.code === 'EACCES') return 'permission denied';
  if (err.code === 'EISDIR') return 'is a directory';
  return err.message ?? String(e);
}

/** Prepend already-consumed chunks to the rest of a stream. */
async function* prepend(head: Buffer[], rest: AsyncIterator<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  yield* head;
  for (;;) {
    const n = await rest.next();
    if (n.done) return;
    yield n.value;
  }
}

/** Read a stream (stdin): the format is sniffed from the first non-space character unless given. */
export async function* readStreamArticles(stream: Readable | AsyncIterable<Uint8Array | string>, name: string, options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const it = (stream as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let format: Concrete | null = options.format && options.format !== 'auto' ? options.format : null;
  try {
    while (format === null) {
      const n = await it.next();
      if (n.done) break;
      const b = typeof n.value === 'string' ? Buffer.from(n.value, 'utf8') : Buffer.from(n.value);
      head.push(b);
      for (let i = 0; i < b.length; i++) {
        const c = b[i]!;
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xef || c === 0xbb || c === 0xbf) continue; // space, BOM
        format = c === 0x7b ? 'jsonl' : c === 0x3c ? 'petrarch' : 'text-auto';
        break;
      }
    }
    const chunks = prepend(head, it);
    if (format === 'jsonl') { yield* readJsonl(chunks, name, options); return; }
    if (format === 'petrarch') { yield* readPetrarch(chunks, name, options); return; }
    const bytes = await readAll(chunks);
    if (!bytes) { yield fail(name, `input larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB`); return; }
    yield textArticle(bytes, name, textMode(format ?? 'text-auto'), options, () => localDate(new Date()));
  } catch (e) {
    yield fail(name, ioReason(e));
  }
}

/** Files under a directory, recursively, sorted by name, skipping dot-files; read lazily. */
export async function* walkDirectory(dir: string, seen: Set<string> = new Set()): AsyncGenerator<string> {
  const real = await realpath(dir);
  if (seen.has(real)) return; // symlink loop
  seen.add(real);
  const names: { name: string; dir: boolean }[] = [];
  for await (const entry of await opendir(dir)) {
    if (entry.name.startsWith('.')) continue;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try { isDir = (await stat(join(dir, entry.name))).isDirectory(); } catch { continue; }
    } else if (!isDir && !entry.isFile()) continue;
    names.push({ name: entry.name, dir: isDir });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const n of names) {
    const p = join(dir, n.name);
    if (n.dir) yield* walkDirectory(p, seen);
    else yield p;
  }
}

/** Read every input in order: `-` is stdin, directories are walked recursively. */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}, stdin: Readable = process.stdin): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    if (input === '-') { yield* readStreamArticles(stdin, '-', options); continue; }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (e) {
      yield fail(input, ioReason(e));
      continue;
    }
    if (!isDir) { yield* readFileArticles(input, options); continue; }
    try {
      for await (const file of walkDirectory(input)) yield* readFileArticles(file, options);
    } catch (e) {
      yield fail(input, ioReason(e));
    }
  }
}
