// The public data contracts of Dyad (see ../shared/ARCHITECTURE.md). Offsets are UTF-16 code-unit
// offsets into Article.text, end exclusive.

export interface Article {
  id: string;
  /** Article (publication) date, YYYY-MM-DD: relative dates are resolved against it. */
  date: string;
  text: string;
  title?: string;
  url?: string;
  source?: string;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT';

export interface Entity extends Span {
  type: EntityType;
}

export interface Place extends Entity {
  name: string;
  /** ISO 3166-1 alpha-3 of the place's country, or null for supranational areas. */
  country: string | null;
  lat: number;
  lon: number;
  geonameid: number | null;
}

export type DatePrecision = 'day' | 'month' | 'year';

export interface Timex extends Span {
  /** TIMEX3-style value: 2021-08-23, 2020-11, 2020. */
  value: string;
  precision: DatePrecision;
}

export interface Quote {
  speaker: (Span & { name?: string | null; code?: string | null }) | null;
  cue: Span | null;
  content: Span;
  direct: boolean;
}

/** A coded actor: country + sectors, e.g. RUSGOVMIL. */
export interface ActorCode {
  code: string | null;
  country: string | null;
  sectors: string[];
  name: string | null;
}

export interface EventActor extends Span, ActorCode {}

export type Aux = 'future' | 'hypothetical' | 'historical' | null;

export interface EventCoding {
  plover: string;
  mode: string | null;
  context: string | null;
  cameo: string;
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  negated: boolean;
  aux: Aux;
}

export interface EventLocation {
  text: string;
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  geonameid: number | null;
}

export interface EventRecord {
  id: string;
  article_id: string;
  sentence: number;
  text: string;
  date: string;
  date_precision: DatePrecision;
  event: EventCoding;
  source: EventActor;
  target: EventActor | null;
  location: EventLocation | null;
  evidence: { trigger: string; start: number; end: number; rule: string };
}

export interface Analysis {
  article: { id: string; date: string; title?: string; url?: string; source?: string };
  entities: Entity[];
  places: Place[];
  timexes: Timex[];
  quotes: Quote[];
  events: EventRecord[];
}
