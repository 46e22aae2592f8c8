// Query-string schemas (checked by Fastify/Ajv: types, ranges, patterns, no unknown parameters) and
// the semantic checks JSON Schema cannot express (real dates, known countries and PLOVER types,
// ordered bounding boxes, well-formed cursors). Anything wrong becomes a 400 with a JSON message.
import countries from 'world-countries';
import { PLOVER_TYPES } from '../events/ontology.js';
import { HttpError } from './errors.js';
import type { EventKey, EventQuery } from './queries.js';

/** ISO 3166-1 alpha-3 codes, plus the non-state prefixes actor codes start with (IGOUNO, NGO…). */
export const ISO3: ReadonlySet<string> = new Set((countries as unknown as { cca3: string }[]).map((c) => c.cca3));
const NON_STATE = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'ISM', 'UNO', 'NAT', 'EUR', 'AFR', 'ASA', 'MEA', 'WSB', 'CRB', 'SAM', 'NAF', 'WAF', 'EAF', 'SAF', 'CAS', 'SAS', 'SEA', 'BLK', 'BALK', 'CAU', 'LAM', 'NMR', 'PGS', 'SCN', 'WST', 'XXX']);
const PLOVER = new Set(PLOVER_TYPES);

const DATE = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (inclusive)' } as const;
const ACTOR = { type: 'string', pattern: '^[A-Za-z]{3,18}$', description: 'ISO3 country (RUS) or actor-code prefix (RUSGOV)' } as const;

/** Filters shared by the search, aggregate and export routes. */
export const FILTER_PROPERTIES = {
  from: DATE,
  to: DATE,
  source: ACTOR,
  target: ACTOR,
  actor: { ...ACTOR, description: 'either side: ISO3 country or actor-code prefix' },
  country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'source, target or location country (ISO3)' },
  type: { type: 'string', pattern: '^[A-Za-z_]{3,20}(,[A-Za-z_]{3,20}){0,15}$', description: 'PLOVER types, comma-separated (CONSULT,AID)' },
  cameo: { type: 'string', pattern: '^[0-9]{2,4}$', description: 'CAMEO code or root prefix (04, 042)' },
  quad: { type: 'string', pattern: '^[1-4](,[1-4]){0,3}$', description: 'quad classes, comma-separated (1 verbal coop … 4 material conflict)' },
  bbox: { type: 'string', maxLength: 100, description: 'west,south,east,north in degrees' },
  q: { type: 'string', minLength: 1, maxLength: 200, description: 'full-text query over article titles and texts' },
} as const;

export type FilterParams = Partial<Record<keyof typeof FILTER_PROPERTIES, string>>;

function validDate(s: string, name: string): string {
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) throw new HttpError(400, `${name} is not a real date: "${s}"`);
  return s;
}

function actorCode(s: string, name: string): string {
  const c = s.toUpperCase();
  if (c.length % 3 !== 0) throw new HttpError(400, `${name} must be an actor code made of 3-letter parts (RUS, RUSGOV), got "${s}"`);
  const head = c.slice(0, 3);
  if (!ISO3.has(head) && !NON_STATE.has(head)) throw new HttpError(400, `unknown country or actor code in ${name}: "${s}"`);
  return c;
}

function bbox(s: string): [number, number, number, number] {
  const parts = s.split(',');
  if (parts.length !== 4 || parts.some((p) => !/^-?[0-9]{1,3}(\.[0-9]{1,8})?$/.test(p.trim()))) {
    throw new HttpError(400, `bbox must be four numbers west,south,east,north, got "${s}"`);
  }
  const [w, so, e, n] = parts.map(Number) as [number, number, number, number];
  if (w < -180 || w > 180 || e < -180 || e > 180) throw new HttpError(400, 'bbox longitudes must be within -180..180');
  if (so < -90 || so > 90 || n < -90 || n > 90) throw new HttpError(400, 'bbox latitudes must be within -90..90');
  if (so > n) throw new HttpError(400, 'bbox south must not exceed north');
  return [w, so, e, n];
}

/** Turn validated query parameters into an EventQuery, or throw a 400. */
export function eventQuery(p: FilterParams): EventQuery {
  const f: EventQuery = {};
  if (p.from) f.from = validDate(p.from, 'from');
  if (p.to) f.to = validDate(p.to, 'to');
  if (f.from && f.to && f.from > f.to) throw new HttpError(400, `from (${f.from}) is after to (${f.to})`);
  if (p.source) f.source = actorCode(p.source, 'source');
  if (p.target) f.target = actorCode(p.target, 'target');
  if (p.actor) f.actor = actorCode(p.actor, 'actor');
  if (p.country) {
    const c = p.country.toUpperCase();
    if (!ISO3.has(c)) throw new HttpError(400, `unknown country code: "${p.country}" (ISO 3166-1 alpha-3, e.g. RUS)`);
    f.country = c;
  }
  if (p.type) {
    const types = [...new Set(p.type.toUpperCase().split(','))];
    for (const t of types) if (!PLOVER.has(t)) throw new HttpError(400, `unknown PLOVER type: "${t}" (one of ${PLOVER_TYPES.join(', ')})`);
    f.plover = types;
  }
  if (p.cameo) {
    const root = Number(p.cameo.slice(0, 2));
    if (root < 1 || root > 20) throw new HttpError(400, `unknown CAMEO code: "${p.cameo}" (roots are 01-20)`);
    f.cameo = p.cameo;
  }
  if (p.quad) f.quad = [...new Set(p.quad.split(',').map(Number))];
  if (p.bbox) f.bbox = bbox(p.bbox);
  if (p.q) {
    if (!/[\p{L}\p{N}]/u.test(p.q)) throw new HttpError(400, 'q must contain at least one letter or digit');
    f.q = p.q;
  }
  return f;
}

/** Cursors are opaque to clients: base64url of the last key (and the order it belongs to). */
export function encodeCursor(key: EventKey, order: 'asc' | 'desc'): string {
  return Buffer.from(JSON.stringify([order, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(s: string, order: 'asc' | 'desc'): EventKey {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid cursor');
  }
  if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'string' && x.length <= 2000)) throw new HttpError(400, 'invalid cursor');
  if (v[0] !== order) throw new HttpError(400, `cursor belongs to order=${String(v[0])}`);
  return [v[1], v[2], v[3]] as EventKey;
}
