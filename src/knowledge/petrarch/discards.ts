// PETRARCH discard lists: a phrase found in a sentence stops it being coded; a `+` phrase stops the
// whole story. A phrase ending in `_` must end at a word boundary, otherwise it is a stem. Matching is
// case-insensitive and starts at a word boundary (PETRARCH prefixes the phrase with a blank).
import type { Article, EventRecord } from '../../types.js';
import { dictLines, type DictError } from './lines.js';

export interface Discards {
  sentence: string[];
  story: string[];
  /** Parallel to the lists: whether the phrase must end at a word boundary. */
  sentenceWhole: boolean[];
  storyWhole: boolean[];
}

export function parseDiscards(text: string, file: string): { discards: Discards; errors: DictError[] } {
  const d: Discards = { sentence: [], story: [], sentenceWhole: [], storyWhole: [] };
  const errors: DictError[] = [];
  for (const { line, text: raw } of dictLines(text)) {
    let t = raw.trim();
    const story = t.startsWith('+');
    if (story) t = t.slice(1).trim();
    if (t.includes('[') || t.includes(']')) {
      errors.push({ file, line, reason: `discard phrase with a code: '${t}' (discards take no [code])` });
      continue;
    }
    const whole = t.endsWith('_');
    const phrase = normalise(t.replace(/_/g, ' ')).trim();
    if (!phrase) {
      errors.push({ file, line, reason: 'empty discard phrase' });
      continue;
    }
    (story ? d.story : d.sentence).push(phrase);
    (story ? d.storyWhole : d.sentenceWhole).push(whole);
  }
  return { discards: d, errors };
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[a-z0-9]/.test(c);
}

/** Whether any phrase occurs in `text` (already normalised, with a leading blank). */
function found(text: string, phrases: string[], whole: boolean[]): boolean {
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i];
    let from = 0;
    for (;;) {
      const k = text.indexOf(p, from);
      if (k < 0) break;
      const startOk = !isWordChar(text[k - 1]);
      const endOk = !whole[i] || !isWordChar(text[k + p.length]);
      if (startOk && endOk) return true;
      from = k + 1;
    }
  }
  return false;
}

/** 'story' if a story discard occurs in the text, 'sentence' for a sentence discard, else null. */
export function discardLevel(text: string, d: Discards): 'story' | 'sentence' | null {
  const t = ' ' + normalise(text);
  if (found(t, d.story, d.storyWhole)) return 'story';
  if (found(t, d.sentence, d.sentenceWhole)) return 'sentence';
  return null;
}

/** Drop the events of discarded sentences, or all of them when the story is discarded. */
export function applyDiscards(article: Article, events: EventRecord[], d: Discards | null): EventRecord[] {
  if (!d) return events;
  if (discardLevel(article.text, d) === 'story') return [];
  return events.filter((e) => discardLevel(e.text, d) === null);
}
