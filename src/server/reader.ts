// The Kysely instance the API reads through. On SQLite it shares the store's connection but keeps
// its prepared statements: Kysely's SQLite driver prepares every query anew, which costs about as
// much as running a short indexed query. The API builds queries from a small set of shapes (filters
// vary only in their bound values), so a bounded cache of statements keyed by SQL text hits nearly
// always. Rows are read as arrays and made objects here: better-sqlite3 builds each row object
// property by property in native code, which for a page of 40-column event rows cost as much again
// as SQLite's own work; the event search takes the arrays as they are (arrayRows). PostgreSQL (pg plans each query on the server) uses the store's own instance.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type KyselyConfig, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Store } from '../store/store.js';
import type { Database } from '../store/schema.js';

/** Most distinct SQL texts kept prepared (each filter combination and IN-list length is one). */
export const STATEMENT_CACHE_SIZE = 500;

interface Prepared {
  /** The driver's statement: `busy` while a streamed query iterates it. */
  stmt: BetterSqlite3.Statement;
  /** What Kysely runs. */
  kysely: SqliteStatement;
}

/**
 * A statement for Kysely: a reader (SELECT, or anything RETURNING rows) in raw mode, each row array
 * made an object with the statement's column names (a later column of the same name wins, as in
 * better-sqlite3's own objects).
 */
function prepared(stmt: BetterSqlite3.Statement): Prepared {
  if (!stmt.reader) return { stmt, kysely: stmt as unknown as SqliteStatement };
  const names = stmt.columns().map((c) => c.name);
  stmt.raw(true);
  const row = (values: unknown[]): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i]!] = values[i];
    return o;
  };
  return {
    stmt,
    kysely: {
      reader: true,
      all: (params) => (stmt.all(params) as unknown[][]).map(row),
      run: (params) => stmt.run(params),
      *iterate(params) {
        for (const values of stmt.iterate(params) as IterableIterator<unknown[]>) yield row(values);
      },
    },
  };
}

/** A SqliteDatabase whose prepare() reuses statements, and reads rows as arrays on request. */
export interface CachingDatabase extends SqliteDatabase {
  /** The rows of a reader statement as arrays, in the order of its result columns. */
  rows(sql: string, parameters: readonly unknown[]): unknown[][];
}

/** A CachingDatabase over the store's handle; close() leaves the handle open. */
export function cachingDatabase(raw: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): CachingDatabase {
  const cache = new Map<string, Prepared>();
  const get = (sql: string): Prepared => {
    const hit = cache.get(sql);
    // A statement still being iterated (a streamed query) cannot run again: prepare another.
    if (hit && !hit.stmt.busy) {
      cache.delete(sql); // re-insert: Map order is then least recently used first
      cache.set(sql, hit);
      return hit;
    }
    const p = prepared(raw.prepare(sql));
    if (!hit) {
      cache.set(sql, p);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
    }
    return p;
  };
  return {
    close() {
      cache.clear();
    },
    prepare: (sql: string): SqliteStatement => get(sql).kysely,
    rows(sql: string, parameters: readonly unknown[]): unknown[][] {
      const { stmt } = get(sql);
      if (!stmt.reader) throw new Error('rows() needs a statement that returns rows');
      return stmt.all(parameters) as unknown[][];
    },
  };
}

const rowReaders = new WeakMap<Kysely<Database>, CachingDatabase>();

/**
 * The rows of `sql` as arrays straight from the driver (no row objects), when `db` is a reader made
 * by readerDb (or registered with it); null otherwise (PostgreSQL, or any other instance: run the
 * query through Kysely then). Same connection and statements as Kysely's queries on `db`.
 */
export function arrayRows(db: Kysely<Database>, sql: string, parameters: readonly unknown[]): unknown[][] | null {
  const reader = rowReaders.get(db);
  return reader ? reader.rows(sql, parameters) : null;
}

/** A Kysely instance over a caching database whose queries can also return arrays (arrayRows). */
export function cachingKysely(raw: BetterSqlite3.Database, options: Omit<KyselyConfig, 'dialect'> = {}): Kysely<Database> {
  const database = cachingDatabase(raw);
  const db = new Kysely<Database>({ ...options, dialect: new SqliteDialect({ database }) });
  rowReaders.set(db, database);
  return db;
}

/** The database the API's queries run on (see above); destroy() it when the server closes. */
export function readerDb(store: Store): Kysely<Database> {
  if (!store.sqlite) return store.db;
  return cachingKysely(store.sqlite);
}
