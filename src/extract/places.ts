// Toponyms: find place names in a document by longest match over its tokens and resolve each to
// one gazetteer entry, using the entry's importance (kind, population), the article's other places
// and actor countries, and explicit containers ("Moscow, Idaho").
import type { Place } from '../types.js';
import type { Doc } from '../text/document.js';
import { candidate, CURATED_KINDS, entriesForKey, KEY_EXTENDS, KEY_FOUND, mayLead, placeKey, probeKey, type Candidate, type Gazetteer, type PlaceKind } from '../knowledge/gazetteer.js';

export interface FindPlacesOptions {
  /** ISO3 countries of the actors mentioned in the article (they favour places in those countries). */
  countries?: string[];
  /** Spans that are not places (e.g. person names found by the actor module). */
  skip?: { start: number; end: number }[];
}

/** Most candidates of one name worth scoring (postings are sorted best prior first). */
const MAX_CANDIDATES = 40;
/** Longest name tried, in tokens (keeps adversarial input linear). */
const MAX_TOKENS = 8;
/** Population a lone, uncorroborated city name needs. */
const MIN_WEAK_POPULATION = 15000;
/** Population above which a city is accepted like a curated place. */
const STRONG_POPULATION = 100000;
const COUNTRY_CONTEXT_BONUS = 2.5;
const ADMIN_CONTEXT_BONUS = 4;

/** Words before a toponym that mark it as a location. */
const LOCATIVE = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'into', 'across', 'toward', 'towards', 'via', 'around', 'throughout', 'inside', 'within', 'of']);
/** Capitalised words after a place name that make it part of an organisation's name. */
const ORG_TAILS = new Set([
  'post', 'times', 'herald', 'tribune', 'journal', 'gazette', 'university', 'college', 'tech', 'state',
  'airlines', 'airways', 'corp', 'corporation', 'inc', 'fc', 'united', 'city', 'stock', 'exchange',
  'institute', 'club', 'group', 'bank', 'news', 'daily',
]);

/** Tokens after an all-caps place name that make it a dateline. */
const DATELINE_NEXT = new Set(['(', '-', '—', '–', ',', ':']);

/** Verbs after a name that make it a person rather than a town. */
const SPEECH = new Set(['say', 'tell', 'add', 'argue', 'write', 'explain', 'note', 'recall', 'ask', 'reply', 'insist']);

/** Calendar words are dates, never the towns of the same name ("in May", "March"). */
const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

interface Mention {
  first: number; // token index
  last: number; // one past the last token
  key: string;
  cands: Candidate[];
  /** Set when a container ("X, Idaho") decided the reading. */
  forced: Candidate | null;
  /** The kind of the reading chosen (set by resolveMentions). */
  chosenKind?: PlaceKind;
}

/** Every toponym in `doc`, resolved to one place each. Pure. */
export function findPlaces(doc: Doc, g: Gazetteer, opts: FindPlacesOptions = {}): Place[] {
  const n = doc.tokens.length;
  const blocked = blockedTokens(doc, opts.skip ?? []);
  const mentions: Mention[] = [];
  for (let i = 0; i < n; ) {
    if ((blocked[i] && blocked[i] !== SOFT) || !startsName(doc.tokens[i])) {
      i++;
      continue;
    }
    const m = longestMatch(doc, g, i, blocked);
    if (m) {
      mentions.push(m);
      i = m.last;
    } else i++;
  }
  if (mentions.length === 0) return [];
  return resolveMentions(doc, g, mentions, opts, true).filter((p): p is Place => p !== null);
}

/**
 * Resolve given toponym spans (e.g. gold spans in an evaluation, or spans from another recogniser):
 * one place per span. A span the gazetteer has no entry for (a street, a building) gets the
 * article's focus place (see focusPlace); null only when no span of the text resolves. The same context is used as in
 * findPlaces (containers, the text's unambiguous countries and divisions, actor countries), and no
 * span is rejected as a non-toponym. Pure.
 */
export function resolvePlaceSpans(doc: Doc, g: Gazetteer, spans: readonly { start: number; end: number }[], opts: FindPlacesOptions = {}): (Place | null)[] {
  const mentions: Mention[] = [];
  const index: number[] = [];
  spans.forEach((sp, i) => {
    const m = spanMention(doc, g, sp.start, sp.end);
    if (m) {
      mentions.push(m);
      index.push(i);
    }
  });
  const out: (Place | null)[] = spans.map(() => null);
  if (mentions.length === 0) return out;
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a].first - mentions[b].first);
  const sorted = order.map((i) => mentions[i]);
  const resolved = resolveMentions(doc, g, sorted, opts, false);
  const kinds: (PlaceKind | null)[] = spans.map(() => null);
  order.forEach((mi, k) => {
    const p = resolved[k];
    if (p) out[index[mi]] = { ...p, text: doc.text.slice(spans[index[mi]].start, spans[index[mi]].end), start: spans[index[mi]].start, end: spans[index[mi]].end };
    kinds[index[mi]] = sorted[k].chosenKind ?? null;
  });
  // A name the gazetteer lacks (a street, a building, a village) is most likely in the place the
  // article is about: give it the article's focus rather than nothing.
  const focus = focusPlace(out, kinds);
  if (focus) {
    spans.forEach((sp, i) => {
      if (!out[i]) out[i] = { ...focus, text: doc.text.slice(sp.start, sp.end), start: sp.start, end: sp.end };
    });
  }
  return out;
}

/** How specific each kind of place is, for choosing an article's focus (most specific wins). */
function focusRank(kind: PlaceKind): number {
  if (kind === 'COUNTRY' || kind === 'CONT' || kind === 'AREA' || kind === 'WATER') return 0;
  if (kind === 'ADM1' || kind === 'REGION' || kind === 'DISPUTED') return 1;
  return 2;
}

/**
 * The article's focus: among the resolved places of the most specific rank present, the one named
 * most often (the first on a tie). Null when nothing was resolved.
 */
function focusPlace(places: readonly (Place | null)[], kinds: readonly (PlaceKind | null)[]): Place | null {
  let bestRank = -1;
  for (let i = 0; i < places.length; i++) if (places[i] && kinds[i]) bestRank = Math.max(bestRank, focusRank(kinds[i]!));
  if (bestRank < 0) return null;
  const count = new Map<string, { n: number; p: Place }>();
  let best: { n: number; p: Place } | null = null;
  for (let i = 0; i < places.length; i++) {
    const p = places[i];
    if (!p || !kinds[i] || focusRank(kinds[i]!) !== bestRank) continue;
    const key = `${p.name}|${p.lat}|${p.lon}`;
    const c = count.get(key) ?? { n: 0, p };
    c.n++;
    count.set(key, c);
    if (!best || c.n > best.n) best = c;
  }
  return best?.p ?? null;
}

/** A mention for a given character span: its own name, else without a leading article or a possessive. */
function spanMention(doc: Doc, g: Gazetteer, start: number, end: number): Mention | null {
  const first = tokenAtOrAfter(doc, start);
  let last = first;
  while (last < doc.tokens.length && doc.starts[last] < end) last++;
  if (last <= first) return null;
  const raw = doc.text.slice(start, end);
  // A demonym marked as a toponym ("English" in "the English coast") names its place, not the
  // small town spelt the same (English, Indiana), unless a curated place owns the name.
  const dem = g.demonymEntry.get(placeKey(raw));
  if (dem !== undefined) {
    const own = entriesForKey(g, placeKey(raw));
    if (own.length === 0 || !CURATED_KINDS.has(candidate(g, own[0]).kind)) return { first, last, key: placeKey(raw), cands: [candidate(g, dem)], forced: null };
  }
  const variants = [raw, raw.replace(/^the\s+/i, ''), raw.replace(/['’]s$/, ''), raw.replace(/^the\s+/i, '').replace(/['’]s$/, '')];
  for (const v of variants) {
    const key = placeKey(v);
    const entries = entriesForKey(g, key);
    if (entries.length === 0) continue;
    const cands: Candidate[] = [];
    for (let k = 0; k < entries.length && k < MAX_CANDIDATES; k++) cands.push(candidate(g, entries[k]));
    return { first, last, key, cands, forced: null };
  }
  // A demonym marked as a toponym ("Russian" in "the Russian border") names its country or region.
  const d = g.demonymEntry.get(placeKey(raw));
  if (d !== undefined) return { first, last, key: placeKey(raw), cands: [candidate(g, d)], forced: null };
  return innerPlace(doc, g, first, last);
}

/** Prior an inner name needs to stand for a whole span ("Manila" for "Manila Cathedral"). */
const MIN_INNER_PRIOR = 5;

/**
 * The longest (then leftmost) capitalised sub-span that is a well-known place, standing for a span
 * the gazetteer lacks: a facility or district named after its town ("Manila Cathedral", "Cuyahoga
 * County" → no; "University of California" → California). Bounded by MAX_TOKENS, so linear.
 */
function innerPlace(doc: Doc, g: Gazetteer, first: number, last: number): Mention | null {
  const n = Math.min(last - first, MAX_TOKENS);
  for (let len = n - 1; len >= 1; len--) {
    for (let i = first; i + len <= last; i++) {
      if (!startsName(doc.tokens[i]) || !startsName(doc.tokens[i + len - 1])) continue;
      const key = placeKey(doc.text.slice(doc.starts[i], doc.ends[i + len - 1]));
      if (g.demonyms.has(key)) continue;
      const entries = entriesForKey(g, key);
      if (entries.length === 0) continue;
      const best = candidate(g, entries[0]);
      if (best.prior < MIN_INNER_PRIOR && !CURATED_KINDS.has(best.kind)) continue;
      const cands: Candidate[] = [];
      for (let k = 0; k < entries.length && k < MAX_CANDIDATES; k++) cands.push(candidate(g, entries[k]));
      return { first, last, key, cands, forced: null };
    }
  }
  return null;
}

function tokenAtOrAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (doc.ends[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pick one reading per mention (text order), then, when `filter`, drop non-toponyms (null). */
function resolveMentions(doc: Doc, g: Gazetteer, mentions: Mention[], opts: FindPlacesOptions, filter: boolean): (Place | null)[] {
  // Containers: "Moscow, Idaho", "Atlanta, Georgia", "Gyumri, Armenia".
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k];
    const b = mentions[k + 1];
    if (b.first !== a.last + 1 || doc.tokens[a.last] !== ',') continue;
    let best: [Candidate, Candidate] | null = null;
    for (const ca of a.cands) {
      for (const cb of b.cands) {
        const contains =
          (cb.kind === 'COUNTRY' && ca.kind !== 'COUNTRY' && ca.country !== null && ca.country === cb.country) ||
          (cb.kind === 'ADM1' && ca.admin !== null && ca.admin === cb.admin);
        if (contains && (!best || ca.prior + cb.prior > best[0].prior + best[1].prior)) best = [ca, cb];
      }
    }
    if (best) {
      a.forced = best[0];
      b.forced = best[1];
    }
  }

  // Document context: actor countries, plus the countries and divisions the text names without
  // ambiguity (curated containers only: a bare city name is too weak to steer other names). Each
  // context item remembers which names set it, so no name votes for its own reading.
  const actorCountries = new Set(opts.countries ?? []);
  const ctxCountries = new Map<string, Set<string>>();
  const ctxAdmins = new Map<string, Set<string>>();
  const ctxCityAdmins = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, code: string, key: string) => {
    const set = map.get(code);
    if (set) set.add(key);
    else map.set(code, new Set([key]));
  };
  for (const m of mentions) {
    const top = m.forced ?? m.cands[0];
    const clear = m.forced !== null || m.cands.length === 1 || m.cands[0].prior - m.cands[1].prior >= 1;
    // a large city read without doubt tells which state is meant ("Atlanta" → Georgia, US), not more
    if (clear && !CURATED_KINDS.has(top.kind) && top.population >= STRONG_POPULATION && top.admin) note(ctxCityAdmins, top.admin, m.key);
    if (!clear || !CURATED_KINDS.has(top.kind)) continue;
    if (top.country) note(ctxCountries, top.country, m.key);
    if (top.kind === 'ADM1' && top.admin) note(ctxAdmins, top.admin, m.key);
  }
  const contextFor = (key: string): Context => ({
    country: (c) => actorCountries.has(c) || otherThan(ctxCountries.get(c), key),
    admin: (a) => otherThan(ctxAdmins.get(a), key),
    cityIn: (a) => otherThan(ctxCityAdmins.get(a), key),
  });

  // One sense per name per document, unless a container decided otherwise.
  const chosen = new Map<string, Candidate>();
  const places: (Place | null)[] = [];
  for (const m of mentions) {
    let c = m.forced ?? chosen.get(m.key);
    if (!c) {
      c = pick(m.cands, contextFor(m.key));
      chosen.set(m.key, c);
    }
    m.chosenKind = c.kind;
    if (filter && !accept(doc, g, m, c, contextFor(m.key), mentions)) {
      places.push(null);
      continue;
    }
    const start = doc.starts[m.first];
    const end = doc.ends[m.last - 1];
    places.push({
      text: doc.text.slice(start, end),
      start,
      end,
      type: c.type,
      name: c.name,
      country: c.country,
      lat: c.lat,
      lon: c.lon,
      geonameid: c.geonameid,
    });
  }
  return places;
}

interface Context {
  country(iso3: string): boolean;
  admin(code: string): boolean;
  /** Does the text name a large city of this division? */
  cityIn?(code: string): boolean;
}

function otherThan(set: Set<string> | undefined, key: string): boolean {
  return set !== undefined && (set.size > 1 || !set.has(key));
}

function pick(cands: Candidate[], ctx: Context): Candidate {
  let best = cands[0];
  let bestScore = -Infinity;
  for (const c of cands) {
    let s = c.prior;
    if (c.country && ctx.country(c.country)) s += COUNTRY_CONTEXT_BONUS;
    if (c.admin && c.kind !== 'ADM1' && ctx.admin(c.admin)) s += ADMIN_CONTEXT_BONUS;
    if (c.admin && c.kind === 'ADM1' && ctx.cityIn?.(c.admin)) s += ADMIN_CONTEXT_BONUS;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

/** Is this match a toponym here, or a common word, a name part, an organisation? */
function accept(doc: Doc, g: Gazetteer, m: Mention, c: Candidate, ctx: Context, all: Mention[]): boolean {
  const first = doc.tokens[m.first];
  const sent = doc.sentences[doc.sentenceOf[m.first]];
  const sentenceInitial = m.first === sent.first || (m.first === sent.first + 1 && !/\p{L}/u.test(doc.tokens[sent.first]));
  const prev = m.first > sent.first ? doc.lower[m.first - 1] : '';
  const locative = LOCATIVE.has(prev);
  const single = m.last - m.first === 1;
  const next = m.last < sent.last ? doc.tokens[m.last] : '';
  // "Washington Post", "Georgia Tech": the place starts an organisation's name.
  if (next && startsName(next) && ORG_TAILS.has(next.toLowerCase())) return false;
  if (single && CALENDAR.has(m.key)) return false;
  // Two-letter names ("Us", "Of", "Is") only as acronyms: "US", "U.S.", "UK".
  if (single && letters(m.key) <= 2 && !isAllCaps(first)) return false;
  if (m.forced) return true;
  if (g.weakWords.has(m.key)) return locative && prev !== 'of' && !sentenceInitial; // not "Department of Commerce"
  // Acronyms only through curated entries and aliases ("US", "UAE"), or very large cities ("NYC").
  // ... and datelines: "WASHINGTON (Reuters) -", "MOSCOW —".
  const dateline = sentenceInitial && DATELINE_NEXT.has(next) && c.population >= MIN_WEAK_POPULATION;
  if (isAllCaps(first) && !(CURATED_KINDS.has(c.kind) || c.population >= 1e6 || dateline)) return false;
  if (CURATED_KINDS.has(c.kind) || c.kind === 'PPLC') return true;
  // "Allen said", "Tyler told reporters": a surname that is also a town.
  if (next && SPEECH.has(doc.lemmas[m.last])) return false;
  const supported = (c.country !== null && ctx.country(c.country)) || (c.admin !== null && ctx.admin(c.admin));
  if (c.population >= STRONG_POPULATION && (!sentenceInitial || supported || locative)) return !nameNeighbour(doc, m, sent.first, all);
  if (sentenceInitial && !locative) return false;
  if (single && doc.pos[m.first] !== 'PROPN') return false;
  if (nameNeighbour(doc, m, sent.first, all)) return false;
  return c.population >= MIN_WEAK_POPULATION || supported || (locative && c.population >= 1000);
}

/** A capitalised word right before or after the match that is not itself a place: "Karen Brutian". */
function nameNeighbour(doc: Doc, m: Mention, sentFirst: number, all: Mention[]): boolean {
  const isPlaceAt = (t: number) => all.some((o) => o.first <= t && t < o.last);
  if (m.first - 1 > sentFirst && startsName(doc.tokens[m.first - 1]) && !isPlaceAt(m.first - 1)) return true;
  const s = doc.sentenceOf[m.first];
  if (m.last < doc.tokens.length && doc.sentenceOf[m.last] === s && startsName(doc.tokens[m.last]) && !isPlaceAt(m.last)) return true;
  return false;
}

/** Longest gazetteer name starting at token `i` (same sentence, no blocked token). */
function longestMatch(doc: Doc, g: Gazetteer, i: number, blocked: Uint8Array): Mention | null {
  const s = doc.sentenceOf[i];
  const limit = Math.min(doc.tokens.length, i + Math.min(g.maxWords, MAX_TOKENS));
  let bestLast = -1;
  let bestKey = '';
  const firstKey = placeKey(doc.tokens[i]);
  if (!mayLead(g.leads, firstKey)) return null;
  for (let j = i + 1; j <= limit; j++) {
    if (j - 1 > i && (doc.sentenceOf[j - 1] !== s || blocked[j - 1])) break;
    const key = j === i + 1 ? firstKey : placeKey(doc.text.slice(doc.starts[i], doc.ends[j - 1]));
    const found = probeKey(g, key);
    if (found & KEY_FOUND) {
      bestLast = j;
      bestKey = key;
    }
    // No longer name can match unless some key extends this one.
    if (!(found & KEY_EXTENDS)) break;
  }
  if (bestLast < 0) return null;
  const entries = entriesForKey(g, bestKey);
  const cands: Candidate[] = [];
  for (let k = 0; k < entries.length && k < MAX_CANDIDATES; k++) cands.push(candidate(g, entries[k]));
  if (cands.length === 0 || g.demonyms.has(bestKey)) return null;
  return { first: i, last: bestLast, key: bestKey, cands, forced: null };
}

/** Mark of a skipped token that may still be a one-word place (see blockedTokens). */
const SOFT = 2;

/** Tokens covered by a skip span (1), or opening one as its modifier (SOFT). */
function blockedTokens(doc: Doc, skip: { start: number; end: number }[]): Uint8Array {
  const blocked = new Uint8Array(doc.tokens.length);
  if (skip.length === 0) return blocked;
  for (const sp of skip) {
    // first token ending after sp.start
    let lo = 0;
    let hi = doc.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (doc.ends[mid] <= sp.start) lo = mid + 1;
      else hi = mid;
    }
    let t = lo;
    for (; t < doc.tokens.length && doc.starts[t] < sp.end; t++) blocked[t] = 1;
    // A name that opens a span before a lower-case word is that span's modifier, still a place:
    // "US troops", "the Toronto police" (not "Paris Hilton").
    if (t - lo >= 2 && !startsName(doc.tokens[lo + 1]) && /\p{L}/u.test(doc.tokens[lo + 1])) blocked[lo] = SOFT;
  }
  return blocked;
}

/** A token that can start a name: begins with an upper-case letter. */
function startsName(tok: string): boolean {
  const ch = tok.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function letters(key: string): number {
  let k = 0;
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) >= 97 && key.charCodeAt(i) <= 122) k++;
  return k;
}

function isAllCaps(tok: string): boolean {
  return tok.length >= 2 && tok === tok.toUpperCase() && tok !== tok.toLowerCase();
}
