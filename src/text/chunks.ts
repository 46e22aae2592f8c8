// Noun-phrase and verb-group chunks from POS tags, with character spans: the shallow parse the coder
// reasons over, exposed for `dyad explain` and for library users.
import type { Doc } from './document.js';
import { verbGroups } from './verbgroups.js';

export interface Chunk {
  type: 'NP' | 'VG';
  /** First token, and one past the last. */
  first: number;
  last: number;
  start: number;
  end: number;
  text: string;
}

// Tokens that may sit inside a noun phrase: determiners, numbers, adjectives, nouns, possessive markers,
// and hyphens joining words ("military-technical").
const NP_INNER = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'PART', 'PRON']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

/** Noun phrases of sentence tokens [first, last): maximal runs ending in a noun, pronoun or number. */
export function nounChunks(doc: Doc, first: number, last: number): Chunk[] {
  const out: Chunk[] = [];
  let i = first;
  while (i < last) {
    if (!startsNP(doc, i)) {
      i++;
      continue;
    }
    let j = i;
    let head = -1;
    while (j < last) {
      const p = doc.pos[j];
      const w = doc.lower[j];
      const inner = NP_INNER.has(p) && (p !== 'PART' || POSSESSIVE.has(w)) && (p !== 'PRON' || j === i);
      const hyphen = w === '-' && j > i && j + 1 < last && doc.ends[j - 1] === doc.starts[j] && doc.starts[j + 1] === doc.ends[j];
      if (!inner && !hyphen) break;
      if (p === 'NOUN' || p === 'PROPN' || p === 'PRON' || p === 'NUM') head = j;
      j++;
    }
    if (head >= i) out.push(chunk(doc, 'NP', i, head + 1));
    i = Math.max(j, i + 1);
  }
  return out;
}

function startsNP(doc: Doc, i: number): boolean {
  const p = doc.pos[i];
  return p === 'DET' || p === 'NUM' || p === 'ADJ' || p === 'NOUN' || p === 'PROPN' || p === 'PRON';
}

function chunk(doc: Doc, type: Chunk['type'], first: number, last: number): Chunk {
  const start = doc.starts[first];
  const end = doc.ends[last - 1];
  return { type, first, last, start, end, text: doc.text.slice(start, end) };
}

/** Noun phrases and verb groups of every sentence, in text order. */
export function chunks(doc: Doc): Chunk[] {
  const out: Chunk[] = [];
  for (const sp of doc.sentences) {
    const vgs = verbGroups(doc, sp.first, sp.last).map((g) => chunk(doc, 'VG', g.first, g.last));
    const nps = nounChunks(doc, sp.first, sp.last).filter((np) => !vgs.some((v) => np.first < v.last && v.first < np.last));
    out.push(...[...nps, ...vgs].sort((a, b) => a.first - b.first));
  }
  return out;
}
