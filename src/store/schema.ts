// The store's tables as Kysely types: one schema for SQLite and PostgreSQL. Every analysis field of
// src/types.ts has a column, so an Analysis (and each EventRecord) can be rebuilt exactly.
// Booleans are integers 0/1 on both back ends; sector lists are space-separated codes.
import type { Generated } from 'kysely';

export interface ArticlesTable {
  /** Integer key: the FTS5 external-content rowid (stable across VACUUM). */
  seq: Generated<number>;
  id: string;
  /** sha256 of the article's content (id, date, title, url, source, text): re-ingest skips equal hashes. */
  content_hash: string;
  date: string;
  title: string | null;
  url: string | null;
  source: string | null;
  text: string;
  n_events: number;
  /** ISO 8601 UTC time of the last (re)coding. */
  ingested_at: string;
}

export interface EventsTable {
  article_id: string;
  id: string;
  sentence: number;
  text: string;
  date: string;
  date_precision: string;
  plover: string;
  mode: string | null;
  context: string | null;
  cameo: string;
  quad: number;
  goldstein: number;
  negated: number;
  aux: string | null;
  source_text: string;
  source_start: number;
  source_end: number;
  source_code: string | null;
  source_country: string | null;
  source_sectors: string;
  source_name: string | null;
  /** 1 when the event has a target (the target_* columns are then meaningful). */
  has_target: number;
  target_text: string | null;
  target_start: number | null;
  target_end: number | null;
  target_code: string | null;
  target_country: string | null;
  target_sectors: string | null;
  target_name: string | null;
  location_text: string | null;
  location_name: string | null;
  location_country: string | null;
  location_lat: number | null;
  location_lon: number | null;
  location_geonameid: number | null;
  trigger: string;
  trigger_start: number;
  trigger_end: number;
  rule: string;
  /** Key shared by mentions of the same real-world event across articles (see src/store/cluster.ts). */
  cluster: string;
  /**
   * The article's seq (its full-text rowid, migration 0005), set by the writers when they store the
   * event; null only in a row written some other way (searches then look the article up by id).
   */
  article_seq: number | null;
}

/** One row per actor of an event (source, target): lets users query "everything RUSGOV did". */
export interface ActorsTable {
  article_id: string;
  event_id: string;
  role: 'source' | 'target';
  code: string | null;
  country: string | null;
  sectors: string;
  name: string | null;
  text: string;
  start: number;
  end: number;
}

export interface EntitiesTable {
  article_id: string;
  seq: number;
  text: string;
  start: number;
  end: number;
  type: string;
}

export interface PlacesTable {
  article_id: string;
  seq: number;
  text: string;
  start: number;
  end: number;
  type: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  geonameid: number | null;
}

export interface TimexesTable {
  article_id: string;
  seq: number;
  text: string;
  start: number;
  end: number;
  value: string;
  precision: string;
}

export interface QuotesTable {
  article_id: string;
  seq: number;
  has_speaker: number;
  speaker_text: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  speaker_name: string | null;
  speaker_code: string | null;
  cue_text: string | null;
  cue_start: number | null;
  cue_end: number | null;
  content_text: string;
  content_start: number;
  content_end: number;
  direct: number;
}

/** A view: one row per cross-article event, with GDELT-style counts. */
export interface EventClustersView {
  cluster: string;
  date: string;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_event_id: string;
}

export interface Database {
  articles: ArticlesTable;
  events: EventsTable;
  actors: ActorsTable;
  entities: EntitiesTable;
  places: PlacesTable;
  timexes: TimexesTable;
  quotes: QuotesTable;
  event_clusters: EventClustersView;
}

/** Tables that hold one article's analysis (deleted and rewritten together when it changes). */
export const CHILD_TABLES = ['events', 'actors', 'entities', 'places', 'timexes', 'quotes'] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];
