// Future cooperation is an intention: PLOVER codes "will sign", "plans to send aid" as AGREE, not as
// the cooperative type plus a future auxiliary. The families come from dictionaries/ontology/intent.tsv.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICTIONARIES } from '../paths.js';
import type { CameoInfo, Ontology } from './ontology.js';

/** PLOVER type → CAMEO intent family code. */
export type IntentTable = Map<string, string>;

export function parseIntentTable(text: string, file = 'ontology/intent.tsv'): IntentTable {
  const table: IntentTable = new Map();
  text.split('\n').forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const [type, code] = t.split('\t');
    if (!type || !code || !/^\d{3,4}$/.test(code)) throw new Error(`${file}:${i + 1}: expected "TYPE<TAB>code"`);
    table.set(type, code);
  });
  return table;
}

export function loadIntentTable(dir = DICTIONARIES): IntentTable {
  return parseIntentTable(readFileSync(join(dir, 'ontology', 'intent.tsv'), 'utf8'));
}

// Per ontology: family code → (context → the family member with that context). A pure cache.
const byContextCache = new WeakMap<Ontology, Map<string, Map<string, CameoInfo>>>();

function familyMembers(o: Ontology, family: string): Map<string, CameoInfo> {
  let families = byContextCache.get(o);
  if (!families) byContextCache.set(o, (families = new Map()));
  let members = families.get(family);
  if (!members) {
    members = new Map();
    for (const info of o.cameo.values()) {
      if (info.code.length === family.length + 1 && info.code.startsWith(family) && info.context && !members.has(info.context)) members.set(info.context, info);
    }
    families.set(family, members);
  }
  return members;
}

/** The AGREE (intent) coding of a cooperative event, or null when the type has no intent family. */
export function intentCoding(o: Ontology, table: IntentTable, plover: string, context: string | null): CameoInfo | null {
  const family = table.get(plover);
  if (!family) return null;
  const member = context ? familyMembers(o, family).get(context) : undefined;
  return member ?? o.cameo.get(family) ?? null;
}
