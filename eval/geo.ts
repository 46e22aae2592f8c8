// GeoWebNews (GWN.xml, 200 articles): toponym recognition and resolution.
//
// Gold toponyms are the annotations with coordinates (types Literal, Mixed, Coercion, Metonymic,
// Literal_Modifier, Non_Literal_Modifier, Embedded_*): places a geoparser should find and locate.
// Demonyms, homonyms, languages, non-toponyms and the "expression" annotations have no coordinates
// and are not gold (a prediction on them counts against precision).
// - Recognition (end to end): our places vs gold spans, exact span and overlapping span.
// - Resolution end to end: over gold toponyms our places overlap, the share within 161 km (100 miles)
//   of the gold point, and the mean error in km.
// - Resolution given gold spans: resolvePlaceSpans() on every gold span; a span we cannot resolve
//   counts as wrong for accuracy (and is left out of the mean error, whose coverage is reported).
// GWN has no article dates; the analysis runs with 2018-06-01 (the corpus was collected in 2018).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Place } from '../src/types.js';
import { parseText } from '../src/text/document.js';
import { resolvePlaceSpans } from '../src/extract/places.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { defaultAnalyzer, type Analyzer } from './analyzer.js';
import { ratio } from './metrics.js';
import { pct, type SetReport } from './report.js';
import { limited, type EvalOptions, type Scorer } from './scorer.js';
import { exactMatches, overlapPairs, prf, prfSummary, prfTable, type TypedSpan } from './span-score.js';

const TITLE = 'GeoWebNews toponyms (GWN.xml)';
export const GWN_FILE = join('data', 'geo', 'GWN.xml');
const DATE = '2018-06-01';
export const ACCURACY_KM = 161;

export interface GoldToponym {
  start: number;
  end: number;
  name: string;
  type: string;
  lat: number;
  lon: number;
}

export interface GwnArticle {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCharCode(Number(e.slice(1))),
  );
}

function field(block: string, tag: string): string {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(block);
  return m ? unescapeXml(m[1]) : '';
}

/** Articles of GWN.xml with their gold toponyms (those with coordinates). */
export function parseGwn(xml: string): GwnArticle[] {
  const out: GwnArticle[] = [];
  for (const a of xml.matchAll(/<article file="([^"]*)">([\s\S]*?)<\/article>/g)) {
    const text = field(a[2], 'text');
    const toponyms: GoldToponym[] = [];
    for (const t of a[2].matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const lat = field(t[1], 'latitude');
      const lon = field(t[1], 'longitude');
      if (lat === '' || lon === '') continue;
      toponyms.push({ start: Number(field(t[1], 'start')), end: Number(field(t[1], 'end')), name: field(t[1], 'extractedName'), type: field(t[1], 'type'), lat: Number(lat), lon: Number(lon) });
    }
    out.push({ id: `gwn-${a[1]}`, text, toponyms });
  }
  return out;
}

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface ResolutionStats {
  items: number;
  resolved: number;
  within: number;
  errorSum: number;
}

export function addResolution(s: ResolutionStats, gold: GoldToponym, place: Pick<Place, 'lat' | 'lon'> | null): void {
  s.items++;
  if (!place) return;
  const d = distanceKm(gold.lat, gold.lon, place.lat, place.lon);
  s.resolved++;
  s.errorSum += d;
  if (d <= ACCURACY_KM) s.within++;
}

function describe(s: ResolutionStats): string {
  return `${pct(ratio(s.within, s.items))} (${s.within}/${s.items}); mean error ${ratio(s.errorSum, s.resolved).toFixed(0)} km over ${s.resolved} resolved`;
}

export function runGeo(options: EvalOptions, analyze: Analyzer): SetReport {
  const articles = limited(parseGwn(readFileSync(join(options.sharedDir, GWN_FILE), 'utf8')), options.limit);
  const g = loadKnowledge().gazetteer;
  let gold = 0;
  let pred = 0;
  let exact = 0;
  let ovG = 0;
  const e2e: ResolutionStats = { items: 0, resolved: 0, within: 0, errorSum: 0 };
  const given: ResolutionStats = { items: 0, resolved: 0, within: 0, errorSum: 0 };
  for (const a of articles) {
    const analysis = analyze({ id: a.id, date: DATE, text: a.text });
    const goldSpans: TypedSpan[] = a.toponyms.map((t) => ({ start: t.start, end: t.end, type: 'TOP' }));
    const predSpans: TypedSpan[] = analysis.places.map((p) => ({ start: p.start, end: p.end, type: 'TOP' }));
    gold += goldSpans.length;
    pred += predSpans.length;
    exact += exactMatches(goldSpans, predSpans, false);
    const pairs = overlapPairs(goldSpans, predSpans);
    ovG += pairs.length;
    for (const [gi, pi] of pairs) addResolution(e2e, a.toponyms[gi], analysis.places[pi]);
    const countries = [...new Set(analysis.places.map((p) => p.country).filter((c): c is string => !!c))];
    const resolved = resolvePlaceSpans(parseText(a.text), g, a.toponyms, { countries });
    a.toponyms.forEach((t, i) => addResolution(given, t, resolved[i]));
  }
  const recExact = prf(gold, pred, exact);
  const recOverlap = prf(gold, pred, ovG);
  const acc = ratio(given.within, given.items);
  return {
    name: 'geo',
    title: TITLE,
    data: GWN_FILE,
    items: articles.length,
    summary: [
      { label: `accuracy@${ACCURACY_KM}km given gold spans`, value: describe(given) },
      { label: 'toponym recognition F1 (exact span)', value: prfSummary(recExact) },
      { label: 'toponym recognition F1 (overlapping span)', value: prfSummary(recOverlap) },
      { label: `accuracy@${ACCURACY_KM}km end to end (recognised toponyms)`, value: describe(e2e) },
      { label: 'target ≥ 85% @161km given gold spans', value: acc >= 0.85 ? 'met' : `not met (${pct(acc)})` },
    ],
    tables: [prfTable('Recognition', [['exact span', recExact], ['overlapping span', recOverlap]])],
    notes: [
      'Gold toponyms: annotations with coordinates. Demonym, Homonym, Language, Non_Toponym and *_Expression annotations are not gold.',
      'Given gold spans: resolvePlaceSpans (src/extract/places.ts) with the countries of our own places as context; unresolvable spans count as wrong.',
      `Article date ${DATE} for all (GWN has none).`,
    ],
  };
}

export const geo: Scorer = {
  name: 'geo',
  title: TITLE,
  run: (options) => runGeo(options, defaultAnalyzer()),
};
