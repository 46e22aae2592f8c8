// The PostgreSQL write path: a batch of coded articles in three statements whatever its size, each
// table's rows sent as one JSON parameter and expanded by json_populate_recordset. Round trips, not
// rows, are what a write costs a queue worker, so this is what lets writes be grouped cheaply.
// Safe under concurrent writers: the upsert only touches an article whose content hash differs,
// reports whether it inserted or updated the row (xmax = 0 on a fresh insert), and only an updated
// article has old rows to delete, all in the caller's transaction.
import { CompiledQuery } from 'kysely';
import type { Article, Analysis } from '../types.js';
import { analysisRows, type AnalysisRows } from './rows.js';
import { CHILD_TABLES } from './schema.js';

export type WriteStatus = 'inserted' | 'replaced' | 'unchanged';
type Exec = (q: CompiledQuery) => Promise<Record<string, unknown>[]>;

interface Item {
  article: Article;
  hash: string;
  analysis: Analysis;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `insert into T (cols) select cols from json_populate_recordset(null::T, $n::json)` */
function insertFromJson(table: string, cols: string[], param: number): string {
  const names = cols.map(quote).join(', ');
  return `insert into ${quote(table)} (${names}) select ${names} from json_populate_recordset(null::${quote(table)}, $${param}::json)`;
}

export async function writePostgres(exec: Exec, items: readonly Item[], last: Map<string, number>, now: string): Promise<WriteStatus[]> {
  const status: WriteStatus[] = items.map(() => 'unchanged');
  const todo: { i: number; rows: AnalysisRows }[] = [];
  for (const [, i] of last) {
    const it = items[i]!;
    todo.push({ i, rows: analysisRows(it.article, it.hash, it.analysis, now) });
  }
  if (todo.length === 0) return status;

  const articles = todo.map((t) => t.rows.article);
  const cols = Object.keys(articles[0]!);
  const set = cols.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ');
  const upsert = `${insertFromJson('articles', cols, 1)} on conflict (id) do update set ${set}
    where articles.content_hash is distinct from excluded.content_hash
    returning id, seq, (xmax = 0) as inserted`;
  const written = new Map<string, boolean>();
  const seqs = new Map<string, number>();
  for (const r of await exec(CompiledQuery.raw(upsert, [JSON.stringify(articles)]))) {
    written.set(r.id as string, r.inserted === true);
    seqs.set(r.id as string, Number(r.seq));
  }
  if (written.size === 0) return status;

  const replaced = [...written].filter(([, inserted]) => !inserted).map(([id]) => id);
  if (replaced.length > 0) {
    const deletes = CHILD_TABLES.map((t, k) => `d${k} as (delete from ${quote(t)} where article_id = any($1::text[]))`);
    await exec(CompiledQuery.raw(`with ${deletes.join(', ')} select 1`, [replaced]));
  }

  const rewrite = todo.filter((t) => written.has(t.rows.article.id));
  for (const t of rewrite) for (const e of t.rows.events) e.article_seq = seqs.get(t.rows.article.id)!;
  const inserts: string[] = [];
  const params: string[] = [];
  for (const table of CHILD_TABLES) {
    const rows = rewrite.flatMap((t) => t.rows[table] as object[]);
    if (rows.length === 0) continue;
    params.push(JSON.stringify(rows));
    inserts.push(`i${inserts.length} as (${insertFromJson(table, Object.keys(rows[0]!), params.length)})`);
  }
  if (inserts.length > 0) await exec(CompiledQuery.raw(`with ${inserts.join(', ')} select 1`, params));

  for (const t of rewrite) status[t.i] = written.get(t.rows.article.id) ? 'inserted' : 'replaced';
  return status;
}
