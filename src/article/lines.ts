// Split a byte stream into lines without holding more than the current line in memory. Lines
// longer than `maxBytes` are skipped (reported as `tooLong`) so a huge line cannot exhaust memory.

export type Line = { number: number; bytes: Buffer; tooLong: false } | { number: number; bytes: null; tooLong: true };

export async function* splitLines(chunks: AsyncIterable<Uint8Array | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overflow = false;
  let number = 0;
  const flush = (): Line => {
    number++;
    const line: Line = overflow
      ? { number, bytes: null, tooLong: true }
      : { number, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), tooLong: false };
    parts = [];
    size = 0;
    overflow = false;
    return line;
  };
  const add = (b: Buffer) => {
    if (overflow || b.length === 0) return;
    if (size + b.length > maxBytes) { overflow = true; parts = []; size = 0; return; }
    parts.push(b);
    size += b.length;
  };
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      add(chunk.subarray(start, nl));
      yield flush();
      start = nl + 1;
    }
    add(chunk.subarray(start));
  }
  if (size > 0 || overflow) yield flush();
}
