// Deterministic stand-ins for coded articles, so store and ingestion tests do not depend on the
// coder's current output: every sentence of the text becomes one event whose fields come from it.
import type { Analysis, Article, EventRecord } from '../../src/types.js';

const TYPES = [
  { plover: 'CONSULT', cameo: '042', quad: 1 as const, goldstein: 1.9 },
  { plover: 'COOPERATE', cameo: '057', quad: 2 as const, goldstein: 8 },
  { plover: 'ACCUSE', cameo: '112', quad: 3 as const, goldstein: -2 },
  { plover: 'ASSAULT', cameo: '190', quad: 4 as const, goldstein: -10 },
];
const COUNTRIES = ['RUS', 'ARM', 'FIN', 'EST', 'USA', 'CHN'];

function h(s: string): number {
  let x = 2166136261;
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), 16777619) >>> 0;
  return x;
}

/** Sentences with their offsets (split after . ! ? followed by a space). */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === text.length || text[i + 1] === ' ' || text[i + 1] === '\n')) {
      if (text.slice(start, i + 1).trim()) out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

export function fakeAnalysis(article: Article): Analysis {
  const events: EventRecord[] = [];
  sentences(article.text).slice(0, 12).forEach((s, i) => {
    const text = article.text.slice(s.start, s.end);
    const k = h(text);
    const t = TYPES[k % TYPES.length]!;
    const src = COUNTRIES[k % COUNTRIES.length]!;
    const tgt = COUNTRIES[(k >>> 3) % COUNTRIES.length]!;
    const hasTarget = k % 5 !== 0;
    const hasLoc = k % 3 === 0;
    events.push({
      id: `${article.id}:${i}`,
      article_id: article.id,
      sentence: i,
      text,
      date: article.date,
      date_precision: 'day',
      event: { plover: t.plover, mode: k % 2 ? 'visit' : null, context: null, cameo: t.cameo, quad: t.quad, goldstein: t.goldstein, negated: k % 7 === 0, aux: k % 11 === 0 ? 'future' : null },
      source: { text: `the ${src} government`, start: s.start, end: s.start + 1, code: `${src}GOV`, country: src, sectors: ['GOV'], name: null },
      target: hasTarget ? { text: tgt, start: s.start + 1, end: s.start + 2, code: tgt, country: tgt, sectors: [], name: `Name ${tgt}` } : null,
      location: hasLoc ? { text: 'Moscow', name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62, geonameid: 524901 } : null,
      evidence: { trigger: 'met', start: s.start, end: Math.min(s.end, s.start + 3), rule: 'fake#1' },
    });
  });
  const meta: Analysis['article'] = { id: article.id, date: article.date };
  if (article.title !== undefined) meta.title = article.title;
  if (article.url !== undefined) meta.url = article.url;
  if (article.source !== undefined) meta.source = article.source;
  return {
    article: meta,
    entities: [{ text: 'Moscow', start: 0, end: 6, type: 'GPE' }],
    places: [{ text: 'Moscow', start: 0, end: 6, type: 'GPE', name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62, geonameid: 524901 }],
    timexes: [{ text: 'Monday', start: 7, end: 13, value: article.date, precision: 'day' }],
    quotes: [
      { speaker: { text: 'He', start: 0, end: 2, name: null, code: null }, cue: { text: 'said', start: 3, end: 7 }, content: { text: 'we agree', start: 9, end: 17 }, direct: true },
      { speaker: null, cue: null, content: { text: 'talks', start: 20, end: 25 }, direct: false },
    ],
    events,
  };
}

/** A small corpus of made-up articles (the store tests do not need real news). */
export function fakeArticles(n: number, prefix = 'art'): Article[] {
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    out.push({
      id: `${prefix}-${i}`,
      date: `2021-08-${day}`,
      title: `Title ${i}`,
      url: `https://example.org/${prefix}/${i}`,
      source: i % 2 ? 'Wire A' : 'Wire B',
      text: `Officials met in Moscow on day ${i}. The ministers discussed a ferry link ${i % 7}. Talks continue in spring${i % 3 ? '!' : '.'} Number ${i} ends here.`,
    });
  }
  return out;
}
