// The event ontology: every CAMEO code with its PLOVER type/mode/context, quad class and Goldstein
// score, plus the PLOVER types' modes and the PLOVER contexts. Data lives in dictionaries/ontology/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DICTIONARIES } from '../paths.js';

/** This module's file (compiled pattern files depend on its code: see patternSourcesKey). */
export const ONTOLOGY_MODULE = fileURLToPath(import.meta.url);

export type Quad = 1 | 2 | 3 | 4;

export interface CameoInfo {
  code: string;
  name: string;
  /** PLOVER type; '' only for CAMEO root 01 (public statements), which PLOVER drops. */
  plover: string;
  mode: string | null;
  context: string | null;
  quad: Quad;
  goldstein: number;
}

export interface PloverInfo {
  type: string;
  quad: Quad;
  /** The PLOVER manual's base conflict/cooperation score for the type. */
  score: number;
  modes: string[];
}

export interface Ontology {
  cameo: Map<string, CameoInfo>;
  ploverTypes: string[];
  /** Per PLOVER type: quad, score and allowed modes. */
  plover: Map<string, PloverInfo>;
  /** PLOVER contexts. */
  contexts: Set<string>;
}

/** The 16 PLOVER 2021 event types, cooperation first. */
export const PLOVER_TYPES: readonly string[] = Object.freeze([
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
]);

const QUAD_OF: Readonly<Record<string, Quad>> = Object.freeze({
  AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1,
  COOPERATE: 2, AID: 2, RETREAT: 2,
  REQUEST: 3, ACCUSE: 3, REJECT: 3, THREATEN: 3,
  PROTEST: 4, SANCTION: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4,
});

/** Quad class of a PLOVER type (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict). */
export function quadOfPlover(type: string): Quad {
  const q = QUAD_OF[type];
  if (q === undefined) throw new Error(`unknown PLOVER type: ${type}`);
  return q;
}

const CODE_RE = /^(0[1-9]|1[0-9]|20)[0-9]{0,2}$/;

/** True if `code` looks like a CAMEO event code (root 01-20, 2 to 4 digits). */
export function isCameoCode(code: string): boolean {
  return CODE_RE.test(code);
}

/**
 * The entry for a CAMEO code; an unknown 4- or 3-digit code falls back to its 3-digit parent, then
 * its root (the returned entry is the ancestor's, with the ancestor's code). Throws if not even the
 * root is known.
 */
export function cameoInfo(o: Ontology, code: string): CameoInfo {
  for (let len = Math.min(code.length, 4); len >= 2; len--) {
    const hit = o.cameo.get(code.slice(0, len));
    if (hit) return hit;
  }
  throw new Error(`unknown CAMEO code: ${code}`);
}

/** Non-comment, non-blank lines with their 1-based line numbers. */
function dataLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
    out.push({ line: i + 1, text: t });
  }
  return out;
}

function fail(file: string, line: number, reason: string): never {
  throw new Error(`${file}:${line}: ${reason}`);
}

function parsePlover(text: string, file: string): Map<string, PloverInfo> {
  const out = new Map<string, PloverInfo>();
  for (const { line, text: t } of dataLines(text)) {
    const cols = t.split('\t');
    if (cols.length < 4) fail(file, line, `expected at least 4 tab-separated columns, got ${cols.length}`);
    const [type, quadS, scoreS, modesS] = cols;
    if (!(type in QUAD_OF)) fail(file, line, `unknown PLOVER type ${type}`);
    const quad = Number(quadS);
    if (quad !== QUAD_OF[type]) fail(file, line, `quad ${quadS} disagrees with ${type}'s quad ${QUAD_OF[type]}`);
    const score = Number(scoreS);
    if (!Number.isFinite(score)) fail(file, line, `bad score ${scoreS}`);
    const modes = modesS.trim() === '' ? [] : modesS.split(',').map((m) => m.trim());
    out.set(type, { type, quad: quad as Quad, score, modes });
  }
  for (const t of PLOVER_TYPES) if (!out.has(t)) fail(file, 0, `PLOVER type ${t} missing`);
  return out;
}

function parseCameo(text: string, file: string, plover: Map<string, PloverInfo>, contexts: Set<string>): Map<string, CameoInfo> {
  const out = new Map<string, CameoInfo>();
  for (const { line, text: t } of dataLines(text)) {
    const cols = t.split('\t');
    if (cols.length !== 7) fail(file, line, `expected 7 tab-separated columns, got ${cols.length}`);
    const [code, name, type, modeS, contextS, quadS, goldS] = cols.map((c) => c.trim());
    if (!isCameoCode(code)) fail(file, line, `bad CAMEO code ${code}`);
    if (out.has(code)) fail(file, line, `duplicate CAMEO code ${code}`);
    if (code.length > 2 && !out.has(code.slice(0, code.length - 1)) && !out.has(code.slice(0, 3)))
      fail(file, line, `code ${code} listed before its parent`);
    if (name === '') fail(file, line, 'empty name');
    const info = type === '' ? null : plover.get(type);
    if (type === '' ? !code.startsWith('01') : !info) fail(file, line, `bad PLOVER type '${type}'`);
    if (modeS !== '' && !(info && info.modes.includes(modeS))) fail(file, line, `mode '${modeS}' is not a mode of ${type || 'no type'}`);
    if (contextS !== '' && !contexts.has(contextS)) fail(file, line, `unknown context '${contextS}'`);
    const quad = Number(quadS);
    if (quad !== (info ? info.quad : 1)) fail(file, line, `quad ${quadS} disagrees with the PLOVER type`);
    const goldstein = Number(goldS);
    if (goldS === '' || !Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10) fail(file, line, `bad Goldstein score ${goldS}`);
    out.set(code, {
      code, name, plover: type, mode: modeS || null, context: contextS || null, quad: quad as Quad, goldstein,
    });
  }
  return out;
}

/** Load the ontology tables from `<dir>/ontology/` (default: the package's dictionaries). Throws with file:line on bad data. */
export function loadOntology(dir: string = DICTIONARIES): Ontology {
  const base = join(dir, 'ontology');
  const read = (f: string) => readFileSync(join(base, f), 'utf8');
  const contexts = new Set(dataLines(read('contexts.txt')).map((l) => l.text.trim()));
  const plover = parsePlover(read('plover.tsv'), 'ontology/plover.tsv');
  const cameo = parseCameo(read('cameo.tsv'), 'ontology/cameo.tsv', plover, contexts);
  return { cameo, ploverTypes: [...PLOVER_TYPES], plover, contexts };
}
