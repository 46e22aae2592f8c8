// The API's SQLite reader: cached statements whose rows are read as arrays and made objects in JS
// must give exactly the rows better-sqlite3 would, for selects, streamed selects and RETURNING.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cachingDatabase } from '../../src/server/reader.js';

function fixture(): BetterSqlite3.Database {
  const raw = new BetterSqlite3(':memory:');
  raw.exec(`create table t (id integer primary key, name text, score real, note text);
    insert into t (name, score, note) values ('a', 1.5, null), ('b', -2, 'x'), ('c', 0, 'y')`);
  return raw;
}

test('rows match better-sqlite3 objects, duplicate column names included', async () => {
  const raw = fixture();
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  for (const text of ['select * from t order by id', 'select t.*, u.name, u.score as s from t join t as u on u.id = 4 - t.id order by t.id', 'select count(*) as n, max(score) from t']) {
    const want = raw.prepare(text).all();
    for (let i = 0; i < 2; i++) assert.deepEqual((await sql.raw(text).execute(db)).rows, want, text); // fresh, then cached
  }
  await db.destroy();
});

test('streamed selects, writes and RETURNING go through the same cache', async () => {
  const raw = fixture();
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  const streamed: unknown[] = [];
  for await (const r of db.selectFrom('t').select(['id', 'name']).orderBy('id').stream()) streamed.push(r);
  assert.deepEqual(streamed, [{ id: 1, name: 'a' }, { id: 2, name: 'b' }, { id: 3, name: 'c' }]);
  const updated = await db.updateTable('t').set({ note: 'z' }).where('score', '<=', 0).returning(['id', 'note']).execute();
  assert.deepEqual(updated.sort((a, b) => a.id - b.id), [{ id: 2, note: 'z' }, { id: 3, note: 'z' }]);
  const inserted = await db.insertInto('t').values({ name: 'd', score: 3 }).executeTakeFirst();
  assert.equal(Number(inserted.insertId), 4);
  assert.deepEqual(raw.prepare('select name, note from t where id = 4').get(), { name: 'd', note: null });
  await db.destroy();
});

test('a statement still being iterated is not handed out again', () => {
  const cache = cachingDatabase(fixture());
  const text = 'select id from t order by id';
  const outer = cache.prepare(text).iterate([]);
  assert.deepEqual(outer.next().value, { id: 1 });
  assert.deepEqual(cache.prepare(text).all([]), [{ id: 1 }, { id: 2 }, { id: 3 }]);
  assert.deepEqual([...outer], [{ id: 2 }, { id: 3 }]);
  assert.deepEqual(cache.prepare(text).all([]), [{ id: 1 }, { id: 2 }, { id: 3 }]);
});
