// What every reader yields: an article, or an error record that names the input and says why.
// One bad record must never stop a batch, so readers never throw for bad input.
import type { Article } from '../types.js';
import type { FetchOptions, Fetcher } from './fetch.js';

export type ReadResult =
  | { ok: true; article: Article }
  | { ok: false; record: string; reason: string };

export type InputFormat = 'auto' | 'text' | 'dated' | 'jsonl' | 'petrarch' | 'html' | 'feed';
export const INPUT_FORMATS: readonly InputFormat[] = ['auto', 'text', 'dated', 'jsonl', 'petrarch', 'html', 'feed'];

export interface ReadOptions {
  /** Article date for inputs that carry none (plain text), YYYY-MM-DD. */
  date?: string;
  /** Force a format instead of detecting it from the extension / first character. */
  format?: InputFormat;
  /** Informational messages (e.g. "no date line, using the file's mtime"); default: ignored. */
  notice?: (message: string) => void;
  /** Limits for http(s) inputs and the pages feeds and sitemaps link to. */
  fetch?: FetchOptions;
  /** A shared fetcher (its per-host queue spans the run); default: one per readInputs call. */
  fetcher?: Fetcher;
  /** Fetch the linked page of every feed item, even when the item carries text of its own. */
  followLinks?: boolean;
}

/** Largest single record (JSON line, text file, XML text) we accept: beyond it we report an error. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function ok(article: Article): ReadResult {
  return { ok: true, article };
}

export function fail(record: string, reason: string): ReadResult {
  return { ok: false, record, reason };
}
