// The cross-article key of an event: mentions in different articles of the same real-world event
// share date, dyad (source and target codes), event type and location, as GDELT groups them.
// Actors without a code fall back to their lower-cased name so unknown actors are not all merged.
import { createHash } from 'node:crypto';
import type { EventActor, EventRecord } from '../types.js';

function actorKey(a: EventActor | null): string {
  if (!a) return '-';
  return a.code ?? `~${(a.name ?? a.text).toLowerCase()}`;
}

/** A 20-hex-digit key; equal for events that should count as one. */
export function clusterKey(r: EventRecord): string {
  const l = r.location;
  const where = l ? (l.geonameid !== null ? `g${l.geonameid}` : `c${l.country ?? ''}`) : '-';
  const parts = [r.date, actorKey(r.source), actorKey(r.target), r.event.plover, r.event.cameo, r.event.negated ? 'neg' : 'pos', where];
  return createHash('sha1').update(parts.join('\u0001')).digest('hex').slice(0, 20);
}
