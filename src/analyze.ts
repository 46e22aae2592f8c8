// The pure coding pipeline: analyze(article, knowledge) → Analysis. No I/O, no global state.
import type { Analysis, Article, EntityType, EventRecord, Place, Timex } from './types.js';
import type { Knowledge } from './knowledge/index.js';
import { parseText, type Doc } from './text/document.js';
import { findActorMentions, type ActorMention } from './extract/actors.js';
import { findTimexes } from './extract/timexes.js';
import { findPlaces } from './extract/places.js';
import { findEntities, type EntityHint } from './extract/entities.js';
import { findQuotes } from './extract/quotes.js';
import { codeEvents } from './events/coder.js';
import { dateEvents } from './events/dating.js';
import { buildRecords } from './events/records.js';
import { applyDiscards } from './knowledge/petrarch/discards.js';

interface Core {
  doc: Doc;
  mentions: ActorMention[];
  timexes: Timex[];
  places: Place[];
  events: EventRecord[];
}

/**
 * What both `code` and `analyze` need: actors, dates, places and events. Dates and places only serve
 * to date and locate events, so `eventsOnly` skips them for an article without events (a third of
 * news sentences), which `code` never shows.
 */
function runCore(article: Article, k: Knowledge, eventsOnly = false): Core {
  const doc = parseText(article.text);
  const mentions = findActorMentions(doc, article.date, k.actors);
  const raw = codeEvents({ doc, mentions, patterns: k.patterns, lexicon: k.lexicon });
  if (eventsOnly && raw.length === 0) return { doc, mentions, timexes: [], places: [], events: [] };
  const timexes = findTimexes(doc, article.date);
  const countries = [...new Set(mentions.map((m) => m.country).filter((c): c is string => !!c))];
  const skip = mentions.filter((m) => m.kind === 'person' || m.kind === 'org').map((m) => ({ start: m.start, end: m.end }));
  const places = findPlaces(doc, k.gazetteer, { countries, skip });
  const dates = dateEvents(doc, raw, mentions, timexes, article.date);
  const records = buildRecords({ articleId: article.id, articleDate: article.date, doc, events: raw, dates, places, ontology: k.ontology, intents: k.intents });
  const events = applyDiscards(article, records, k.discards);
  return { doc, mentions, timexes, places, events };
}

const KIND_TO_TYPE: Record<string, EntityType | undefined> = { person: 'PERSON', org: 'ORG', igo: 'ORG', country: 'GPE' };

/** Everything Dyad finds in one article: entities, places, timexes, quotes and events. */
export function analyzeWith(article: Article, k: Knowledge): Analysis {
  const core = runCore(article, k);
  const hints: EntityHint[] = [];
  for (const m of core.mentions) {
    const type = KIND_TO_TYPE[m.kind];
    if (type && m.antecedent === null) hints.push({ start: m.start, end: m.end, type, text: m.text });
  }
  for (const p of core.places) hints.push({ start: p.start, end: p.end, type: p.type, text: p.text });
  const entities = findEntities(core.doc, hints, k.entities);
  const quotes = findQuotes(
    core.doc,
    core.mentions.map((m) => ({ start: m.start, end: m.end, name: m.name, code: m.code, kind: m.kind })),
  );
  return {
    article: { id: article.id, date: article.date, title: article.title, url: article.url, source: article.source },
    entities,
    places: core.places,
    timexes: core.timexes,
    quotes,
    events: core.events,
  };
}

/** Only the events of one article (skips entity and quotation extraction). */
export function codeWith(article: Article, k: Knowledge): EventRecord[] {
  return runCore(article, k, true).events;
}
