// chrono-node as news dating uses it, and the cheapest configuration of it that reads a given text
// as the full one would. chrono runs every parser's regular expression over all it is given; most
// parsers need a word of their own (a weekday, a month, "yesterday", a time unit) or a digit, so a
// text without those words need not be scanned by them.
// Only chrono's English locale: the package root loads every locale (~3x the start-up time). It is
// loaded on the first text that needs a parser (many short inputs have no date words at all), and
// through its CommonJS build, which loads in about half the time of the ES one (140 modules).
import { createRequire } from 'node:module';
import type * as chrono from 'chrono-node';

const require = createRequire(import.meta.url);

let newsChronoCache: chrono.Chrono | null = null;

/**
 * chrono's casual English parser without what news dating never uses and costs time: clock-time
 * expressions, "within N days" durations, end-of-month, and time-zone extraction.
 */
export function newsChrono(): chrono.Chrono {
  if (newsChronoCache) return newsChronoCache;
  const chronoEn = require('chrono-node/en') as typeof import('chrono-node/en');
  const c = chronoEn.casual.clone();
  c.parsers = c.parsers.filter((p) => !/TimeExpression|CasualTime|WithinFormat|EndOfCurrentMonth/.test(p.constructor.name));
  // EndOfPeriod matches a regex against all the text before each result: quadratic in a long window
  c.refiners = c.refiners.filter((r) => !/Timezone|EndOfPeriod/.test(r.constructor.name));
  newsChronoCache = c;
  return c;
}

const WEEKDAY = 1;
const MONTH = 2;
const CASUAL = 4;
const UNIT = 8;
/** A digit, one separator (- / . : or a space) and a digit: the shape of numeric dates ("8/24", "2021-08-23"). */
const NUMERIC = 16;

/** The words each parser family needs, as chrono's English dictionaries spell them (case-insensitive). */
const WORD_CLASSES = new Map<string, number>();
const addWords = (cls: number, words: string) => {
  for (const w of words.split(' ')) WORD_CLASSES.set(w, (WORD_CLASSES.get(w) ?? 0) | cls);
};
addWords(WEEKDAY, 'sunday sun monday mon tuesday tue tues wednesday wed thursday thurs thur thu friday fri saturday sat weekend weekday');
addWords(MONTH, 'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
addWords(CASUAL, 'now today tonight tomorrow overmorrow tmr tmrw yesterday night');
addWords(UNIT, 's sec second seconds m min mins minute minutes h hr hrs hour hours d day days w week weeks mo mon mos month months qtr quarter quarters y yr year years');

/** The parsers each class makes necessary; together they are every parser of newsChrono(). */
const PARSERS_OF: [number, string[]][] = [
  [WEEKDAY, ['ENWeekdayParser']],
  [MONTH, ['ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENMonthNameParser', 'ENYearMonthNameParser', 'ENYearMonthDayParser']],
  [CASUAL, ['ENCasualDateParser']],
  [UNIT, ['ENTimeUnitAgoFormatParser', 'ENTimeUnitLaterFormatParser', 'ENRelativeDateFormatParser', 'ENTimeUnitCasualRelativeFormatParser']],
  [NUMERIC, ['ISOFormatParser', 'SlashDateFormatParser', 'ENYearMonthDayParser', 'ENSlashMonthFormatParser']],
];

const byClasses = new Map<number, chrono.Chrono>();

function chronoWith(classes: number): chrono.Chrono {
  let c = byClasses.get(classes);
  if (!c) {
    const names = new Set(PARSERS_OF.filter(([cls]) => classes & cls).flatMap(([, ps]) => ps));
    c = newsChrono().clone();
    c.parsers = c.parsers.filter((p) => names.has(p.constructor.name));
    byClasses.set(classes, c);
  }
  return c;
}

/**
 * The parser to run on `text`: one with only the parsers its words and numbers call for (a number
 * alone, as in "500-page", calls for none); null when no parser could match. Same results as
 * newsChrono() on every text.
 */
export function chronoFor(text: string): chrono.Chrono | null {
  let classes = 0;
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const raw = i < text.length ? text.charCodeAt(i) : 0;
    if (raw >= 48 && raw <= 57 && numericDateAt(text, i)) classes |= NUMERIC;
    const c = raw | 0x20; // lower-cases ASCII letters
    if (c >= 97 && c <= 122) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      classes |= WORD_CLASSES.get(text.slice(wordStart, i).toLowerCase()) ?? 0;
      wordStart = -1;
    }
  }
  return classes === 0 ? null : chronoWith(classes);
}

/** Digit at `i`, then one separator, then a digit. */
function numericDateAt(text: string, i: number): boolean {
  const d = text.charCodeAt(i + 2);
  return d >= 48 && d <= 57 && DATE_SEPARATOR.test(text.charAt(i + 1));
}

/** What chrono's numeric date patterns allow between two numbers (\s as JavaScript defines it). */
const DATE_SEPARATOR = /^[-./:\s]$/;
