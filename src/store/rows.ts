// Conversions between the public types (src/types.ts) and table rows, both ways, so that what the
// store gives back is exactly what the coder produced.
import type { Analysis, Article, DatePrecision, Entity, EntityType, EventActor, EventRecord, Place, Quote, Timex } from '../types.js';
import type { ArticleMeta } from '../output/writer.js';
import { clusterKey } from './cluster.js';
import type { ActorsTable, ArticlesTable, EntitiesTable, EventsTable, PlacesTable, QuotesTable, TimexesTable } from './schema.js';

export type ArticleRow = Omit<ArticlesTable, 'seq'>;

export interface AnalysisRows {
  article: ArticleRow;
  events: EventsTable[];
  actors: ActorsTable[];
  entities: EntitiesTable[];
  places: PlacesTable[];
  timexes: TimexesTable[];
  quotes: QuotesTable[];
}

const sectors = (s: string[]): string => s.join(' ');
const unsectors = (s: string | null): string[] => (s ? s.split(' ').filter(Boolean) : []);

export function eventRow(r: EventRecord): EventsTable {
  const t = r.target;
  const l = r.location;
  return {
    article_id: r.article_id,
    id: r.id,
    sentence: r.sentence,
    text: r.text,
    date: r.date,
    date_precision: r.date_precision,
    plover: r.event.plover,
    mode: r.event.mode,
    context: r.event.context,
    cameo: r.event.cameo,
    quad: r.event.quad,
    goldstein: r.event.goldstein,
    negated: r.event.negated ? 1 : 0,
    aux: r.event.aux,
    source_text: r.source.text,
    source_start: r.source.start,
    source_end: r.source.end,
    source_code: r.source.code,
    source_country: r.source.country,
    source_sectors: sectors(r.source.sectors),
    source_name: r.source.name,
    has_target: t ? 1 : 0,
    target_text: t?.text ?? null,
    target_start: t?.start ?? null,
    target_end: t?.end ?? null,
    target_code: t?.code ?? null,
    target_country: t?.country ?? null,
    target_sectors: t ? sectors(t.sectors) : null,
    target_name: t?.name ?? null,
    location_text: l?.text ?? null,
    location_name: l?.name ?? null,
    location_country: l?.country ?? null,
    location_lat: l?.lat ?? null,
    location_lon: l?.lon ?? null,
    location_geonameid: l?.geonameid ?? null,
    trigger: r.evidence.trigger,
    trigger_start: r.evidence.start,
    trigger_end: r.evidence.end,
    rule: r.evidence.rule,
    cluster: clusterKey(r),
  };
}

/** Number columns come back from PostgreSQL as numbers, but guard against numeric strings. */
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : num(v));

export function eventFromRow(row: EventsTable): EventRecord {
  const source: EventActor = {
    text: row.source_text, start: num(row.source_start), end: num(row.source_end),
    code: row.source_code, country: row.source_country, sectors: unsectors(row.source_sectors), name: row.source_name,
  };
  const target: EventActor | null = num(row.has_target)
    ? {
      text: row.target_text ?? '', start: num(row.target_start), end: num(row.target_end),
      code: row.target_code, country: row.target_country, sectors: unsectors(row.target_sectors), name: row.target_name,
    }
    : null;
  return {
    id: row.id,
    article_id: row.article_id,
    sentence: num(row.sentence),
    text: row.text,
    date: row.date,
    date_precision: row.date_precision as DatePrecision,
    event: {
      plover: row.plover, mode: row.mode, context: row.context, cameo: row.cameo,
      quad: num(row.quad) as 1 | 2 | 3 | 4, goldstein: num(row.goldstein),
      negated: num(row.negated) === 1, aux: row.aux as EventRecord['event']['aux'],
    },
    source,
    target,
    location: row.location_name !== null
      ? {
        text: row.location_text ?? '', name: row.location_name, country: row.location_country,
        lat: num(row.location_lat), lon: num(row.location_lon), geonameid: numOrNull(row.location_geonameid),
      }
      : null,
    evidence: { trigger: row.trigger, start: num(row.trigger_start), end: num(row.trigger_end), rule: row.rule },
  };
}

function actorRows(r: EventRecord): ActorsTable[] {
  const out: ActorsTable[] = [];
  const add = (role: 'source' | 'target', a: EventActor) => out.push({
    article_id: r.article_id, event_id: r.id, role, code: a.code, country: a.country,
    sectors: sectors(a.sectors), name: a.name, text: a.text, start: a.start, end: a.end,
  });
  add('source', r.source);
  if (r.target) add('target', r.target);
  return out;
}

/** All rows of one coded article. Event ids repeated within an article get a `#n` suffix. */
export function analysisRows(article: Article, hash: string, analysis: Analysis, now: string): AnalysisRows {
  const id = article.id;
  const seen = new Set<string>();
  const events: EventsTable[] = [];
  const actors: ActorsTable[] = [];
  for (const e of analysis.events) {
    let r = e.article_id === id ? e : { ...e, article_id: id };
    if (seen.has(r.id)) {
      let n = 2;
      while (seen.has(`${r.id}#${n}`)) n++;
      r = { ...r, id: `${r.id}#${n}` };
    }
    seen.add(r.id);
    events.push(eventRow(r));
    actors.push(...actorRows(r));
  }
  return {
    article: {
      id, content_hash: hash, date: article.date, title: article.title ?? null, url: article.url ?? null,
      source: article.source ?? null, text: article.text, n_events: events.length, ingested_at: now,
    },
    events,
    actors,
    entities: analysis.entities.map((e, seq) => ({ article_id: id, seq, text: e.text, start: e.start, end: e.end, type: e.type })),
    places: analysis.places.map((p, seq) => ({
      article_id: id, seq, text: p.text, start: p.start, end: p.end, type: p.type, name: p.name,
      country: p.country, lat: p.lat, lon: p.lon, geonameid: p.geonameid,
    })),
    timexes: analysis.timexes.map((t, seq) => ({ article_id: id, seq, text: t.text, start: t.start, end: t.end, value: t.value, precision: t.precision })),
    quotes: analysis.quotes.map((q, seq) => ({
      article_id: id, seq, has_speaker: q.speaker ? 1 : 0,
      speaker_text: q.speaker?.text ?? null, speaker_start: q.speaker?.start ?? null, speaker_end: q.speaker?.end ?? null,
      speaker_name: q.speaker?.name ?? null, speaker_code: q.speaker?.code ?? null,
      cue_text: q.cue?.text ?? null, cue_start: q.cue?.start ?? null, cue_end: q.cue?.end ?? null,
      content_text: q.content.text, content_start: q.content.start, content_end: q.content.end, direct: q.direct ? 1 : 0,
    })),
  };
}

export function articleMeta(row: Pick<ArticlesTable, 'id' | 'date' | 'title' | 'url' | 'source'>): ArticleMeta {
  const m: ArticleMeta = { id: row.id, date: row.date };
  if (row.title !== null) m.title = row.title;
  if (row.url !== null) m.url = row.url;
  if (row.source !== null) m.source = row.source;
  return m;
}

export function entityFromRow(r: EntitiesTable): Entity {
  return { text: r.text, start: num(r.start), end: num(r.end), type: r.type as EntityType };
}

export function placeFromRow(r: PlacesTable): Place {
  return {
    text: r.text, start: num(r.start), end: num(r.end), type: r.type as EntityType, name: r.name,
    country: r.country, lat: num(r.lat), lon: num(r.lon), geonameid: numOrNull(r.geonameid),
  };
}

export function timexFromRow(r: TimexesTable): Timex {
  return { text: r.text, start: num(r.start), end: num(r.end), value: r.value, precision: r.precision as DatePrecision };
}

export function quoteFromRow(r: QuotesTable): Quote {
  let speaker: Quote['speaker'] = null;
  if (num(r.has_speaker)) {
    speaker = { text: r.speaker_text ?? '', start: num(r.speaker_start), end: num(r.speaker_end), name: r.speaker_name, code: r.speaker_code };
  }
  const cue = r.cue_text !== null ? { text: r.cue_text, start: num(r.cue_start), end: num(r.cue_end) } : null;
  return {
    speaker,
    cue,
    content: { text: r.content_text, start: num(r.content_start), end: num(r.content_end) },
    direct: num(r.direct) === 1,
  };
}
