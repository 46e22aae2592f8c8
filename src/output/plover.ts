// PLOVER JSON lines, following the field names of the PLOVER manual's "Data Fields" chapter:
// id, date, actor/recipient (lists of entity objects), event/mode/context (lists), event_loc
// (Mordecai-style location object), event_text, quad_code, event_scale, text, text_info, cite_info.
import type { EventActor, EventRecord } from '../types.js';
import type { ArticleMeta, RecordFormatter } from './writer.js';

function entity(a: EventActor) {
  return {
    entity_text: a.text,
    code: a.country,
    sector: a.sectors[0] ?? null,
    other_sector_codes: a.sectors.slice(1),
    actor_code: a.code,
    identifier_text: a.name,
    start: a.start,
    end: a.end,
  };
}

export function ploverRecord(r: EventRecord, article: ArticleMeta | undefined, coder: string) {
  const e = r.event;
  const l = r.location;
  const cite: Record<string, string> = { coder, codebook: 'plover' };
  if (article?.url) cite.url = article.url;
  if (article?.title) cite.title = article.title;
  if (article?.source) cite.publication = article.source;
  return {
    id: r.id,
    has_event: true,
    date: r.date,
    date_precision: r.date_precision,
    actor: [entity(r.source)],
    recipient: r.target ? [entity(r.target)] : [],
    event: [e.plover],
    mode: e.mode ? [e.mode] : [],
    context: e.context ? [e.context] : [],
    event_loc: l
      ? { extracted_place: l.text, resolved_place: l.name, geonameid: l.geonameid, lat: l.lat, lon: l.lon, country_code: l.country }
      : null,
    event_text: [r.evidence.trigger],
    quad_code: e.quad,
    event_scale: e.goldstein,
    cameo: e.cameo,
    negated: e.negated,
    aux: e.aux,
    text: r.text,
    text_info: { article_id: r.article_id, sequence: r.sentence, start: r.evidence.start, end: r.evidence.end },
    cite_info: cite,
    coder,
    comment: r.evidence.rule,
  };
}

export function ploverFormatter(options: { coder?: string } = {}): RecordFormatter {
  const coder = options.coder ?? 'dyad';
  return { header: () => null, format: (r, a) => JSON.stringify(ploverRecord(r, a, coder)) + '\n' };
}
