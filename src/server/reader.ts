// The Kysely instance the API reads through. On SQLite it shares the store's connection but keeps
// its prepared statements: Kysely's SQLite driver prepares every query anew, which costs about as
// much as running a short indexed query. The API builds queries from a small set of shapes (filters
// vary only in their bound values), so a bounded cache of statements keyed by SQL text hits nearly
// always. PostgreSQL (pg plans each query on the server) uses the store's own instance.
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { Store } from '../store/store.js';
import type { Database } from '../store/schema.js';

/** Most distinct SQL texts kept prepared (each filter combination and IN-list length is one). */
export const STATEMENT_CACHE_SIZE = 500;

/** A SqliteDatabase whose prepare() reuses statements; close() leaves the store's handle open. */
export function cachingDatabase(raw: BetterSqlite3.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close() {
      cache.clear();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      // A statement still being iterated (a streamed query) cannot run again: prepare another.
      if (hit && !hit.busy) {
        cache.delete(sql); // re-insert: Map order is then least recently used first
        cache.set(sql, hit);
        return hit as unknown as SqliteStatement;
      }
      const stmt = raw.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return stmt as unknown as SqliteStatement;
    },
  };
}

/** The database the API's queries run on (see above); destroy() it when the server closes. */
export function readerDb(store: Store): Kysely<Database> {
  if (!store.sqlite) return store.db;
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(store.sqlite) }) });
}
