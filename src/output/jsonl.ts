// JSON lines: the event record exactly as in src/types.ts / ARCHITECTURE.md, fields in that order
// (rebuilt explicitly so extra or reordered properties never leak into the output).
import type { EventActor, EventRecord } from '../types.js';
import type { RecordFormatter } from './writer.js';

function actor(a: EventActor | null) {
  if (!a) return null;
  return { text: a.text, start: a.start, end: a.end, code: a.code, country: a.country, sectors: a.sectors, name: a.name };
}

/** The canonical event record object (field order fixed). */
export function canonicalEvent(r: EventRecord) {
  const e = r.event;
  const l = r.location;
  return {
    id: r.id,
    article_id: r.article_id,
    sentence: r.sentence,
    text: r.text,
    date: r.date,
    date_precision: r.date_precision,
    event: {
      plover: e.plover, mode: e.mode, context: e.context, cameo: e.cameo, quad: e.quad,
      goldstein: e.goldstein, negated: e.negated, aux: e.aux,
    },
    source: actor(r.source),
    target: actor(r.target),
    location: l ? { text: l.text, name: l.name, country: l.country, lat: l.lat, lon: l.lon, geonameid: l.geonameid } : null,
    evidence: { trigger: r.evidence.trigger, start: r.evidence.start, end: r.evidence.end, rule: r.evidence.rule },
  };
}

export const jsonlFormatter: RecordFormatter = {
  header: () => null,
  format: (r) => JSON.stringify(canonicalEvent(r)) + '\n',
};
