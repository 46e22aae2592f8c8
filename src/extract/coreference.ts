// Within-document coreference for actor mentions (the document memory): a later surname, a role
// phrase ("the Russian defense minister"), a definite description ("the ministry", "the Armenian
// side") or a pronoun takes the code, country and name of the actor introduced earlier. Mutates only
// the mention array it is given.
import type { Doc } from '../text/document.js';
import { termOn, type ActorKnowledge } from '../knowledge/actors.js';
import { composeCode, type ActorMention, type MentionInfo } from './actors.js';

/** How far back (in sentences) a pronoun or description looks for its antecedent. */
const PRONOUN_WINDOW = 3;
const DESCRIPTION_WINDOW = 12;

function copyFrom(m: ActorMention, a: ActorMention, ai: number): void {
  m.antecedent = ai;
  m.code = a.code;
  m.country = a.country;
  m.sectors = [...a.sectors];
  m.name = a.name ?? m.name;
}

function lastWord(s: string): string {
  const parts = s.split(/\s+/);
  return parts[parts.length - 1];
}

/** The person who held `role` in `country` on `date`, if the dictionary knows. */
function officeHolder(k: ActorKnowledge, country: string, role: string, date: string | null): number | null {
  const list = k.offices.get(`${country}|${role}`);
  if (!list) return null;
  let best: { personId: number; from: string; to: string } | null = null;
  for (const o of list) {
    if (date ? o.from <= date && date <= o.to : !best || o.to > best.to) {
      if (!best || o.from > best.from) best = o;
    }
  }
  return best ? best.personId : null;
}

export function resolveCoreference(doc: Doc, ms: ActorMention[], infos: MentionInfo[], date: string | null, k: ActorKnowledge): void {
  const sentence = (m: ActorMention) => doc.sentenceOf[m.tokenStart];
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const info = infos[i];
    // 1. known people: link to the first mention of the same person
    if (info.personId !== null) {
      for (let j = 0; j < i; j++) {
        if (infos[j].personId === info.personId) {
          m.antecedent = j;
          break;
        }
      }
      continue;
    }
    // 2. unknown names: a surname or full name introduced earlier
    if (info.named && info.nameText && !info.agent && m.kind === 'unknown') {
      for (let j = i - 1; j >= 0; j--) {
        const a = ms[j];
        const an = infos[j].nameText;
        if (!an || (a.kind !== 'person' && a.kind !== 'unknown')) continue;
        if (an === info.nameText || lastWord(an) === info.nameText) {
          copyFrom(m, a, j);
          m.kind = a.kind;
          break;
        }
      }
      continue;
    }
    // 3. role phrases naming an office: "the Armenian defense minister" → its holder on the date
    const agent = info.agent;
    if (agent && agent.person && !info.named) {
      // (a breakaway entity's office is not its parent country's: "Somaliland's president")
      if (agent.role && m.country && !m.sectors.includes('PRE')) {
        const pid = officeHolder(k, m.country, agent.role, date);
        if (pid !== null) {
          const term = termOn(k.people[pid], date);
          m.name = k.people[pid].name;
          info.personId = pid;
          // Only that office's own term codes the phrase: "the Prime Minister of Estonia" stays ESTGOV
          // even when its holder later held another office.
          if (term && term.country === m.country && !m.sectors.includes('ELI')) {
            m.sectors = [...term.sectors];
            m.code = composeCode(term.country, m.sectors);
          }
          for (let j = 0; j < i; j++) {
            if (infos[j].personId === pid) {
              m.antecedent = j;
              break;
            }
          }
          continue;
        }
      }
      // "his Armenian counterpart": the same office as the person just mentioned, in the other country
      if (agent.inherit && !agent.sectors.length && m.country && lowerHead(doc, m) === 'counterpart') {
        for (let j = i - 1; j >= 0 && sentence(ms[j]) >= sentence(m) - 1; j--) {
          const pid = infos[j].personId;
          if (pid === null) continue;
          const term = termOn(k.people[pid], date);
          if (!term?.role) continue;
          const holder = officeHolder(k, m.country, term.role, date);
          m.sectors = [...term.sectors];
          m.code = composeCode(m.country, m.sectors);
          if (holder !== null) {
            m.name = k.people[holder].name;
            info.personId = holder;
            for (let h = 0; h < i; h++) if (infos[h].personId === holder) { m.antecedent = h; break; }
          }
          break;
        }
        continue;
      }
      // "the minister", "the Russian defense minister": the latest such person
      if (info.definite) {
        for (let j = i - 1; j >= 0 && sentence(ms[j]) >= sentence(m) - DESCRIPTION_WINDOW; j--) {
          const a = ms[j];
          if (a.kind !== 'person' || !a.name) continue;
          if (m.country && a.country !== m.country) continue;
          if (!m.sectors.every((s) => a.sectors.includes(s))) continue;
          copyFrom(m, a, j);
          m.kind = 'person';
          break;
        }
      }
      continue;
    }
    // 4. bodies: "the ministry", "the Armenian ministry" → the latest organisation with that head
    if (agent && !agent.person && info.definite && !info.named && m.kind === 'org') {
      const headWord = lowerHead(doc, m);
      for (let j = i - 1; j >= 0 && sentence(ms[j]) >= sentence(m) - DESCRIPTION_WINDOW; j--) {
        const a = ms[j];
        if (a.kind !== 'org' || (m.country && a.country !== m.country)) continue;
        if (lowerHead(doc, a) !== headWord) continue;
        copyFrom(m, a, j);
        break;
      }
      continue;
    }
    // "the Armenian side": the country itself, linked to its latest mention
    if (agent && agent.inherit && !agent.sectors.length && m.country && !info.named) {
      for (let j = i - 1; j >= 0; j--) {
        if (ms[j].kind === 'country' && ms[j].country === m.country) {
          m.antecedent = j;
          break;
        }
      }
      continue;
    }
    // 5a. "it", "they", "its", "their": the nearest non-person actor, preferring subjects
    if (m.kind === 'pronoun' && GROUP.has(doc.lower[m.tokenStart])) {
      const chosen = groupAntecedent(doc, ms, infos, i);
      if (chosen >= 0) copyFrom(m, ms[chosen], chosen);
      continue;
    }
    // 5. pronouns: the nearest compatible person, preferring subjects
    if (m.kind === 'pronoun') {
      const gender = k.pronouns.get(doc.lower[m.tokenStart]) ?? null;
      let chosen = -1;
      let chosenSentence = -1;
      for (let j = i - 1; j >= 0; j--) {
        const a = ms[j];
        const sj = sentence(a);
        if (sj < sentence(m) - PRONOUN_WINDOW) break;
        if (chosen >= 0 && sj < chosenSentence) break;
        if (a.kind === 'pronoun' && a.antecedent === null) continue;
        const pid = infos[j].personId ?? (a.antecedent !== null ? infos[a.antecedent].personId : null);
        const isPerson = a.kind === 'person' || (a.kind === 'pronoun' && a.antecedent !== null) || (a.kind === 'agent' && infos[j].agent?.person);
        if (!isPerson) continue;
        const g = pid !== null ? k.people[pid].gender : null;
        if (gender && g && g !== gender) continue;
        if (chosen < 0) {
          chosen = j;
          chosenSentence = sj;
        } else if (infos[j].subject && !infos[j].possessive && !(infos[chosen].subject && !infos[chosen].possessive)) {
          // within the same sentence a subject beats a nearer non-subject
          chosen = j;
        }
      }
      if (chosen >= 0) {
        const a = ms[chosen];
        const root = a.kind === 'pronoun' && a.antecedent !== null ? a.antecedent : chosen;
        copyFrom(m, ms[root], root);
        infos[i].personId = infos[root].personId;
      }
    }
  }
}

const GROUP = new Set(['it', 'they', 'them', 'its', 'their']);
const PLURAL = new Set(['they', 'them', 'their']);

/**
 * Antecedent of a group pronoun: within this and the previous sentence, the nearest coded actor that is
 * not a named person (a state, organisation or group); a subject beats a nearer non-subject in the
 * same sentence. "they" also accepts plural agents ("rebels", "officials").
 */
function groupAntecedent(doc: Doc, ms: ActorMention[], infos: MentionInfo[], i: number): number {
  const m = ms[i];
  const s = doc.sentenceOf[m.tokenStart];
  const plural = PLURAL.has(doc.lower[m.tokenStart]);
  let chosen = -1;
  for (let j = i - 1; j >= 0; j--) {
    const a = ms[j];
    const sj = doc.sentenceOf[a.tokenStart];
    if (sj < s - 1) break;
    if (chosen >= 0 && sj < doc.sentenceOf[ms[chosen].tokenStart]) break;
    if (!a.code) continue;
    const personLike = a.kind === 'person' || (a.kind === 'pronoun' && !GROUP.has(doc.lower[a.tokenStart])) ||
      (a.kind === 'agent' && !!infos[j].agent?.person && !(plural && isPlural(doc, a)));
    if (personLike) continue;
    if (chosen < 0) chosen = j;
    else if (infos[j].subject && !infos[j].possessive && !(infos[chosen].subject && !infos[chosen].possessive)) chosen = j;
  }
  if (chosen >= 0 && ms[chosen].kind === 'pronoun' && ms[chosen].antecedent !== null) return ms[chosen].antecedent!;
  return chosen;
}

function isPlural(doc: Doc, m: ActorMention): boolean {
  const w = doc.lower[m.head];
  return w.endsWith('s') || w === 'people' || w === 'police' || w.endsWith('men');
}

function lowerHead(doc: Doc, m: ActorMention): string {
  return doc.lower[m.head];
}
