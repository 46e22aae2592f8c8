// Test helpers for readers: temporary files and collecting a reader's results.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadResult } from '../../src/article/result.js';

export async function collect(it: AsyncIterable<ReadResult>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of it) out.push(r);
  return out;
}

/** Bytes as a stream, optionally cut into chunks of `size` bytes (to exercise chunk boundaries). */
export function streamOf(data: string | Buffer, size = 0): Readable {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (size <= 0) return Readable.from([buf]);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) chunks.push(buf.subarray(i, i + size));
  return Readable.from(chunks);
}

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'dyad-test-'));
  file(rel: string, content: string | Buffer): string {
    const p = join(this.path, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  }
  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

export function errors(rs: ReadResult[]) {
  return rs.filter((r): r is Extract<ReadResult, { ok: false }> => !r.ok);
}

export function articles(rs: ReadResult[]) {
  return rs.flatMap((r) => (r.ok ? [r.article] : []));
}
