// A quick estimate of how many articles the inputs hold, for the progress line's ETA: one per
// text file, one per non-empty line of a JSON-lines file, one per <Sentence of a PETRARCH file.
// Runs alongside ingestion; returns null when it cannot know (stdin).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isUrl } from '../article/fetch.js';
import { formatFromPath, walkDirectory } from '../article/read.js';

async function countIn(path: string, needle: Buffer, lineMode: boolean): Promise<number> {
  let n = 0;
  let lineHasContent = false;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (lineMode) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        if (c === 10) { if (lineHasContent) n++; lineHasContent = false; } else if (c !== 32 && c !== 9 && c !== 13) lineHasContent = true;
      }
      continue;
    }
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let i = buf.indexOf(needle);
    let lastEnd = 0;
    while (i !== -1) { n++; lastEnd = i + needle.length; i = buf.indexOf(needle, lastEnd); }
    carry = Buffer.from(buf.subarray(Math.max(lastEnd, buf.length - needle.length + 1)));
  }
  if (lineMode && lineHasContent) n++;
  return n;
}

async function countFile(path: string, format: string): Promise<number> {
  const f = format === 'auto' ? formatFromPath(path) : format;
  if (f === 'jsonl') return countIn(path, Buffer.alloc(0), true);
  if (f === 'petrarch') return countIn(path, Buffer.from('<Sentence '), false);
  return 1;
}

export async function estimateArticles(inputs: readonly string[], format = 'auto', signal?: AbortSignal): Promise<number | null> {
  let total = 0;
  for (const input of inputs) {
    if (input === '-' || isUrl(input)) return null;
    if (signal?.aborted) return null;
    try {
      if ((await stat(input)).isDirectory()) {
        for await (const file of walkDirectory(input)) {
          if (signal?.aborted) return null;
          total += await countFile(file, format);
        }
      } else {
        total += await countFile(input, format);
      }
    } catch {
      // unreadable inputs are reported by the reader; they hold no article
    }
  }
  return total;
}
