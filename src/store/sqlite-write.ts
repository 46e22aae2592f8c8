// The SQLite write path: coded articles written with statements prepared once and reused for
// every batch, in one BEGIN IMMEDIATE transaction per batch, run synchronously on the single
// connection. Same outcome as the generic (Kysely) path in store.ts, without compiling a large
// multi-row statement per batch, which cost more than SQLite's own work.
import type BetterSqlite3 from 'better-sqlite3';
import type { Article, Analysis } from '../types.js';
import { analysisRows } from './rows.js';
import { CHILD_TABLES } from './schema.js';

export type WriteStatus = 'inserted' | 'replaced' | 'unchanged';

export interface WriteItem {
  article: Article;
  hash: string;
  analysis: Analysis;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class SqliteWriter {
  private readonly hashOf: BetterSqlite3.Statement<[string], string>;
  private readonly seqOf: BetterSqlite3.Statement<[string], number>;
  private readonly deletes: BetterSqlite3.Statement<[string]>[];
  /** Insert statements by table and column list (the row builders fix the column order). */
  private readonly inserts = new Map<string, BetterSqlite3.Statement<unknown[]>>();
  /** The statement each table's last row used, with its columns. */
  private readonly lastInsert = new Map<string, { cols: string[]; stmt: BetterSqlite3.Statement<unknown[]> }>();
  private readonly run: (items: readonly WriteItem[], last: Map<string, number>, now: string) => WriteStatus[];

  constructor(private readonly db: BetterSqlite3.Database) {
    this.hashOf = db.prepare<[string], string>('select content_hash from articles where id = ?').pluck();
    this.seqOf = db.prepare<[string], number>('select seq from articles where id = ?').pluck();
    this.deletes = CHILD_TABLES.map((t) => db.prepare<[string]>(`delete from ${quote(t)} where article_id = ?`));
    this.run = db.transaction((items: readonly WriteItem[], last: Map<string, number>, now: string) => {
      const status: WriteStatus[] = items.map(() => 'unchanged');
      for (const [id, i] of last) {
        const it = items[i]!;
        const prev = this.hashOf.get(id);
        if (prev === it.hash) continue;
        const rows = analysisRows(it.article, it.hash, it.analysis, now);
        this.insert('articles', rows.article as unknown as Record<string, unknown>, true);
        const seq = this.seqOf.get(id)!;
        for (const e of rows.events) e.article_seq = seq;
        if (prev !== undefined) for (const d of this.deletes) d.run(id);
        for (const table of CHILD_TABLES) {
          for (const row of rows[table] as unknown as Record<string, unknown>[]) this.insert(table, row, false);
        }
        status[i] = prev === undefined ? 'inserted' : 'replaced';
      }
      return status;
    }).immediate;
  }

  /**
   * Write a batch in one transaction; `last` maps each article id to the index of its last copy in
   * `items` (earlier copies are 'unchanged'). Throws the driver's error after rolling back.
   */
  write(items: readonly WriteItem[], last: Map<string, number>, now: string): WriteStatus[] {
    return this.run(items, last, now);
  }

  private insert(table: string, row: Record<string, unknown>, upsert: boolean): void {
    const cols = Object.keys(row);
    // A table's rows almost always have the columns of the one before: compare them instead of
    // building the statement key for every row.
    const last = this.lastInsert.get(table);
    let stmt = last && sameColumns(last.cols, cols) ? last.stmt : undefined;
    if (!stmt) stmt = this.statementFor(table, cols, upsert);
    const values = Object.values(row);
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    stmt.run(values);
  }

  private statementFor(table: string, cols: string[], upsert: boolean): BetterSqlite3.Statement<unknown[]> {
    const key = `${table}(${cols.join(',')})`;
    let stmt = this.inserts.get(key);
    if (!stmt) {
      const names = cols.map(quote);
      let text = `insert into ${quote(table)} (${names.join(', ')}) values (${cols.map(() => '?').join(', ')})`;
      // A replaced article keeps its row (and seq, the full-text rowid): update it in place.
      if (upsert) text += ` on conflict(id) do update set ${names.filter((n) => n !== '"id"').map((n) => `${n} = excluded.${n}`).join(', ')}`;
      stmt = this.db.prepare<unknown[]>(text);
      this.inserts.set(key, stmt);
    }
    this.lastInsert.set(table, { cols, stmt });
    return stmt;
  }
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
