// Reader for PETRARCH verb dictionaries (PETRARCH-1 files such as PETR.Validate.verbs.txt and the
// PETRARCH-2 CAMEO.2.0.txt), converted into Dyad's own Pattern objects so the same coder runs on them.
//
// Grammar read here:
//   &LABEL            a synset; its members follow on `+PHRASE` lines (members may name other synsets)
//   --- NAME [CODE] ---   starts a verb block; CODE is the code of its verbs alone ('---' = no event)
//   VERB {FORMS} [CODE]   a verb of the block (own code optional); `+` marks the verb inside a
//                         multi-word verb (WIRE_+TAP, +BREAK_DOWN); FORMS are irregular forms
//   - TOKENS [CODE]   a pattern for every verb of the block: `*` the verb, `+` the target, `$` the
//                     source, `%` a compound actor, `^` skip a phrase, `&LABEL` a synset, words joined by
//                     `_` must be consecutive; PETRARCH-2 groups `(PREP ...)` and `{NOUN PHRASE}`
//   [A:B]             A codes source→target, B the reverse direction
//   ~ ... = ...       PETRARCH-2 transformations
//
// What our matcher cannot express is approximated, and every approximation is counted by kind in
// `approximations` (see APPROXIMATIONS) so a user can see what changed.
import type { Ontology } from '../../events/ontology.js';
import type { Pattern, PatternElement, PatternSet } from '../../events/patterns.js';
import { parseText } from '../../text/document.js';
import { dictLines, type DictError } from './lines.js';

/** Kinds of PETRARCH constructs converted approximately (or dropped), with what was done. */
export const APPROXIMATIONS = {
  preVerbTarget: '`+` (target) before the verb dropped: the coder takes targets after the verb',
  compound: '`%` (compound actor) after the verb read as the target slot; before the verb: a compound subject with no target codes its members towards each other',
  skip: '`^` (skip a phrase) dropped: pattern words may already be up to 6 tokens apart',
  groups: 'PETRARCH-2 `(PREP ...)` / `{NOUN PHRASE}` groups flattened to their words',
  reverseOnly: '`[:B]` codes (reverse event only) skipped',
  synsetPhrases: 'multi-word synset members expanded into separate patterns, their words consecutive',
  expansionCap: 'patterns whose synset expansion exceeded 64 variants truncated',
  transformations: 'PETRARCH-2 transformations (`~ a (a b ATTACK) SAY = a b 015`) not applied',
  nonCameoCodes: 'codes that are not CAMEO (validation codes such as 903, abc) coded as-is with PLOVER type OTHER',
} as const;
export type ApproximationKind = keyof typeof APPROXIMATIONS;

/** PLOVER type given to events whose PETRARCH code is not a CAMEO code. */
export const NON_CAMEO_PLOVER = 'OTHER';

export interface VerbDictionary {
  /** Every distinct pattern (a block's patterns are one set of objects shared by its verbs). */
  patterns: Pattern[];
  /** Head key → its patterns, in dictionary order. */
  filed: Map<string, Pattern[]>;
  /** Other lookup keys (inflected forms, their lemmas) → the head their patterns are filed under. */
  aliases: Map<string, string>;
  /** Synset label (without &) → member phrases as word lists. */
  synsets: Map<string, string[][]>;
  /** Non-CAMEO codes met (they need entries in the ontology, see `extendOntology`). */
  otherCodes: Set<string>;
  approximations: Map<ApproximationKind, number>;
  errors: DictError[];
  /** Verb blocks and pattern lines read. */
  blocks: number;
  patternLines: number;
}

interface Verb {
  /** Lower-case main verb word and its explicit forms. */
  words: string[];
  /** Words after the verb in a multi-word verb (BREAK_DOWN → down). */
  after: string[];
  /** Words before the verb in a multi-word verb (WIRE_+TAP → wire), directly before it. */
  prefix: string[];
  code: string;
  line: number;
}

interface RawPattern {
  line: number;
  tokens: string;
  code: string;
}

interface Block {
  code: string;
  line: number;
  verbs: Verb[];
  patterns: RawPattern[];
}

const MAX_VARIANTS = 64;

/** Parse a PETRARCH verb dictionary. `file` names rules ("file#line") and errors. */
export function parseVerbDictionary(text: string, file: string, o: Ontology): VerbDictionary {
  const errors: DictError[] = [];
  const rawSynsets = new Map<string, { members: string[]; noPlural: boolean }>();
  const blocks: Block[] = [];
  const approximations = new Map<ApproximationKind, number>();
  const note = (k: ApproximationKind, n = 1) => approximations.set(k, (approximations.get(k) ?? 0) + n);
  let synset: { members: string[] } | null = null;
  let block: Block | null = null;
  let patternLines = 0;
  for (const { line, text: raw } of dictLines(text)) {
    const t = raw.trim();
    const err = (reason: string) => errors.push({ file, line, reason });
    if (t.startsWith('&')) {
      const label = t.slice(1).split(/\s+/)[0];
      if (!/^[A-Za-z0-9_]+$/.test(label)) {
        err(`bad synset label '${t}'`);
        synset = null;
        continue;
      }
      const name = label.replace(/_+$/, '').toUpperCase();
      const entry = { members: [] as string[], noPlural: label.endsWith('_') };
      rawSynsets.set(name, entry);
      synset = entry;
      continue;
    }
    if (t.startsWith('+') && synset) {
      const member = t.slice(1).trim();
      if (!member) err("empty synset member '+'");
      else synset.members.push(member);
      continue;
    }
    synset = null;
    if (t.startsWith('---') || t.startsWith('###')) {
      const m = /^(?:---|###)\s*(.*?)\s*(?:---|###)?\s*$/.exec(t);
      const inner = m ? m[1] : '';
      const codeM = /\[([^\]]*)\]/.exec(inner);
      const name = inner.replace(/\[[^\]]*\]/g, '').trim();
      if (!name) {
        err(`verb block header without a name: '${t}'`);
        block = null;
        continue;
      }
      block = { code: codeM ? codeM[1].trim() || '---' : '---', line, verbs: [], patterns: [] };
      blocks.push(block);
      continue;
    }
    if (t.startsWith('~')) {
      note('transformations');
      continue;
    }
    if (t.startsWith('-')) {
      patternLines++;
      if (!block) {
        err('pattern outside a verb block');
        continue;
      }
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(t);
      if (!m) {
        err(`pattern without a [code]: '${t}'`);
        continue;
      }
      if (!m[1].includes('*')) {
        err(`pattern without '*' (the verb): '${t}'`);
        continue;
      }
      block.patterns.push({ line, tokens: m[1], code: m[2].trim() });
      continue;
    }
    // a verb line
    if (!block) {
      err(`unexpected line outside a verb block: '${t}'`);
      continue;
    }
    const v = parseVerbLine(t, block.code, line, note);
    if (typeof v === 'string') err(v);
    else block.verbs.push(v);
  }

  // resolve synsets (members may name other synsets; cycles are errors)
  const synsets = new Map<string, string[][]>();
  const resolving = new Set<string>();
  const resolve = (name: string): string[][] | null => {
    const done = synsets.get(name);
    if (done) return done;
    const raw = rawSynsets.get(name);
    if (!raw || resolving.has(name)) return null;
    resolving.add(name);
    const out: string[][] = [];
    for (const m of raw.members) {
      if (m.startsWith('&')) {
        const sub = resolve(m.slice(1).replace(/_+$/, '').toUpperCase());
        if (sub) out.push(...sub);
        continue;
      }
      const words = m.toLowerCase().split(/[\s_]+/).filter(Boolean);
      if (words.length) out.push(words);
    }
    resolving.delete(name);
    synsets.set(name, out);
    return out;
  };
  for (const name of rawSynsets.keys()) resolve(name);

  const otherCodes = new Set<string>();
  const lemmaKeys = verbKeys(blocks.flatMap((b) => b.verbs.flatMap((v) => v.words)));
  const patterns: Pattern[] = [];
  const filed = new Map<string, Pattern[]>();
  const file_ = (head: string, list: Pattern[]) => {
    const prev = filed.get(head);
    if (prev) prev.push(...list);
    else filed.set(head, [...list]);
  };
  const aliases = new Map<string, string>();
  for (const b of blocks) {
    const compiled: { spec: Compiled; raw: RawPattern }[] = [];
    for (const rp of b.patterns) {
      const codes = codesOf(rp.code, note);
      if (codes === null) continue;
      // "[+++]", "[###]", "[xxy]": not an event code (no digits); the next pattern that fits applies
      if (!isEventCode(codes.code)) {
        errors.push({ file, line: rp.line, reason: `pattern code '${codes.code}' is not an event code; pattern skipped` });
        continue;
      }
      const c = compilePattern(rp.tokens, synsets, note);
      if (typeof c === 'string') {
        errors.push({ file, line: rp.line, reason: c });
        continue;
      }
      for (const variant of c) compiled.push({ spec: { ...variant, ...codes }, raw: rp });
    }
    // The block's patterns are built once and shared by its one-word verbs (the production CAMEO
    // dictionary has tens of verbs per block); multi-word verbs get their own copies.
    let shared: Pattern[] | null = null;
    for (const v of b.verbs) {
      // patterns are filed under the base verb's key; every other form's key is an alias of it
      const keys = lemmaKeys.get(v.words[0]) ?? [v.words[0]];
      const head = keys[keys.length - 1];
      for (const w of v.words) for (const k of lemmaKeys.get(w) ?? [w]) if (k !== head && !aliases.has(k)) aliases.set(k, head);
      const afterEls: PatternElement[] = v.after.map((w) => ({ kind: 'words', alts: [w] }));
      const prefixEls: Compiled['before'] = v.prefix.map((w) => ({ alts: [w], adjacent: true }));
      const build = () => compiled.map(({ spec, raw }) =>
        withCompound(makePattern(head, afterEls.length ? [...afterEls, ...spec.elements] : spec.elements, spec.code, [...spec.before, ...prefixEls], spec.reverse, `${file}#${raw.line}`, o, otherCodes), spec.compound));
      let own: Pattern[];
      if (afterEls.length || prefixEls.length) {
        own = build();
        patterns.push(...own);
      } else if (shared) own = shared;
      else {
        own = shared = build();
        patterns.push(...own);
      }
      // the verb alone; a '---' code still matches, so the verb codes no event rather than another one
      const verbCodes = codesOf(v.code, note);
      const alone = makePattern(head, afterEls, verbCodes?.code ?? '---', prefixEls, verbCodes?.reverse ?? null, `${file}#${v.line}`, o, otherCodes);
      patterns.push(alone);
      file_(head, [...own, alone]);
      // A one-word verb whose lemma is another's (LEFT beside LEAVE) is also filed under its own word, which the
      // coder tries first: the text's word selects its own block.
      if (v.words[0] !== head && !v.after.length && !v.prefix.length) file_(v.words[0], [...own, alone]);
    }
  }
  return { patterns, filed, aliases, synsets, otherCodes, approximations, errors, blocks: blocks.length, patternLines };
}

/** "NAME {FORMS} [CODE]" with NAME possibly multi-word and `+`-marked. */
function parseVerbLine(t: string, blockCode: string, line: number, note: (k: ApproximationKind) => void): Verb | string {
  const codeM = /\[([^\]]*)\]/.exec(t);
  const formsM = /\{([^}]*)\}/.exec(t);
  if ((t.match(/\{/g) ?? []).length !== (t.match(/\}/g) ?? []).length) return `unbalanced {…} in verb line '${t}'`;
  const name = t.replace(/\[[^\]]*\]/g, ' ').replace(/\{[^}]*\}/g, ' ').trim();
  if (!name) return `verb line without a verb: '${t}'`;
  if (!/^[A-Za-z0-9_'+\- .]+$/.test(name)) return `bad verb '${name}'`;
  const parts = name.split(/[\s_]+/).filter(Boolean);
  let vi = parts.findIndex((p) => p.startsWith('+'));
  if (vi < 0) vi = 0;
  const verb = parts[vi].replace(/^\+/, '').toLowerCase();
  if (!verb) return `empty verb in '${t}'`;
  const after = parts.slice(vi + 1).map((p) => p.replace(/^\+/, '').toLowerCase());
  const words = [verb];
  if (formsM) {
    for (const f of formsM[1].split(/\s+/).filter(Boolean)) {
      const fp = f.split('_').filter(Boolean);
      const fi = Math.max(0, fp.findIndex((p) => p.startsWith('+')));
      const form = (fp[fi] ?? '').replace(/^\+/, '').toLowerCase();
      if (form && !words.includes(form)) words.push(form);
    }
  }
  const prefix = parts.slice(0, vi).map((p) => p.toLowerCase());
  return { words, after, prefix, code: codeM ? codeM[1].trim() || blockCode : blockCode, line };
}

/** '---' (no event) or a code with a digit (CAMEO, or validation codes such as 903, 174K). */
function isEventCode(code: string): boolean {
  return code === '---' || /[0-9]/.test(code);
}

/** Codes of "[A]", "[A:B]", "[:B]": A source→target (null when absent), B target→source (null when absent). */
function codesOf(code: string, note: (k: ApproximationKind) => void): { code: string; reverse: string | null } | null {
  const c = code.trim().toUpperCase();
  const colon = c.indexOf(':');
  if (colon < 0) return { code: c || '---', reverse: null };
  const a = c.slice(0, colon).trim();
  const b = c.slice(colon + 1).trim();
  if (!a) {
    note('reverseOnly');
    return null;
  }
  return { code: a, reverse: b && b !== '---' ? b : null };
}

interface Compiled {
  /** `%` before the verb. */
  compound: boolean;
  elements: PatternElement[];
  /** Words before the verb, in text order. */
  before: { alts: string[]; adjacent?: boolean }[];
  code: string;
  reverse: string | null;
}

/**
 * Compile the tokens of one pattern into element lists (several when a synset has multi-word members).
 * Returns an error string, or [] when the pattern cannot be expressed at all.
 */
function compilePattern(src: string, synsets: Map<string, string[][]>, note: (k: ApproximationKind, n?: number) => void): Omit<Compiled, 'code' | 'reverse'>[] | string {
  let depthP = 0;
  let depthB = 0;
  for (const ch of src) {
    if (ch === '(') depthP++;
    if (ch === ')') depthP--;
    if (ch === '{') depthB++;
    if (ch === '}') depthB--;
    if (depthP < 0 || depthB < 0) return `unbalanced brackets in pattern '${src}'`;
  }
  if (depthP || depthB) return `unbalanced brackets in pattern '${src}'`;
  if (/[(){}]/.test(src)) note('groups');
  // Words joined by `_` are consecutive: each part after the first is adjacent to the one before it.
  const tokens: { text: string; joinedLeft: boolean; joinedRight: boolean }[] = [];
  for (const chunk of src.replace(/[(){}]/g, ' ').split(/\s+/)) {
    const parts = chunk.split('_');
    for (let i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      tokens.push({ text: parts[i], joinedLeft: i > 0 && parts[i - 1] !== '', joinedRight: i + 1 < parts.length && parts[i + 1] !== '' });
    }
  }
  const star = tokens.findIndex((x) => x.text === '*' || x.text === '**');
  if (star < 0) return `pattern without '*' (the verb): '${src}'`;
  if (tokens.slice(star + 1).some((x) => x.text === '*' || x.text === '**')) return `pattern with more than one '*': '${src}'`;
  // before the verb: each word a list of alternatives; a multi-word synset member is its own variant
  // whose words are consecutive (&NEGATVAUXVRB: DID N'T, REALLY DID NOT)
  type Before = Compiled['before'];
  let befores: Before[] = [[]];
  let compound = false;
  for (const x of tokens.slice(0, star)) {
    if (x.text === '+') note('preVerbTarget');
    else if (x.text === '%') {
      note('compound');
      compound = true;
    }
    else if (x.text === '^' || x.text === '$') continue;
    else {
      const phrases = phraseAlternatives(x.text, synsets);
      if (typeof phrases === 'string') return phrases;
      const single = [...new Set(phrases.filter((p) => p.length === 1).map((p) => p[0]))];
      const multi = phrases.filter((p) => p.length > 1);
      if (multi.length) note('synsetPhrases');
      const el = (alts: string[], adjacent: boolean) => (adjacent ? { alts, adjacent } : { alts });
      const options: Before[] = [];
      if (single.length) options.push([el(single, x.joinedRight)]);
      for (const p of multi) options.push(p.map((w, i) => el([w], i + 1 < p.length || x.joinedRight)));
      const next: Before[] = [];
      for (const b of befores) for (const opt of options) if (next.length < MAX_VARIANTS) next.push([...b, ...opt]);
      if (next.length >= MAX_VARIANTS) note('expansionCap');
      befores = next;
    }
  }
  // each slot: a target/source, or a list of alternatives, each alternative a word sequence
  type Slot = { actor: 'target' | 'source' } | { phrases: string[][]; adjacent: boolean };
  const slots: Slot[] = [];
  for (const x of tokens.slice(star + 1)) {
    const t = x.text;
    if (t === '+' || t === '%') {
      if (t === '%') note('compound');
      slots.push({ actor: 'target' });
    } else if (t === '$') slots.push({ actor: 'source' });
    else if (t === '^') note('skip');
    else if (t.startsWith('&')) {
      const members = synsets.get(t.slice(1).toUpperCase());
      if (!members) return `undefined synset '${t}'`;
      if (members.length === 0) return `empty synset '${t}'`;
      slots.push({ phrases: members, adjacent: x.joinedLeft });
    } else if (/^[A-Za-z0-9'.\-!]+$/.test(t)) slots.push({ phrases: [[t.toLowerCase()]], adjacent: x.joinedLeft });
    else return `bad pattern token '${t}'`;
  }
  // expand: single-word alternatives stay one element; each multi-word member is its own variant
  let variants: PatternElement[][] = [[]];
  let capped = false;
  for (const s of slots) {
    if ('actor' in s) {
      for (const v of variants) v.push({ kind: s.actor });
      continue;
    }
    const single = [...new Set(s.phrases.filter((p) => p.length === 1).map((p) => p[0]))];
    const multi = s.phrases.filter((p) => p.length > 1);
    if (multi.length) note('synsetPhrases');
    const word = (alts: string[], adjacent: boolean): PatternElement => (adjacent ? { kind: 'words', alts, adjacent } : { kind: 'words', alts });
    const options: PatternElement[][] = [];
    if (single.length) options.push([word(single, s.adjacent)]);
    // the words of a multi-word member follow each other
    for (const p of multi) options.push(p.map((w, i) => word([w], i > 0 || s.adjacent)));
    const next: PatternElement[][] = [];
    for (const v of variants) {
      for (const opt of options) {
        if (next.length >= MAX_VARIANTS) {
          capped = true;
          break;
        }
        next.push([...v, ...opt]);
      }
    }
    variants = next;
  }
  if (capped) note('expansionCap');
  return befores.flatMap((before) => variants.map((elements) => ({ elements, before, compound })));
}

/** The phrases (word lists) a pattern word or `&SYNSET` before the verb stands for. */
function phraseAlternatives(t: string, synsets: Map<string, string[][]>): string[][] | string {
  if (t.startsWith('&')) {
    const members = synsets.get(t.slice(1).toUpperCase());
    if (!members) return `undefined synset '${t}'`;
    if (members.length === 0) return `empty synset '${t}'`;
    return members;
  }
  if (!/^[A-Za-z0-9'.\-!]+$/.test(t)) return `bad pattern token '${t}'`;
  return [[t.toLowerCase()]];
}

/** The pattern (and its reverse) marked as coding a compound subject's members towards each other. */
function withCompound(p: Pattern, compound: boolean): Pattern {
  if (!compound) return p;
  return { ...p, compoundSource: true, ...(p.reverse ? { reverse: { ...p.reverse, compoundSource: true } } : {}) };
}

function makePattern(
  head: string, elements: PatternElement[], code: string, before: Compiled['before'], reverse: string | null, rule: string, o: Ontology, otherCodes: Set<string>,
): Pattern {
  let plover = '';
  let mode: string | null = null;
  let context: string | null = null;
  if (code !== '---') {
    const info = cameoLookup(o, code);
    if (info) {
      plover = info.plover;
      mode = info.mode;
      context = info.context;
    } else {
      plover = NON_CAMEO_PLOVER;
      otherCodes.add(code);
    }
  }
  return {
    head,
    particles: [],
    elements,
    cameo: code,
    plover,
    mode,
    context,
    passiveOnly: false,
    noTarget: false,
    surfaceWords: true,
    rule,
    specificity: elements.length + before.length,
    ...(before.length ? { before } : {}),
    ...(reverse ? { reverse: makePattern(head, elements, reverse, before, null, rule, o, otherCodes) } : {}),
  };
}

/** The code's ontology entry, or its CAMEO ancestor's ("0234" → "023"); null when not CAMEO at all. */
function cameoLookup(o: Ontology, code: string) {
  const exact = o.cameo.get(code);
  if (exact) return exact;
  if (!/^(0[1-9]|1[0-9]|20)/.test(code)) return null;
  for (let len = Math.min(code.length, 4); len >= 2; len--) {
    const hit = o.cameo.get(code.slice(0, len));
    if (hit) return hit;
  }
  return null;
}

/** Regular English verb forms (PETRARCH generates these for verbs without explicit forms). */
export function regularForms(verb: string): string[] {
  const out = [verb];
  const cons = /[^aeiou]y$/.test(verb);
  out.push(cons ? verb.slice(0, -1) + 'ies' : /(?:s|x|z|ch|sh)$/.test(verb) ? verb + 'es' : verb + 's');
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : cons ? verb.slice(0, -1) + 'i' : verb;
  out.push(stem + 'ed');
  out.push((verb.endsWith('e') && !verb.endsWith('ee') ? verb.slice(0, -1) : verb) + 'ing');
  return out;
}

/**
 * Lookup keys for each verb word: the word, its regular forms, and the lemma wink-nlp gives each of
 * them in a verb context (the coder looks patterns up by the text's lemma). One parse for all words.
 */
export function verbKeys(words: string[]): Map<string, string[]> {
  const uniq = [...new Set(words)].filter((w) => /^[a-z][a-z'-]*$/.test(w));
  const forms = new Map<string, string[]>();
  for (const w of uniq) forms.set(w, regularForms(w));
  // Only the listed words are lemmatised (one wink parse of them all): a regular form's lemma is its
  // base's, and parsing every generated form took most of a production dictionary's load time.
  const all = uniq;
  const lemma = new Map<string, string>();
  const CHUNK = 2000;
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    const doc = parseText(part.map((w) => `They ${w} it.`).join('\n'));
    // each frame is 4 tokens unless the tokenizer split the word; align by scanning for "they"
    let k = 0;
    for (let t = 0; t < doc.tokens.length && k < part.length; t++) {
      if (doc.lower[t] === 'they' && doc.lower[t + 2] !== undefined) {
        if (doc.lower[t + 1] === part[k] && doc.lemmas[t + 1]) lemma.set(part[k], doc.lemmas[t + 1]);
        k++;
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const w of uniq) {
    const keys = new Set<string>();
    for (const f of forms.get(w) ?? [w]) {
      keys.add(f);
      const l = lemma.get(f);
      if (l) keys.add(l);
    }
    // the last key is the base form's lemma: the head its patterns are filed under
    const head = lemma.get(w) ?? w;
    keys.delete(head);
    out.set(w, [...keys, head]);
  }
  return out;
}

/**
 * Index converted patterns by head, most specific first (stable: dictionary order breaks ties); each
 * alias key gets the list of its head. With `base` (merge), lists of the same key are combined.
 */
export function toPatternSet(dict: Pick<VerbDictionary, 'patterns' | 'filed' | 'aliases'>, base?: PatternSet): PatternSet {
  const own = new Map<string, Pattern[]>();
  for (const [head, list] of dict.filed) own.set(head, [...list]);
  for (const [alias, head] of dict.aliases) {
    const list = own.get(head);
    if (list && !own.has(alias)) own.set(alias, list);
  }
  const verbs = new Map<string, Pattern[]>();
  if (base) for (const [k, list] of base.verbs) verbs.set(k, list);
  for (const [k, list] of own) {
    const prev = verbs.get(k);
    verbs.set(k, prev ? [...prev, ...list] : list);
  }
  const sorted = new Set<Pattern[]>();
  for (const list of verbs.values()) {
    if (sorted.has(list)) continue;
    // stable: equally specific patterns keep dictionary order
    list.sort((a, b) => b.specificity - a.specificity);
    sorted.add(list);
  }
  // merged into the built-in dictionaries, Dyad's own reading applies
  return { verbs, nouns: base ? base.nouns : new Map(), count: (base?.count ?? 0) + dict.patterns.length, ...(base ? {} : { petrarch: true }) };
}
