// Hand-made event records for the scorer tests: only the fields the scorers read matter.
import type { EventActor, EventRecord } from '../../src/types.js';

export function actor(country: string | null, start = 0, end = 0, sectors: string[] = []): EventActor {
  return { text: 'x', start, end, code: (country ?? '') + sectors.join('') || null, country, sectors, name: null };
}

export function ev(plover: string, source: EventActor, target: EventActor | null, extra: { date?: string; mode?: string; context?: string } = {}): EventRecord {
  return {
    id: `${plover}-${source.country}-${target?.country}`,
    article_id: 'a',
    sentence: 0,
    text: '',
    date: extra.date ?? '2021-01-01',
    date_precision: 'day',
    event: { plover, mode: extra.mode ?? null, context: extra.context ?? null, cameo: '000', quad: 1, goldstein: 0, negated: false, aux: null },
    source,
    target,
    location: null,
    evidence: { trigger: '', start: 0, end: 0, rule: 'test' },
  };
}
