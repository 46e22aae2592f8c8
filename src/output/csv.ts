// CSV (RFC 4180): one flattened row per event with a header; fields containing a comma, quote, CR
// or LF are quoted with inner quotes doubled; rows end with CRLF. Sectors are joined with ";".
import type { EventActor, EventRecord } from '../types.js';
import type { RecordFormatter } from './writer.js';

const ACTOR_FIELDS = ['text', 'start', 'end', 'code', 'country', 'sectors', 'name'] as const;

export const CSV_COLUMNS: readonly string[] = [
  'id', 'article_id', 'sentence', 'date', 'date_precision',
  'plover', 'mode', 'context', 'cameo', 'quad', 'goldstein', 'negated', 'aux',
  ...ACTOR_FIELDS.map((f) => `source_${f}`),
  ...ACTOR_FIELDS.map((f) => `target_${f}`),
  'location_text', 'location_name', 'location_country', 'location_lat', 'location_lon', 'location_geonameid',
  'trigger', 'trigger_start', 'trigger_end', 'rule', 'text',
];

type Cell = string | number | boolean | null | undefined;

/** Quote one field per RFC 4180. */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (s.indexOf('"') === -1 && s.indexOf(',') === -1 && s.indexOf('\n') === -1 && s.indexOf('\r') === -1) return s;
  return '"' + s.replaceAll('"', '""') + '"';
}

function actorCells(a: EventActor | null): Cell[] {
  if (!a) return [null, null, null, null, null, null, null];
  return [a.text, a.start, a.end, a.code, a.country, a.sectors.join(';'), a.name];
}

export function csvRow(r: EventRecord): Cell[] {
  const e = r.event;
  const l = r.location;
  return [
    r.id, r.article_id, r.sentence, r.date, r.date_precision,
    e.plover, e.mode, e.context, e.cameo, e.quad, e.goldstein, e.negated, e.aux,
    ...actorCells(r.source),
    ...actorCells(r.target),
    l?.text, l?.name, l?.country, l?.lat, l?.lon, l?.geonameid,
    r.evidence.trigger, r.evidence.start, r.evidence.end, r.evidence.rule, r.text,
  ];
}

export const csvFormatter: RecordFormatter = {
  header: () => CSV_COLUMNS.map(csvField).join(',') + '\r\n',
  format: (r) => csvRow(r).map(csvField).join(',') + '\r\n',
};
