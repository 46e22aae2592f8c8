// The content hash of an article: equal hashes mean re-ingesting it would change nothing.
import { createHash } from 'node:crypto';
import type { Article } from '../types.js';

/** sha256 over every field the analysis or the stored row depends on, unambiguously separated. */
export function contentHash(a: Article): string {
  const h = createHash('sha256');
  for (const part of [a.id, a.date, a.title ?? '\u0000', a.url ?? '\u0000', a.source ?? '\u0000']) {
    h.update(String(part.length));
    h.update(':');
    h.update(part);
  }
  h.update(a.text);
  return h.digest('hex');
}
