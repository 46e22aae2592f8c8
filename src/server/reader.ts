// The Kysely instance the API reads through. On SQLite it shares the store's connection but keeps
// its prepared statements: Kysely's SQLite driver prepares every query anew, which costs about as
// much as running a short indexed query. The API builds queries from a small set of shapes (filters
// vary only in their bound values), so a bounded cache of statements keyed by SQL text hits nearly
// always. Rows are read as arrays and made objects here: better-sqlite3 builds each row object
// property by property in native code, which for a page of 40-column event rows cost as much again
// as SQLite's own work. PostgreSQL (pg plans each query on the server) uses the store's own instance.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
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

/** A SqliteDatabase whose prepare() reuses statements; close() leaves the store's handle open. */
export function cachingDatabase(raw: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Prepared>();
  return {
    close() {
      cache.clear();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      // A statement still being iterated (a streamed query) cannot run again: prepare another.
      if (hit && !hit.stmt.busy) {
        cache.delete(sql); // re-insert: Map order is then least recently used first
        cache.set(sql, hit);
        return hit.kysely;
      }
      const p = prepared(raw.prepare(sql));
      if (!hit) {
        cache.set(sql, p);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return p.kysely;
    },
  };
}

/** The database the API's queries run on (see above); destroy() it when the server closes. */
export function readerDb(store: Store): Kysely<Database> {
  if (!store.sqlite) return store.db;
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(store.sqlite) }) });
}
