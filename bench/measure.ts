// Counting and rates for the benchmark. The pass itself (read → code → serialise) is timed by main.ts;
// everything here is pure except runPass, which only calls what it is given.
import type { Article, EventRecord } from '../src/types.js';

/** Size of a corpus pass, counted once outside the timed loop. */
export interface Volume {
  articles: number;
  sentences: number;
  tokens: number;
  /** UTF-8 bytes of article text. */
  bytes: number;
}

export interface Rates {
  articlesPerSec: number;
  sentencesPerSec: number;
  tokensPerSec: number;
  /** Megabytes (10^6 bytes) of input text per second. */
  mbPerSec: number;
}

/** Count sentences and tokens with the given tokenizer (parseText in practice). */
export function measureVolume(articles: readonly Article[], split: (text: string) => { sentences: number; tokens: number }): Volume {
  const v: Volume = { articles: articles.length, sentences: 0, tokens: 0, bytes: 0 };
  for (const a of articles) {
    const s = split(a.text);
    v.sentences += s.sentences;
    v.tokens += s.tokens;
    v.bytes += Buffer.byteLength(a.text, 'utf8');
  }
  return v;
}

/** Throughput of `passes` passes over `volume` in `seconds`. */
export function rates(volume: Volume, passes: number, seconds: number): Rates {
  const per = (n: number) => (seconds > 0 ? (n * passes) / seconds : 0);
  return {
    articlesPerSec: per(volume.articles),
    sentencesPerSec: per(volume.sentences),
    tokensPerSec: per(volume.tokens),
    mbPerSec: per(volume.bytes) / 1e6,
  };
}

/** A JSONL writer that discards its output but still pays for serialisation. */
export class NullSink {
  lines = 0;
  chars = 0;
  write(event: EventRecord): void {
    const line = JSON.stringify(event) + '\n';
    this.lines++;
    this.chars += line.length;
  }
}

/** One end-to-end pass: read the corpus, code every article, serialise every event. Returns events. */
export function runPass(read: () => Article[], coder: (a: Article) => EventRecord[], sink: NullSink): number {
  let events = 0;
  for (const article of read()) {
    for (const e of coder(article)) {
      sink.write(e);
      events++;
    }
  }
  return events;
}

/** Repeat `pass` until at least `minSeconds` have gone by (at least once). */
export function timeRepeated(pass: () => void, minSeconds: number, now: () => number = () => performance.now()): { passes: number; seconds: number } {
  const t0 = now();
  let passes = 0;
  let elapsed = 0;
  do {
    pass();
    passes++;
    elapsed = (now() - t0) / 1000;
  } while (elapsed < minSeconds);
  return { passes, seconds: elapsed };
}

/** "12,345" with thousands separators, fixed to `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
