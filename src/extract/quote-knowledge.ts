// What the quotation extractor reads from dictionaries/lexicon: attribution cues with their
// constructions (quote-cues.txt) and paragraph labels that are not speakers (quote-non-speakers.txt).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES } from '../paths.js';

export interface CueFlags {
  /** Takes a that-clause or bare clause: "said (that) ...". */
  that: boolean;
  /** Takes a hearer first: "told reporters that ...". */
  obj: boolean;
  /** May follow its content: "..., the ministry said." */
  tail: boolean;
  /** Its complement, whatever its form, is the content: "called the plan a disaster", "wants to ...". */
  np: boolean;
}

export interface QuoteKnowledge {
  cues: Map<string, CueFlags>;
  /** Paragraph labels before a colon that are not speakers ("correction", "note"). */
  nonSpeakers: Set<string>;
}

let cachedKnowledge: QuoteKnowledge | null = null;

/** Load the attribution cue list (dictionaries/lexicon/quote-cues.txt), once per process. */
export function loadQuoteKnowledge(): QuoteKnowledge {
  if (cachedKnowledge) return cachedKnowledge;
  const cues = new Map<string, CueFlags>();
  for (const raw of readFileSync(join(DICTIONARIES, 'lexicon', 'quote-cues.txt'), 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [lemma, flags = ''] = line.split('#')[0].split('\t');
    const f = new Set(flags.split(',').map((s) => s.trim()));
    cues.set(lemma.trim().toLowerCase(), { that: f.has('that'), obj: f.has('obj'), tail: f.has('tail'), np: f.has('np') });
  }
  const nonSpeakers = new Set<string>();
  for (const raw of readFileSync(join(DICTIONARIES, 'lexicon', 'quote-non-speakers.txt'), 'utf8').split('\n')) {
    const line = raw.split('#')[0].trim().toLowerCase();
    if (line !== '') nonSpeakers.add(line);
  }
  cachedKnowledge = { cues, nonSpeakers };
  return cachedKnowledge;
}
