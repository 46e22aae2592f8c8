// A hand-made event record for writer tests (shaped like ARCHITECTURE.md's example).
import type { EventRecord } from '../../src/types.js';

export function sampleRecord(overrides: Partial<EventRecord> = {}): EventRecord {
  return {
    id: 'ev-3f2a9c',
    article_id: 'examples/finland-estonia-ferry-talks-2023-03-14.txt',
    sentence: 0,
    text: 'The Finnish foreign minister met her Estonian counterpart in Tallinn, saying "ferries matter".',
    date: '2023-03-13',
    date_precision: 'day',
    event: { plover: 'CONSULT', mode: 'visit', context: 'diplomatic', cameo: '042', quad: 1, goldstein: 1.9, negated: false, aux: null },
    source: { text: 'The Finnish foreign minister', start: 0, end: 28, code: 'FINGOV', country: 'FIN', sectors: ['GOV'], name: null },
    target: { text: 'her Estonian counterpart', start: 33, end: 57, code: 'ESTGOV', country: 'EST', sectors: ['GOV'], name: null },
    location: { text: 'Tallinn', name: 'Tallinn', country: 'EST', lat: 59.437, lon: 24.7535, geonameid: 588409 },
    evidence: { trigger: 'met', start: 29, end: 32, rule: 'verbs/consult.yaml#meet' },
    ...overrides,
  };
}
