// Readers for PETRARCH actor and agent dictionaries, compiled into Dyad's ActorKnowledge (the token trie
// src/extract/actors.ts matches), so the same actor extraction runs on them.
//
// Actors:   PHRASE [CODE]            a record; `+PHRASE` lines are synonyms of it
//           <tab>[CODE DATES]        date restrictions (also inline after the phrase, several per line):
//                                    `<YYMMDD` before, `>YYMMDD` after, `A-B` between (ends included);
//                                    a bare [CODE] is the default; YYMMDD or YYYYMMDD
//           [---]                    a null code: the phrase is known but codes nothing
// Agents:   PHRASE {PLURALS} [~CODE] the code follows the actor's (`~GOV`); `CODE~` precedes it
//           !NAME! = A, B, C         substitution set, used as `CONGRESS!PERSON!`
//           regular plurals (S, IES, ES) unless {} or {explicit plurals}
//
// Approximations: every phrase matches as consecutive words (PETRARCH allows gaps where agent words are
// separated by blanks); stems (phrases not ending in `_`) match whole words only; codes placed before
// the actor (`NGO~`) lead the code of an actor that follows (alone: the organisation); codes with `/` (THE_SHIRE
// [FRO/BIL/SAM], several actors) name every actor when the phrase stands alone (not with an agent).
import type { ActorEntry, ActorKnowledge, Person, TrieNode } from '../actors.js';
import { phraseKeys } from '../actors.js';
import { dictLines, petrarchDate, type DictError } from './lines.js';

export interface ActorRecordTerm {
  code: string;
  from: string;
  to: string;
}

export interface ParsedActors {
  /** Phrases with their default code (null: none) and dated terms. */
  records: { phrases: string[]; code: string | null; terms: ActorRecordTerm[]; line: number }[];
  errors: DictError[];
}

export interface ParsedAgents {
  agents: { phrase: string; code: string; prefix: boolean; line: number }[];
  errors: DictError[];
}

const CODE_RE = /^[A-Za-z0-9\-+#/]+$/;

/** Parse "[CODE]" / "[CODE <date]" / "[CODE >date]" / "[CODE d1-d2]" contents. */
function parseRestriction(inner: string): ActorRecordTerm | { code: string; dflt: true } | string {
  const s = inner.trim();
  const m = /^(\S+)\s*(.*)$/.exec(s);
  if (!m) return 'empty [code]';
  const code = m[1].toUpperCase();
  if (!CODE_RE.test(code)) return `bad code '${m[1]}'`;
  const rest = m[2].replace(/\s+/g, '');
  if (!rest) return { code, dflt: true };
  if (rest.startsWith('<') || rest.startsWith('>')) {
    const d = petrarchDate(rest.slice(1));
    if (!d) return `bad date '${rest.slice(1)}' in [${s}]`;
    // "<date" applies before the date, ">date" after; the limits are included
    return rest[0] === '<' ? { code, from: '0000-01-01', to: d } : { code, from: d, to: '9999-12-31' };
  }
  const dash = rest.indexOf('-');
  if (dash < 0) return `bad date restriction '${rest}' in [${s}] (expected <d, >d or d-d)`;
  const from = petrarchDate(rest.slice(0, dash));
  const to = petrarchDate(rest.slice(dash + 1));
  if (!from || !to) return `bad date range '${rest}' in [${s}]`;
  if (from > to) return `date range ends before it starts: [${s}]`;
  return { code, from, to };
}

/** Parse an actor dictionary. */
export function parseActorDictionary(text: string, file: string): ParsedActors {
  const errors: DictError[] = [];
  const records: ParsedActors['records'] = [];
  let cur: ParsedActors['records'][number] | null = null;
  for (const { line, text: raw } of dictLines(text)) {
    const err = (reason: string) => errors.push({ file, line, reason });
    const indented = /^\s/.test(raw);
    const t = raw.trim();
    // bracketed codes on the line
    const codes: string[] = [];
    const bad = t.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
      codes.push(inner);
      return ' ';
    });
    if (bad.includes('[') || bad.includes(']')) {
      err(`unbalanced [...] in '${t}'`);
      continue;
    }
    const phrase = bad.trim();
    if (phrase.startsWith('+')) {
      if (!cur) {
        err('synonym line before any actor');
        continue;
      }
      const p = phrase.slice(1).trim();
      if (p) cur.phrases.push(p);
    } else if (phrase && !(indented && phrase.startsWith('_'))) {
      // a new record ("OSMAN_OLCAY<tab>_TURKEY_" is one phrase split by a tab)
      cur = { phrases: [phrase.replace(/\s+_/g, '_')], code: null, terms: [], line };
      records.push(cur);
    } else if (!cur) {
      err('date restriction before any actor');
      continue;
    }
    for (const inner of codes) {
      const r = parseRestriction(inner);
      if (typeof r === 'string') {
        err(r);
        continue;
      }
      if ('dflt' in r) cur!.code = r.code;
      else cur!.terms.push(r);
    }
  }
  return { records, errors };
}

/** Parse an agent dictionary, expanding substitution sets and plurals into one phrase per form. */
export function parseAgentDictionary(text: string, file: string): ParsedAgents {
  const errors: DictError[] = [];
  const agents: ParsedAgents['agents'] = [];
  const subs = new Map<string, string[]>();
  for (const { line, text: raw } of dictLines(text)) {
    const t = raw.trim();
    const err = (reason: string) => errors.push({ file, line, reason });
    const sub = /^!([A-Za-z]+)!\s*=\s*(.*)$/.exec(t);
    if (sub) {
      const items = sub[2].split(',').map((x) => x.trim()).filter(Boolean);
      if (!items.length) err(`empty substitution set '!${sub[1]}!'`);
      else subs.set(sub[1].toUpperCase(), items);
      continue;
    }
    // "[ ~COP]", "[~LEG}" (sic, in PETRARCH's own example) and "[  NGO~]" all occur
    const codeM = /\[\s*([^\]}]*?)\s*[\]}]\s*$/.exec(t);
    if (!codeM) {
      err(`agent without a [code]: '${t}'`);
      continue;
    }
    const code = codeM[1];
    const prefix = code.endsWith('~');
    if (!(code.startsWith('~') || prefix) || !CODE_RE.test(code.replace('~', '')) || code.replace('~', '') === '') {
      err(`bad agent code '[${code}]' (expected [~CODE] or [CODE~])`);
      continue;
    }
    const head = t.slice(0, codeM.index).trim();
    const pm = /^(.*?)\s*(?:\{([^}]*)\})?\s*$/.exec(head);
    const phrase = (pm?.[1] ?? '').trim();
    if (!phrase || phrase.includes('{') || phrase.includes('}')) {
      err(`bad agent phrase '${head}'`);
      continue;
    }
    const plurals = pm?.[2];
    let forms: string[] = [phrase];
    // substitution markers: each item replaces the marker, with no plural formation
    const marker = /!([A-Za-z]+)!/.exec(phrase);
    if (marker) {
      const items = subs.get(marker[1].toUpperCase());
      if (!items) {
        err(`undefined substitution set '!${marker[1]}!'`);
        continue;
      }
      forms = items.map((it) => phrase.replace(marker[0], it));
    } else if (plurals === undefined) forms.push(regularPlural(phrase));
    else forms.push(...plurals.split(/\s+/).filter(Boolean));
    for (const f of forms) agents.push({ phrase: f, code: code.replace('~', '').toUpperCase(), prefix, line });
  }
  return { agents, errors };
}

/** PETRARCH's regular plural of a phrase's last word: +S, Y→IES, SS→SSES. */
export function regularPlural(phrase: string): string {
  const p = phrase.replace(/_+$/, '');
  if (/[^AEIOUaeiou][Yy]$/.test(p)) return p.slice(0, -1) + (p.endsWith('y') ? 'ies' : 'IES');
  if (/ss$/i.test(p)) return p + (p.endsWith('s') ? 'es' : 'ES');
  return p + (/[a-z]$/.test(p) ? 's' : 'S');
}

/** Split a PETRARCH actor code into the country/sector parts our mentions compose (ARNGOV → ARN + GOV). */
export function codeParts(code: string): { country: string | null; sectors: string[] } {
  const c = code.split('/')[0];
  const sectors: string[] = [];
  for (let i = 3; i < c.length; i += 3) sectors.push(c.slice(i, i + 3));
  return { country: c.slice(0, 3) || null, sectors };
}

/** Nodes created or copied for this knowledge object (the rest may belong to the built-in trie). */
type Owned = Set<TrieNode>;

/** The `next` of every leaf until it gets a child: most of the 100k nodes of a production file are leaves. */
const NO_CHILDREN: Map<string, TrieNode> = new Map();

function addPhrase(root: TrieNode, owned: Owned, phrase: string, entry: ActorEntry): void {
  const keys = phraseKeys(phrase.replace(/_/g, ' '));
  if (!keys.length) return;
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) {
      n = { next: NO_CHILDREN, entries: null };
      owned.add(n);
      // `node` is owned here (the root or a copy made below), so its map may be replaced
      if (node.next === NO_CHILDREN) node.next = new Map();
      node.next.set(k, n);
    } else if (!owned.has(n)) {
      // copy-on-write: never change the built-in trie shared with other knowledge objects
      n = { next: new Map(n.next), entries: n.entries ? [...n.entries] : null };
      owned.add(n);
      node.next.set(k, n);
    }
    node = n;
  }
  if (!node.entries) node.entries = [];
  // the first record that lists a phrase wins, as in PETRARCH
  if (node.entries.some((e) => e.kind === entry.kind)) return;
  node.entries.push(entry);
}

export interface ActorSources {
  actors: ParsedActors[];
  agents: ParsedAgents[];
}

/**
 * Compile parsed actors and agents into ActorKnowledge. With `base`, PETRARCH entries are added to a copy
 * of the built-in knowledge (merge); otherwise they replace it (pronouns are kept: they are grammar).
 */
export function compileActors(src: ActorSources, base: ActorKnowledge | null, pronouns: ActorKnowledge['pronouns'], keep: 'all' | 'agents' | 'actors' = 'all'): ActorKnowledge {
  const owned: Owned = new Set();
  let root: TrieNode;
  if (!base) root = { next: new Map(), entries: null };
  else if (keep === 'all') root = { next: new Map(base.trie.next), entries: base.trie.entries };
  else {
    // replacing one part: keep the built-in agent words (and modifiers), or everything but them
    const agentish = (e: ActorEntry) => e.kind === 'agent' || e.kind === 'modifier';
    root = filterTrie(base.trie, keep === 'agents' ? agentish : (e) => !agentish(e), owned);
  }
  owned.add(root);
  const people: Person[] = base ? [...base.people] : [];
  for (const file of src.actors) {
    for (const r of file.records) {
      if (r.terms.length) {
        // dated codes: a "person" whose terms are the restrictions, the default code covering all time
        const person: Person = { id: people.length, name: titleCase(r.phrases[0]), gender: null, terms: [] };
        for (const t of r.terms) person.terms.push({ ...termCode(t.code), from: t.from, to: t.to, role: null });
        if (r.code) person.terms.push({ ...termCode(r.code), from: '0000-01-01', to: '9999-12-31', role: null });
        people.push(person);
        for (const p of r.phrases) addPhrase(root, owned, p, { kind: 'person', country: null, sectors: [], personId: person.id });
        continue;
      }
      const entry = actorEntry(r.code);
      for (const p of r.phrases) addPhrase(root, owned, p, entry);
    }
  }
  for (const file of src.agents) {
    for (const a of file.agents) {
      const parts = codeParts(a.code);
      const sectors = [parts.country ?? '', ...parts.sectors].filter(Boolean);
      // NGO~ (code before the actor's): an organisation alone, a prefix of the actor's code before one
      const entry: ActorEntry = a.prefix ? { kind: 'org', country: null, sectors, prefix: true } : { kind: 'agent', country: null, sectors };
      addPhrase(root, owned, a.phrase, entry);
    }
  }
  return {
    trie: root,
    people,
    offices: base ? base.offices : new Map(),
    countryNames: base ? base.countryNames : new Map(),
    pronouns,
    firstNames: base ? base.firstNames : new Set(),
  };
}

/** A copy of the trie with only the entries `keep` accepts (empty branches dropped). */
function filterTrie(n: TrieNode, keep: (e: ActorEntry) => boolean, owned: Owned): TrieNode {
  const next = new Map<string, TrieNode>();
  for (const [k, child] of n.next) {
    const c = filterTrie(child, keep, owned);
    if (c.entries || c.next.size) next.set(k, c);
  }
  const entries = n.entries ? n.entries.filter(keep) : null;
  const out: TrieNode = { next, entries: entries && entries.length ? entries : null };
  owned.add(out);
  return out;
}

/** A dated term's code; '---' (null) keeps the phrase known but uncoded. */
function termCode(code: string): { country: string | null; sectors: string[] } {
  if (code === '---') return { country: null, sectors: [] };
  return codeParts(code);
}

/**
 * Entry for an undated actor. Every coded actor is an organisation-like entry: PETRARCH codes an actor
 * wherever it occurs ("arrived in Gondor" has the target GON), while our 'country' entries after a
 * locative preposition are read as places. Agents still combine with it (ARN + cleric → ARNREL).
 */
function actorEntry(code: string | null): ActorEntry {
  if (!code || code === '---') return { kind: 'country', country: null, sectors: [] };
  const { country, sectors } = codeParts(code);
  const entry: ActorEntry = { kind: country === 'IGO' ? 'igo' : 'org', country, sectors };
  // [FRO/BIL/SAM]: the phrase names several actors
  const also = code.split('/').slice(1).filter(Boolean).map(codeParts);
  if (also.length) entry.also = also;
  return entry;
}

function titleCase(phrase: string): string {
  return phrase.replace(/_+$/, '').split(/[\s_]+/).map((w) => w.charAt(0) + w.slice(1).toLowerCase()).join(' ');
}


