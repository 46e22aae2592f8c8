// Reading the shared (third-party) evaluation files in tests, without copying them into the project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../../src/paths.js';
import type { Article } from '../../src/types.js';

/** The shared example article, parsed from its `date YYYY-MM-DD` first line. */
export function exampleArticle(): Article {
  const path = join(SHARED_DIR, 'examples', 'armenia-russia-arms-2021-08-24.txt');
  const raw = readFileSync(path, 'utf8');
  const m = /^\s*date (\d{4}-\d{2}-\d{2})\s*/.exec(raw);
  if (!m) throw new Error(`${path}: no date line`);
  return { id: path, date: m[1], text: raw.slice(m[0].length) };
}
