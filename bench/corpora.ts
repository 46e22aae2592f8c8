// The benchmark corpora, read from the shared data directory: the GigaWord sample (PETRARCH XML, one
// sentence per record) and the PolNeAR news articles (plain text, dated from metadata.tsv).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article } from '../src/types.js';
import { parseTsv } from '../eval/tsv.js';
import { parsePetrarchXml } from './petrarch-xml.js';

export const GIGAWORD_FILE = 'data/corpus/GigaWord.sample.PETR.xml';
export const POLNEAR_DIRS = ['data/quotes/train/text', 'data/quotes/dev/text'];
export const POLNEAR_METADATA = 'data/quotes/metadata.tsv';
/** Used when an article has no publication date in the metadata (PolNeAR covers the 2016 campaign). */
export const POLNEAR_FALLBACK_DATE = '2016-11-01';

export interface Corpus {
  name: string;
  /** Reads the corpus from disk: the "read" step of read → code → write, so it runs inside timed passes. */
  read(): Article[];
}

export function gigaword(sharedDir: string): Corpus {
  const file = join(sharedDir, GIGAWORD_FILE);
  return { name: 'GigaWord sample', read: () => parsePetrarchXml(readFileSync(file, 'utf8')) };
}

/** filename (without .txt) → publication_date, from PolNeAR's metadata.tsv. */
export function polnearDates(metadataTsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of parseTsv(metadataTsv).records) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(r.publication_date ?? '')) out.set(r.filename, r.publication_date);
  }
  return out;
}

export function polnear(sharedDir: string, limit?: number): Corpus {
  const dates = polnearDates(readFileSync(join(sharedDir, POLNEAR_METADATA), 'utf8'));
  const files = POLNEAR_DIRS.flatMap((d) =>
    readdirSync(join(sharedDir, d))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(sharedDir, d, f)),
  ).slice(0, limit);
  return {
    name: 'PolNeAR articles',
    read: () =>
      files.map((path) => {
        const id = basename(path, '.txt');
        return { id, date: dates.get(id) ?? POLNEAR_FALLBACK_DATE, text: readFileSync(path, 'utf8') };
      }),
  };
}
