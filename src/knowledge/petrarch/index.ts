// Load PETRARCH-format dictionaries into a Knowledge object: each given part either replaces the
// built-in one or (merge) is added to it. Malformed lines are collected as file:line errors and skipped;
// only an unreadable file throws.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Article, EventRecord } from '../../types.js';
import { codeWith } from '../../analyze.js';
import { buildKnowledge, type Knowledge } from '../index.js';
import { loadActorKnowledge, type ActorKnowledge } from '../actors.js';
import { loadOntology, type CameoInfo, type Ontology } from '../../events/ontology.js';
import { loadPatterns } from '../../events/patterns.js';
import type { DictError } from './lines.js';
import { parseVerbDictionary, toPatternSet, NON_CAMEO_PLOVER, type ApproximationKind } from './verbs.js';
import { compileActors, parseActorDictionary, parseAgentDictionary } from './actors.js';
import { applyDiscards, parseDiscards, type Discards } from './discards.js';

export { APPROXIMATIONS, type ApproximationKind } from './verbs.js';
export type { DictError } from './lines.js';
export type { Discards } from './discards.js';

export interface PetrarchFiles {
  verbs?: string;
  /** One or more actor files (PETRARCH splits countries, international and non-state actors). */
  actors?: string[];
  agents?: string;
  discards?: string;
}

export interface PetrarchTexts {
  verbs?: { file: string; text: string };
  actors?: { file: string; text: string }[];
  agents?: { file: string; text: string };
  discards?: { file: string; text: string };
}

export interface PetrarchLoad {
  knowledge: Knowledge;
  discards: Discards | null;
  errors: DictError[];
  approximations: Map<ApproximationKind, number>;
  stats: { verbBlocks: number; verbPatterns: number; patterns: number; actorRecords: number; agents: number; discards: number };
}

export interface PetrarchOptions {
  /** Add to the built-in dictionaries instead of replacing the parts given. */
  merge?: boolean;
  /** The built-in knowledge to merge with or to take the parts not given from (default: loaded). */
  base?: Partial<Knowledge>;
}



/** The discard list loaded with a knowledge object, if any. */
export function discardsOf(k: Knowledge): Discards | null {
  return k.discards;
}

/** `codeWith`, then PETRARCH's discards (sentence and story) when the knowledge carries them. */
export function codeWithDiscards(article: Article, k: Knowledge): EventRecord[] {
  return codeWith(article, k);
}

/** Read the files (an unreadable one throws) and build the knowledge. */
export function loadPetrarchKnowledge(files: PetrarchFiles, options: PetrarchOptions = {}): PetrarchLoad {
  const read = (f: string) => {
    try {
      return { file: basename(f), text: readFileSync(f, 'utf8') };
    } catch (err) {
      throw new Error(`cannot read dictionary ${f}: ${(err as Error).message}`);
    }
  };
  return petrarchKnowledge(
    {
      verbs: files.verbs ? read(files.verbs) : undefined,
      actors: files.actors?.map(read),
      agents: files.agents ? read(files.agents) : undefined,
      discards: files.discards ? read(files.discards) : undefined,
    },
    options,
  );
}

/** Build knowledge from dictionary texts (pure apart from loading the built-in parts not given). */
export function petrarchKnowledge(texts: PetrarchTexts, options: PetrarchOptions = {}): PetrarchLoad {
  const merge = options.merge ?? false;
  const base = options.base ?? {};
  const errors: DictError[] = [];
  const approximations = new Map<ApproximationKind, number>();
  const stats = { verbBlocks: 0, verbPatterns: 0, patterns: 0, actorRecords: 0, agents: 0, discards: 0 };
  let ontology = base.ontology ?? loadOntology();
  const parts: Partial<Knowledge> = { ...base };

  if (texts.verbs) {
    const v = parseVerbDictionary(texts.verbs.text, texts.verbs.file, ontology);
    errors.push(...v.errors);
    for (const [k, n] of v.approximations) approximations.set(k, (approximations.get(k) ?? 0) + n);
    ontology = extendOntology(ontology, v.otherCodes);
    const builtin = merge ? base.patterns ?? loadPatterns(ontology) : undefined;
    parts.patterns = toPatternSet(v, builtin);
    // PETRARCH codes are final: no recoding of future cooperation as intent (our PLOVER rule)
    if (!merge) parts.intents = new Map();
    stats.verbBlocks = v.blocks;
    stats.verbPatterns = v.patternLines;
    stats.patterns = v.patterns.length;
  }
  parts.ontology = ontology;

  if (texts.actors?.length || texts.agents) {
    const actors = (texts.actors ?? []).map((a) => parseActorDictionary(a.text, a.file));
    const agents = texts.agents ? [parseAgentDictionary(texts.agents.text, texts.agents.file)] : [];
    for (const a of actors) errors.push(...a.errors);
    for (const a of agents) errors.push(...a.errors);
    stats.actorRecords = actors.reduce((n, a) => n + a.records.length, 0);
    stats.agents = agents.reduce((n, a) => n + a.agents.length, 0);
    const builtin: ActorKnowledge = base.actors ?? loadActorKnowledge();
    // Replacing only the actors keeps the built-in agent words (and vice versa); replacing both starts
    // from an empty trie; merging adds to all of it.
    const hasActors = !!texts.actors?.length;
    const keep = merge ? 'all' : hasActors && texts.agents ? null : hasActors ? 'agents' : 'actors';
    parts.actors = compileActors({ actors, agents }, keep ? builtin : null, builtin.pronouns, keep ?? 'all');
  }

  let discards: Discards | null = null;
  if (texts.discards) {
    const d = parseDiscards(texts.discards.text, texts.discards.file);
    errors.push(...d.errors);
    discards = d.discards;
    stats.discards = d.discards.sentence.length + d.discards.story.length;
  }
  // errors in file order, then line order (readers report some only after a whole block is read)
  const fileOrder = new Map<string, number>();
  for (const e of errors) if (!fileOrder.has(e.file)) fileOrder.set(e.file, fileOrder.size);
  errors.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line);
  const knowledge = buildKnowledge({ ...parts, discards });
  return { knowledge, discards, errors, approximations, stats };
}

/** The ontology plus an entry for each non-CAMEO code a PETRARCH dictionary uses (so records can be built). */
function extendOntology(o: Ontology, codes: Set<string>): Ontology {
  if (codes.size === 0) return o;
  const cameo = new Map(o.cameo);
  for (const code of codes) {
    const info: CameoInfo = { code, name: 'PETRARCH dictionary code (not CAMEO)', plover: NON_CAMEO_PLOVER, mode: null, context: null, quad: 1, goldstein: 0 };
    cameo.set(code, info);
  }
  return { ...o, cameo };
}

/** "file:line: reason" lines. */
export function formatErrors(errors: DictError[]): string[] {
  return errors.map((e) => `${e.file}:${e.line}: ${e.reason}`);
}
