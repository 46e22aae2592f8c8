// Dates in news text, normalised TIMEX3-style (2021-08-23 / 2020-11 / 2020) against the article
// date. chrono-node finds most expressions; our rules make it lean to the past (news reports what
// happened), and add what it misses: "last November", "in 2020", "the same day".
import type * as chrono from 'chrono-node';
import type { DatePrecision, Timex } from '../types.js';
import type { Doc } from '../text/document.js';
import { chronoFor } from './news-chrono.js';

/** A day/month date at most this many days after the article date is read as this year's. */
const FUTURE_WINDOW_DAYS = 14;
const DAY_MS = 86400000;
/** How far (in tokens) from a date a future marker ("will") makes it future-tensed. */
const FUTURE_WINDOW_TOKENS = 6;

/** Words that make a sentence future-tensed (then unyeared dates may lie ahead). */
// (not "would", "expected" or "later": reported speech about the past uses them too)
const FUTURE = new Set(['will', 'shall', "'ll", '’ll', 'wo', 'scheduled', 'upcoming', 'due', 'plan', 'plans', 'planned', 'planning', 'next', 'coming']);
/** Words before a bare year that make it a date ("in 2020", "since 1991", "early 2019"). */
const YEAR_CUE = new Set(['in', 'since', 'during', 'until', 'till', 'by', 'before', 'after', 'from', 'to', 'through', 'of', 'between', 'and', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter', 'year', 'end', 'beginning', 'start']);
/** Expressions chrono reads as dates that are not dates in news ("and now objects"). */
const NOISE = new Set(['now', 'right now', 'the moment', 'at the moment']);

interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

/** Every date expression in `doc`, with TIMEX3-style values resolved against `articleDate` (YYYY-MM-DD). */
export function findTimexes(doc: Doc, articleDate: string): Timex[] {
  const ad = parseYmd(articleDate);
  if (!ad) throw new Error(`dyad: bad article date ${JSON.stringify(articleDate)} (want YYYY-MM-DD)`);
  const ref = new Date(Date.UTC(ad.y, ad.m - 1, ad.d, 12));
  const found: Timex[] = [];
  const anaphora: { start: number; end: number; offset: number }[] = [];
  const periods: PeriodRef[] = [];

  for (let s = 0; s < doc.sentences.length; s++) {
    const sp = doc.sentences[s];
    // chrono runs dozens of regular expressions over what it is given: give it only short windows
    // around the words a date needs (months, weekdays, relative-time words, date-like numbers).
    for (const [wFirst, wLast] of cueWindows(doc, sp.first, sp.last)) {
      const wStart = doc.starts[wFirst];
      const text = doc.text.slice(wStart, doc.ends[wLast - 1]);
      let results: chrono.ParsedResult[] = [];
      const parser = chronoFor(text);
      if (!parser) continue;
      try {
        results = parser.parse(text, { instant: ref, timezone: 0 });
      } catch {
        results = []; // chrono must never take the pipeline down
      }
      for (const r of results) {
        const future = isFuture(doc, sp.first, sp.last, wStart + r.index);
        const past = isPast(doc, sp.first, sp.last, wStart + r.index);
        const t = fromChrono(r, text, wStart, ad, future, past);
        if (t) found.push(t);
      }
    }
    // Bare years after a cue word: "in 2020", "since 1991", "mid-2014".
    for (let i = sp.first; i < sp.last; i++) {
      let tok = doc.tokens[i];
      let from = doc.starts[i];
      if (tok.length === 8 && doc.lower[i].startsWith('mid-')) {
        tok = tok.slice(4); // "mid-2019" is one token
        from += 4;
        if (isYear(tok)) {
          found.push({ text: tok, start: from, end: doc.ends[i], value: tok, precision: 'year' });
          continue;
        }
      }
      if (tok.length !== 4 || !isYear(tok)) continue;
      let p = i - 1;
      if (p >= sp.first && doc.tokens[p] === '-') p--;
      if ((p < sp.first || !YEAR_CUE.has(doc.lower[p])) && !bareYear(doc, i, sp.first, sp.last)) continue;
      found.push({ text: tok, start: doc.starts[i], end: doc.ends[i], value: tok, precision: 'year' });
    }
    refTimexes(doc, sp.first, sp.last, ad, found, periods);
    seasonsAndDecades(doc, sp.first, sp.last, ad, found);
    // Anaphoric days: "the same day", "that day", "the next day", "the previous day".
    for (let i = sp.first; i + 1 < sp.last; i++) {
      const a = doc.lower[i];
      const b = doc.lower[i + 1];
      const c = i + 2 < sp.last ? doc.lower[i + 2] : '';
      const startOf = (k: number) => doc.starts[k];
      const endOf = (k: number) => doc.ends[k];
      if ((a === 'the' || a === 'that') && b === 'same' && c === 'day') anaphora.push({ start: startOf(i), end: endOf(i + 2), offset: 0 });
      else if (a === 'that' && b === 'day') anaphora.push({ start: startOf(i), end: endOf(i + 1), offset: 0 });
      else if (a === 'the' && (b === 'next' || b === 'following') && c === 'day') anaphora.push({ start: startOf(i), end: endOf(i + 2), offset: 1 });
      else if (a === 'the' && b === 'previous' && c === 'day') anaphora.push({ start: startOf(i), end: endOf(i + 2), offset: -1 });
      else if (a === 'the' && b === 'day' && (c === 'before' || c === 'after')) {
        // "the day before the vote" is relative to something else; only the bare phrase is safe
        const nxt = i + 3 < sp.last ? doc.pos[i + 3] : 'PUNCT';
        if (nxt === 'PUNCT' || nxt === 'CCONJ') anaphora.push({ start: startOf(i), end: endOf(i + 2), offset: c === 'before' ? -1 : 1 });
      }
    }
  }

  // Merge: by position; on overlap keep the longer expression.
  const all: (Timex | { start: number; end: number; offset: number } | PeriodRef)[] = [...found, ...anaphora, ...periods];
  all.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Timex[] = [];
  let lastEnd = -1;
  let lastDay = formatDay(ad);
  // The quarter the text last named: financial news compares "the quarter" with "a year earlier".
  let lastQuarter: string | null = null;
  for (const t of all) {
    if (t.start < lastEnd) continue;
    lastEnd = t.end;
    const text = doc.text.slice(t.start, t.end);
    if ('offset' in t) {
      const value = t.offset === 0 ? lastDay : formatDay(addDays(parseYmd(lastDay)!, t.offset));
      out.push({ text, start: t.start, end: t.end, value, precision: 'day' });
    } else if ('period' in t) {
      const value = resolvePeriod(t, lastQuarter, ad);
      if (t.period === 'quarter') lastQuarter = value;
      out.push({ text, start: t.start, end: t.end, value, precision: 'year' });
    } else {
      if (t.precision === 'day' && /^\d{4}-\d\d-\d\d$/.test(t.value)) lastDay = t.value;
      else if (/^\d{4}-Q\d$/.test(t.value)) lastQuarter = t.value;
      else if (lastQuarter && YEAR_AGO.test(t.text)) {
        // "a year earlier" after a quarter is that quarter a year before (TimeML)
        out.push({ ...t, value: shiftYear(lastQuarter, -1) });
        continue;
      }
      out.push(t);
    }
  }
  return out;
}

const YEAR_AGO = /^(?:a|one) year (?:ago|earlier|before)$/i;

/**
 * A period named relative to the text's quarter or year: "the quarter", "the latest period" (the
 * quarter last named, else the last whole quarter before the article), "the year-earlier quarter"
 * (that quarter a year before), "the 1988 period" (that quarter of 1988).
 */
interface PeriodRef {
  start: number;
  end: number;
  period: 'quarter' | 'yearAgo' | 'yearOf';
  /** For 'yearOf': the year named. */
  year?: number;
}

function resolvePeriod(t: PeriodRef, lastQuarter: string | null, ad: Ymd): string {
  const current = Math.floor((ad.m - 1) / 3) + 1;
  const lastWhole = current === 1 ? `${ad.y - 1}-Q4` : `${ad.y}-Q${current - 1}`;
  if (t.period === 'quarter') return lastQuarter ?? lastWhole;
  if (t.period === 'yearAgo') return lastQuarter ? shiftYear(lastQuarter, -1) : String(ad.y - 1);
  return lastQuarter ? `${t.year}-${lastQuarter.slice(5)}` : String(t.year);
}

function shiftYear(value: string, years: number): string {
  return String(Number(value.slice(0, 4)) + years) + value.slice(4);
}

/** Normalise one chrono result; null when it is not a date we keep. */
function fromChrono(r: chrono.ParsedResult, sentence: string, base: number, ad: Ymd, future: boolean, past: boolean): Timex | null {
  let start = r.index;
  let text = r.text;
  const lower = text.toLowerCase();
  if (NOISE.has(lower)) return null;
  const c = r.start;
  const hasDay = c.isCertain('day');
  const hasMonth = c.isCertain('month');
  const hasYear = c.isCertain('year');
  const hasWeekday = c.isCertain('weekday');
  if (!hasDay && !hasMonth && !hasYear && !hasWeekday && !/\b(week|month|year)\b/.test(lower)) return null; // a time only
  if (/^\d{1,2}[/.]\d{1,2}$/.test(text)) return null; // "3/4" is more often a fraction than a date
  if (/^(?:sun|mon|tue|wed|thu|fri|sat)[,.]?$/i.test(text)) return null; // "Sun", "Sat": rarely weekdays in prose
  // Durations ("after six weeks", "within two days") are not dates.
  if (/^(?:after|in|within|for|over)\s.*\b(?:days?|weeks?|months?|years?)$/.test(lower)) return null;
  // A word before the expression that chrono left out: "last November", "this Monday".
  const before = sentence.slice(Math.max(0, start - 10), start);
  const pre = /(?:^|\s)(last|this|next|past)\s+$/i.exec(before);
  const lead = /^(last|this|next|past|previous|coming)\s/i.exec(lower)?.[1] ?? pre?.[1]?.toLowerCase() ?? null;
  if (pre && !/^(last|this|next|past|previous|coming)\s/i.test(lower)) {
    start -= pre[0].length - (pre[0].startsWith(' ') || pre[0].startsWith('\t') ? 1 : 0);
    text = sentence.slice(start, r.index + r.text.length);
  }
  let value: string;
  let precision: DatePrecision;
  const unit = /^(?:last|this|next|past|previous|coming)\s+(week|month|year)$/.exec(lower)?.[1];
  if (unit) {
    const shift = lead === 'this' ? 0 : lead === 'next' || lead === 'coming' ? 1 : -1;
    if (unit === 'week') {
      value = isoWeek(addDays(ad, 7 * shift));
      precision = 'month'; // coarser than the week, never finer (DatePrecision has no 'week')
    } else if (unit === 'month') {
      const m0 = ad.m - 1 + shift;
      const y = ad.y + Math.floor(m0 / 12);
      value = `${y}-${pad2((((m0 % 12) + 12) % 12) + 1)}`;
      precision = 'month';
    } else {
      value = String(ad.y + shift);
      precision = 'year';
    }
  } else if (hasDay) {
    const m = c.get('month')!;
    const d = c.get('day')!;
    const y = hasYear ? c.get('year')! : leanYearForDay(ad, m, d, future, past);
    value = formatDay({ y, m, d });
    precision = 'day';
  } else if (hasWeekday && !hasMonth) {
    const wd = c.get('weekday')!;
    const refDow = new Date(Date.UTC(ad.y, ad.m - 1, ad.d)).getUTCDay();
    let delta: number;
    if (lead === 'next' || lead === 'coming') delta = ((wd - refDow + 7) % 7) + (wd === refDow ? 7 : 0);
    else if (lead === 'last' || lead === 'past') delta = -(((refDow - wd + 7) % 7) || 7);
    else if (future) delta = (wd - refDow + 7) % 7;
    else delta = -((refDow - wd + 7) % 7);
    value = formatDay(addDays(ad, delta));
    precision = 'day';
  } else if (hasMonth) {
    // "march" in lower case is the verb; month names are capitalised.
    if (!/[A-Z0-9]/.test(r.text)) return null;
    const m = c.get('month')!;
    let y: number;
    if (hasYear) y = c.get('year')!;
    else if (lead === 'last' || lead === 'past') y = m < ad.m ? ad.y : ad.y - 1;
    else if (lead === 'next' || lead === 'coming') y = m > ad.m ? ad.y : ad.y + 1;
    else if (lead === 'this') y = ad.y;
    else y = leanYearForDay(ad, m, 15, future, past);
    value = `${y}-${pad2(m)}`;
    precision = 'month';
  } else if (hasYear) {
    value = String(c.get('year'));
    precision = 'year';
  } else return null;
  const y = Number(value.slice(0, 4));
  if (!(y >= 1000 && y <= 2200)) return null;
  return { text, start: base + start, end: base + start + text.length, value, precision };
}

/**
 * Year of an unyeared day or month: the article's year, unless that puts the date more than
 * SAME_YEAR_MONTHS away, then the adjacent year nearer the article date ("January" in a November
 * article is next January; "December" in a January article last December). A future marker nearby
 * keeps a date that far ahead in the article's year.
 */
function leanYearForDay(ad: Ymd, m: number, d: number, future: boolean, past = false): number {
  const cand = Date.UTC(ad.y, m - 1, d);
  const refT = Date.UTC(ad.y, ad.m - 1, ad.d);
  // the clause's tense decides first: a past-tense date cannot lie ahead, a future one behind
  if (future) return cand < refT - FUTURE_WINDOW_DAYS * DAY_MS ? ad.y + 1 : ad.y;
  if (past) return cand > refT + FUTURE_WINDOW_DAYS * DAY_MS ? ad.y - 1 : ad.y;
  const months = m - ad.m + (d - ad.d) / 31;
  if (months > SAME_YEAR_MONTHS) return ad.y - 1;
  if (months < -SAME_YEAR_MONTHS) return ad.y + 1;
  return ad.y;
}

const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'ago']);

/** The first token of [first, last) that ends after char offset `at`. */
function tokenIn(doc: Doc, first: number, last: number, at: number): number {
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (doc.ends[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is there a past-tense verb within a few tokens of char offset `at` (same sentence)? */
function isPast(doc: Doc, first: number, last: number, at: number): boolean {
  const lo = tokenIn(doc, first, last, at);
  const from = Math.max(first, lo - FUTURE_WINDOW_TOKENS);
  const to = Math.min(last, lo + FUTURE_WINDOW_TOKENS);
  for (let i = from; i < to; i++) {
    const l = doc.lower[i];
    if (PAST_AUX.has(l)) return true;
    if (doc.pos[i] === 'VERB' && l !== doc.lemmas[i] && !l.endsWith('ing') && !l.endsWith('s')) return true;
  }
  return false;
}

/** How far (in months) an unyeared date may lie from the article date within the article's year. */
const SAME_YEAR_MONTHS = 9;

/** Words that are TIMEX3 reference times by themselves (value PRESENT_REF, PAST_REF, FUTURE_REF). */
/** Words without which chrono finds nothing: months, weekdays, relative-time words. */
const DATE_CUES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'today', 'tonight', 'yesterday', 'tomorrow', 'now', 'ago', 'later', 'earlier', 'last', 'next', 'this', 'coming', 'past', 'previous', 'following',
  'day', 'days', 'week', 'weeks', 'weekend', 'month', 'months', 'year', 'years', 'decade', 'decades', 'century', 'hour', 'hours', 'minute', 'minutes',
  'morning', 'afternoon', 'evening', 'night', 'noon', 'midnight', 'midday', 'dawn', 'dusk', 'spring', 'summer', 'autumn', 'fall', 'winter',
  'christmas', 'eve', 'quarter', 'fortnight', 'a.m.', 'p.m.', 'am', 'pm',
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
  'mon.', 'tue.', 'tues.', 'wed.', 'thu.', 'thurs.', 'fri.', 'sat.', 'sun.', 'noon', 'o\'clock',
]);

/** Cue words that are also common words ("may", "march", "fall", "am") count only when written as a date would be. */
const CAPITALISED_ONLY = new Set(['may', 'march', 'sun', 'sat', 'mar', 'dec', 'wed', 'jan', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'feb', 'apr', 'mon', 'tue', 'thu', 'fri', 'eve']);
const CLOCK_WORDS = new Set(['am', 'pm', 'a.m.', 'p.m.']);

function strongEnough(doc: Doc, i: number, w: string): boolean {
  if (CAPITALISED_ONLY.has(w)) {
    const c = doc.tokens[i].charCodeAt(0);
    return c >= 65 && c <= 90;
  }
  if (CLOCK_WORDS.has(w)) {
    const p = i > 0 ? doc.lower[i - 1].charCodeAt(0) : 0;
    return p >= 48 && p <= 57;
  }
  return true;
}

/** Tokens before and after a cue that a date expression may span ("the last two weeks of August 2021"). */
const WINDOW_BEFORE = 5;
const WINDOW_AFTER = 6;

/**
 * The token window [first, last) from the first date cue of a sentence to its last, with margins; one
 * window per sentence, since each chrono call has a fixed cost of its own.
 */
function cueWindows(doc: Doc, first: number, last: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = first; i < last; i++) {
    const w = doc.lower[i];
    const c = w.charCodeAt(0);
    if (!(DATE_CUES.has(w) && strongEnough(doc, i, w)) && !(c >= 48 && c <= 57 && (datelikeNumber(w) || (w.length <= 2 && joinedToSeparator(doc, i))))) continue;
    const a = Math.max(first, i - WINDOW_BEFORE);
    const b = Math.min(last, i + WINDOW_AFTER + 1);
    const prev = out[0];
    if (prev) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** "02-13-98", "8/24", "10:30": a short number written against a date or time separator. */
function joinedToSeparator(doc: Doc, i: number): boolean {
  const next = doc.lower[i + 1];
  return next !== undefined && doc.starts[i + 1] === doc.ends[i] && (next === '-' || next === '/' || next === ':' || next === '.');
}

/** A number token that could be (part of) a date on its own: a year, ISO or slashed date, clock time, ordinal day. */
function datelikeNumber(w: string): boolean {
  if (w.length === 4 && (w.startsWith('19') || w.startsWith('20'))) return true;
  if (w.length === 5 && w.endsWith('s')) return true; // 1990s
  for (let i = 1; i < w.length; i++) {
    const ch = w[i];
    if (ch === ':' || ch === '/' || ch === '-') return true;
  }
  return w.endsWith('st') || w.endsWith('nd') || w.endsWith('rd') || w.endsWith('th');
}

// Maps, not object literals: a token such as "constructor" must not find Object.prototype.
const REF_WORDS = new Map<string, string>(Object.entries({
  now: 'PRESENT_REF',
  currently: 'PRESENT_REF',
  nowadays: 'PRESENT_REF',
  recently: 'PAST_REF',
  // not "previously", "formerly", "soon": TimeML annotators rarely mark them (measured on TimeBank)
}));
const ORDINAL_QUARTER = new Map<string, number>(Object.entries({ first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 }));

/** Reference words, "the past"/"the future", quarters ("the third quarter", "fourth-quarter") and periods. */
function refTimexes(doc: Doc, first: number, last: number, ad: Ymd, out: Timex[], periods: PeriodRef[]): void {
  const push = (a: number, b: number, value: string, precision: DatePrecision) =>
    out.push({ text: doc.text.slice(doc.starts[a], doc.ends[b]), start: doc.starts[a], end: doc.ends[b], value, precision });
  const lw = (k: number) => (k >= first && k < last ? doc.lower[k] : '');
  for (let i = first; i < last; i++) {
    const l = doc.lower[i];
    const ref = REF_WORDS.get(l);
    if (ref && doc.pos[i] === 'ADV') {
      push(i, i, ref, ref === 'PRESENT_REF' ? 'day' : 'year');
      continue;
    }
    // "the current (fiscal) year", "the full year", "the fiscal year": the article's year
    if (l === 'the' && (lw(i + 1) === 'current' || lw(i + 1) === 'full' || lw(i + 1) === 'fiscal')) {
      const y = lw(i + 2) === 'year' ? i + 2 : lw(i + 2) === 'fiscal' && lw(i + 3) === 'year' ? i + 3 : -1;
      if (y > 0 && lw(y + 1) !== "'s" && lw(y + 1) !== '’s') {
        push(i, y, String(ad.y), 'year');
        i = y;
        continue;
      }
    }
    if (l === 'current' && doc.pos[i] === 'ADJ') {
      if (lw(i + 1) === 'quarter') {
        push(i > first && lw(i - 1) === 'the' ? i - 1 : i, i + 1, `${ad.y}-Q${Math.floor((ad.m - 1) / 3) + 1}`, 'year');
        i++;
        continue;
      }
      push(i, i, 'PRESENT_REF', 'day');
      continue;
    }
    if (l === 'recent' && doc.pos[i] === 'ADJ') {
      push(i, i, 'PAST_REF', 'year');
      continue;
    }
    if (l === 'the' && i + 1 < last) {
      // "the past", "the future", "the near future"
      const near = lw(i + 1) === 'near' || lw(i + 1) === 'foreseeable' || lw(i + 1) === 'distant' ? 1 : 0;
      const w = lw(i + 1 + near);
      if ((w === 'future' || (w === 'past' && !near)) && (i + 2 + near >= last || doc.pos[i + 2 + near] === 'PUNCT' || doc.pos[i + 2 + near] === 'ADP' || doc.pos[i + 2 + near] === 'CCONJ')) {
        push(i, i + 1 + near, w === 'past' ? 'PAST_REF' : 'FUTURE_REF', 'year');
        i += 1 + near;
        continue;
      }
    }
    const period = l === 'the' || l === 'that' || l === 'year' ? periodRef(doc, i, first, last) : null;
    if (period) {
      periods.push(period.ref);
      i = period.end;
      continue;
    }
    // quarters: "(the) third quarter", "third-quarter", "the fiscal first quarter"
    let q = ORDINAL_QUARTER.get(l);
    let qEnd = -1;
    if (q && lw(i + 1) === 'quarter') qEnd = i + 1;
    else if (q && lw(i + 1) === '-' && lw(i + 2) === 'quarter') qEnd = i + 2;
    else if (l.endsWith('-quarter') && ORDINAL_QUARTER.has(l.slice(0, -8))) {
      q = ORDINAL_QUARTER.get(l.slice(0, -8));
      qEnd = i;
    }
    if (qEnd < 0 || !q) continue;
    let qStart = i;
    if (lw(qStart - 1) === 'fiscal') qStart--;
    const current = Math.floor((ad.m - 1) / 3) + 1;
    // a quarter not yet begun is last year's unless the text looks ahead
    let year = q > current && !isFuture(doc, first, last, doc.starts[i]) ? ad.y - 1 : ad.y;
    // the year the text gives: "the 1988 second quarter", "this year's third quarter",
    // "the year-ago third quarter", "the third quarter of 1984" / "of last year"
    const before = lw(qStart - 1);
    if (qStart - 1 >= first && isYear(doc.tokens[qStart - 1])) {
      year = Number(doc.tokens[qStart - 1]);
      qStart--;
    } else if ((before === "'s" || before === '’s') && lw(qStart - 2) === 'year' && YEAR_SHIFT.has(lw(qStart - 3))) {
      year = ad.y + YEAR_SHIFT.get(lw(qStart - 3))!;
      qStart -= 3;
    } else if ((before === 'ago' || before === 'earlier') && lw(qStart - 2) === '-' && lw(qStart - 3) === 'year') {
      year = ad.y - 1;
      qStart -= 3;
    } else if (lw(qEnd + 1) === 'of' && qEnd + 2 < last && isYear(doc.tokens[qEnd + 2])) {
      year = Number(doc.tokens[qEnd + 2]);
      qEnd += 2;
    } else if (lw(qEnd + 1) === 'of' && YEAR_SHIFT.has(lw(qEnd + 2)) && lw(qEnd + 3) === 'year') {
      year = ad.y + YEAR_SHIFT.get(lw(qEnd + 2))!;
      qEnd += 3;
    }
    if (lw(qStart - 1) === 'the') qStart--;
    push(qStart, qEnd, `${year}-Q${q}`, 'year');
    i = qEnd;
  }
}

const YEAR_SHIFT = new Map<string, number>([['this', 0], ['last', -1], ['next', 1], ['previous', -1], ['past', -1]]);
const LATEST = new Set(['latest', 'recent', 'most', 'same', 'comparable', 'corresponding']);

/**
 * A period relative to the text's quarter at token i: "the quarter", "the latest quarter/period",
 * "that quarter", "the year-earlier quarter", "the comparable year-ago period", "year-earlier",
 * "the 1988 period". Null when there is none here.
 */
function periodRef(doc: Doc, i: number, first: number, last: number): { ref: PeriodRef; end: number } | null {
  const lw = (k: number) => (k >= first && k < last ? doc.lower[k] : '');
  const l = doc.lower[i];
  const at = (end: number, period: PeriodRef['period'], year?: number) => ({ ref: { start: doc.starts[i], end: doc.ends[end], period, year }, end });
  const isPeriod = (w: string) => w === 'quarter' || w === 'period';
  // "year-earlier", "year-ago" (also after "the (comparable)"): a year before the quarter
  let k = i;
  if (l === 'the' || l === 'that') k++;
  while (LATEST.has(lw(k)) || lw(k) === 'fiscal') k++;
  if (lw(k) === 'year' && lw(k + 1) === '-' && (lw(k + 2) === 'earlier' || lw(k + 2) === 'ago')) {
    if (k > i && !isPeriod(lw(k + 3))) return null; // "the year-earlier results": not a period
    return at(isPeriod(lw(k + 3)) ? k + 3 : k + 2, 'yearAgo');
  }
  if (l !== 'the' && l !== 'that') return null;
  // "the 1988 period", "the 1989 quarter"
  if (k === i + 1 && k < last && isYear(doc.tokens[k]) && isPeriod(lw(k + 1))) return at(k + 1, 'yearOf', Number(doc.tokens[k]));
  // "the quarter", "the latest quarter", "the latest period" (a bare "the period" is too vague)
  if (lw(k) === 'quarter' || (lw(k) === 'period' && k > i + 1 && lw(i + 1) !== 'same')) {
    if (lw(k + 1) === 'of' || lw(k + 1) === '-' || (lw(k + 1) === 'ended' || lw(k + 1) === 'ending')) return null;
    // "the corresponding period last year", "the quarter a year earlier"
    if (lw(k + 1) === 'last' && lw(k + 2) === 'year') return at(k + 2, 'yearAgo');
    if ((lw(k + 1) === 'a' || lw(k + 1) === 'one') && lw(k + 2) === 'year' && (lw(k + 3) === 'ago' || lw(k + 3) === 'earlier')) return at(k + 3, 'yearAgo');
    return at(k, 'quarter');
  }
  return null;
}

const SEASONS = new Map<string, [string, number]>([
  ['spring', ['SP', 3]],
  ['summer', ['SU', 6]],
  ['fall', ['FA', 9]],
  ['autumn', ['FA', 9]],
  ['winter', ['WI', 12]],
]);
const SEASON_LEAD = new Set(['this', 'last', 'next', 'past', 'coming', 'early', 'late', 'the', 'mid']);

/** Seasons ("last fall" → 1998-FA, "spring 1999") and decades ("the 1990s", "the late 1970s" → 197). */
function seasonsAndDecades(doc: Doc, first: number, last: number, ad: Ymd, out: Timex[]): void {
  const lw = (k: number) => (k >= first && k < last ? doc.lower[k] : '');
  const push = (a: number, b: number, value: string) =>
    out.push({ text: doc.text.slice(doc.starts[a], doc.ends[b]), start: doc.starts[a], end: doc.ends[b], value, precision: 'year' });
  for (let i = first; i < last; i++) {
    const l = doc.lower[i];
    const decade = l.endsWith('0s') ? /^(?:mid-)?((?:1[89]|20)\d)0s$/.exec(l) : null;
    if (decade) {
      let a = i;
      if (lw(a - 1) === 'early' || lw(a - 1) === 'late' || lw(a - 1) === 'mid') a--;
      else if (lw(a - 1) === '-' && lw(a - 2) === 'mid') a -= 2;
      if (lw(a - 1) === 'the') a--;
      push(a, i, decade[1]);
      continue;
    }
    const season = SEASONS.get(l);
    if (!season) continue;
    const [code, startMonth] = season;
    let a = i;
    let lead = lw(i - 1);
    if (SEASON_LEAD.has(lead)) a--;
    else lead = '';
    if ((lead === 'early' || lead === 'late' || lead === 'mid') && lw(a - 1) === 'the') a--;
    if (lead === 'past' && lw(a - 1) === 'this') a--;
    let b = i;
    let year: number | null = null;
    if (i + 1 < last && isYear(doc.tokens[i + 1])) {
      b = i + 1;
      year = Number(doc.tokens[b]);
    } else if (lw(i + 1) === 'of' && i + 2 < last && isYear(doc.tokens[i + 2])) {
      b = i + 2;
      year = Number(doc.tokens[b]);
    }
    // "fall" and "spring" are also a verb and a noun: a season only with a lead word or a year
    if (year === null && (!lead || lead === 'the') && (l === 'fall' || l === 'spring')) continue;
    if (year === null && doc.pos[i] !== 'NOUN' && doc.pos[i] !== 'PROPN' && !lead) continue;
    if (year === null) {
      const ended = ad.m >= startMonth + 3 || (code === 'WI' && ad.m >= 3 && ad.m < 12);
      if (lead === 'last' || lead === 'past') year = ended && lw(a) !== 'this' ? ad.y : lw(a) === 'this' ? ad.y : ad.y - 1;
      else if (lead === 'next' || lead === 'coming') year = ad.m < startMonth ? ad.y : ad.y + 1;
      else year = code === 'WI' && ad.m < 3 ? ad.y - 1 : ad.y;
    }
    push(a, b, `${year}-${code}`);
    i = b;
  }
}

/** A four-digit year without a cue word ("1995 was a record"): not an amount, not a measure. */
function bareYear(doc: Doc, i: number, first: number, last: number): boolean {
  const prev = i > first ? doc.tokens[i - 1] : '';
  const next = i + 1 < last ? doc.lower[i + 1] : '';
  if (prev === '$' || prev === '#' || prev === '£' || prev === '€' || /^\d/.test(prev)) return false;
  if (next === '%' || next === 'percent' || /^\d/.test(next) || next === 'to' || next === '-') return false;
  if (i + 1 < last && doc.pos[i + 1] === 'NOUN') return false; // "1999 shares"
  return doc.pos[i] === 'NUM' || doc.pos[i] === 'PROPN';
}

/** Is there a future marker within a few tokens of char offset `at` (same sentence)? */
function isFuture(doc: Doc, first: number, last: number, at: number): boolean {
  const lo = tokenIn(doc, first, last, at);
  const from = Math.max(first, lo - FUTURE_WINDOW_TOKENS);
  const to = Math.min(last, lo + FUTURE_WINDOW_TOKENS);
  for (let i = from; i < to; i++) if (FUTURE.has(doc.lower[i])) return true;
  return false;
}

function isYear(tok: string): boolean {
  for (let k = 0; k < 4; k++) {
    const ch = tok.charCodeAt(k);
    if (ch < 48 || ch > 57) return false;
  }
  const y = Number(tok);
  return y >= 1800 && y <= 2100;
}

function parseYmd(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

function addDays(a: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function formatDay(a: Ymd): string {
  return `${String(a.y).padStart(4, '0')}-${pad2(a.m)}-${pad2(a.d)}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO-8601 week of a day, e.g. 2021-W33. */
function isoWeek(a: Ymd): string {
  const t = new Date(Date.UTC(a.y, a.m - 1, a.d));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // Thursday of this week decides the year
  const y = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(y, 0, 1)) / DAY_MS + 1) / 7);
  return `${y}-W${pad2(week)}`;
}
