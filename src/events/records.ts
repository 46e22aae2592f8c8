// Turn coded events into the public event records: actors, coding, date, location and evidence.
import { tokenAt, tokenAtOrAfter, type Doc } from '../text/document.js';
import type { ActorMention } from '../extract/actors.js';
import type { Aux, EventActor, EventLocation, EventRecord, Place } from '../types.js';
import type { Ontology } from './ontology.js';
import { cameoInfo } from './ontology.js';
import type { RawEvent } from './coder.js';
import { daysBetween, type EventDate } from './dating.js';
import { intentCoding, type IntentTable } from './intent.js';
import { refusalCode } from './refusal.js';

const LOCATIVE = new Set(['in', 'near', 'at', 'outside', 'inside', 'across', 'throughout', 'around', 'into', 'on']);
/** Events dated this many days or more before the article are background ("last year's war"). */
const HISTORICAL_DAYS = 180;

export interface RecordInput {
  articleId: string;
  articleDate: string;
  doc: Doc;
  events: RawEvent[];
  dates: EventDate[];
  places: Place[];
  ontology: Ontology;
  intents: IntentTable;
}

export function buildRecords(input: RecordInput): EventRecord[] {
  const { doc, events, dates } = input;
  const out: EventRecord[] = [];
  const seen = new Set<string>();
  // Per-sentence lookups, so long documents stay linear.
  const placesBySentence = new Map<number, Place[]>();
  for (const p of input.places) {
    const s = doc.sentenceOf[tokenAt(doc, p.start)] ?? -1;
    const list = placesBySentence.get(s);
    if (list) list.push(p);
    else placesBySentence.set(s, [p]);
  }
  const sentenceTexts = new Map<number, string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const d = dates[i];
    // PLOVER drops public statements (CAMEO 01): their patterns only keep other verbs from misfiring.
    if (!e.pattern.plover) continue;
    let info = cameoInfo(input.ontology, e.pattern.cameo);
    let coding = { plover: e.pattern.plover, mode: e.pattern.mode, context: e.pattern.context, cameo: e.pattern.cameo };
    let future = e.future;
    const refusal = refusalCode(e.pattern.plover, e.negated, e.future, e.hypothetical);
    if (refusal) {
      info = cameoInfo(input.ontology, refusal);
      coding = { plover: info.plover, mode: info.mode, context: info.context ?? e.pattern.context, cameo: refusal };
      // The refusal is stated now and is not itself negated.
      future = false;
    }
    if (future && !e.negated) {
      // "will sign", "was in Moscow to sign": an intention to cooperate is AGREE; "will impose martial
      // law": an intended conflictual act is a THREATEN (PLOVER manual; dictionaries/ontology/intent.tsv).
      const intent = intentCoding(input.ontology, input.intents, e.pattern.plover, e.pattern.context);
      // A threat is the actor's own: "We expect that Russia will stop arming Armenia," Aliyev said
      // reports an expectation, not a threat by Russia.
      const ownWords = !e.speaker || (e.speaker.code !== null && e.speaker.code === e.source.code) || (e.speaker.country !== null && e.speaker.country === e.source.country);
      if (intent && (intent.plover !== 'THREATEN' || ownWords)) {
        info = intent;
        coding = { plover: intent.plover, mode: null, context: intent.context, cameo: intent.code };
        future = false;
      }
    }
    const sentencePlaces = placesBySentence.get(e.sentence) ?? [];
    const location = locate(doc, e, sentencePlaces);
    const source = actorOf(e.source);
    let target = e.target ? actorOf(e.target) : null;
    if (!target && location && location.country && location.country !== source.country) {
      // "attended ... near Moscow": with no actor object, the host country is the counterpart.
      target = { text: location.text, start: -1, end: -1, code: location.country, country: location.country, sectors: [], name: null };
      target.start = location.start;
      target.end = location.end;
    }
    // An actor acting on itself is a coding error (PETRARCH drops these too).
    if (target && target.code !== null && target.code === source.code) continue;
    // A state's own bare name after the verb is a place or a topic, not a counterpart ("the Israeli prime
    // minister met ... in Jerusalem", "... the Gulf of Finland"): the event keeps no target.
    if (target && source.country && target.country === source.country && (target.code === target.country || source.code === source.country)) target = null;
    let aux: Aux = null;
    if (future) aux = 'future';
    else if (e.hypothetical && !refusal) aux = 'hypothetical';
    else if (daysBetween(input.articleDate, d.date) >= HISTORICAL_DAYS) aux = 'historical';
    const sp = doc.sentences[e.sentence];
    let sentenceText = sentenceTexts.get(e.sentence);
    if (sentenceText === undefined) {
      sentenceText = doc.text.slice(sp.start, sp.end);
      sentenceTexts.set(e.sentence, sentenceText);
    }
    const trigStart = doc.starts[e.trigger];
    const trigEnd = doc.ends[Math.max(e.trigger, e.triggerEnd - 1)];
    const id = stableId([input.articleId, String(e.sentence), String(trigStart), source.code ?? source.text, target?.code ?? target?.text ?? '', coding.cameo]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      article_id: input.articleId,
      sentence: e.sentence,
      text: sentenceText,
      date: d.date,
      date_precision: d.precision,
      event: {
        plover: coding.plover,
        mode: coding.mode,
        context: coding.context,
        cameo: coding.cameo,
        quad: info.quad,
        goldstein: info.goldstein,
        negated: e.negated && !refusal,
        aux,
      },
      source,
      target,
      location: location ? { text: location.text, name: location.name, country: location.country, lat: location.lat, lon: location.lon, geonameid: location.geonameid } : null,
      evidence: { trigger: doc.text.slice(trigStart, trigEnd), start: trigStart, end: trigEnd, rule: e.pattern.rule },
    });
  }
  return dropUntargetedRepeats(out);
}

/**
 * A record without a target that repeats a targeted one (same sentence, trigger, source and code) adds
 * nothing: it arises when one of two coordinated targets is dropped above ("supply arms to Armenia,
 * the defence ministry said").
 */
function dropUntargetedRepeats(records: EventRecord[]): EventRecord[] {
  const key = (r: EventRecord) => `${r.sentence}|${r.evidence.start}|${r.source.code ?? r.source.text}|${r.event.cameo}`;
  const targeted = new Set(records.filter((r) => r.target).map(key));
  if (targeted.size === 0) return records;
  return records.filter((r) => r.target !== null || !targeted.has(key(r)));
}

function actorOf(m: ActorMention): EventActor {
  return { text: m.text, start: m.start, end: m.end, code: m.code, country: m.country, sectors: m.sectors, name: m.name };
}

/** The place governed by a locative preposition nearest the trigger in the event's sentence. */
/** How far (tokens) from the trigger a place may govern the event. */
const LOCATION_WINDOW = 40;

/** `places` are one sentence's places, sorted by start. */
function locate(doc: Doc, e: RawEvent, places: Place[]): (EventLocation & { start: number; end: number }) | null {
  const sp = doc.sentences[e.sentence];
  const trig = doc.starts[e.trigger];
  const from = doc.starts[Math.max(sp.first, e.trigger - LOCATION_WINDOW)];
  const to = doc.ends[Math.min(sp.last, e.trigger + LOCATION_WINDOW) - 1];
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  let best: Place | null = null;
  let bestDist = Infinity;
  for (let k = lo; k < places.length && places[k].start < to; k++) {
    const p = places[k];
    if (p.start < sp.start || p.end > sp.end) continue;
    if (!governedByLocative(doc, p.start, sp.start)) continue;
    // A place that is also the event's source or target is an actor here, not a location.
    if (overlaps(p, e.source) || (e.target && overlaps(p, e.target))) continue;
    const dist = p.start >= trig ? p.start - trig : (trig - p.end) * 1.5;
    if (dist < bestDist) {
      best = p;
      bestDist = dist;
    }
  }
  return best ? { text: best.text, name: best.name, country: best.country, lat: best.lat, lon: best.lon, geonameid: best.geonameid, start: best.start, end: best.end } : null;
}

function overlaps(p: Place, m: ActorMention): boolean {
  return p.start < m.end && m.start < p.end;
}

/** A locative preposition within three tokens before the place ("in the region of X", "near Moscow"). */
function governedByLocative(doc: Doc, start: number, floor: number): boolean {
  let t = tokenAtOrAfter(doc, start) - 1; // the last token ending at or before the place
  for (let k = 0; k < 3 && t >= 0 && doc.starts[t] >= floor; k++, t--) {
    const w = doc.lower[t];
    if (LOCATIVE.has(w)) return true;
    const p = doc.pos[t];
    if (p !== 'DET' && p !== 'ADJ' && p !== 'PROPN') return false;
  }
  return false;
}


/** A 64-bit hash (two 32-bit FNV-1a-style lanes) as 16 hex digits: stable across runs and fast. */
function stableId(parts: string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let p = 0; p < parts.length; p++) {
    const s = parts[p];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193); // part separator
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
