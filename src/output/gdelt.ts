// GDELT 2.0 Events export: 61 tab-separated columns in the official order, no header by default.
// Dyad has one article per record, so NumMentions/NumSources/NumArticles are 1 and AvgTone 0.
// Deviations (documented in the README): geo country codes are ISO 3166-1 alpha-3 rather than
// FIPS 10-4, and GLOBALEVENTID is a 52-bit number derived from the record's stable hash id.
import { createHash } from 'node:crypto';
import type { EventActor, EventLocation, EventRecord } from '../types.js';
import type { ArticleMeta, RecordFormatter } from './writer.js';

const ACTOR = ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code', 'Type1Code', 'Type2Code', 'Type3Code'];
const GEO = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'];

/** The 61 GDELT 2.0 event columns, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR.map((c) => `Actor1${c}`),
  ...ACTOR.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO.map((c) => `Actor1Geo_${c}`),
  ...GEO.map((c) => `Actor2Geo_${c}`),
  ...GEO.map((c) => `ActionGeo_${c}`),
  'DATEADDED', 'SOURCEURL',
];

type Cell = string | number | null | undefined;

/** Tabs and line breaks would break the row: collapse them to spaces. */
function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  let clean = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13) { clean = false; break; }
  }
  return clean ? s : s.replace(/[\t\r\n]+/g, ' ');
}

/** A stable numeric id (< 2^52) from a string id; numeric ids pass through. */
export function numericEventId(id: string): string {
  if (/^[0-9]{1,15}$/.test(id)) return id;
  return String(parseInt(createHash('sha1').update(id).digest('hex').slice(0, 13), 16));
}

// Transnational actors are coded like CAMEO's IGOUNO / NGOHRIAMN: a type, then the group itself last.
const GROUP_TYPES = new Set(['IGO', 'NGO', 'IMG', 'ISM', 'MNC']);

// Dyad writes PLOVER sector codes; GDELT columns hold CAMEO's, where media was MED and health HLH.
const CAMEO_SECTOR: Record<string, string> = { JRN: 'MED', MED: 'HLH' };
const cameoSector = (s: string): string => CAMEO_SECTOR[s] ?? s;

function actorCells(a: EventActor | null): Cell[] {
  if (!a) return ACTOR.map(() => null);
  const name = (a.name ?? a.text).toUpperCase();
  let types = a.sectors.map(cameoSector);
  const composed = (a.country ?? '') + a.sectors.join('');
  const code = a.code === composed ? (a.country ?? '') + types.join('') : a.code;
  let group: string | null = null;
  if (a.country === null && types.length >= 2 && GROUP_TYPES.has(types[0]!)) {
    group = types[types.length - 1]!;
    types = types.slice(0, -1);
  }
  return [code, name, a.country, group, null, null, null, types[0], types[1], types[2]];
}

function geoCells(l: EventLocation | null): Cell[] {
  if (!l) return GEO.map(() => null);
  const type = l.country === 'USA' ? 3 : 4; // US city / world city (Dyad geocodes places, not regions)
  return [type, l.name, l.country, null, null, l.lat, l.lon, l.geonameid];
}

function compactDate(date: string): { sql: string; month: string; year: string; fraction: string } {
  const y = date.slice(0, 4);
  const m = date.slice(5, 7) || '01';
  const d = date.slice(8, 10) || '01';
  // GDELT's own formula: YYYY + (month * 30 + day) / 365.
  const fraction = (Number(y) + (Number(m) * 30 + Number(d)) / 365).toFixed(4);
  return { sql: `${y}${m}${d}`, month: `${y}${m}`, year: y, fraction };
}

/** YYYYMMDDHHMMSS in UTC. */
export function gdeltTimestamp(when: Date): string {
  return when.toISOString().slice(0, 19).replace(/[-T:]/g, '');
}

export function gdeltRow(r: EventRecord, article: ArticleMeta | undefined, dateAdded: string): Cell[] {
  const d = compactDate(r.date);
  const cameo = r.event.cameo;
  return [
    numericEventId(r.id), d.sql, d.month, d.year, d.fraction,
    ...actorCells(r.source),
    ...actorCells(r.target),
    r.sentence === 0 ? 1 : 0, cameo, cameo.slice(0, 3), cameo.slice(0, 2), r.event.quad, r.event.goldstein,
    1, 1, 1, 0,
    ...geoCells(null),
    ...geoCells(null),
    ...geoCells(r.location),
    dateAdded, article?.url ?? r.article_id,
  ];
}

export function gdeltFormatter(options: { header?: boolean; dateAdded?: Date } = {}): RecordFormatter {
  const added = gdeltTimestamp(options.dateAdded ?? new Date());
  return {
    header: () => (options.header ? GDELT_COLUMNS.join('\t') + '\n' : null),
    format: (r, article) => gdeltRow(r, article, added).map(cell).join('\t') + '\n',
  };
}
