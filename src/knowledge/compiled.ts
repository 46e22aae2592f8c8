// Knowledge compiled at build time (scripts/build-gazetteer.ts) into build/*.bin with V8's
// serialiser, so a start deserialises it instead of parsing dictionaries. Each file is keyed by a
// hash of everything the result depends on: the source texts, the code that compiles them (its
// built modules) and the V8 version. A loader reads the sources anyway (they are small), computes
// the key and uses the file only when the keys match; otherwise, e.g. after a dictionary was edited
// without `npm run build`, it compiles the sources as before. Either way the result is the same.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';

/** Hash of `parts` (texts, or bytes), the given module files' contents and the V8 version. */
export function compiledKey(magic: string, parts: (string | Uint8Array)[], modules: string[]): string {
  const h = createHash('sha256');
  h.update(`${magic}\0${process.versions.v8}\0`);
  for (const p of parts) h.update(`\0${p.length}\0`).update(p);
  for (const m of modules) h.update(`\0module\0`).update(readFileSync(m));
  return h.digest('hex');
}

/** File contents: magic, key, then the serialised value. */
export function encodeCompiled(magic: string, key: string, value: unknown): Buffer {
  return Buffer.concat([Buffer.from(magic + key, 'latin1'), serialize(value)]);
}

/** The value in `buf` when it was stored under `magic` and `key`; otherwise null. */
export function decodeCompiled<T>(buf: Buffer, magic: string, key: string): T | null {
  const head = magic + key;
  if (buf.length < head.length || buf.toString('latin1', 0, head.length) !== head) return null;
  try {
    return deserialize(buf.subarray(head.length)) as T;
  } catch {
    return null; // a truncated or damaged file: compile from the sources instead
  }
}

/** The value stored in `file` under `magic` and `key`; null when the file is missing or stale. */
export function readCompiled<T>(file: string, magic: string, key: string): T | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return null;
  }
  return decodeCompiled<T>(buf, magic, key);
}
