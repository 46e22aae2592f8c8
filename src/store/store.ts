// The event store: one Kysely schema over embedded SQLite (default, WAL) or PostgreSQL.
// Writing an article is all-or-nothing: its row, events, actors, entities, places, timexes and
// quotes are replaced in one transaction, and an article whose content hash is unchanged is left
// alone, so ingestion can be re-run or resumed after a crash without losing or doubling anything.
import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely, Migrator, PostgresDialect, SqliteDialect, sql,
  type Compilable, type CompiledQuery, type SelectQueryBuilder,
} from 'kysely';
import type { Analysis, Article, EventRecord } from '../types.js';
import type { ArticleMeta } from '../output/writer.js';
import { StoreError, storeError } from './errors.js';
import { migrationProvider, type DialectName } from './migrations.js';
import { articleMeta, entityFromRow, eventFromRow, placeFromRow, quoteFromRow, timexFromRow } from './rows.js';
import { writePostgres } from './postgres-write.js';
import { SqliteWriter } from './sqlite-write.js';
import { CHILD_TABLES, type ArticlesTable, type Database, type EventsTable } from './schema.js';

export interface OpenOptions {
  /** Open for reading only (export, queries): no migrations, no writes. */
  readonly?: boolean;
  /** SQLite: how long to wait for another writer's lock before failing (ms). Default 5000. */
  busyTimeoutMs?: number;
  /** PostgreSQL: connections in the pool. Default 4. */
  poolSize?: number;
}

export interface StoredArticle {
  article: Article;
  /** The article's content hash (see src/ingest/hash.ts). */
  hash: string;
  analysis: Analysis;
}

export type PutStatus = 'inserted' | 'replaced' | 'unchanged';

export interface EventFilter {
  /** Inclusive bounds on the event date (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** ISO alpha-3: the source's, target's or location's country. */
  country?: string;
  /** A PLOVER type (CONSULT) or a CAMEO code prefix (04, 042). */
  type?: string;
}

export interface StoredEvent {
  record: EventRecord;
  article: ArticleMeta;
  /** The cross-article key (see cluster.ts). */
  cluster: string;
}

export interface StoredCluster extends StoredEvent {
  cluster: string;
  numMentions: number;
  numArticles: number;
  numSources: number;
}

export interface SearchHit {
  id: string;
  date: string;
  title: string | null;
}

/** True for PostgreSQL connection strings; anything else is a SQLite file path. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A connection string without its password, for messages. */
export function redactLocation(location: string): string {
  if (!isPostgresLocation(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

const PAGE = 1000;

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Serialises async operations on one connection (SQLite has one; its transactions must not interleave). */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

type Joined = Database & { e: EventsTable; a: ArticlesTable };

type Exec = (q: Compilable | CompiledQuery) => Promise<Record<string, unknown>[]>;

export class Store {
  private readonly mutex = new Mutex();
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** SQLite: the prepared-statement write path (made on first write, after migrations). */
  private sqliteWriter: SqliteWriter | null = null;
  private closed = false;

  private constructor(
    readonly dialect: DialectName,
    readonly db: Kysely<Database>,
    /** Where the store is, with any password removed (for messages). */
    readonly where: string,
    /** The raw SQLite handle (null for PostgreSQL); for pragmas and tests. */
    readonly sqlite: BetterSqlite3.Database | null,
    private readonly pool: pg.Pool | null,
  ) {}

  /** Open (and create / migrate unless read-only) a store: a SQLite path or a postgres:// URL. */
  static async open(location: string, options: OpenOptions = {}): Promise<Store> {
    const where = redactLocation(location);
    const store = isPostgresLocation(location) ? await openPostgres(location, where, options) : openSqlite(location, where, options);
    if (!options.readonly) {
      try {
        await store.migrate();
      } catch (e) {
        await store.close().catch(() => undefined);
        throw storeError(e, where);
      }
    }
    return store;
  }

  /** Bring the schema up to date (safe to call from several processes at once). */
  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: migrationProvider(this.dialect),
      ...(this.dialect === 'postgres' ? { migrationTableSchema: this.pgSchema ?? 'public' } : {}),
    });
    const { error } = await this.mutex.run(() => migrator.migrateToLatest());
    if (error) throw error;
  }

  /** PostgreSQL schema named by `?schema=` in the URL (null: the default search path). */
  pgSchema: string | null = null;

  /** Run compiled queries in one transaction: SQLite BEGIN IMMEDIATE on the raw handle, PostgreSQL via Kysely. */
  private async transaction<T>(body: (exec: Exec) => Promise<T>): Promise<T> {
    this.assertOpen();
    if (this.sqlite) {
      const raw = this.sqlite;
      return this.mutex.run(async () => {
        try {
          raw.prepare('BEGIN IMMEDIATE').run();
        } catch (e) {
          throw storeError(e, this.where);
        }
        try {
          const result = await body(async (q) => this.runSqlite(q));
          raw.prepare('COMMIT').run();
          return result;
        } catch (e) {
          if (raw.inTransaction) raw.prepare('ROLLBACK').run();
          throw storeError(e, this.where);
        }
      });
    }
    try {
      return await this.db.transaction().execute(async (trx) =>
        body(async (q) => (await trx.executeQuery('compile' in q ? q.compile() : q)).rows as Record<string, unknown>[]));
    } catch (e) {
      throw storeError(e, this.where);
    }
  }

  private runSqlite(q: Compilable | CompiledQuery): Record<string, unknown>[] {
    const c = 'compile' in q ? q.compile() : q;
    let stmt = this.statements.get(c.sql);
    if (!stmt) {
      stmt = this.sqlite!.prepare(c.sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(c.sql, stmt);
    }
    const params = c.parameters as unknown[];
    if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
    stmt.run(...params);
    return [];
  }

  /** A read outside any write transaction. */
  private async read<R = Record<string, unknown>>(q: Compilable): Promise<R[]> {
    this.assertOpen();
    try {
      if (this.sqlite) return await this.mutex.run(async () => this.runSqlite(q) as R[]);
      return (await this.db.executeQuery(q.compile())).rows as R[];
    } catch (e) {
      throw storeError(e, this.where);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError(`store ${this.where} is closed`, 'CLOSED');
  }

  /** Content hashes of the given articles that are already stored. */
  async hashesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks([...new Set(ids)], 5000)) {
      const rows = await this.read<{ id: string; content_hash: string }>(
        this.db.selectFrom('articles').select(['id', 'content_hash']).where('id', 'in', part));
      for (const r of rows) out.set(r.id, r.content_hash);
    }
    return out;
  }

  /**
   * Store coded articles in one transaction: new ones are inserted, changed ones (other content
   * hash) have their whole analysis replaced, unchanged ones are left alone. Returns one status per
   * input (a later duplicate id in the same call wins).
   */
  async putAnalyses(items: readonly StoredArticle[]): Promise<PutStatus[]> {
    const last = new Map<string, number>();
    items.forEach((it, i) => last.set(it.article.id, i));
    const now = new Date().toISOString();
    if (this.sqlite) {
      this.assertOpen();
      const writer = this.sqliteWriter ??= new SqliteWriter(this.sqlite);
      return this.mutex.run(async () => {
        try {
          return writer.write(items, last, now);
        } catch (e) {
          throw storeError(e, this.where);
        }
      });
    }
    return this.transaction((exec) => writePostgres(exec, items, last, now));
  }

  /** Remove articles and their analyses. Returns how many articles were removed. */
  async deleteArticles(ids: readonly string[]): Promise<number> {
    return this.transaction(async (exec) => {
      let n = 0;
      for (const part of chunks([...new Set(ids)], 5000)) {
        for (const table of CHILD_TABLES) await exec(this.db.deleteFrom(table).where('article_id', 'in', part));
        n += (await exec(this.db.deleteFrom('articles').where('id', 'in', part).returning('id'))).length;
      }
      return n;
    });
  }

  async counts(): Promise<{ articles: number; events: number }> {
    const [a] = await this.read<{ n: number | string }>(this.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')));
    const [e] = await this.read<{ n: number | string }>(this.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')));
    return { articles: Number(a?.n ?? 0), events: Number(e?.n ?? 0) };
  }

  /** The stored article (with its text) and its analysis, or null. */
  async getArticle(id: string): Promise<{ article: Article; hash: string; analysis: Analysis } | null> {
    const [row] = await this.read(this.db.selectFrom('articles').selectAll().where('id', '=', id));
    if (!row) return null;
    const r = row as unknown as Database['articles'] & { seq: unknown };
    const article: Article = { id: r.id, date: r.date, text: r.text };
    if (r.title !== null) article.title = r.title;
    if (r.url !== null) article.url = r.url;
    if (r.source !== null) article.source = r.source;
    const [events, entities, places, timexes, quotes] = await Promise.all([
      this.read(this.db.selectFrom('events').selectAll().where('article_id', '=', id)),
      this.read(this.db.selectFrom('entities').selectAll().where('article_id', '=', id).orderBy('seq')),
      this.read(this.db.selectFrom('places').selectAll().where('article_id', '=', id).orderBy('seq')),
      this.read(this.db.selectFrom('timexes').selectAll().where('article_id', '=', id).orderBy('seq')),
      this.read(this.db.selectFrom('quotes').selectAll().where('article_id', '=', id).orderBy('seq')),
    ]);
    const recs = (events as unknown as EventsTable[]).map(eventFromRow)
      .sort((x, y) => x.sentence - y.sentence || x.evidence.start - y.evidence.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const meta = articleMeta(r);
    return {
      article,
      hash: r.content_hash,
      analysis: {
        article: meta,
        entities: (entities as never[]).map(entityFromRow),
        places: (places as never[]).map(placeFromRow),
        timexes: (timexes as never[]).map(timexFromRow),
        quotes: (quotes as never[]).map(quoteFromRow),
        events: recs,
      },
    };
  }

  private applyFilter<O>(
    q: SelectQueryBuilder<Joined, 'e' | 'a', O>,
    f: EventFilter,
  ): SelectQueryBuilder<Joined, 'e' | 'a', O> {
    if (f.from) q = q.where('e.date', '>=', f.from);
    // Dates may be YYYY-MM-DD; "to" is inclusive, so compare with a suffix that sorts after any day.
    if (f.to) q = q.where('e.date', '<=', `${f.to}\uffff`);
    if (f.country) {
      const c = f.country.toUpperCase();
      q = q.where((eb) => eb.or([eb('e.source_country', '=', c), eb('e.target_country', '=', c), eb('e.location_country', '=', c)]));
    }
    if (f.type) {
      const t = f.type;
      q = /^[0-9]+$/.test(t) ? q.where('e.cameo', 'like', `${t}%`) : q.where('e.plover', '=', t.toUpperCase());
    }
    return q;
  }

  /** Every event matching the filter, ordered by date, article and id, read page by page. */
  async *events(filter: EventFilter = {}): AsyncGenerator<StoredEvent> {
    let after: [string, string, string] | null = null;
    for (;;) {
      let q = this.db.selectFrom('events as e').innerJoin('articles as a', 'a.id', 'e.article_id')
        .selectAll('e')
        .select(['a.date as a_date', 'a.title as a_title', 'a.url as a_url', 'a.source as a_source']);
      q = this.applyFilter(q, filter);
      if (after) {
        const [d, a, i] = after;
        q = q.where((eb) => eb(eb.refTuple('e.date', 'e.article_id', 'e.id'), '>', eb.tuple(d, a, i)));
      }
      const rows = await this.read<EventsTable & { a_date: string; a_title: string | null; a_url: string | null; a_source: string | null }>(
        q.orderBy('e.date').orderBy('e.article_id').orderBy('e.id').limit(PAGE));
      for (const r of rows) {
        yield {
          record: eventFromRow(r),
          cluster: r.cluster,
          article: articleMeta({ id: r.article_id, date: r.a_date, title: r.a_title, url: r.a_url, source: r.a_source }),
        };
      }
      if (rows.length < PAGE) return;
      const lastRow = rows[rows.length - 1]!;
      after = [lastRow.date, lastRow.article_id, lastRow.id];
    }
  }

  /**
   * Cross-article events: one per cluster of mentions (same date, dyad, type and location) among
   * the events matching the filter, represented by its first mention, with GDELT-style counts.
   */
  async *clusters(filter: EventFilter = {}): AsyncGenerator<StoredCluster> {
    let after: string | null = null;
    for (;;) {
      let q = this.db.selectFrom('events as e').innerJoin('articles as a', 'a.id', 'e.article_id')
        .select((eb) => [
          'e.cluster',
          eb.fn.countAll<number>().as('n_mentions'),
          eb.fn.count<number>('e.article_id').distinct().as('n_articles'),
          eb.fn.count<number>(eb.fn.coalesce('a.source', 'a.url', 'a.id')).distinct().as('n_sources'),
          eb.fn.min('e.article_id').as('first_article'),
        ]);
      q = this.applyFilter(q, filter);
      if (after !== null) q = q.where('e.cluster', '>', after);
      const groups = await this.read<{ cluster: string; n_mentions: number; n_articles: number; n_sources: number; first_article: string }>(
        q.groupBy('e.cluster').orderBy('e.cluster').limit(PAGE));
      for (const g of groups) {
        const [first] = await this.read<EventsTable & { a_date: string; a_title: string | null; a_url: string | null; a_source: string | null }>(
          this.db.selectFrom('events as e').innerJoin('articles as a', 'a.id', 'e.article_id')
            .selectAll('e')
            .select(['a.date as a_date', 'a.title as a_title', 'a.url as a_url', 'a.source as a_source'])
            .where('e.cluster', '=', g.cluster).where('e.article_id', '=', g.first_article)
            .orderBy('e.id').limit(1));
        if (!first) continue;
        yield {
          cluster: g.cluster,
          numMentions: Number(g.n_mentions),
          numArticles: Number(g.n_articles),
          numSources: Number(g.n_sources),
          record: eventFromRow(first),
          article: articleMeta({ id: first.article_id, date: first.a_date, title: first.a_title, url: first.a_url, source: first.a_source }),
        };
      }
      if (groups.length < PAGE) return;
      after = groups[groups.length - 1]!.cluster;
    }
  }

  /** Articles whose title or text match the words of `query` (all of them), best first. */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const words = query.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
    if (words.length === 0) return [];
    if (this.dialect === 'sqlite') {
      const match = words.map((w) => `"${w}"`).join(' ');
      const rows = await this.read<SearchHit>({
        compile: () => sql`select a.id as id, a.date as date, a.title as title from articles_fts f
          join articles a on a.seq = f.rowid where articles_fts match ${match} order by f.rank limit ${limit}`.compile(this.db),
      } as Compilable);
      return rows;
    }
    const text = words.join(' ');
    return this.read<SearchHit>({
      compile: () => sql`select id, date, title from articles, plainto_tsquery('english', ${text}) q
        where tsv @@ q order by ts_rank(tsv, q) desc, id limit ${limit}`.compile(this.db),
    } as Compilable);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.statements.clear();
    this.sqliteWriter = null;
    await this.db.destroy().catch(() => undefined);
    if (this.sqlite?.open) this.sqlite.close();
    if (this.pool && !(this.pool as { ended?: boolean }).ended) await this.pool.end().catch(() => undefined);
  }

  /** @internal used by the open functions below */
  static create(dialect: DialectName, db: Kysely<Database>, where: string, sqlite: BetterSqlite3.Database | null, pool: pg.Pool | null): Store {
    return new Store(dialect, db, where, sqlite, pool);
  }
}

function openSqlite(path: string, where: string, options: OpenOptions): Store {
  if (options.readonly && !existsSync(path)) throw new StoreError(`no database at ${where}`, 'ENOENT');
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(path, { readonly: options.readonly === true, timeout: options.busyTimeoutMs ?? 5000, fileMustExist: options.readonly === true });
    if (!options.readonly) {
      raw.pragma('journal_mode = WAL');
      // WAL + NORMAL: a crashed process never loses a committed transaction; only a power cut may.
      raw.pragma('synchronous = NORMAL');
    }
    raw.pragma('cache_size = -32000');
    raw.pragma('temp_store = MEMORY');
    // A quick read makes "file is not a database" fail here rather than on first use.
    raw.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    throw storeError(e, where);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return Store.create('sqlite', db, where, raw, null);
}

async function openPostgres(location: string, where: string, options: OpenOptions): Promise<Store> {
  const url = new URL(location);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(`invalid schema name "${schema}" in ${where} (letters, digits, _)`, 'EINVAL');
  }
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 10_000,
    // Lets an operator (or a test) see and manage a store's connections in pg_stat_activity.
    application_name: `dyad${schema ? `:${schema}` : ''}`.slice(0, 63),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Nor may a checked-out client whose server goes away: its query fails and the caller retries.
  pool.on('connect', (client) => { client.on('error', () => undefined); });
  try {
    const client = await pool.connect();
    try {
      if (schema && !options.readonly) {
        try {
          await client.query(`create schema if not exists "${schema}"`);
        } catch (e) {
          if ((e as { code?: string }).code !== '23505') throw e; // created concurrently
        }
      }
      if (options.readonly) await client.query('select 1');
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw storeError(e, where);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store = Store.create('postgres', db, where, null, pool);
  store.pgSchema = schema;
  return store;
}

/** Open a store: `postgres://…[?schema=name]` for PostgreSQL, anything else a SQLite file. */
export function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  return Store.open(location, options);
}

