// Read queries the API needs beyond the Store's own methods: filtered event search with keyset
// cursors, time-series aggregates, top actors, network edges and map locations. All are Kysely
// queries over the store's schema; values always travel as bound parameters (the few `sql`
// fragments are templates with parameters, never strings glued together), on SQLite and PostgreSQL.
import { sql, type Compilable, type RawBuilder, type CompiledQuery, type Kysely, type SelectQueryBuilder, type Expression, type SqlBool } from 'kysely';
import { EVENT_SEARCH_COLUMNS } from '../store/migrations.js';
import type { Database, EventsTable } from '../store/schema.js';
import { EVENT_RECORD_COLUMNS, articleMeta, articleMetaJson, eventFromRow, eventJsonOpen } from '../store/rows.js';
import { arrayRows } from './reader.js';
import type { ArticleMeta } from '../output/writer.js';
import type { EventRecord } from '../types.js';

export type Dialect = 'sqlite' | 'postgres';

/** A validated event filter (see params.ts for how query strings become one). */
export interface EventQuery {
  /** Inclusive event-date bounds, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Source / target / either side: an ISO3 country (RUS) or an actor-code prefix (RUSGOV). */
  source?: string;
  target?: string;
  actor?: string;
  /** Source, target or location country (ISO3). */
  country?: string;
  plover?: string[];
  /** CAMEO code or root prefix (04, 042). */
  cameo?: string;
  quad?: number[];
  /** [west, south, east, north] in degrees; west > east crosses the antimeridian. */
  bbox?: [number, number, number, number];
  /** Full-text query over article titles and texts (all words must occur). */
  q?: string;
  articleId?: string;
}

type Events = Database & { e: EventsTable };
type Q<O> = SelectQueryBuilder<Events, 'e', O>;

/** Words for full-text search: letters, digits and _ only, so nothing can reach FTS syntax. */
export function ftsWords(q: string): string[] {
  return q.split(/[^\p{L}\p{N}_]+/u).filter(Boolean).slice(0, 16);
}

/**
 * A value of a query: `val(get)` is get(filter) when a query is built for one filter, or a
 * placeholder read per request when a query shape is compiled once (see runShape). Only `val`
 * may bring request values into a query; which terms a query has depends on the filter's shape
 * alone (filterShape), never on other values.
 */
export type Val<C> = <T>(get: (c: C) => T) => T;

/** Values straight from one filter (queries built and compiled per call, e.g. the aggregates). */
const direct = <C>(c: C): Val<C> => (get) => get(c);

const isCountryCode = (code: string, countries: ReadonlySet<string>): boolean => code.length === 3 && countries.has(code);

function actorWhere<O>(q: Q<O>, role: 'source' | 'target' | 'either', field: 'source' | 'target' | 'actor', f: EventQuery, countries: ReadonlySet<string>, val: Val<EventQuery>): Q<O> {
  const cols = role === 'either' ? (['source', 'target'] as const) : ([role] as const);
  const country = isCountryCode(f[field]!, countries);
  return q.where((eb) => eb.or(cols.map((c) => (country
    ? eb(`e.${c}_country`, '=', val((g) => g[field]!))
    // An actor-code prefix: RUSGOV matches RUSGOV and RUSGOVMIL (a range, so an index could serve it).
    : eb.and([eb(`e.${c}_code`, '>=', val((g) => g[field]!)), eb(`e.${c}_code`, '<', val((g) => `${g[field]!}\uffff`))])))));
}

/**
 * What decides the terms applyEventQuery adds for `f` (which filters are there, list lengths,
 * country or actor-code prefix, a box across the antimeridian, full text or not), not the values:
 * two filters of one shape compile to the same SQL with different parameters.
 */
export function filterShape(f: EventQuery, dialect: Dialect, countries: ReadonlySet<string>, perEvent: PerEvent = false): string {
  const actor = (c: string | undefined) => (c ? (isCountryCode(c, countries) ? 'c' : 'p') : '-');
  const text = f.q ? ftsWords(f.q).length > 0 : false;
  return [
    f.from ? 'f' : '-', f.to ? 't' : '-', actor(f.source), actor(f.target), actor(f.actor), f.country ? 'C' : '-',
    f.plover?.length ?? 0, f.cameo ? 'm' : '-', f.quad?.length ?? 0, f.articleId ? 'a' : '-',
    f.bbox ? (f.bbox[0] <= f.bbox[2] ? 'b' : 'B') : '-', text ? (perEvent && dialect === 'sqlite' ? (perEvent === 'seq' ? 'S' : 'Q') : 'q') : '-',
  ].join('');
}

/**
 * How an SQLite search tests full text per event (fullTextPerEvent): by the event's `article_seq`
 * (falling back to a lookup of its article where it is null), or, in a store opened read-only before
 * migration 0005 added that column, by the lookup alone; false: by the set of matching articles.
 */
export type PerEvent = boolean | 'seq' | 'lookup';

/**
 * The filter as WHERE terms on `e`, an events row (or any relation with the columns of
 * EVENT_SEARCH_COLUMNS, such as the index scan in searchEventsSqlite). No join: full text is an
 * `article_id in (…)` subquery, so aggregates never touch the articles table otherwise.
 * `perEvent` (SQLite): test full text per event read instead (see fullTextPerEvent), for a common
 * query read in page order, where the page fills after a few events.
 */
export function applyEventQuery<O>(
  q: Q<O>, f: EventQuery, dialect: Dialect, countries: ReadonlySet<string>, perEvent: PerEvent = false, val: Val<EventQuery> = direct(f),
): Q<O> {
  q = applyDateRange(q, f, val);
  if (f.source) q = actorWhere(q, 'source', 'source', f, countries, val);
  if (f.target) q = actorWhere(q, 'target', 'target', f, countries, val);
  if (f.actor) q = actorWhere(q, 'either', 'actor', f, countries, val);
  if (f.country) {
    const c = val((g) => g.country!);
    q = q.where((eb) => eb.or([eb('e.source_country', '=', c), eb('e.target_country', '=', c), eb('e.location_country', '=', c)]));
  }
  if (f.plover && f.plover.length > 0) q = q.where('e.plover', 'in', f.plover.map((_, i) => val((g) => g.plover![i]!)));
  if (f.cameo) q = q.where('e.cameo', 'like', val((g) => `${g.cameo!}%`)); // digits only (validated): no wildcards
  if (f.quad && f.quad.length > 0) q = q.where('e.quad', 'in', f.quad.map((_, i) => val((g) => g.quad![i]!)));
  if (f.articleId) q = q.where('e.article_id', '=', val((g) => g.articleId!));
  if (f.bbox) {
    const [w, e] = [f.bbox[0], f.bbox[2]];
    const [vw, vs, ve, vn] = ([0, 1, 2, 3] as const).map((i) => val((g) => g.bbox![i]));
    q = q.where('e.location_lat', '>=', vs!).where('e.location_lat', '<=', vn!);
    q = w <= e
      ? q.where('e.location_lon', '>=', vw!).where('e.location_lon', '<=', ve!)
      : q.where((eb) => eb.or([eb('e.location_lon', '>=', vw!), eb('e.location_lon', '<=', ve!)]));
  }
  if (f.q) {
    const words = ftsWords(f.q);
    if (words.length > 0) q = q.where(perEvent && dialect === 'sqlite' ? fullTextPerEvent(val, perEvent !== 'lookup') : fullTextArticles(dialect, val));
  }
  return q;
}

function applyDateRange<O>(q: Q<O>, f: EventQuery, val: Val<EventQuery>): Q<O> {
  if (f.from) q = q.where('e.date', '>=', val((g) => g.from!));
  // Dates may be YYYY-MM or YYYY-MM-DD; "to" is inclusive, so compare with a suffix that sorts after any day.
  if (f.to) q = q.where('e.date', '<=', val((g) => `${g.to!}\uffff`));
  return q;
}

/** The FTS5 query for the words of `q`: each word quoted, all required. */
export const ftsMatch = (q: string): string => ftsWords(q).map((w) => `"${w}"`).join(' ');

/** `e.article_id` is one of the articles whose title or text hold all the words. */
function fullTextArticles(dialect: Dialect, val: Val<EventQuery>): Expression<SqlBool> {
  if (dialect === 'sqlite') {
    const match = val((g) => ftsMatch(g.q!));
    return sql<SqlBool>`e.article_id in (select fa.id from articles fa where fa.seq in (select rowid from articles_fts where articles_fts match ${match}))`;
  }
  return sql<SqlBool>`e.article_id in (select fa.id from articles fa where fa.tsv @@ plainto_tsquery('english', ${val((g) => ftsWords(g.q!).join(' '))}))`;
}

/**
 * SQLite: the same test, per event: its article's seq (`article_seq`, which events_search holds
 * since migration 0005) is among the FTS rowids, a set of integers built once. An event stored
 * without it (null) has its seq looked up by article id (the unique index on articles.id holds it).
 * fullTextArticles builds the set of matching article ids instead, one articles lookup per match
 * (tens of thousands for a common word) however few events the page needs; here the cost follows
 * the events read, and on the scan of events_search no event needs a lookup at all.
 */
function fullTextPerEvent(val: Val<EventQuery>, seq: boolean): Expression<SqlBool> {
  const match = val((g) => ftsMatch(g.q!));
  return seq
    ? sql<SqlBool>`coalesce(e.article_seq, (select fa.seq from articles fa where fa.id = e.article_id)) in (select rowid from articles_fts where articles_fts match ${match})`
    : sql<SqlBool>`(select fa.seq from articles fa where fa.id = e.article_id) in (select rowid from articles_fts where articles_fts match ${match})`;
}

const articleSeqColumn = new WeakMap<Kysely<Database>, boolean>();

/**
 * SQLite: whether `events` has `article_seq` (migration 0005). Only a store opened read-only, which
 * runs no migrations, can lack it; once there it stays, so the answer is kept per database (a store
 * migrated meanwhile by another process is searched the old way, which stays right).
 */
async function hasArticleSeq(db: Kysely<Database>): Promise<boolean> {
  let has = articleSeqColumn.get(db);
  if (has === undefined) {
    const [row] = await runShape(db, 'events:has-article-seq', null, () => sql<{ n: number }>`select count(*) as n from pragma_table_info('events') where name = 'article_seq'`);
    has = Number(row?.n ?? 0) > 0;
    articleSeqColumn.set(db, has);
  }
  return has;
}

/** `a` (an articles row) holds all the words. */
function fullText(words: string[], dialect: Dialect): Expression<SqlBool> {
  if (dialect === 'sqlite') {
    const match = words.map((w) => `"${w}"`).join(' ');
    return sql<SqlBool>`a.seq in (select rowid from articles_fts where articles_fts match ${match})`;
  }
  return sql<SqlBool>`a.tsv @@ plainto_tsquery('english', ${words.join(' ')})`;
}

export interface EventHit {
  record: EventRecord;
  article: ArticleMeta;
}

/** The sort key of an event, newest first: what a cursor remembers. */
export type EventKey = [date: string, articleId: string, id: string];

export interface EventPage {
  events: EventHit[];
  /** Key of the last event when more follow, else null. */
  next: EventKey | null;
}

/** The columns of a page row: an event (EVENT_RECORD_COLUMNS), then its article's. */
const ARTICLE_COLUMNS = ['a_date', 'a_title', 'a_url', 'a_source'] as const;
const PAGE_COLUMNS = [...EVENT_RECORD_COLUMNS, ...ARTICLE_COLUMNS] as const;
const [A_DATE, A_TITLE, A_URL, A_SOURCE] = ARTICLE_COLUMNS.map((c) => PAGE_COLUMNS.indexOf(c));
const [KEY_DATE, KEY_ARTICLE, KEY_ID] = (['date', 'article_id', 'id'] as const).map((c) => PAGE_COLUMNS.indexOf(c));

/** A page row as the queries select it (PAGE_COLUMNS)... */
type EventRow = Pick<EventsTable, (typeof EVENT_RECORD_COLUMNS)[number]> & { a_date: string; a_title: string | null; a_url: string | null; a_source: string | null };
/** ...and as the search reads it: an array in PAGE_COLUMNS order. */
type PageRow = readonly unknown[];

function hit(v: PageRow): EventHit {
  const row = {} as Record<string, unknown>;
  for (let i = 0; i < EVENT_RECORD_COLUMNS.length; i++) row[EVENT_RECORD_COLUMNS[i]!] = v[i];
  return {
    record: eventFromRow(row as unknown as EventsTable),
    article: articleMeta({ id: v[KEY_ARTICLE] as string, date: v[A_DATE] as string, title: v[A_TITLE] as string | null, url: v[A_URL] as string | null, source: v[A_SOURCE] as string | null }),
  };
}

/** JSON.stringify({ ...hit(v).record, article: hit(v).article }), written straight from the row. */
function hitJson(v: PageRow): string {
  return `${eventJsonOpen(v)},"article":${articleMetaJson(v[KEY_ARTICLE], v[A_DATE], v[A_TITLE], v[A_URL], v[A_SOURCE])}}`;
}

/** What a search binds per request: the filter, the page's cursor and sizes. */
interface SearchValues {
  f: EventQuery;
  after: EventKey | null;
  /** Rows to read (page size + 1). */
  n: number;
  budget: number;
}

type SearchVal = Val<SearchValues>;

/** The filter's values of a search's values. */
const filterVal = (val: SearchVal): Val<EventQuery> => (get) => val((c) => get(c.f));

function afterKey<O>(q: Q<O>, after: EventKey | null, order: 'asc' | 'desc', val: SearchVal): Q<O> {
  if (!after) return q;
  const key = ([0, 1, 2] as const).map((i) => val((c) => c.after![i]));
  return q.where((eb) => eb(eb.refTuple('e.date', 'e.article_id', 'e.id'), order === 'desc' ? '<' : '>', eb.tuple(key[0]!, key[1]!, key[2]!)));
}

/** A value placeholder of a compiled query shape: `get` reads its value from a request's values. */
class Slot<C> {
  constructor(readonly get: (c: C) => unknown) {}
}

/** Most query shapes kept compiled per database (each filter combination, plan and list length is one). */
export const SHAPE_CACHE_SIZE = 500;

const shapeCaches = new WeakMap<Kysely<Database>, Map<string, CompiledQuery>>();

/**
 * Run the query `build` makes, compiled once per `shape`: Kysely builds and compiles it on the
 * first request of that shape with Slot placeholders for its values (`val`), and later requests
 * only bind their values to the cached SQL. `shape` must name everything `build` decides on other
 * than through `val` (the filter's shape, the plan, the order, a cursor or not).
 */
async function runShape<C, R>(db: Kysely<Database>, shape: string, values: C, build: (val: Val<C>) => Compilable<R> | RawBuilder<R>): Promise<R[]> {
  const compiled = shapeQuery(db, shape, values, build);
  return (await db.executeQuery<R>(compiled)).rows;
}

/**
 * runShape for a page of events: its rows as arrays in PAGE_COLUMNS order, read as arrays from the
 * driver where it can (arrayRows: the SQLite reader), else made from Kysely's row objects.
 */
async function runPageShape<C>(db: Kysely<Database>, shape: string, values: C, build: (val: Val<C>) => Compilable<EventRow>): Promise<PageRow[]> {
  const compiled = shapeQuery(db, shape, values, build);
  const arrays = arrayRows(db, compiled.sql, compiled.parameters);
  if (arrays) return arrays;
  const rows = (await db.executeQuery<EventRow>(compiled)).rows as unknown as Record<string, unknown>[];
  return rows.map((r) => PAGE_COLUMNS.map((c) => r[c]));
}

/** The query of `shape` compiled (once: see runShape) with `values` bound. */
function shapeQuery<C, R>(db: Kysely<Database>, shape: string, values: C, build: (val: Val<C>) => Compilable<R> | RawBuilder<R>): CompiledQuery<R> {
  let cache = shapeCaches.get(db);
  if (!cache) shapeCaches.set(db, (cache = new Map()));
  let compiled = cache.get(shape);
  if (compiled) {
    cache.delete(shape); // re-insert: Map order is then least recently used first
  } else {
    compiled = build(<T>(get: (c: C) => T) => new Slot(get) as T).compile(db);
    if (cache.size >= SHAPE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(shape, compiled);
  const parameters = compiled.parameters.map((p) => (p instanceof Slot ? (p as Slot<C>).get(values) : p));
  return { ...compiled, parameters } as CompiledQuery<R>;
}

/** @internal (tests) Forget the compiled query shapes of `db`. */
export function clearShapeCache(db: Kysely<Database>): void {
  shapeCaches.delete(db);
}

function inOrder<O>(q: Q<O>, order: 'asc' | 'desc'): Q<O> {
  return q.orderBy('e.date', order).orderBy('e.article_id', order).orderBy('e.id', order);
}

/**
 * SQLite: how many entries of the covering `events_search` index a search reads in event order
 * before it gives up on filling the page that way (the filter is then selective, and the query
 * planner's pick of a narrower index does better).
 */
export const SCAN_BUDGET = 20_000;

/** Page rows: the event's record columns and its article's, in PAGE_COLUMNS order. */
function withArticle<O>(q: SelectQueryBuilder<any, any, O>, events: 'e' | 'ev') {
  return q.innerJoin('articles as a', 'a.id', `${events}.article_id`)
    .select(EVENT_RECORD_COLUMNS.map((c) => `${events}.${c}` as const))
    .select(['a.date as a_date', 'a.title as a_title', 'a.url as a_url', 'a.source as a_source']);
}

/** The events rows and articles of a page of keys (rid: the events rowid), in page order. */
function pageRows(db: Kysely<Database>, page: Q<EventRow>, order: 'asc' | 'desc'): Q<EventRow> {
  const q = withArticle(db.selectFrom(page.as('e')).innerJoin('events as ev', (j) => j.on(sql<SqlBool>`ev.rowid = e.rid`)) as never, 'ev');
  return inOrder(q as unknown as Q<EventRow>, order);
}

/**
 * A filter on "this country on any side" (country=, or actor= with a country) as arms: one column
 * each (source, target and for country= the location), with the rest of the filter alongside.
 */
function countryArms(f: EventQuery, countries: ReadonlySet<string>): { country: string; columns: ('source_country' | 'target_country' | 'location_country')[]; rest: EventQuery } | null {
  if (f.country) {
    const { country, ...rest } = f;
    return { country, columns: ['source_country', 'target_country', 'location_country'], rest };
  }
  if (f.actor && countries.has(f.actor)) {
    const { actor, ...rest } = f;
    return { country: actor, columns: ['source_country', 'target_country'], rest };
  }
  return null;
}

/** SQLite full-text searches count their matching articles up to this many (see fullTextPlan). */
export const FULL_TEXT_COUNT_CAP = 1000;

/** Most full-text match counts kept per database (see fullTextPlan). */
export const FULL_TEXT_COUNT_CACHE_SIZE = 1000;

const matchCounts = new WeakMap<Kysely<Database>, Map<string, { articles: number; m: number }>>();

/**
 * How an SQLite search tests full text, from the number of matching articles (counted up to
 * FULL_TEXT_COUNT_CAP, which costs little): per event when matches are common (for the country
 * arms; the scan always tests it per event, on its index entries' article_seq); and whether an
 * ordered scan could fill the page within `budget` entries even if every event read were in the
 * range and passed the other filters (n events at the matching articles' share of all articles).
 * The count is kept per match while the store's last article (max seq) stays the same: it only
 * picks a plan (every plan returns the same events), so a count a little stale after an article
 * is re-coded in place costs at most some speed, never a different answer.
 */
async function fullTextPlan(db: Kysely<Database>, match: string, n: number, budget: number, cap: number): Promise<{ perEvent: boolean; scan: boolean }> {
  const [last] = await runShape(db, 'articles:max-seq', null, () => sql<{ articles: number | null }>`select max(seq) as articles from articles`);
  const articles = Number(last?.articles ?? 0);
  let counts = matchCounts.get(db);
  if (!counts) matchCounts.set(db, (counts = new Map()));
  const key = `${cap}:${match}`;
  let hit = counts.get(key);
  if (hit?.articles === articles) {
    counts.delete(key);
  } else {
    const [row] = await runShape(db, 'articles:fts-count', { match, cap }, (val) => sql<{ m: number }>`select
      count(*) as m from (select 1 from articles_fts where articles_fts match ${val((c) => c.match)} limit ${val((c) => c.cap)})`);
    hit = { articles, m: Number(row?.m ?? 0) };
    if (counts.size >= FULL_TEXT_COUNT_CACHE_SIZE) counts.delete(counts.keys().next().value!);
  }
  counts.set(key, hit);
  const m = hit.m;
  return { perEvent: m >= cap, scan: m > 0 && (n * articles) / m <= budget };
}

/**
 * The first `n` matching events in order, on SQLite, with one of three plans:
 * 0. A country on any side (country=, actor=RUS): one arm per side, each reading its (column,
 *    date, key) index in order up to `n` matches; the union's first `n` are the page.
 * 1. Scan: read `events_search` in event order (index entries only: it holds every filtered column;
 *    for a box, `events_search_located`, its located events alone) for at most `budget`
 *    (SCAN_BUDGET) entries and test the filter on each (full text too, by article_seq); only matching entries
 *    fetch their row (by rowid) and article. SQLite keeps the subquery's index order, so the outer
 *    ORDER BY needs no sort and LIMIT stops the scan as soon as the page is full: cheap whenever
 *    matches are not rare, whatever the filter. Skipped when full text alone is too rare for the
 *    page to fill within the budget (fullTextPlan).
 * 2. Otherwise the planner's choice (country, place or full-text index), then a sort of the few
 *    matches. A dyad or a single article skips plans 0 and 1: its own index is always better.
 * Each plan's query is compiled once per shape (runShape).
 */
async function sqliteSearch(
  db: Kysely<Database>, countries: ReadonlySet<string>, f: EventQuery, n: number, after: EventKey | null, order: 'asc' | 'desc', budget: number,
  fullTextCap: number,
): Promise<PageRow[]> {
  const dyad = f.source !== undefined && f.target !== undefined && countries.has(f.source) && countries.has(f.target);
  const match = f.q ? ftsMatch(f.q) : '';
  const text = match !== '' && !dyad && !f.articleId ? await fullTextPlan(db, match, n, budget, fullTextCap) : { perEvent: false, scan: true };
  const values: SearchValues = { f, after, n, budget };
  const tail = `${order}:${after ? 'after' : 'first'}`;
  const seq = await hasArticleSeq(db);
  const perEvent: PerEvent = text.perEvent && (seq ? 'seq' : 'lookup');
  const arms = dyad || f.articleId ? null : countryArms(f, countries);
  if (arms) {
    const shape = `sqlite:arms${arms.columns.length}:${filterShape(arms.rest, 'sqlite', countries, perEvent)}:${tail}`;
    return runPageShape(db, shape, values, (val) => {
      const fv = filterVal(val);
      const country = val((c) => (c.f.country ? c.f.country : c.f.actor!));
      // UNION drops an event found by two arms (same rowid and key); only the page's rows are then read.
      const armQueries = arms.columns.map((col, i) => {
        const arm = db.selectFrom('events as e').select([sql<number>`e.rowid`.as('rid'), 'e.date', 'e.article_id', 'e.id'])
          .where(`e.${col}`, '=', country) as unknown as Q<EventRow>;
        return db.selectFrom(inOrder(afterKey(applyEventQuery(arm, arms.rest, 'sqlite', countries, perEvent, fv), after, order, val), order)
          .limit(val((c) => c.n)).as(`arm${i}`)).selectAll();
      });
      const union = armQueries.slice(1).reduce((u, q) => u.union(q as never), armQueries[0]!);
      // The page's keys first, then its rows: joining every arm's rows before the final sort and
      // limit would read (and sort) up to three times as many full event rows.
      const page = inOrder(db.selectFrom(union.as('e')).selectAll() as unknown as Q<EventRow>, order).limit(val((c) => c.n));
      return pageRows(db, page, order);
    });
  }
  if (!dyad && !f.articleId && text.scan) {
    // Full text per event whatever the match count where the scanned entries hold article_seq.
    const scanPerEvent: PerEvent = seq ? 'seq' : perEvent;
    const shape = `sqlite:scan${seq ? '' : '-0004'}:${filterShape(f, 'sqlite', countries, scanPerEvent)}:${tail}`;
    const rows = await runPageShape(db, shape, values, (val) => {
      const fv = filterVal(val);
      const cols = EVENT_SEARCH_COLUMNS.filter((c) => seq || c !== 'article_seq').map((c) => `e.${c}` as const);
      let from = applyDateRange(db.selectFrom('events as e').select([...cols, sql<number>`e.rowid`.as('rid')]), f, fv);
      // A box: located events only, i.e. the partial index `events_search_located` (migration 0004).
      if (f.bbox) from = from.where('e.location_lat', 'is not', null);
      const scan = inOrder(afterKey(from, after, order, val), order).limit(val((c) => c.budget));
      // Filters test the scanned index entries (alias e), in a subquery of their own: SQLite would
      // otherwise test some terms (full text) only after joining each scanned entry's row and article.
      const page = inOrder(applyEventQuery(db.selectFrom(scan.as('e')).select(['e.rid', 'e.date', 'e.article_id', 'e.id']) as unknown as Q<EventRow>, f, 'sqlite', countries, scanPerEvent, fv), order)
        .limit(val((c) => c.n));
      return pageRows(db, page, order);
    });
    if (rows.length >= n) return rows;
  }
  return runPageShape(db, `sqlite:plan:${filterShape(f, 'sqlite', countries)}:${tail}`, values, (val) => {
    const q = applyEventQuery(withArticle(db.selectFrom('events as e'), 'e') as unknown as Q<EventRow>, f, 'sqlite', countries, false, filterVal(val));
    return inOrder(afterKey(q, after, order, val), order).limit(val((c) => c.n));
  });
}

/** A page of rows (PAGE_COLUMNS) and the key of its last row when more follow. */
interface RowPage {
  rows: PageRow[];
  next: EventKey | null;
}

async function searchRows(
  db: Kysely<Database>, dialect: Dialect, countries: ReadonlySet<string>,
  f: EventQuery, limit: number, after: EventKey | null, order: 'asc' | 'desc' = 'desc', scanBudget = SCAN_BUDGET,
  fullTextCap = FULL_TEXT_COUNT_CAP,
): Promise<RowPage> {
  let rows: PageRow[];
  if (dialect === 'sqlite') {
    rows = await sqliteSearch(db, countries, f, limit + 1, after, order, scanBudget, fullTextCap);
  } else {
    // PostgreSQL's planner weighs the LIMIT itself (index scan in order vs. a selective index + sort).
    const values: SearchValues = { f, after, n: limit + 1, budget: scanBudget };
    rows = await runPageShape(db, `${dialect}:${filterShape(f, dialect, countries)}:${order}:${after ? 'after' : 'first'}`, values, (val) => {
      const q = applyEventQuery(withArticle(db.selectFrom('events as e'), 'e') as unknown as Q<EventRow>, f, dialect, countries, false, filterVal(val));
      return inOrder(afterKey(q, after, order, val), order).limit(val((c) => c.n));
    });
  }
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? [last[KEY_DATE] as string, last[KEY_ARTICLE] as string, last[KEY_ID] as string] : null };
}

/** (db, dialect, countries, filter, limit, cursor, order = 'desc', scan budget, full-text count cap) */
export type SearchArgs = Parameters<typeof searchRows>;

/**
 * One page of events matching `f`, ordered by (date, article, id) descending (newest first) or
 * ascending. Keyset pagination: the cursor is the last key, so pages stay stable while new
 * articles arrive (they slot in by date instead of shifting offsets).
 */
export async function searchEvents(...args: SearchArgs): Promise<EventPage> {
  const page = await searchRows(...args);
  return { events: page.rows.map(hit), next: page.next };
}

/** searchEvents' page as JSON: the events as an array, each `{ ...record, article }`. */
export interface EventPageJson {
  /** JSON.stringify(page.events.map((h) => ({ ...h.record, article: h.article }))), byte for byte. */
  events: string;
  next: EventKey | null;
}

/**
 * searchEvents, with the page's events written as JSON text straight from the rows (for the API:
 * no row objects, records or copies to build and then serialise).
 */
export async function searchEventsJson(...args: SearchArgs): Promise<EventPageJson> {
  const page = await searchRows(...args);
  let events = '[';
  for (let i = 0; i < page.rows.length; i++) events += i === 0 ? hitJson(page.rows[i]!) : `,${hitJson(page.rows[i]!)}`;
  return { events: `${events}]`, next: page.next };
}

/** Every matching event, oldest first, read in pages (for streaming exports). */
export async function* allEvents(db: Kysely<Database>, dialect: Dialect, countries: ReadonlySet<string>, f: EventQuery, pageSize = 1000): AsyncGenerator<EventHit> {
  let after: EventKey | null = null;
  for (;;) {
    const page = await searchEvents(db, dialect, countries, f, pageSize, after, 'asc');
    for (const h of page.events) yield h;
    if (!page.next) return;
    after = page.next;
  }
}

export type Interval = 'day' | 'week' | 'month' | 'year';
export type GroupBy = 'quad' | 'plover' | 'none';

export interface SeriesPoint {
  period: string;
  /** The group (quad number as text, PLOVER type, or "all"). */
  key: string;
  count: number;
  /** Sum of Goldstein scores. */
  goldstein: number;
}

/** Shortest event date an interval can place (a month-precision date has no day or week). */
const MIN_DATE_LENGTH: Record<Interval, number> = { day: 10, week: 10, month: 7, year: 4 };

function periodExpr(interval: Interval, dialect: Dialect) {
  switch (interval) {
    case 'day': return sql<string>`substr(e.date, 1, 10)`;
    case 'month': return sql<string>`substr(e.date, 1, 7)`;
    case 'year': return sql<string>`substr(e.date, 1, 4)`;
    case 'week':
      // The Monday starting the ISO week that holds the date.
      return dialect === 'sqlite'
        ? sql<string>`date(substr(e.date, 1, 10), '-6 days', 'weekday 1')`
        : sql<string>`to_char(date_trunc('week', cast(substr(e.date, 1, 10) as date)), 'YYYY-MM-DD')`;
  }
}

/** Event counts and Goldstein sums per period (and per quad class or PLOVER type). */
export async function timeSeries(
  db: Kysely<Database>, dialect: Dialect, countries: ReadonlySet<string>, f: EventQuery, interval: Interval, by: GroupBy,
): Promise<SeriesPoint[]> {
  const period = periodExpr(interval, dialect);
  const key = by === 'quad' ? sql<string>`e.quad` : by === 'plover' ? sql<string>`e.plover` : sql<string>`'all'`;
  let q = db.selectFrom('events as e')
    .select((eb) => [
      period.as('period'),
      key.as('key'),
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('e.goldstein').as('goldstein'),
    ]);
  q = applyEventQuery(q, f, dialect, countries);
  q = q.where(sql<SqlBool>`length(e.date) >= ${MIN_DATE_LENGTH[interval]}`);
  const rows = await q.groupBy([sql`1`, sql`2`]).orderBy(sql`1`).orderBy(sql`2`).execute() as unknown as { period: string; key: unknown; count: unknown; goldstein: unknown }[];
  return rows.map((r) => ({ period: String(r.period), key: String(r.key), count: Number(r.count), goldstein: round(Number(r.goldstein)) }));
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export interface ActorCount {
  code: string;
  count: number;
  goldstein: number;
}

/** The most frequent source or target actor codes (or countries) among matching events. */
export async function topActors(
  db: Kysely<Database>, dialect: Dialect, countries: ReadonlySet<string>, f: EventQuery,
  role: 'source' | 'target', level: 'actor' | 'country', limit: number,
): Promise<ActorCount[]> {
  const col = level === 'country' ? (`e.${role}_country` as const) : (`e.${role}_code` as const);
  let q = db.selectFrom('events as e')
    .select((eb) => [eb.ref(col).as('code'), eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('e.goldstein').as('goldstein')])
    .where(col, 'is not', null);
  q = applyEventQuery(q, f, dialect, countries);
  const rows = await q.groupBy(col).orderBy(sql`2`, 'desc').orderBy(col).limit(limit).execute() as unknown as { code: string; count: unknown; goldstein: unknown }[];
  return rows.map((r) => ({ code: r.code, count: Number(r.count), goldstein: round(Number(r.goldstein)) }));
}

export interface NetworkEdge {
  source: string;
  target: string;
  quad: number;
  count: number;
  goldstein: number;
}

/** Directed, weighted edges between actors (codes or countries), one per quad class. */
export async function networkEdges(
  db: Kysely<Database>, dialect: Dialect, countries: ReadonlySet<string>, f: EventQuery, level: 'actor' | 'country', limit: number,
): Promise<NetworkEdge[]> {
  const s = level === 'country' ? ('e.source_country' as const) : ('e.source_code' as const);
  const t = level === 'country' ? ('e.target_country' as const) : ('e.target_code' as const);
  let q = db.selectFrom('events as e')
    .select((eb) => [eb.ref(s).as('source'), eb.ref(t).as('target'), 'e.quad as quad',
      eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('e.goldstein').as('goldstein')])
    .where(s, 'is not', null).where(t, 'is not', null).where((eb) => eb(s, '<>', eb.ref(t)));
  q = applyEventQuery(q, f, dialect, countries);
  const rows = await q.groupBy([s, t, 'e.quad']).orderBy(sql`4`, 'desc').orderBy(s).orderBy(t).orderBy('e.quad').limit(limit).execute() as unknown as
    { source: string; target: string; quad: unknown; count: unknown; goldstein: unknown }[];
  return rows.map((r) => ({ source: r.source, target: r.target, quad: Number(r.quad), count: Number(r.count), goldstein: round(Number(r.goldstein)) }));
}

export interface LocationCount {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  count: number;
  /** Events per quad class 1..4. */
  quads: [number, number, number, number];
}

/** Where matching events happened: one row per place with counts per quad class. */
export async function eventLocations(
  db: Kysely<Database>, dialect: Dialect, countries: ReadonlySet<string>, f: EventQuery, limit: number,
): Promise<LocationCount[]> {
  const quadSum = (n: number) => sql<number>`sum(case when e.quad = ${n} then 1 else 0 end)`;
  let q = db.selectFrom('events as e')
    .select((eb) => [
      'e.location_name as name', 'e.location_country as country', 'e.location_lat as lat', 'e.location_lon as lon',
      eb.fn.countAll<number>().as('count'),
      quadSum(1).as('q1'), quadSum(2).as('q2'), quadSum(3).as('q3'), quadSum(4).as('q4'),
    ])
    .where('e.location_lat', 'is not', null).where('e.location_lon', 'is not', null);
  q = applyEventQuery(q, f, dialect, countries);
  const rows = await q.groupBy(['e.location_name', 'e.location_country', 'e.location_lat', 'e.location_lon'])
    .orderBy(sql`5`, 'desc').orderBy('e.location_name').limit(limit).execute() as unknown as
    { name: string; country: string | null; lat: unknown; lon: unknown; count: unknown; q1: unknown; q2: unknown; q3: unknown; q4: unknown }[];
  return rows.map((r) => ({
    name: r.name, country: r.country, lat: Number(r.lat), lon: Number(r.lon), count: Number(r.count),
    quads: [Number(r.q1), Number(r.q2), Number(r.q3), Number(r.q4)],
  }));
}

/** Full-text search over articles (title and text), newest first, with their event counts. */
export async function searchArticles(
  db: Kysely<Database>, dialect: Dialect, query: string | undefined, limit: number, offsetKey: { date: string; id: string } | null,
): Promise<{ id: string; date: string; title: string | null; n_events: number }[]> {
  let q = db.selectFrom('articles as a').select(['a.id', 'a.date', 'a.title', 'a.n_events']);
  const words = query ? ftsWords(query) : [];
  if (words.length > 0) q = q.where(fullText(words, dialect) as never);
  if (offsetKey) q = q.where((eb) => eb(eb.refTuple('a.date', 'a.id'), '<', eb.tuple(offsetKey.date, offsetKey.id)));
  const rows = await q.orderBy('a.date', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, date: r.date, title: r.title, n_events: Number(r.n_events) }));
}
