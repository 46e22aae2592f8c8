// Schema migrations, kept in code so the compiled package carries them. Each migration is written
// once for both back ends; only the full-text index differs (SQLite FTS5 with external content kept
// in step by triggers; PostgreSQL a generated tsvector column with a GIN index).
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Articles longer than this are indexed for full-text search only up to this many characters. */
export const FTS_MAX_CHARS = 500_000;

function initial(dialect: DialectName): Migration {
  const real = dialect === 'sqlite' ? 'real' : 'double precision';
  return {
    async up(db: Kysely<any>) {
      let articles = db.schema.createTable('articles');
      articles = dialect === 'sqlite'
        ? articles.addColumn('seq', 'integer', (c) => c.primaryKey())
        : articles.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
      await articles
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('title', 'text')
        .addColumn('url', 'text')
        .addColumn('source', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('n_events', 'integer', (c) => c.notNull())
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('articles_date').on('articles').column('date').execute();

      const span = (t: any, prefix: string, nullable = false) => t
        .addColumn(`${prefix}text`, 'text', (c: any) => (nullable ? c : c.notNull()))
        .addColumn(`${prefix}start`, 'integer', (c: any) => (nullable ? c : c.notNull()))
        .addColumn(`${prefix}end`, 'integer', (c: any) => (nullable ? c : c.notNull()));

      let events: any = db.schema.createTable('events')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('sentence', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('date_precision', 'text', (c) => c.notNull())
        .addColumn('plover', 'text', (c) => c.notNull())
        .addColumn('mode', 'text')
        .addColumn('context', 'text')
        .addColumn('cameo', 'text', (c) => c.notNull())
        .addColumn('quad', 'integer', (c) => c.notNull())
        .addColumn('goldstein', real, (c) => c.notNull())
        .addColumn('negated', 'integer', (c) => c.notNull())
        .addColumn('aux', 'text');
      events = span(events, 'source_')
        .addColumn('source_code', 'text')
        .addColumn('source_country', 'text')
        .addColumn('source_sectors', 'text', (c: any) => c.notNull())
        .addColumn('source_name', 'text')
        .addColumn('has_target', 'integer', (c: any) => c.notNull());
      events = span(events, 'target_', true)
        .addColumn('target_code', 'text')
        .addColumn('target_country', 'text')
        .addColumn('target_sectors', 'text')
        .addColumn('target_name', 'text')
        .addColumn('location_text', 'text')
        .addColumn('location_name', 'text')
        .addColumn('location_country', 'text')
        .addColumn('location_lat', real)
        .addColumn('location_lon', real)
        .addColumn('location_geonameid', 'integer')
        .addColumn('trigger', 'text', (c: any) => c.notNull())
        .addColumn('trigger_start', 'integer', (c: any) => c.notNull())
        .addColumn('trigger_end', 'integer', (c: any) => c.notNull())
        .addColumn('rule', 'text', (c: any) => c.notNull())
        .addColumn('cluster', 'text', (c: any) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['article_id', 'id']);
      await events.execute();
      await db.schema.createIndex('events_date').on('events').columns(['date', 'article_id', 'id']).execute();
      for (const col of ['plover', 'source_country', 'target_country', 'cluster']) {
        await db.schema.createIndex(`events_${col}`).on('events').column(col).execute();
      }

      await db.schema.createTable('actors')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('country', 'text')
        .addColumn('sectors', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('start', 'integer', (c) => c.notNull())
        .addColumn('end', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('actors_article').on('actors').column('article_id').execute();
      await db.schema.createIndex('actors_code').on('actors').column('code').execute();

      const child = (name: string) => span(
        db.schema.createTable(name)
          .addColumn('article_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull()),
        '',
      );
      await child('entities').addColumn('type', 'text', (c: any) => c.notNull()).execute();
      await child('places')
        .addColumn('type', 'text', (c: any) => c.notNull())
        .addColumn('name', 'text', (c: any) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('lat', real, (c: any) => c.notNull())
        .addColumn('lon', real, (c: any) => c.notNull())
        .addColumn('geonameid', 'integer')
        .execute();
      await child('timexes')
        .addColumn('value', 'text', (c: any) => c.notNull())
        .addColumn('precision', 'text', (c: any) => c.notNull())
        .execute();
      let quotes: any = db.schema.createTable('quotes')
        .addColumn('article_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('has_speaker', 'integer', (c) => c.notNull());
      quotes = span(quotes, 'speaker_', true)
        .addColumn('speaker_name', 'text')
        .addColumn('speaker_code', 'text');
      quotes = span(quotes, 'cue_', true);
      quotes = span(quotes, 'content_').addColumn('direct', 'integer', (c: any) => c.notNull());
      await quotes.execute();
      for (const t of ['entities', 'places', 'timexes', 'quotes']) {
        await db.schema.createIndex(`${t}_article`).on(t).columns(['article_id', 'seq']).unique().execute();
      }

      // Cross-article events: mentions sharing a cluster key, counted like GDELT's NumMentions /
      // NumArticles / NumSources. A view, so counts stay right under concurrent writers and re-codes.
      const count = dialect === 'postgres' ? (x: string) => `cast(${x} as integer)` : (x: string) => x;
      await sql.raw(`create view event_clusters as
        select e.cluster as cluster, min(e.date) as date,
               ${count('count(*)')} as num_mentions,
               ${count('count(distinct e.article_id)')} as num_articles,
               ${count(`count(distinct coalesce(a.source, a.url, a.id))`)} as num_sources,
               min(e.id) as first_event_id
        from events e join articles a on a.id = e.article_id
        group by e.cluster`).execute(db);

      if (dialect === 'sqlite') {
        await sql.raw(`create virtual table articles_fts using fts5(title, text, content='articles', content_rowid='seq')`).execute(db);
        await sql.raw(`create trigger articles_fts_ai after insert on articles begin
            insert into articles_fts(rowid, title, text) values (new.seq, new.title, substr(new.text, 1, ${FTS_MAX_CHARS}));
          end`).execute(db);
        await sql.raw(`create trigger articles_fts_ad after delete on articles begin
            insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.seq, old.title, substr(old.text, 1, ${FTS_MAX_CHARS}));
          end`).execute(db);
        await sql.raw(`create trigger articles_fts_au after update of title, text on articles begin
            insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.seq, old.title, substr(old.text, 1, ${FTS_MAX_CHARS}));
            insert into articles_fts(rowid, title, text) values (new.seq, new.title, substr(new.text, 1, ${FTS_MAX_CHARS}));
          end`).execute(db);
      } else {
        await sql.raw(`alter table articles add column tsv tsvector generated always as
            (to_tsvector('english', left(coalesce(title, '') || ' ' || text, ${FTS_MAX_CHARS}))) stored`).execute(db);
        await sql.raw(`create index articles_tsv on articles using gin (tsv)`).execute(db);
      }
    },
  };
}

/** The columns of `events_search` as migrations 0002 and 0004 made it (before `article_seq`). */
const EVENT_SEARCH_COLUMNS_0002 = [
  'date', 'article_id', 'id', 'plover', 'quad', 'cameo', 'source_country', 'target_country', 'location_country',
  'location_lat', 'location_lon', 'source_code', 'target_code',
] as const;

/**
 * The columns of `events_search` (and `events_search_located`): the event order key, then every
 * column an API filter tests, full text's `article_seq` included (migration 0005).
 */
export const EVENT_SEARCH_COLUMNS = [...EVENT_SEARCH_COLUMNS_0002, 'article_seq'] as const;

/**
 * Indexes for the API's searches and aggregates over large stores (issue 6): one covering index in
 * event order that holds every filtered column, so a newest-first search reads index entries only
 * until its page is full; (country columns, date, key) indexes so a dyad or a country query reads
 * only its own rows; latitude/longitude for small boxes; articles by (date, id) for the
 * article list. They replace narrower indexes (ones the API server used to add on its own, too),
 * so ingestion maintains about as many indexes as before.
 */
function queryIndexes(): Migration {
  return {
    async up(db: Kysely<any>) {
      // events_plover: a type alone is never selective enough to beat the ordered scan of events_search.
      for (const old of ['events_date', 'events_plover', 'events_source_country', 'events_target_country', 'events_dyad_date', 'events_target_date', 'articles_date']) {
        await db.schema.dropIndex(old).ifExists().execute();
      }
      const key = ['date', 'article_id', 'id'];
      await db.schema.createIndex('events_search').ifNotExists().on('events').columns([...EVENT_SEARCH_COLUMNS_0002]).execute();
      // Dyads (the commonest query) exactly; its prefix also serves a source country alone.
      await db.schema.createIndex('events_dyad').ifNotExists().on('events').columns(['source_country', 'target_country', ...key]).execute();
      await db.schema.createIndex('events_target').ifNotExists().on('events').columns(['target_country', ...key]).execute();
      await db.schema.createIndex('events_location_country').ifNotExists().on('events').columns(['location_country', ...key]).execute();
      await db.schema.createIndex('events_lat_lon').ifNotExists().on('events').columns(['location_lat', 'location_lon']).execute();
      await db.schema.createIndex('articles_date_id').ifNotExists().on('articles').columns(['date', 'id']).execute();
    },
  };
}

/**
 * (source country, date, key): a source country alone, or the source arm of a country= search,
 * reads its events newest first and stops at a page, as the target and location arms already do
 * (events_dyad puts the target between source and date, so it can only serve them with a sort).
 */
function sourceIndex(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('events_source').ifNotExists().on('events').columns(['source_country', 'date', 'article_id', 'id']).execute();
    },
  };
}

/**
 * `events_search` over located events only (a partial index): a bbox search reads it in event order
 * and tests the box on its entries. Few events have a place, so it reads far fewer entries (and
 * none without a place) than `events_search` for a page, and all of them are candidates.
 */
function locatedIndex(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('events_search_located').ifNotExists().on('events').columns([...EVENT_SEARCH_COLUMNS_0002])
        .where(sql.ref('location_lat'), 'is not', null).execute();
    },
  };
}

/**
 * `events.article_seq`: the event's article's seq (its full-text rowid), set by the writers, so a
 * search reading `events_search` in order tests full text on the index entry itself (`article_seq`
 * among the FTS rowids) instead of looking each event's article up by id. Existing events get it
 * here, and both search indexes are rebuilt with it as their last column.
 */
function articleSeq(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('events').addColumn('article_seq', dialect === 'sqlite' ? 'integer' : 'bigint').execute();
      await sql`update events set article_seq = (select a.seq from articles a where a.id = events.article_id)`.execute(db);
      await db.schema.dropIndex('events_search').ifExists().execute();
      await db.schema.dropIndex('events_search_located').ifExists().execute();
      await db.schema.createIndex('events_search').on('events').columns([...EVENT_SEARCH_COLUMNS]).execute();
      await db.schema.createIndex('events_search_located').on('events').columns([...EVENT_SEARCH_COLUMNS])
        .where(sql.ref('location_lat'), 'is not', null).execute();
    },
  };
}

/** Migration names, oldest first; the last is the schema version (see latestMigration). */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect), '0002_query_indexes': queryIndexes(), '0003_source_index': sourceIndex(),
    '0004_located_index': locatedIndex(), '0005_article_seq': articleSeq(dialect),
  };
}

export function migrationProvider(dialect: DialectName): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}

/** The newest migration's name: a store whose history ends here has the current schema. */
export const LATEST_MIGRATION = Object.keys(migrations('sqlite')).at(-1)!;
