// When did each event happen? The timex governing the event's clause, else the sentence's (for past
// tense), else the date last told of the same actor (news follows one actor through several sentences),
// else the article date. Precision is kept.
import { tokenAt, type Doc } from '../text/document.js';
import type { DatePrecision, Timex } from '../types.js';
import type { RawEvent } from './coder.js';
import type { ActorMention } from '../extract/actors.js';

export interface EventDate {
  date: string;
  precision: DatePrecision;
  /** True when a timex of the event's own sentence gave the date. */
  explicit: boolean;
}

interface Located {
  timex: Timex;
  token: number;
  sentence: number;
}

const CLAUSE_BREAK = new Set(['and', 'but', ';', 'while', 'which', 'who']);

/** Dates for `events` (same order), in document order of the events. */
export function dateEvents(doc: Doc, events: RawEvent[], mentions: ActorMention[], timexes: Timex[], articleDate: string): EventDate[] {
  const located: Located[] = [];
  for (const t of timexes) {
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(t.value)) continue; // durations, weeks, seasons
    const tok = tokenAt(doc, t.start);
    if (tok < 0) continue;
    located.push({ timex: t, token: tok, sentence: doc.sentenceOf[tok] });
  }
  const atToken = new Map<number, Located>();
  for (const l of located) if (!atToken.has(l.token)) atToken.set(l.token, l);
  const own = events.map((e) => ownDate(doc, e, located, atToken));
  const out: EventDate[] = new Array(events.length);
  // The last day-precise date told of each actor (name, else code), as of the sentence being dated.
  const byActor = new Map<string, EventDate>();
  let lastExplicit: EventDate | null = null;
  // The first day-precise timex of each sentence, and the first timex of each sentence.
  const dayTimexOf = new Map<number, Located>();
  const firstTimexOf = new Map<number, Located>();
  for (const l of located) {
    if (!firstTimexOf.has(l.sentence)) firstTimexOf.set(l.sentence, l);
    if (l.timex.precision === 'day' && !dayTimexOf.has(l.sentence)) dayTimexOf.set(l.sentence, l);
  }
  let mi = 0;
  let i = 0;
  for (let s = 0; s < doc.sentences.length && i < events.length; s++) {
    for (; i < events.length && events[i].sentence === s; i++) {
      const e = events[i];
      const key = actorKey(e.source);
      // Reported events take the date of the report ("During that meeting Shoygu said Russia will ...").
      const speakerKey = e.speaker ? actorKey(e.speaker) : null;
      let d = own[i];
      if (!d && speakerKey) d = byActor.get(speakerKey) ?? null;
      // Present-tense and future events without a date of their own are as of the article.
      if (!d && isPast(doc, e)) {
        d = byActor.get(key) ?? lookAhead(doc, mentions, firstTimexOf, s, speakerKey ?? key) ?? lastExplicit;
      }
      out[i] = d ? { ...d, explicit: own[i] !== null } : { date: articleDate, precision: 'day', explicit: false };
      if (own[i]) {
        byActor.set(key, own[i] as EventDate);
        if (speakerKey) byActor.set(speakerKey, own[i] as EventDate);
      }
    }
    const told = dayTimexOf.get(s);
    const sp = doc.sentences[s];
    while (mi < mentions.length && mentions[mi].tokenStart < sp.first) mi++;
    if (told) {
      const d: EventDate = { date: told.timex.value, precision: 'day', explicit: true };
      lastExplicit = d;
      for (let j = mi; j < mentions.length && mentions[j].tokenStart < sp.last; j++) {
        const m = mentions[j];
        if (m.code || m.name) byActor.set(actorKey(m), d);
      }
    }
  }
  for (; i < events.length; i++) out[i] = { date: articleDate, precision: 'day', explicit: false };
  return out;
}

function actorKey(m: ActorMention): string {
  return m.name ?? m.code ?? m.text.toLowerCase();
}

/** The next sentence's date when it speaks of the same actor ("X said ... On August 19 she ..."). */
function lookAhead(doc: Doc, mentions: ActorMention[], firstTimexOf: Map<number, Located>, s: number, key: string): EventDate | null {
  const t = firstTimexOf.get(s + 1);
  if (!t) return null;
  const next = doc.sentences[s + 1];
  // Mentions are sorted by token: binary-search the first one in the next sentence.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].tokenStart < next.first) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < mentions.length && mentions[j].tokenStart < next.last; j++) {
    if (actorKey(mentions[j]) === key) return { date: t.timex.value, precision: t.timex.precision, explicit: true };
  }
  return null;
}

/**
 * The event's own timex: the nearest one in its clause (walking out from the trigger to the first
 * conjunction, relative pronoun or other verb on each side, so the work is linear in the clause),
 * else, for a past event, the nearest one in its sentence.
 */
function ownDate(doc: Doc, e: RawEvent, located: Located[], atToken: Map<number, Located>): EventDate | null {
  const sp = doc.sentences[e.sentence];
  let left: Located | null = null;
  for (let t = e.trigger - 1; t >= sp.first; t--) {
    const l = atToken.get(t);
    if (l) {
      left = l;
      break;
    }
    if (breaksClause(doc, t)) break;
  }
  let right: Located | null = null;
  for (let t = e.trigger + 1; t < sp.last; t++) {
    const l = atToken.get(t);
    if (l) {
      right = l;
      break;
    }
    if (breaksClause(doc, t)) break;
  }
  // equally near: the one before the trigger, as in text order
  let pick = left && (!right || e.trigger - left.token <= right.token - e.trigger) ? left : right;
  if (!pick && isPast(doc, e)) {
    let bestDist = Infinity;
    for (const l of located) {
      if (l.sentence !== e.sentence) continue;
      const dist = Math.abs(l.token - e.trigger);
      if (dist < bestDist) {
        pick = l;
        bestDist = dist;
      }
    }
  }
  return pick ? { date: pick.timex.value, precision: pick.timex.precision, explicit: true } : null;
}

/** A conjunction, relative pronoun or verb: the clause of a trigger does not run past it. */
function breaksClause(doc: Doc, t: number): boolean {
  return CLAUSE_BREAK.has(doc.lower[t]) || doc.pos[t] === 'VERB';
}

/** Past or non-finite: the verb form is not a present-tense form of its lemma. */
function isPast(doc: Doc, e: RawEvent): boolean {
  if (e.future || e.hypothetical) return false;
  const t = e.trigger;
  if (doc.pos[t] !== 'VERB') return true;
  const form = doc.lower[t];
  const lemma = doc.lemmas[t];
  const prev = t > 0 ? doc.lower[t - 1] : '';
  if (prev === 'is' || prev === 'are' || prev === 'am' || prev === 'has' || prev === 'have') return false;
  if (form === lemma && prev !== 'did' && prev !== 'to') return false;
  if (form === lemma + 's' || form === lemma + 'es' || (lemma.endsWith('y') && form === lemma.slice(0, -1) + 'ies')) return false;
  return true;
}

/** Days from b to a (a − b), for ISO dates of any precision (first day of the period). */
export function daysBetween(a: string, b: string): number {
  const pa = Date.parse(padDate(a));
  const pb = Date.parse(padDate(b));
  return Math.round((pa - pb) / 86_400_000);
}

function padDate(v: string): string {
  if (v.length === 4) return `${v}-01-01`;
  if (v.length === 7) return `${v}-01`;
  return v;
}
