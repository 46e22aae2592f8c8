// Read inputs (files, directories, URLs, `-` for stdin) into a stream of ReadResults. Formats come
// from the extension (.jsonl/.ndjson/.json → JSON lines, .html/.htm → HTML, .rss/.atom → feed,
// .xml → a feed or sitemap if its root element says so, else PETRARCH; else text) or
// --input-format; stdin and URLs are sniffed. Directories are walked lazily, sorted.
import { createReadStream } from 'node:fs';
import { open, opendir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { decodeDocument } from './charset.js';
import { localDate } from './dates.js';
import { Fetcher, isUrl } from './fetch.js';
import { articleFromHtml } from './html.js';
import { readJsonl } from './jsonl.js';
import { MAX_RECORD_BYTES, fail, type InputFormat, type ReadOptions, type ReadResult } from './result.js';
import { markupKind, type MarkupKind } from './sniff.js';
import { textArticle, type TextMode } from './text.js';

// Feeds, sitemaps, URLs and PETRARCH XML need an XML parser (saxes) and the web reader: loaded when
// an input needs them, not at every start of `dyad code` on text files.
const web = () => import('./web.js');
const petrarch = () => import('./petrarch.js');

type Concrete = 'text' | 'dated' | 'jsonl' | 'petrarch' | 'text-auto' | 'html' | 'feed';

/** The format of a file from its name (used when --input-format is auto; .xml is sniffed further). */
export function formatFromPath(path: string): 'jsonl' | 'petrarch' | 'text-auto' | 'html' | 'feed' {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.xml') return 'petrarch';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.rss' || ext === '.atom') return 'feed';
  return 'text-auto';
}

function concrete(format: InputFormat | undefined, path: string): Concrete {
  return !format || format === 'auto' ? formatFromPath(path) : format;
}

function textMode(f: Concrete): TextMode {
  return f === 'text' ? 'text' : f === 'dated' ? 'dated' : 'auto';
}

function fromMarkup(kind: MarkupKind | null): Concrete {
  return kind === 'html' ? 'html' : kind === 'feed' || kind === 'sitemap' ? 'feed' : 'petrarch';
}

/** An .xml file's kind from its first bytes: a feed or sitemap, HTML, or PETRARCH XML. */
async function sniffXmlFile(path: string): Promise<Concrete> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return fromMarkup(markupKind(head.subarray(0, bytesRead).toString('latin1'), true));
  } finally {
    await handle.close();
  }
}

/** A whole file's bytes, or null if it is larger than `limit`. */
async function readWhole(path: string, limit: number): Promise<Buffer | null> {
  const info = await stat(path);
  if (info.size > limit) return null;
  return readFile(path);
}

function tooLarge(limit: number): string {
  return `file larger than ${limit / 1024 / 1024} MB`;
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
  let format = concrete(options.format, path);
  try {
    if (format === 'petrarch' && (!options.format || options.format === 'auto')) format = await sniffXmlFile(path);
    if (format === 'html') {
      const info = await stat(path);
      const bytes = await readWhole(path, MAX_RECORD_BYTES);
      if (!bytes) { yield fail(path, tooLarge(MAX_RECORD_BYTES)); return; }
      const decoded = decodeDocument(bytes, '', 'html');
      if (!decoded.ok) { yield fail(path, decoded.reason); return; }
      yield articleFromHtml(decoded.text, path, () => {
        if (options.date) return options.date;
        const d = localDate(info.mtime);
        options.notice?.(`${path}: no date in the page and no --date; using ${d}`);
        return d;
      });
      return;
    }
    if (format === 'feed') {
      const bytes = await readWhole(path, MAX_RECORD_BYTES);
      if (!bytes) { yield fail(path, tooLarge(MAX_RECORD_BYTES)); return; }
      const { gunzipped, readSyndication, webContext } = await web();
      const body = gunzipped(bytes, MAX_RECORD_BYTES);
      if (!Buffer.isBuffer(body)) { yield fail(path, body.error); return; }
      yield* readSyndication(body, '', path, undefined, webContext(options));
      return;
    }
    if (format === 'jsonl' || format === 'petrarch') {
      const readXml = format === 'petrarch' ? (await petrarch()).readPetrarch : null;
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      try {
        yield* readXml ? readXml(stream, path, options) : readJsonl(stream, path, options);
      } finally {
        stream.destroy();
      }
      return;
    }
    const info = await stat(path);
    if (info.size > MAX_RECORD_BYTES) { yield fail(path, tooLarge(MAX_RECORD_BYTES)); return; }
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
  let markup = false;
  let headSize = 0;
  try {
    for (;;) {
      if (format !== null && !markup) break;
      const n = await it.next();
      if (n.done) {
        if (markup) format = fromMarkup(markupKind(Buffer.concat(head).toString('latin1'), true));
        break;
      }
      const b = typeof n.value === 'string' ? Buffer.from(n.value, 'utf8') : Buffer.from(n.value);
      head.push(b);
      headSize += b.length;
      if (markup) {
        // `<…`: a feed, a sitemap, HTML or PETRARCH XML, told apart by the root element.
        const kind = markupKind(Buffer.concat(head).toString('latin1'), headSize >= 64 * 1024);
        if (kind) { format = fromMarkup(kind); markup = false; }
        continue;
      }
      for (let i = 0; i < b.length; i++) {
        const c = b[i]!;
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xef || c === 0xbb || c === 0xbf) continue; // space, BOM
        if (c === 0x3c) {
          const kind = markupKind(Buffer.concat(head).toString('latin1'));
          if (kind) format = fromMarkup(kind); else markup = true;
        } else {
          format = c === 0x7b ? 'jsonl' : 'text-auto';
        }
        break;
      }
    }
    const chunks = prepend(head, it);
    if (format === 'jsonl') { yield* readJsonl(chunks, name, options); return; }
    if (format === 'petrarch') { yield* (await petrarch()).readPetrarch(chunks, name, options); return; }
    const bytes = await readAll(chunks);
    if (!bytes) { yield fail(name, `input larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB`); return; }
    if (format === 'html') {
      const decoded = decodeDocument(bytes, '', 'html');
      yield decoded.ok ? articleFromHtml(decoded.text, name, () => options.date ?? localDate(new Date())) : fail(name, decoded.reason);
      return;
    }
    if (format === 'feed') {
      const { readSyndication, webContext } = await web();
      yield* readSyndication(bytes, '', name, undefined, webContext(options));
      return;
    }
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

/** Read every input in order: `-` is stdin, http(s) URLs are fetched, directories are walked recursively. */
export async function* readInputs(inputs: readonly string[], options: ReadOptions = {}, stdin: Readable = process.stdin): AsyncGenerator<ReadResult> {
  // One fetcher for the whole run, so its per-host queue covers every URL the inputs lead to.
  const own = options.fetcher ? null : new Fetcher(options.fetch);
  options = { ...options, fetcher: options.fetcher ?? own! };
  try {
    yield* readEach(inputs, options, stdin);
  } finally {
    own?.close();
  }
}

async function* readEach(inputs: readonly string[], options: ReadOptions, stdin: Readable): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    if (input === '-') { yield* readStreamArticles(stdin, '-', options); continue; }
    if (isUrl(input)) {
      const { readUrl, webContext } = await web();
      yield* readUrl(input, webContext(options));
      continue;
    }
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
