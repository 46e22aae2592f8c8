// The event coder: verb groups and nominal triggers matched against the pattern dictionaries, with
// source and target taken from the actor mentions around them (subject before the verb group, target
// from the pattern's $ slot or the first actor after it). Pure: everything comes in as arguments.
import type { Doc } from '../text/document.js';
import type { ActorMention } from '../extract/actors.js';
import type { Pattern, PatternSet } from './patterns.js';
import type { Lexicon } from './lexicon.js';
import { verbGroups, type VerbGroup } from '../text/verbgroups.js';

/** A coded event before dating, locating and serialisation. */
export interface RawEvent {
  sentence: number;
  trigger: number;
  /** Token after the trigger phrase (verb group or noun). */
  triggerEnd: number;
  pattern: Pattern;
  source: ActorMention;
  target: ActorMention | null;
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
  /** Tokens the pattern matched (for evidence and for blocking nominal duplicates). */
  matched: number[];
  /** Who reports the event ("X said that Y did Z": X), when it is reported speech. */
  speaker: ActorMention | null;
}

export interface CoderInput {
  doc: Doc;
  mentions: ActorMention[];
  patterns: PatternSet;
  lexicon: Lexicon;
}

const RELATIVE = new Set(['which', 'who', 'whom']);
const COORD = new Set(['and', 'or', 'but', 'then']);
const BARRIER_WORDS = new Set(['that', ';', ':', 'because', 'although', 'though', 'while', 'whereas', 'if', 'unless', 'since', 'when', 'after', 'before', 'until', 'as']);
// Words tagged as prepositions that open a clause when a subject and its verb follow.
const SUBORDINATORS = new Set(['after', 'before', 'until']);
const QUOTES = new Set(['“', '”', '"']);
/** How far (tokens) a pattern word may be from the previous matched element. */
const WORD_GAP = 6;
/** How far the $ slot may be from the previous matched element (determiners, adjectives). */
const TARGET_GAP = 4;
const SYMMETRIC_TYPES = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/** Code all events of a document. */
export function codeEvents(input: CoderInput): RawEvent[] {
  const { doc } = input;
  const mentionAt = indexMentions(doc, input.mentions);
  const out: RawEvent[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const sp = doc.sentences[s];
    const groups = verbGroups(doc, sp.first, sp.last);
    const subjects: (ActorMention[] | null)[] = [];
    const modalities: Modality[] = [];
    const consumed = new Set<number>();
    const sentenceEvents: RawEvent[] = [];
    const coded: boolean[] = [];
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g];
      let subject = findSubject(doc, input.mentions, mentionAt, groups, g, subjects, sp.first);
      if (!subject && group.gerund && opensSentence(doc, group, sp.first)) subject = subjectAfterAdjunct(doc, input.mentions, mentionAt, group, groups[g + 1], sp.last);
      // "will not wire tap": a bare verb right after an auxiliated one that coded nothing shares its subject
      const prev = g > 0 ? groups[g - 1] : null;
      if (!subject && prev && prev.last === group.first && prev.first < prev.verb && !coded[g - 1] && doc.lower[group.verb] === group.lemma) subject = subjects[g - 1];
      subjects.push(subject);
      const mod = modalityOf(doc, input.lexicon, groups, g, modalities, subject, sp.last);
      modalities.push(mod);
      const verbEvents = codeVerb(input, mentionAt, group, groups[g + 1], subject, sp.first, sp.last, s, mod);
      coded.push(verbEvents.length > 0);
      for (const e of verbEvents) {
        for (const t of e.matched) consumed.add(t);
        sentenceEvents.push(e);
      }
    }
    const clause: SentenceClauses = { groups, subjects, modalities, coded };
    const sourceless: RawEvent[] = [];
    for (const e of codeNouns(input, mentionAt, sp.first, sp.last, s, consumed, clause, sourceless)) sentenceEvents.push(e);
    // "A prisoner died as a result of torture": a sentence whose only event is an actorless violent noun.
    if (sentenceEvents.length === 0 && sourceless.length > 0) sentenceEvents.push(sourceless[0]);
    foldComplements(doc, groups, sentenceEvents);
    // Reported speech: the subject of the sentence's reporting verb speaks for every other event in it.
    const speech = groups.findIndex((gr, k) => input.lexicon.speech.has(gr.lemma) && subjects[k] !== null);
    const speaker = speech >= 0 ? (subjects[speech] as ActorMention[])[0] : null;
    if (speech >= 0) sentenceEvents.push(...reportedDemands(doc, input.lexicon, groups, subjects, speech, s));
    // Text order: the sentence's main event usually comes first ("rioted following a demonstration").
    sentenceEvents.sort((a, b) => a.trigger - b.trigger);
    for (const e of sentenceEvents) {
      if (speaker && e.trigger !== groups[speech].verb && speaker !== e.source) e.speaker = speaker;
      out.push(e);
    }
  }
  return dedupe(out.flatMap(eachNamedActor));
}

/** The event once for every actor its source and target name ("The Shire" → FRO, BIL, SAM). */
function eachNamedActor(e: RawEvent): RawEvent[] {
  if (!e.source.also && !e.target?.also) return [e];
  const actors = (m: ActorMention): ActorMention[] => [m, ...(m.also ?? []).map((a) => ({ ...m, ...a, also: undefined }))];
  const out: RawEvent[] = [];
  for (const source of actors(e.source)) {
    if (!e.target) out.push({ ...e, source });
    else for (const target of actors(e.target)) out.push({ ...e, source, target });
  }
  return out;
}

/** The coding of a reported demand (see reportedDemands); `rule` names where it is made. */
function demandPattern(head: string): Pattern {
  return {
    head, particles: [], elements: [], cameo: '100', plover: 'REQUEST', mode: null, context: null,
    passiveOnly: false, noTarget: false, rule: 'lexicon/modality.txt#demand', specificity: 0,
  };
}

/**
 * "The Bush administration declared that China must drop barriers": a reporting verb whose clause
 * has a demand modal ("must") is a demand of the speaker on that clause's subject.
 */
function reportedDemands(doc: Doc, lexicon: Lexicon, groups: VerbGroup[], subjects: (ActorMention[] | null)[], speech: number, sentence: number): RawEvent[] {
  const sources = subjects[speech];
  if (!sources || lexicon.demand.size === 0) return [];
  for (let h = speech + 1; h < groups.length; h++) {
    const g = groups[h];
    let modal = false;
    // "said that the US must be ready to mediate": the modal may sit on a copula before the group
    for (let t = groups[h - 1].last; t < g.verb; t++) if (lexicon.demand.has(doc.lower[t])) modal = true;
    if (!modal) continue; // "must not join" is a demand too
    const targets = subjects[h];
    if (!targets) return [];
    const speechGroup = groups[speech];
    const base: EventBase = {
      sentence, trigger: speechGroup.verb, triggerEnd: speechGroup.last, pattern: demandPattern(speechGroup.lemma), negated: false,
      future: false, hypothetical: false, matched: [speechGroup.verb, ...range(g.first, g.verb)], speaker: null,
    };
    const out: RawEvent[] = [];
    for (const src of sources) for (const tgt of targets) if (!sameActor(src, tgt)) out.push(withActors(base, src, tgt));
    return out;
  }
  return [];
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

// Verbs whose infinitive complement says what is threatened or refused, not what happened.
const GOVERNING_TYPES = new Set(['THREATEN', 'REJECT']);

/**
 * "Pakistan threatened to break off relations with Congo", "Katsav refused to meet King Abdullah":
 * the threat (refusal) takes the complement's target, and the complement, which did not happen, is
 * dropped. Mutates `events`.
 */
function foldComplements(doc: Doc, groups: VerbGroup[], events: RawEvent[]): void {
  for (let g = 0; g + 1 < groups.length; g++) {
    const next = groups[g + 1];
    // "threatened today to hold a strike": adverbials may come between
    if (!next.infinitive || (next.first !== groups[g].last && !adjunctsOnly(doc, groups[g].last, next.first))) continue;
    const governing = events.filter((e) => e.trigger === groups[g].verb && e.target === null && GOVERNING_TYPES.has(e.pattern.plover));
    if (governing.length === 0) continue;
    const complement = events.filter((e) => e.trigger === next.verb && governing.some((x) => sameActor(x.source, e.source)));
    const targets = complement.map((e) => e.target).filter((t): t is ActorMention => t !== null);
    if (complement.length === 0) continue;
    for (const e of complement) events.splice(events.indexOf(e), 1);
    for (const e of governing) {
      const own = targets.filter((t) => !sameActor(t, e.source));
      if (own.length === 0) continue;
      e.target = own[0];
      for (const t of own.slice(1)) events.splice(events.indexOf(e) + 1, 0, { ...e, target: t });
    }
  }
}

/** mentionAt[token] = index of the mention covering the token, or -1. */
function indexMentions(doc: Doc, mentions: ActorMention[]): Int32Array {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  mentions.forEach((m, i) => {
    // "met her Estonian counterpart": a possessive determiner is neither subject nor target.
    if (isPossessiveDeterminer(doc, m)) return;
    for (let t = m.tokenStart; t < m.tokenEnd && t < at.length; t++) at[t] = i;
  });
  return at;
}

const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

function isPossessiveDeterminer(doc: Doc, m: ActorMention): boolean {
  if (m.kind !== 'pronoun' || m.tokenEnd - m.tokenStart !== 1 || !POSSESSIVE_DETERMINERS.has(doc.lower[m.tokenStart])) return false;
  const next = doc.pos[m.tokenEnd];
  return next === 'NOUN' || next === 'ADJ' || next === 'PROPN' || next === 'NUM';
}

/** A complementizer before the mention, or an auxiliary between it and the verb group. */
function opensClause(doc: Doc, from: number, m: ActorMention, groupFirst: number): boolean {
  for (let t = from; t < m.tokenStart; t++) if (doc.lower[t] === 'that' || doc.lower[t] === ';') return true;
  for (let t = m.tokenEnd; t < groupFirst; t++) if (doc.pos[t] === 'AUX') return true;
  return false;
}

/** Verbs whose object is the subject of the infinitive after it ("urged Iran to stop"). */
const OBJECT_CONTROL = new Set(['urge', 'ask', 'call', 'invite', 'encourage', 'press', 'persuade', 'tell', 'order', 'allow', 'help', 'force', 'pressure', 'push', 'warn', 'advise', 'request', 'appeal', 'instruct', 'authorize', 'authorise', 'permit', 'require', 'want', 'expect', 'enable']);

function isActor(m: ActorMention): boolean {
  return m.code !== null || m.kind === 'person' || m.kind === 'org';
}

/** The mention ending at token `end - 1` (skipping a possessive), or null. */
function mentionEndingAt(mentions: ActorMention[], mentionAt: Int32Array, tok: number): ActorMention | null {
  if (tok < 0) return null;
  const k = mentionAt[tok];
  return k >= 0 ? mentions[k] : null;
}

// Words that may stand between a coordinator and the actor it joins ("and the evil Arnor").
const CONJUNCT_MODIFIERS = new Set(['DET', 'ADJ']);

/** Mentions joined to `m` by "and" / "," / ", and" to its left ("Armenia and Russia"), nearest last. */
function coordinatedLeft(doc: Doc, mentions: ActorMention[], mentionAt: Int32Array, m: ActorMention, floor: number): ActorMention[] {
  const all = [m];
  let cur = m;
  for (;;) {
    let t = cur.tokenStart - 1;
    while (t >= floor && CONJUNCT_MODIFIERS.has(doc.pos[t]) && mentionAt[t] < 0) t--;
    const conj = t >= floor ? doc.lower[t] : '';
    if (conj !== 'and' && conj !== ',') break;
    t--;
    if (conj === 'and' && t >= floor && doc.lower[t] === ',') t--;
    if (t < floor) break;
    const prev = mentionEndingAt(mentions, mentionAt, t);
    if (!prev || !isActor(prev)) break;
    all.unshift(prev);
    cur = prev;
  }
  return all;
}

/** Mentions joined to `m` by "and" / "," / ", and" to its right. */
function coordinatedRight(doc: Doc, mentions: ActorMention[], mentionAt: Int32Array, m: ActorMention, ceil: number): ActorMention[] {
  const all = [m];
  let cur = m;
  for (;;) {
    let t = cur.tokenEnd;
    const conj = t < ceil ? doc.lower[t] : '';
    if (conj !== 'and' && conj !== ',') break;
    t++;
    if (conj === ',' && t < ceil && doc.lower[t] === 'and') t++;
    while (t < ceil && CONJUNCT_MODIFIERS.has(doc.pos[t]) && mentionAt[t] < 0) t++;
    if (t >= ceil) break;
    const nextIdx = mentionAt[t];
    if (nextIdx < 0 || !isActor(mentions[nextIdx]) || mentions[nextIdx] === cur) break;
    cur = mentions[nextIdx];
    all.push(cur);
  }
  return all;
}

/**
 * The grammatical subject of verb group g: the nearest actor to the left in its clause; a relative
 * pronoun's antecedent; or, for coordinated and infinitival verbs, the subject of the verb they hang on.
 */
function findSubject(
  doc: Doc,
  mentions: ActorMention[],
  mentionAt: Int32Array,
  groups: VerbGroup[],
  g: number,
  subjects: (ActorMention[] | null)[],
  floor: number,
): ActorMention[] | null {
  const group = groups[g];
  const prevGroup = g > 0 ? groups[g - 1] : null;
  let left = group.first - 1;
  while (left >= floor && doc.pos[left] === 'ADV') left--;
  const before = left >= floor ? doc.lower[left] : '';
  // "defeated Armenian forces ... and now objects": a coordinated verb shares its subject.
  if (prevGroup && COORD.has(before) && doc.pos[left] === 'CCONJ') return subjects[g - 1];
  if (group.gerund || group.infinitive) {
    // "Russia's continuing to arm": a possessive before a gerund is its subject.
    if ((before === '’s' || before === "'s") && group.gerund) {
      const owner = mentionEndingAt(mentions, mentionAt, left - 1);
      if (owner && isActor(owner)) return [owner];
    }
    // "after brokering", "by signing": an adverbial gerund takes the main clause's subject.
    if (group.gerund && left >= floor && (doc.pos[left] === 'ADP' || doc.pos[left] === 'SCONJ')) return prevGroup ? subjects[g - 1] : null;
  }
  // "continue to help", "held meetings ... to discuss": the infinitive takes the governing verb's subject.
  for (let j = group.first - 1; j >= floor; j--) {
    const w = doc.lower[j];
    const k = mentionAt[j];
    if (k >= 0) {
      const m = mentions[k];
      // Skip possessives and actors inside prepositional phrases unless nothing else is found.
      const before = m.tokenStart - 1 >= floor ? doc.lower[m.tokenStart - 1] : '';
      const after = doc.lower[m.tokenEnd] ?? '';
      // "after Calenardhon crowds burned": a subordinator, not a preposition, before the clause's subject
      const subordinate = SUBORDINATORS.has(before) && (m.tokenEnd === left + 1 || ownsNounPhraseUpTo(doc, mentionAt, m.tokenEnd, left));
      const inPP = before !== '' && doc.pos[m.tokenStart - 1] === 'ADP' && before !== 'of' && !subordinate;
      const possessive = after === '’s' || after === "'s";
      // "Leaders of the Azadliq coalition agreed": an unknown name after "<agent noun> of" stands for it
      const ofAgent = before === 'of' && m.tokenStart >= 2 && mentionAt[m.tokenStart - 2] >= 0 && mentions[mentionAt[m.tokenStart - 2]].kind === 'agent';
      const unknownSubject = m.kind === 'unknown' && headsSubject(doc, m.tokenEnd, left) && (doc.pos[m.tokenStart - 1] !== 'ADP' || ofAgent);
      // "Ithilen's palace guard militia was freed": the owner of an uncoded noun phrase stands for it
      if (possessive && !inPP && isActor(m) && ownsNounPhraseUpTo(doc, mentionAt, m.tokenEnd + 1, left)) return [m];
      if (!inPP && !possessive && (isActor(m) || unknownSubject)) {
        if (group.infinitive && prevGroup && prevGroup.last <= m.tokenStart) {
          // "X urged Y to sign": the object of the governing verb is the subject of the infinitive;
          // otherwise ("met Y in Z to discuss") the infinitive states the main subject's purpose.
          // A mention that opens a clause of its own ("reported that Brutian was in Moscow to sign")
          // is the subject too.
          if (OBJECT_CONTROL.has(prevGroup.lemma) || opensClause(doc, prevGroup.last, m, group.first)) return coordinatedLeft(doc, mentions, mentionAt, m, floor);
          return subjects[g - 1];
        }
        if (group.infinitive && prevGroup && prevGroup.verb > m.tokenEnd) return subjects[g - 1];
        const host = participleHost(doc, groups, subjects, g, m.tokenStart);
        if (host) return host;
        return coordinatedLeft(doc, mentions, mentionAt, namedBefore(doc, mentions, mentionAt, m, floor) ?? m, floor);
      }
      j = m.tokenStart; // jump over the mention
      continue;
    }
    if (RELATIVE.has(w)) {
      // ", which defeated": the antecedent ends just before the pronoun (and an optional comma).
      let a = j - 1;
      if (a >= floor && doc.lower[a] === ',') a--;
      const ante = mentionEndingAt(mentions, mentionAt, a);
      return ante && isActor(ante) ? [ante] : null;
    }
    if (prevGroup && j < prevGroup.last && j >= prevGroup.first) {
      // Reached the previous verb group with no actor in between.
      const host = participleHost(doc, groups, subjects, g, group.first);
      if (host) return host;
      return group.infinitive || group.gerund || sawCoordination(doc, prevGroup.last, group.first) ? subjects[g - 1] : null;
    }
    if (BARRIER_WORDS.has(w) && doc.pos[j] !== 'PRON') {
      if (w === 'that' || w === ';' || w === ':') return null;
    }
    if (QUOTES.has(w) && j < group.first - 1) return null;
  }
  return null;
}

// Tags of the words of a noun phrase object inside a participle phrase ("using precision guided missiles").
const PHRASE_OBJECT_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'VERB']);

/**
 * "British aircraft using precision guided missiles killed": the object of a participle phrase right
 * after the subject (an actor or not; `end` is where it ends) is not the subject; the phrase's own is.
 */
function participleHost(doc: Doc, groups: VerbGroup[], subjects: (ActorMention[] | null)[], g: number, end: number): ActorMention[] | null {
  for (let h = g - 1; h >= 0; h--) {
    const gh = groups[h];
    if (gh.last > end) continue;
    // a bare participle modifying the object ("guided missiles") is part of the phrase
    const modifier = !gh.gerund && gh.first === gh.verb && /(?:ed|en)$/.test(doc.lower[gh.verb]) && PHRASE_OBJECT_TAGS.has(doc.pos[gh.last] ?? '');
    if (modifier) continue;
    if (!gh.gerund) return null;
    const host = subjects[h];
    if (!host || host[host.length - 1].tokenEnd !== gh.first) return null;
    for (let t = gh.last; t < end; t++) if (!PHRASE_OBJECT_TAGS.has(doc.pos[t])) return null;
    return host;
  }
  return null;
}

/** Most tokens of a parenthesis skipped between a name and the noun it qualifies. */
const PARENTHESIS_MAX = 10;

/**
 * "The Hizbollah (Party of God) group declared": an uncoded head noun right after a coded name, or
 * after a name and its parenthesised gloss, is that name's noun phrase; the name is the actor. A
 * parenthesised name is a gloss of the name before it, which is the actor.
 */
function namedBefore(doc: Doc, mentions: ActorMention[], mentionAt: Int32Array, m: ActorMention, floor: number): ActorMention | null {
  // "Hizbollah (Party of God) declared": a parenthesised name glosses the name before it.
  if (m.tokenStart - 2 >= floor && doc.lower[m.tokenStart - 1] === '(' && doc.lower[m.tokenEnd] === ')') {
    const glossed = mentionEndingAt(mentions, mentionAt, m.tokenStart - 2);
    if (glossed && glossed.code !== null) return glossed;
  }
  if (m.code !== null) return null;
  let t = m.tokenStart - 1;
  if (t >= floor && doc.lower[t] === ')') {
    const stop = Math.max(floor, t - PARENTHESIS_MAX);
    while (t > stop && doc.lower[t] !== '(') t--;
    if (doc.lower[t] !== '(') return null;
    t--;
  }
  const name = mentionEndingAt(mentions, mentionAt, t);
  return name && name.code !== null && name.tokenEnd === t + 1 ? name : null;
}

/** Most nouns and adjectives between an unknown name and its verb ("the Azadliq opposition coalition"). */
const NAME_MODIFIERS = 3;

/**
 * Tokens from..last (inclusive) let an unknown name head the subject: nothing, a parenthesised
 * acronym ("The Asia-Pacific Economic Cooperation (APEC) forum"), or a few nouns and adjectives
 * naming what it is ("the UNITA militarist wing", "Ibo traditional elders").
 */
function headsSubject(doc: Doc, from: number, last: number): boolean {
  // "Hizbollah (Party of God) group": a name inside the parentheses glosses the one before them
  if (doc.lower[from] === ')') return false;
  let words = 0;
  let paren = false;
  for (let t = from; t <= last; t++) {
    const w = doc.lower[t];
    if (w === '(') paren = true;
    else if (w === ')') paren = false;
    else if (paren) continue;
    else if (doc.pos[t] === 'NOUN' || doc.pos[t] === 'ADJ' || doc.pos[t] === 'PROPN') {
      if (++words > NAME_MODIFIERS) return false;
    } else return false;
  }
  return !paren;
}

/** Tokens [from, to] are only nouns and adjectives (and a conjunction between them) outside any mention. */
function ownsNounPhraseUpTo(doc: Doc, mentionAt: Int32Array, from: number, to: number): boolean {
  if (from > to) return false;
  for (let t = from; t <= to; t++) {
    if (mentionAt[t] >= 0) return false;
    // "Eriador's death and injury toll": nouns joined inside the phrase
    const joined = doc.pos[t] === 'CCONJ' && t > from && t < to;
    if (!POSSESSED_NP.has(doc.pos[t]) && !joined) return false;
  }
  return true;
}

const POSSESSED_NP = new Set(['NOUN', 'ADJ', 'NUM']);

/**
 * "Responding to X's remarks, Zakharova said ...": an opening participle phrase takes the subject of
 * the main clause, the first actor after the phrase's comma.
 */
function subjectAfterAdjunct(
  doc: Doc,
  mentions: ActorMention[],
  mentionAt: Int32Array,
  group: VerbGroup,
  next: VerbGroup | undefined,
  last: number,
): ActorMention[] | null {
  const stop = next ? next.first : last;
  let t = group.last;
  while (t < stop && doc.lower[t] !== ',') t++;
  for (t++; t < stop; t++) {
    const k = mentionAt[t];
    if (k >= 0 && isActor(mentions[k])) return [mentions[k]];
  }
  return null;
}

/** Only adverbs, quotes or punctuation before the group in its sentence ("Responding to ..."). */
function opensSentence(doc: Doc, group: VerbGroup, first: number): boolean {
  for (let t = group.first - 1; t >= first; t--) if (doc.pos[t] !== 'ADV' && doc.pos[t] !== 'PUNCT') return false;
  return true;
}

function sawCoordination(doc: Doc, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (COORD.has(doc.lower[j]) || doc.lower[j] === ',') return true;
  return false;
}

interface Modality {
  negated: boolean;
  future: boolean;
  hypothetical: boolean;
}

/**
 * Negation and modality of verb group g, flowing down "V to V" chains ("will continue to help", "did
 * not agree to sign") and coordinations ("to sign contracts and negotiate"); a purpose infinitive
 * after a non-verbal predicate ("was in Moscow to sign") states an intention.
 */
function modalityOf(doc: Doc, lexicon: Lexicon, groups: VerbGroup[], g: number, previous: Modality[], subject: ActorMention[] | null, sentenceLast: number): Modality {
  const group = groups[g];
  const m: Modality = { negated: group.negated, future: group.future, hypothetical: group.hypothetical };
  // "Iraq said it would allow inspectors": a reported "would" is the speaker's "will".
  // "may halt mediation if cooperation founders", "would retaliate if attacked": a conditional
  // commitment is a promise or a threat, coded like a future act.
  if (m.hypothetical && conditionFollows(doc, group.last, sentenceLast)) {
    m.hypothetical = false;
    m.future = true;
  }
  if (m.hypothetical && reportedWould(doc, lexicon, groups, g)) {
    m.hypothetical = false;
    m.future = true;
  }
  // "Greece plans to impose", "a pledge to send": a governing word tagged as a noun still governs.
  const before = group.first - 1;
  if (group.infinitive && before >= 0 && doc.pos[before] === 'NOUN') {
    const lemma = doc.lemmas[before];
    m.future ||= lexicon.future.has(lemma);
    m.hypothetical ||= lexicon.hypothetical.has(lemma);
    m.negated ||= lexicon.negation.has(lemma);
  }
  if (g === 0) {
    if (group.infinitive && subject) m.future = true;
    return m;
  }
  const gov = groups[g - 1];
  const prev = previous[g - 1];
  if (group.infinitive && (gov.last >= group.first - 2 || adjunctsOnly(doc, gov.last, group.first))) {
    m.negated ||= prev.negated || lexicon.negation.has(gov.lemma);
    m.future ||= prev.future || lexicon.future.has(gov.lemma);
    m.hypothetical ||= prev.hypothetical || lexicon.hypothetical.has(gov.lemma);
    return m;
  }
  let left = group.first - 1;
  while (left > gov.last && doc.pos[left] === 'ADV') left--;
  if (left >= gov.last && doc.pos[left] === 'CCONJ') {
    m.negated ||= prev.negated;
    m.future ||= prev.future;
    m.hypothetical ||= prev.hypothetical;
    return m;
  }
  if (group.infinitive && subject && gov.last <= subject[0].tokenStart) m.future = true;
  return m;
}

// What may stand between a verb and its infinitive complement ("agreed in principle on Saturday to").
const ADJUNCT_POS = new Set(['ADP', 'NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'ADV']);
const ADJUNCT_SPAN = 6;

/** Tokens from..to-1 are a short run of adverbials, with no verb, punctuation or conjunction. */
function adjunctsOnly(doc: Doc, from: number, to: number): boolean {
  if (to - from > ADJUNCT_SPAN || doc.lower[to - 1] === 'in' || doc.lower[to - 1] === 'order') return false;
  for (let t = from; t < to; t++) if (!ADJUNCT_POS.has(doc.pos[t])) return false;
  return true;
}

/** An "if" or "unless" after the verb group in its sentence (before a semicolon). */
function conditionFollows(doc: Doc, from: number, sentenceLast: number): boolean {
  for (let t = from; t < sentenceLast; t++) {
    const w = doc.lower[t];
    if (w === ';') return false;
    if (w === 'if' || w === 'unless') return true;
  }
  return false;
}

/** Group g's modal is "would" (not "would have") and an earlier verb of the sentence reports it. */
function reportedWould(doc: Doc, lexicon: Lexicon, groups: VerbGroup[], g: number): boolean {
  const group = groups[g];
  let would = false;
  for (let t = group.first; t < group.verb; t++) {
    if (doc.lower[t] === 'would') would = true;
    else if (doc.lower[t] === 'have') return false;
  }
  if (!would) return false;
  for (let k = 0; k < g; k++) if (lexicon.speech.has(groups[k].lemma)) return true;
  return false;
}

interface Match {
  pattern: Pattern;
  targets: ActorMention[] | null;
  /** From a source slot after the verb (PETRARCH `$`), else null: the subject is the source. */
  sources: ActorMention[] | null;
  matched: number[];
}

/** Try the patterns of a verb, most specific first; the first that matches wins. */
function matchPatterns(
  doc: Doc,
  mentions: ActorMention[],
  mentionAt: Int32Array,
  patterns: Pattern[],
  group: VerbGroup,
  windowEnd: number,
  clauseStart: number,
): Match | null {
  // The words of the clause after the verb, once: a pattern needing a word that is not there is skipped
  // without scanning.
  const present = new Set<string>();
  for (let t = group.verb + 1; t < windowEnd; t++) {
    present.add(doc.lemmas[t]);
    present.add(doc.lower[t]);
  }
  for (const p of patterns) {
    if (p.passiveOnly && !group.passive) continue;
    if (!particlesMatch(p, group)) continue;
    if (!wordsPresent(p, present)) continue;
    const pre = p.before ? wordsBefore(doc, p.before, group, clauseStart, p.surfaceWords) : [];
    if (pre === null) continue;
    const m = tryElements(doc, mentions, mentionAt, p, group.verb + 1, group.last, windowEnd, group.passive);
    if (typeof m !== 'string') {
      if (pre.length) m.matched.push(...pre);
      return m;
    }
  }
  return null;
}

/**
 * The tokens matching a pattern's pre-verb words, nearest first, before the verb in its sentence
 * (each within WORD_GAP of what follows it; an `adjacent` one directly before it, auxiliaries included:
 * PETRARCH's RECENTLY_* does not match "recently did allow"); null when they are not there.
 */
function wordsBefore(doc: Doc, before: NonNullable<Pattern['before']>, group: VerbGroup, clauseStart: number, surface = false): number[] | null {
  const out: number[] = [];
  let pos = group.verb;
  for (let i = before.length - 1; i >= 0; i--) {
    const el = before[i];
    const hi = pos - 1;
    const lo = el.adjacent ? hi : hi - WORD_GAP;
    let found = -1;
    for (let t = hi; t >= lo && t >= clauseStart; t--) {
      if (el.alts.includes(doc.lower[t]) || (!surface && el.alts.includes(doc.lemmas[t]))) {
        found = t;
        break;
      }
    }
    if (found < 0) return null;
    out.push(found);
    pos = found;
  }
  return out;
}

function wordsPresent(p: Pattern, present: Set<string>): boolean {
  for (const el of p.elements) {
    if (el.kind !== 'words') continue;
    let any = false;
    for (const a of el.alts) {
      if (present.has(a)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  return true;
}

function particlesMatch(p: Pattern, group: VerbGroup): boolean {
  if (p.particles.length === 0) return true;
  for (let i = 0; i < p.particles.length; i++) if (group.particles[i] !== p.particles[i]) return false;
  return true;
}

/** The first actor mention within TARGET_GAP tokens from `pos` (before `windowEnd`), or -1. */
function actorNear(mentions: ActorMention[], mentionAt: Int32Array, pos: number, windowEnd: number): number {
  for (let t = pos; t < windowEnd && t <= pos + TARGET_GAP; t++) {
    const k = mentionAt[t];
    if (k >= 0 && isActor(mentions[k])) return k;
  }
  return -1;
}

/** Match a pattern's elements in order after `from`; a string says why it failed. */
function tryElements(
  doc: Doc,
  mentions: ActorMention[],
  mentionAt: Int32Array,
  p: Pattern,
  from: number,
  groupLast: number,
  windowEnd: number,
  passive: boolean,
): Match | string {
  let pos = from;
  const matched: number[] = [];
  let targets: ActorMention[] | null = null;
  let sources: ActorMention[] | null = null;
  let skippedObject = false;
  for (const el of p.elements) {
    if (el.kind === 'particle') continue;
    if (el.kind === 'source') {
      const found = actorNear(mentions, mentionAt, pos, windowEnd);
      if (found < 0) return `no actor for the source slot within ${TARGET_GAP} tokens after "${doc.tokens[pos - 1] ?? ''}"`;
      sources = coordinatedRight(doc, mentions, mentionAt, mentions[found], windowEnd);
      pos = sources[sources.length - 1].tokenEnd;
      continue;
    }
    if (el.kind === 'target') {
      // In the passive the direct object is the grammatical subject: the first $ is satisfied by it.
      if (passive && !skippedObject && targets === null) {
        skippedObject = true;
        continue;
      }
      const found = actorNear(mentions, mentionAt, pos, windowEnd);
      if (found < 0) return `no actor for $ within ${TARGET_GAP} tokens after "${doc.tokens[pos - 1] ?? ''}"`;
      const m = mentions[found];
      targets = coordinatedRight(doc, mentions, mentionAt, m, windowEnd);
      pos = targets[targets.length - 1].tokenEnd;
      continue;
    }
    let found = -1;
    // An `adjacent` word follows the previous slot directly; right after the verb, the rest of the
    // verb group (auxiliaries, particles) may come between.
    const reach = el.adjacent ? (pos === from ? Math.max(pos, groupLast) : pos) : pos + WORD_GAP;
    for (let t = pos; t < windowEnd && t <= reach; t++) {
      if (el.alts.includes(doc.lower[t]) || (!p.surfaceWords && el.alts.includes(doc.lemmas[t]))) {
        found = t;
        break;
      }
    }
    if (found < 0) return `no "${el.alts.slice(0, 4).join('|')}${el.alts.length > 4 ? '|…' : ''}" ${el.adjacent ? 'right' : `within ${WORD_GAP} tokens`} after "${doc.tokens[pos - 1] ?? ''}" in the clause`;
    matched.push(found);
    pos = found + 1;
  }
  return { pattern: p, targets, sources, matched };
}

/** One candidate pattern of a trigger and what became of it. */
export interface PatternTrial {
  rule: string;
  pattern: string;
  outcome: string;
}

/** How one verb group of a sentence was (or was not) coded. */
export interface VerbDiagnosis {
  verb: number;
  lemma: string;
  group: VerbGroup;
  subject: ActorMention[] | null;
  windowEnd: number;
  trials: PatternTrial[];
}

/** Render a pattern back in dictionary notation. */
export function patternText(p: Pattern, head: string = p.head): string {
  const parts = [...(p.before ?? []).map((w) => w.alts.join('|')), head, ...p.particles.map((w) => '+' + w)];
  for (const el of p.elements) {
    if (el.kind === 'target') parts.push('$');
    else if (el.kind === 'source') parts.push('$source');
    else if (el.kind === 'words') parts.push(el.alts.join('|'));
  }
  if (p.passiveOnly) parts.push('!passive');
  if (p.noTarget) parts.push('!no-target');
  return parts.join(' ');
}

/** For `dyad explain`: every verb group of sentence `s`, its subject, and each candidate pattern's fate. */
export function diagnoseSentence(input: CoderInput, s: number): VerbDiagnosis[] {
  const { doc, mentions, patterns } = input;
  const mentionAt = indexMentions(doc, mentions);
  const sp = doc.sentences[s];
  const groups = verbGroups(doc, sp.first, sp.last);
  const subjects: (ActorMention[] | null)[] = [];
  const out: VerbDiagnosis[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    let subject = findSubject(doc, mentions, mentionAt, groups, g, subjects, sp.first);
    if (!subject && group.gerund && opensSentence(doc, group, sp.first)) subject = subjectAfterAdjunct(doc, mentions, mentionAt, group, groups[g + 1], sp.last);
    subjects.push(subject);
    const windowEnd = windowEndFor(doc, group, groups[g + 1], sp.last, input.lexicon.speech, patterns.petrarch);
    const trials: PatternTrial[] = [];
    let fired = false;
    for (const p of verbPatterns(patterns, doc, group) ?? []) {
      let outcome: string;
      if (fired) outcome = 'not tried: a more specific pattern fired';
      else if (p.passiveOnly && !group.passive) outcome = 'needs a passive clause';
      else if (!particlesMatch(p, group)) outcome = `needs particle(s) ${p.particles.join(' ')}`;
      else if (p.before && wordsBefore(doc, p.before, group, sp.first, p.surfaceWords) === null) outcome = `needs "${p.before.map((w) => w.alts.join('|')).join(' ')}" before the verb`;
      else {
        const r = tryElements(doc, mentions, mentionAt, p, group.verb + 1, group.last, windowEnd, group.passive);
        if (typeof r === 'string') outcome = r;
        else {
          fired = true;
          outcome = subject || group.passive ? 'FIRED' : 'matched, but no source actor was found';
        }
      }
      // a dictionary block's patterns are shared by its verbs: show the verb at hand
      trials.push({ rule: p.rule, pattern: patternText(p, group.lemma), outcome });
    }
    out.push({ verb: group.verb, lemma: group.lemma, group, subject, windowEnd, trials });
  }
  return out;
}

/** A verb's patterns: those filed under the word itself (PETRARCH's LEFT beside LEAVE), else its lemma's. */
function verbPatterns(patterns: PatternSet, doc: Doc, group: VerbGroup): Pattern[] | undefined {
  return patterns.verbs.get(doc.lower[group.verb]) ?? patterns.verbs.get(group.lemma);
}

// What a subject noun phrase between a comma and its verb is made of ("a very senior Bree official").
const SUBJECT_NP = new Set(['DET', 'ADJ', 'ADV', 'NOUN', 'PROPN', 'NUM']);

/** Where a verb's object region ends: the next verb group's start, or a clause barrier. */
function windowEndFor(doc: Doc, group: VerbGroup, next: VerbGroup | undefined, sentenceLast: number, speech: ReadonlySet<string>, petrarch = false): number {
  let end = next ? next.first : sentenceLast;
  // "cordoned off the roads leading into Mordor": a participle after the object noun modifies it, and
  // the object region runs on to the next verb
  // PETRARCH's verb phrase takes in a purpose infinitive too ("signed an accord to supply Gondor")
  const carriesOn = next && ((next.gerund && doc.pos[next.first - 1] === 'NOUN') || (petrarch && next.infinitive));
  if (next && carriesOn && next.first > group.last) {
    end = next.last;
    while (end < sentenceLast && doc.pos[end] !== 'VERB' && doc.pos[end] !== 'AUX') end++;
  }
  // "..., a senior Bree official said": a noun phrase after a comma right before the next verb is that
  // verb's subject, not part of this verb's object. PETRARCH's parse reads it so before any verb; our own
  // reading only before a reporting verb ("..., the defence ministry in Moscow said"), where the phrase
  // may hold a prepositional phrase.
  const attribution = next !== undefined && end === next.first && (petrarch || speech.has(next.lemma));
  if (attribution) {
    const inPhrase = (t: number) => SUBJECT_NP.has(doc.pos[t]) || (!petrarch && doc.pos[t] === 'ADP');
    let t = end - 1;
    while (t > group.last && inPhrase(t)) t--;
    if (t > group.last && t < end - 1 && doc.lower[t] === ',') end = t;
  }
  for (let t = group.last; t < end; t++) {
    const w = doc.lower[t];
    // PETRARCH reads "allowed that Mordor isn't ..." as one verb phrase: the complement is the object
    if (w === 'that' && petrarch && t === group.last) continue;
    if (w === ';' || RELATIVE.has(w) || (w === 'that' && doc.pos[t] !== 'DET')) {
      end = t;
      break;
    }
  }
  return end;
}

/** The first actor after the verb in its window that is not the subject ("attended ... the Russian ..."). */
function firstActorAfter(mentions: ActorMention[], mentionAt: Int32Array, from: number, to: number, exclude: ActorMention[], matched: number[]): ActorMention | null {
  for (let t = from; t < to; t++) {
    const k = mentionAt[t];
    if (k < 0) continue;
    const m = mentions[k];
    // "Russia deployed peacekeepers": a countryless force the pattern itself matched is the source's
    // own, not a target ("defeated Armenian forces" keeps its target).
    const ownForce = m.country === null && matched.some((w) => w >= m.tokenStart && w < m.tokenEnd) && exclude.some((x) => x.country !== null);
    if (isActor(m) && !ownForce && !exclude.some((x) => sameActor(x, m))) return m;
    t = m.tokenEnd - 1;
  }
  return null;
}

function sameActor(a: ActorMention, b: ActorMention): boolean {
  if (a === b) return true;
  if (a.name && b.name) return a.name === b.name;
  // "Iran threatened ... it said": a pronoun resolved to the other mention's actor is that actor.
  const pronoun = a.kind === 'pronoun' || b.kind === 'pronoun';
  return a.code !== null && a.code === b.code && (a.kind === b.kind || pronoun);
}

function codeVerb(
  input: CoderInput,
  mentionAt: Int32Array,
  group: VerbGroup,
  next: VerbGroup | undefined,
  subject: ActorMention[] | null,
  sentenceFirst: number,
  sentenceLast: number,
  sentence: number,
  modality: Modality,
): RawEvent[] {
  const { doc, mentions, patterns } = input;
  const candidates = verbPatterns(patterns, doc, group);
  if (!candidates || candidates.length === 0) return [];
  const windowEnd = windowEndFor(doc, group, next, sentenceLast, input.lexicon.speech, patterns.petrarch);
  const match = matchPatterns(doc, mentions, mentionAt, candidates, group, windowEnd, sentenceFirst);
  if (!match) return [];
  const { negated, future, hypothetical } = modality;
  let sources: ActorMention[] | null = subject;
  let targets = match.targets;
  if (match.sources) {
    // A source slot after the verb (PETRARCH `$`): the subject, if any, is the target.
    sources = match.sources;
    targets = targets ?? subject;
  } else if (group.passive) {
    // "was attacked by X": the by-phrase is the source, the grammatical subject the target. PETRARCH
    // reads a passive with no by-phrase like an active clause ("was criticized over ... with Eriador").
    const agent = byAgent(doc, mentions, mentionAt, group.last, windowEnd);
    if (agent || !patterns.petrarch) {
      targets = subject;
      sources = agent ?? (AGENTLESS_TYPES.has(match.pattern.plover) ? [unknownActorAt(doc, group.verb)] : null);
    }
  }
  // PETRARCH codes no event whose source it cannot code at all
  if (sources && patterns.petrarch) sources = sources.filter((m) => m.code !== null);
  if (!sources || sources.length === 0) return [];
  if ((!targets || targets.length === 0) && !match.pattern.noTarget) {
    const t = firstActorAfter(mentions, mentionAt, group.last, windowEnd, sources, match.matched);
    // "ties with Mordor, Rohan and Bree": every coordinated actor is a target.
    targets = t ? coordinatedRight(doc, mentions, mentionAt, t, windowEnd).filter((m) => !sources!.some((x) => sameActor(x, m))) : null;
  }
  const events: RawEvent[] = [];
  const base: EventBase = { sentence, trigger: group.verb, triggerEnd: group.last, pattern: match.pattern, negated, future, hypothetical, matched: [group.verb, ...match.matched], speaker: null };
  const symmetric = SYMMETRIC_TYPES.has(match.pattern.plover) || match.pattern.compoundSource === true;
  if ((!targets || targets.length === 0) && sources.length > 1 && symmetric) {
    // "Armenia and Russia agreed": each party towards each other.
    for (const a of sources) for (const b of sources) if (a !== b) events.push(withActors(base, a, b));
    return events;
  }
  const reverse = match.pattern.reverse ?? null;
  const back: EventBase | null = reverse ? { ...base, pattern: reverse } : null;
  for (const src of sources) {
    if (!targets || targets.length === 0) events.push(withActors(base, src, null));
    else {
      for (const tgt of targets) {
        if (sameActor(src, tgt)) continue;
        events.push(withActors(base, src, tgt));
        // PETRARCH `[A:B]`: B is what the target does towards the source.
        if (back) events.push(withActors(back, tgt, src));
      }
    }
  }
  return events;
}

// Passives with no agent ("a journalist was killed in a car bomb", "12 were arrested", "prisoners were
// freed", "he was accused of fraud") still report an act done to their subject; PLOVER codes them with
// the source unknown. Cooperative passives ("the deal was signed") are left to their actors.
const AGENTLESS_TYPES = new Set(['ASSAULT', 'COERCE', 'RETREAT', 'SANCTION', 'ACCUSE']);

/** An unnamed, uncoded source: an empty span at the trigger. */
function unknownActorAt(doc: Doc, tok: number): ActorMention {
  const at = doc.starts[tok];
  return { tokenStart: tok, tokenEnd: tok, head: tok, start: at, end: at, text: '', code: null, country: null, sectors: [], name: null, kind: 'unknown', antecedent: null };
}

type EventBase = Omit<RawEvent, 'source' | 'target'>;

/** A raw event from its base and actors (a literal, not an object spread: this is on the hot path). */
function withActors(b: EventBase, source: ActorMention, target: ActorMention | null): RawEvent {
  return {
    sentence: b.sentence,
    trigger: b.trigger,
    triggerEnd: b.triggerEnd,
    pattern: b.pattern,
    source,
    target,
    negated: b.negated,
    future: b.future,
    hypothetical: b.hypothetical,
    matched: b.matched,
    speaker: b.speaker,
  };
}

function byAgent(doc: Doc, mentions: ActorMention[], mentionAt: Int32Array, from: number, to: number): ActorMention[] | null {
  // "was accused of misusing funds by officials": the agent may follow the verb's complements.
  for (let t = from; t < to; t++) {
    if (doc.lower[t] !== 'by') continue;
    for (let u = t + 1; u < to && u <= t + 1 + TARGET_GAP; u++) {
      const k = mentionAt[u];
      if (k >= 0 && isActor(mentions[k])) return coordinatedRight(doc, mentions, mentionAt, mentions[k], to);
    }
  }
  return null;
}

/**
 * Nominal events: "the August 11 meeting between Karapetian and Shoygu", "Russia's deployment",
 * "a ceasefire agreement between Armenia and Azerbaijan". A noun trigger needs an actor attached by
 * a possessive, "between A and B", "by A" or the noun pattern's $ slot.
 */
/** "anti-American", "anti- Gondor": a mention marked as what something is against. */
function isAgainst(doc: Doc, m: ActorMention): boolean {
  for (let t = m.tokenStart; t < m.tokenEnd; t++) {
    if (doc.lower[t].startsWith('anti-')) return true;
    if (t >= 2 && doc.lower[t - 1] === '-' && doc.lower[t - 2] === 'anti') return true;
  }
  return false;
}

/** What the verb pass learnt about a sentence's verb groups, for the noun pass. */
interface SentenceClauses {
  groups: VerbGroup[];
  subjects: (ActorMention[] | null)[];
  modalities: Modality[];
  /** Whether each group coded an event of its own. */
  coded: boolean[];
}

// Passives whose subject does the act of the noun after them ("forces were engaged in ethnic cleansing").
const STATIVE_PASSIVES = new Set(['engage', 'involve']);

// What may stand between a verb and the head noun of its object ("gave a warm welcome").
const OBJECT_FILLER = new Set(['DET', 'ADJ', 'NUM', 'ADV', 'NOUN', 'PROPN']);

/**
 * The verb group whose object the noun at `noun` heads ("renewed negotiations", "gave a warm
 * welcome to"), when that verb coded nothing itself: its subject is the noun event's source.
 */
function governingVerb(doc: Doc, clause: SentenceClauses, noun: number): number {
  for (let g = clause.groups.length - 1; g >= 0; g--) {
    const group = clause.groups[g];
    if (group.last > noun) continue;
    if (clause.coded[g] || (group.passive && !STATIVE_PASSIVES.has(group.lemma)) || !clause.subjects[g]) return -1;
    for (let t = group.last; t < noun; t++) {
      // "engaged in ethnic cleansing", "took part in talks": one "in" right after the verb
      if (t === group.last && doc.lower[t] === 'in') continue;
      if (!OBJECT_FILLER.has(doc.pos[t])) return -1;
    }
    return g;
  }
  return -1;
}

function codeNouns(
  input: CoderInput, mentionAt: Int32Array, first: number, last: number, sentence: number, consumed: Set<number>, clause: SentenceClauses,
  sourceless: RawEvent[],
): RawEvent[] {
  const { doc, mentions, patterns } = input;
  const out: RawEvent[] = [];
  for (let i = first; i < last; i++) {
    if (doc.pos[i] !== 'NOUN' && doc.pos[i] !== 'PROPN') continue;
    if (consumed.has(i)) continue;
    const candidates = patterns.nouns.get(doc.lemmas[i]) ?? patterns.nouns.get(doc.lower[i]);
    if (!candidates) continue;
    // The noun phrase continues through other nouns ("ceasefire agreement"): use its last noun.
    if (i + 1 < last && doc.pos[i + 1] === 'NOUN' && patterns.nouns.has(doc.lemmas[i + 1])) continue;
    const windowEnd = Math.min(last, i + 12);
    let match: Match | null = null;
    for (const p of candidates) {
      const m = tryElements(doc, mentions, mentionAt, p, i + 1, i + 1, windowEnd, false);
      if (typeof m !== 'string') {
        match = m;
        break;
      }
    }
    if (!match) continue;
    const between = betweenPair(doc, mentions, mentionAt, i + 1, windowEnd);
    let sources: ActorMention[] | null = null;
    let targets: ActorMention[] | null = match.targets;
    if (between) {
      sources = [between[0]];
      targets = [between[1]];
    } else {
      const owner = possessiveOwner(doc, mentions, mentionAt, i, first);
      if (owner) sources = [owner];
      else {
        const by = byAgent(doc, mentions, mentionAt, i + 1, windowEnd);
        if (by) sources = by;
      }
    }
    // "an anti-American rally": what the noun is against is its target
    if (!targets && i > first) {
      const k = mentionAt[i - 1];
      if (k >= 0 && isAgainst(doc, mentions[k])) targets = [mentions[k]];
    }
    // "Israel and Lebanon renewed negotiations": a light verb lends the noun its subject and modality.
    const g = sources ? -1 : governingVerb(doc, clause, i);
    let mod: Modality | null = null;
    if (g >= 0) {
      sources = clause.subjects[g];
      mod = clause.modalities[g];
      if (!targets && !match.pattern.noTarget) {
        const t = firstActorAfter(mentions, mentionAt, i + 1, windowEnd, sources!, match.matched);
        if (t) targets = [t];
      }
    }
    if (!sources) {
      // kept aside (first only) with an unknown source, for sentences that code nothing else
      if (sourceless.length === 0 && AGENTLESS_TYPES.has(match.pattern.plover)) {
        sourceless.push({
          sentence, trigger: i, triggerEnd: i + 1, pattern: match.pattern, source: unknownActorAt(doc, i), target: targets?.[0] ?? null,
          negated: false, future: false, hypothetical: false, matched: [i, ...match.matched], speaker: null,
        });
      }
      continue;
    }
    const base: EventBase = {
      sentence, trigger: i, triggerEnd: i + 1, pattern: match.pattern, negated: mod?.negated ?? false, future: mod?.future ?? false,
      hypothetical: mod?.hypothetical ?? false, matched: [i, ...match.matched], speaker: null,
    };
    if (g >= 0 && !targets && sources.length > 1 && SYMMETRIC_TYPES.has(match.pattern.plover)) {
      for (const a of sources) for (const b of sources) if (a !== b) out.push(withActors(base, a, b));
      continue;
    }
    for (const src of sources) {
      if (!targets) out.push(withActors(base, src, null));
      else for (const tgt of targets) if (!sameActor(src, tgt)) out.push(withActors(base, src, tgt));
    }
    if (between && SYMMETRIC_TYPES.has(match.pattern.plover)) out.push(withActors(base, between[1], between[0]));
  }
  return out;
}

/** "between A and B" right after a noun. */
function betweenPair(doc: Doc, mentions: ActorMention[], mentionAt: Int32Array, from: number, to: number): [ActorMention, ActorMention] | null {
  for (let t = from; t < to && t < from + 3; t++) {
    if (doc.lower[t] !== 'between') continue;
    const aIdx = mentionAt[t + 1] >= 0 ? mentionAt[t + 1] : t + 2 < to ? mentionAt[t + 2] : -1;
    if (aIdx < 0) return null;
    const a = mentions[aIdx];
    if (doc.lower[a.tokenEnd] !== 'and') return null;
    const bIdx = mentionAt[a.tokenEnd + 1] >= 0 ? mentionAt[a.tokenEnd + 1] : mentionAt[a.tokenEnd + 2] ?? -1;
    if (bIdx === undefined || bIdx < 0) return null;
    const b = mentions[bIdx];
    if (!isActor(a) || !isActor(b)) return null;
    return [a, b];
  }
  return null;
}

/** "Russia's deployment": the actor right before the possessive marker preceding the noun phrase. */
function possessiveOwner(doc: Doc, mentions: ActorMention[], mentionAt: Int32Array, noun: number, floor: number): ActorMention | null {
  for (let t = noun - 1; t >= floor && t >= noun - 4; t--) {
    const w = doc.lower[t];
    if (w === '’s' || w === "'s" || w === '’' || w === "'") {
      const owner = mentionEndingAt(mentions, mentionAt, t - 1);
      return owner && isActor(owner) ? owner : null;
    }
    const p = doc.pos[t];
    if (p !== 'ADJ' && p !== 'NOUN' && p !== 'NUM' && p !== 'PUNCT' && p !== 'PROPN' && p !== 'PART') return null;
  }
  return null;
}

function dedupe(events: RawEvent[]): RawEvent[] {
  const seen = new Set<string>();
  const out: RawEvent[] = [];
  // "held meetings with X to discuss": an untargeted event repeats a targeted one of the same type.
  const targeted = new Set(events.filter((e) => e.target).map((e) => `${e.sentence}|${e.source.tokenStart}|${e.pattern.plover}`));
  for (const e of events) {
    if (!e.target && targeted.has(`${e.sentence}|${e.source.tokenStart}|${e.pattern.plover}`)) continue;
    const key = `${e.sentence}|${e.trigger}|${e.source.tokenStart}|${e.source.code}|${e.target?.tokenStart ?? -1}|${e.target?.code}|${e.pattern.cameo}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
