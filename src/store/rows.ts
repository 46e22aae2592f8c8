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
    article_seq: null, // the article's seq: the writers set it once the article row has one
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

/**
 * The events columns an EventRecord is made of (every column but `cluster`), in the order
 * eventJson reads them from a row array.
 */
export const EVENT_RECORD_COLUMNS = [
  'article_id', 'id', 'sentence', 'text', 'date', 'date_precision', 'plover', 'mode', 'context', 'cameo', 'quad',
  'goldstein', 'negated', 'aux', 'source_text', 'source_start', 'source_end', 'source_code', 'source_country',
  'source_sectors', 'source_name', 'has_target', 'target_text', 'target_start', 'target_end', 'target_code',
  'target_country', 'target_sectors', 'target_name', 'location_text', 'location_name', 'location_country',
  'location_lat', 'location_lon', 'location_geonameid', 'trigger', 'trigger_start', 'trigger_end', 'rule',
] as const satisfies readonly (keyof EventsTable)[];

const col = (name: (typeof EVENT_RECORD_COLUMNS)[number]): number => EVENT_RECORD_COLUMNS.indexOf(name);
const ARTICLE_ID = col('article_id'), ID = col('id'), SENTENCE = col('sentence'), TEXT = col('text'), DATE = col('date');
const DATE_PRECISION = col('date_precision'), PLOVER = col('plover'), MODE = col('mode'), CONTEXT = col('context');
const CAMEO = col('cameo'), QUAD = col('quad'), GOLDSTEIN = col('goldstein'), NEGATED = col('negated'), AUX = col('aux');
const SOURCE_TEXT = col('source_text'), SOURCE_START = col('source_start'), SOURCE_END = col('source_end');
const SOURCE_CODE = col('source_code'), SOURCE_COUNTRY = col('source_country'), SOURCE_SECTORS = col('source_sectors');
const SOURCE_NAME = col('source_name'), HAS_TARGET = col('has_target'), TARGET_TEXT = col('target_text');
const TARGET_START = col('target_start'), TARGET_END = col('target_end'), TARGET_CODE = col('target_code');
const TARGET_COUNTRY = col('target_country'), TARGET_SECTORS = col('target_sectors'), TARGET_NAME = col('target_name');
const LOCATION_TEXT = col('location_text'), LOCATION_NAME = col('location_name'), LOCATION_COUNTRY = col('location_country');
const LOCATION_LAT = col('location_lat'), LOCATION_LON = col('location_lon'), LOCATION_GEONAMEID = col('location_geonameid');
const TRIGGER = col('trigger'), TRIGGER_START = col('trigger_start'), TRIGGER_END = col('trigger_end'), RULE = col('rule');

/** Characters JSON.stringify escapes in a string (quote, backslash, controls) or may (surrogates). */
const JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(v) for the values of a row (strings, numbers, null): most strings need no escapes. */
export function jsonValue(v: unknown): string {
  if (typeof v === 'string') return JSON_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`;
  return v === null || v === undefined ? 'null' : JSON.stringify(v)!;
}

/** JSON.stringify(num(v)). */
function jsonNum(v: unknown): string {
  const n = num(v);
  return Number.isFinite(n) ? `${n}` : 'null';
}

/** JSON.stringify(unsectors(s)). */
function jsonSectors(s: unknown): string {
  if (!s) return '[]';
  let out = '[';
  for (const part of (s as string).split(' ')) {
    if (!part) continue;
    out += out.length === 1 ? jsonValue(part) : `,${jsonValue(part)}`;
  }
  return `${out}]`;
}

/**
 * The JSON text of eventFromRow(row), without the closing brace (a caller may add members), from
 * `v`, a row as an array in EVENT_RECORD_COLUMNS order: the same text JSON.stringify gives for the
 * record, member for member, without building the record.
 */
export function eventJsonOpen(v: readonly unknown[]): string {
  const s = jsonValue;
  let out = `{"id":${s(v[ID])},"article_id":${s(v[ARTICLE_ID])},"sentence":${jsonNum(v[SENTENCE])},"text":${s(v[TEXT])},"date":${s(v[DATE])}`
    + `,"date_precision":${s(v[DATE_PRECISION])},"event":{"plover":${s(v[PLOVER])},"mode":${s(v[MODE])},"context":${s(v[CONTEXT])}`
    + `,"cameo":${s(v[CAMEO])},"quad":${jsonNum(v[QUAD])},"goldstein":${jsonNum(v[GOLDSTEIN])},"negated":${num(v[NEGATED]) === 1}`
    + `,"aux":${s(v[AUX])}},"source":{"text":${s(v[SOURCE_TEXT])},"start":${jsonNum(v[SOURCE_START])},"end":${jsonNum(v[SOURCE_END])}`
    + `,"code":${s(v[SOURCE_CODE])},"country":${s(v[SOURCE_COUNTRY])},"sectors":${jsonSectors(v[SOURCE_SECTORS])},"name":${s(v[SOURCE_NAME])}}`;
  out += num(v[HAS_TARGET])
    ? `,"target":{"text":${s(v[TARGET_TEXT] ?? '')},"start":${jsonNum(v[TARGET_START])},"end":${jsonNum(v[TARGET_END])}`
      + `,"code":${s(v[TARGET_CODE])},"country":${s(v[TARGET_COUNTRY])},"sectors":${jsonSectors(v[TARGET_SECTORS])},"name":${s(v[TARGET_NAME])}}`
    : ',"target":null';
  out += v[LOCATION_NAME] !== null
    ? `,"location":{"text":${s(v[LOCATION_TEXT] ?? '')},"name":${s(v[LOCATION_NAME])},"country":${s(v[LOCATION_COUNTRY])}`
      + `,"lat":${jsonNum(v[LOCATION_LAT])},"lon":${jsonNum(v[LOCATION_LON])}`
      + `,"geonameid":${v[LOCATION_GEONAMEID] === null || v[LOCATION_GEONAMEID] === undefined ? 'null' : jsonNum(v[LOCATION_GEONAMEID])}}`
    : ',"location":null';
  return `${out},"evidence":{"trigger":${s(v[TRIGGER])},"start":${jsonNum(v[TRIGGER_START])},"end":${jsonNum(v[TRIGGER_END])},"rule":${s(v[RULE])}}`;
}

/** JSON.stringify(articleMeta({id, date, title, url, source})). */
export function articleMetaJson(id: unknown, date: unknown, title: unknown, url: unknown, source: unknown): string {
  let out = `{"id":${jsonValue(id)},"date":${jsonValue(date)}`;
  if (title !== null && title !== undefined) out += `,"title":${jsonValue(title)}`;
  if (url !== null && url !== undefined) out += `,"url":${jsonValue(url)}`;
  if (source !== null && source !== undefined) out += `,"source":${jsonValue(source)}`;
  return `${out}}`;
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
