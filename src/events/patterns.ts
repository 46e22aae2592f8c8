// Verb and noun pattern dictionaries (dictionaries/verbs/*.txt, dictionaries/nouns.txt): parse the
// PETRARCH-like line format into Pattern objects keyed by head lemma, most specific first.
// Grammar (documented for editors in dictionaries/verbs/README.md):
//   <pattern>  =>  <CAMEO code> [mode=<plover mode>] [context=<context>] [plover=<TYPE override>]
//   pattern = head lemma, then: word|alternatives, $ (target), +particle, !passive, !no-target
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compiledKey, encodeCompiled, readCompiled } from '../knowledge/compiled.js';
import { BUILD_DIR, DICTIONARIES } from '../paths.js';
import { ONTOLOGY_MODULE, type Ontology, PLOVER_TYPES } from './ontology.js';

/**
 * One slot of a pattern. `adjacent` words must follow the previous slot (or the verb) directly;
 * `source` (PETRARCH's `$` after the verb) takes the event's source from after the verb.
 */
export type PatternElement =
  | { kind: 'words'; alts: string[]; adjacent?: boolean }
  | { kind: 'target' }
  | { kind: 'source' }
  | { kind: 'particle'; word: string };

export interface Pattern {
  /** Verb or noun lemma. */
  head: string;
  /** From +word elements, in order. */
  particles: string[];
  /** Non-particle elements after the head, in order. */
  elements: PatternElement[];
  cameo: string;
  /** PLOVER type/mode/context: from the ontology unless the line overrides them. */
  plover: string;
  mode: string | null;
  context: string | null;
  passiveOnly: boolean;
  noTarget: boolean;
  /** "verbs/agree.txt#12": file relative to dictionaries/, and line number. */
  rule: string;
  /** Higher = tried first: count of words/target/particle elements. */
  specificity: number;
  /** Words that must come before the verb in its clause, in text order (PETRARCH's `SAID *`). */
  before?: { alts: string[]; adjacent?: boolean }[];
  /** Pattern words match the text's words as written, not their lemmas (PETRARCH does not stem). */
  surfaceWords?: boolean;
  /** PETRARCH's `%` before the verb: with no target, the members of a compound subject act on each other. */
  compoundSource?: boolean;
  /** The event coded in the other direction as well (PETRARCH's `[A:B]`: B is target → source). */
  reverse?: Pattern | null;
}

export interface PatternSet {
  verbs: Map<string, Pattern[]>;
  nouns: Map<string, Pattern[]>;
  count: number;
  /**
   * Read the way PETRARCH reads its dictionaries (set by the PETRARCH loader): a "that" complement right
   * after the verb is part of its object (so is a purpose infinitive), a passive without a by-phrase is coded
   * like an active clause, and a source that codes nothing codes no event.
   */
  petrarch?: boolean;
}

export interface PatternError {
  file: string;
  line: number;
  reason: string;
}

// A word: lower-case letters/digits with inner hyphens, apostrophes or dots ("sit-in", "n't", "u.s.").
const WORD_RE = /^[a-z0-9][a-z0-9'.-]*$/;
const OPTION_RE = /^(mode|context|plover)=(\S+)$/;

/** Strip a trailing "# ..." comment (a '#' at the start or after whitespace). */
function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) === 35 /* # */ && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) return line.slice(0, i);
  }
  return line;
}

/** Parse one line; returns null for blank/comment lines, a string for an error. */
function parseLine(raw: string, rule: string, o: Ontology): Pattern | string | null {
  const line = stripComment(raw).trim();
  if (line === '') return null;
  const arrow = line.indexOf('=>');
  if (arrow < 0) return "missing '=>'";
  if (line.indexOf('=>', arrow + 2) >= 0) return "more than one '=>'";
  const lhs = line.slice(0, arrow).trim().split(/\s+/).filter((s) => s !== '');
  const rhs = line.slice(arrow + 2).trim().split(/\s+/).filter((s) => s !== '');
  if (lhs.length === 0) return 'empty pattern before =>';
  if (rhs.length === 0) return 'missing CAMEO code after =>';

  const head = lhs[0];
  if (!WORD_RE.test(head)) return `head '${head}' must be one lower-case lemma (no $, +, !, | or capitals)`;
  const particles: string[] = [];
  const elements: PatternElement[] = [];
  let passiveOnly = false;
  let noTarget = false;
  for (const tok of lhs.slice(1)) {
    if (tok === '$') {
      elements.push({ kind: 'target' });
    } else if (tok.startsWith('+')) {
      const w = tok.slice(1);
      if (!WORD_RE.test(w)) return `bad particle '${tok}'`;
      particles.push(w);
    } else if (tok.startsWith('!')) {
      if (tok === '!passive') passiveOnly = true;
      else if (tok === '!no-target') noTarget = true;
      else return `unknown flag '${tok}' (use !passive or !no-target)`;
    } else {
      const alts = tok.split('|');
      for (const a of alts) if (!WORD_RE.test(a)) return `bad word '${a}' in '${tok}' (lower case, no empty alternatives)`;
      if (new Set(alts).size !== alts.length) return `repeated alternative in '${tok}'`;
      elements.push({ kind: 'words', alts });
    }
  }
  if (noTarget && elements.some((e) => e.kind === 'target')) return "'!no-target' with a '$' target slot";

  const cameo = rhs[0];
  const info = o.cameo.get(cameo);
  if (!info) return `unknown CAMEO code '${cameo}'`;
  let plover = info.plover;
  let mode: string | null = info.mode;
  let context: string | null = info.context;
  const seen = new Set<string>();
  let modeOverride: string | null = null;
  for (const opt of rhs.slice(1)) {
    const m = OPTION_RE.exec(opt);
    if (!m) return `bad option '${opt}' (expected mode=, context= or plover=)`;
    const [, key, value] = m;
    if (seen.has(key)) return `option '${key}' given twice`;
    seen.add(key);
    if (key === 'plover') {
      if (!PLOVER_TYPES.includes(value)) return `unknown PLOVER type '${value}'`;
      plover = value;
    } else if (key === 'mode') {
      modeOverride = value;
    } else {
      if (!o.contexts.has(value)) return `unknown PLOVER context '${value}'`;
      context = value;
    }
  }
  const allowed = o.plover.get(plover)?.modes ?? [];
  if (modeOverride !== null) {
    if (!allowed.includes(modeOverride)) return `mode '${modeOverride}' is not a mode of ${plover || 'CAMEO ' + cameo}`;
    mode = modeOverride;
  } else if (mode !== null && !allowed.includes(mode)) {
    // the code's own mode does not fit an overridden type
    mode = null;
  }
  const specificity = elements.length + particles.length;
  return {
    head, particles, elements, cameo, plover, mode, context, passiveOnly, noTarget, rule, specificity,
  };
}

/** A key that identifies what a pattern matches (for duplicate detection). */
function matchKey(p: Pattern): string {
  const els = p.elements.map((e) => (e.kind === 'target' ? '$' : e.kind === 'source' ? '$source' : e.kind === 'words' ? [...e.alts].sort().join('|') : '+' + e.word));
  return [p.head, ...p.particles.map((w) => '+' + w), ...els, p.passiveOnly ? '!passive' : '', p.noTarget ? '!no-target' : ''].join(' ');
}

/** Parse one dictionary file's text. `file` (relative to dictionaries/) names the rules and errors. */
export function parsePatternFile(text: string, file: string, o: Ontology): { patterns: Pattern[]; errors: PatternError[] } {
  const patterns: Pattern[] = [];
  const errors: PatternError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const r = parseLine(lines[i], `${file}#${i + 1}`, o);
    if (r === null) continue;
    if (typeof r === 'string') {
      errors.push({ file, line: i + 1, reason: r });
      continue;
    }
    const key = matchKey(r);
    const prev = seen.get(key);
    if (prev !== undefined) {
      errors.push({ file, line: i + 1, reason: `duplicate of line ${prev}` });
      continue;
    }
    seen.set(key, i + 1);
    patterns.push(r);
  }
  return { patterns, errors };
}

function addAll(map: Map<string, Pattern[]>, ps: Pattern[]): void {
  for (const p of ps) {
    const list = map.get(p.head);
    if (list) list.push(p);
    else map.set(p.head, [p]);
  }
}

/** Stable sort of every list: most specific first, then dictionary order. */
function sortAll(map: Map<string, Pattern[]>): void {
  for (const list of map.values()) list.sort((a, b) => b.specificity - a.specificity);
}

/** The texts loadPatterns compiles: `<dir>/verbs/*.txt` (file-name order) and `<dir>/nouns.txt`, by relative path. */
export interface PatternSources {
  verbs: [string, string][];
  nouns: [string, string];
}

export function readPatternSources(dir: string = DICTIONARIES): PatternSources {
  const verbFiles = readdirSync(join(dir, 'verbs')).filter((f) => f.endsWith('.txt')).sort();
  const read = (rel: string): [string, string] => [rel, readFileSync(join(dir, rel), 'utf8')];
  return { verbs: verbFiles.map((f) => read(`verbs/${f}`)), nouns: read('nouns.txt') };
}

/** The built-in patterns compiled by the build (scripts/build-gazetteer.ts); see knowledge/compiled.ts. */
export const PATTERNS_FILE = join(BUILD_DIR, 'patterns.bin');
const PATTERNS_MAGIC = 'DYADPAT1';
const THIS_MODULE = fileURLToPath(import.meta.url);

/** What compiled patterns depend on: the texts, the ontology and the code (this module, ontology.ts). */
export function patternSourcesKey(o: Ontology, src: PatternSources): string {
  // (JSON, not V8's serialiser: that writes a number as an integer or a double depending on how V8
  // happens to store it, so the same ontology can serialise differently once code has run on it)
  const parts: string[] = [JSON.stringify(o, (_k, v: unknown) => (v instanceof Map ? { map: [...v] } : v instanceof Set ? { set: [...v] } : v))];
  for (const [rel, text] of [...src.verbs, src.nouns]) parts.push(rel, text);
  return compiledKey(PATTERNS_MAGIC, parts, [THIS_MODULE, ONTOLOGY_MODULE]);
}

/** Serialise compiled patterns for build/patterns.bin, keyed by what they were compiled from. */
export function encodePatterns(set: PatternSet, key: string): Buffer {
  return encodeCompiled(PATTERNS_MAGIC, key, set);
}

/**
 * Load every `<dir>/verbs/*.txt` (in file-name order) and `<dir>/nouns.txt`. Throws one error listing
 * every malformed line as file:line, and patterns repeated across files. Read from `compiled`
 * (build/patterns.bin) when that was compiled from the same texts, ontology and code.
 */
export function loadPatterns(o: Ontology, dir: string = DICTIONARIES, compiled: string = PATTERNS_FILE): PatternSet {
  const src = readPatternSources(dir);
  return readCompiled<PatternSet>(compiled, PATTERNS_MAGIC, patternSourcesKey(o, src)) ?? compilePatterns(o, src);
}

/** Compile pattern texts (see loadPatterns). Pure. */
export function compilePatterns(o: Ontology, src: PatternSources): PatternSet {
  const errors: PatternError[] = [];
  const verbs = new Map<string, Pattern[]>();
  const nouns = new Map<string, Pattern[]>();
  let count = 0;
  const load = ([rel, text]: [string, string], into: Map<string, Pattern[]>, seen: Map<string, string>) => {
    const r = parsePatternFile(text, rel, o);
    errors.push(...r.errors);
    for (const p of r.patterns) {
      const key = matchKey(p);
      const prev = seen.get(key);
      if (prev !== undefined) {
        const [file, line] = p.rule.split('#');
        errors.push({ file, line: Number(line), reason: `duplicate of ${prev}` });
      } else seen.set(key, p.rule);
    }
    addAll(into, r.patterns);
    count += r.patterns.length;
  };
  const seenVerbs = new Map<string, string>();
  for (const f of src.verbs) load(f, verbs, seenVerbs);
  load(src.nouns, nouns, new Map());
  if (errors.length > 0) {
    throw new Error(`bad pattern dictionary lines:\n${errors.map((e) => `  ${e.file}:${e.line}: ${e.reason}`).join('\n')}`);
  }
  sortAll(verbs);
  sortAll(nouns);
  return { verbs, nouns, count };
}
