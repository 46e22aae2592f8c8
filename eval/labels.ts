// Label vocabularies of the gold sets and how they map onto what Dyad emits: PLOVER 0.5 event names
// (plover-gsr) and the PLV root codes onto PLOVER 2021, and gold actor codes (ISO3 with a few CAMEO
// leftovers, IGO/NGO) onto Dyad's country + sector codes.
import type { ActorCode } from '../src/types.js';

/** The sixteen PLOVER 2021 event types Dyad emits, in codebook order. */
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

/** The fifteen PLV root codes (PLOVER 2021 with CONCEDE and RETREAT merged as YIELD). */
export const PLV_CLASSES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'YIELD', 'ACCUSE', 'REQUEST',
  'REJECT', 'THREATEN', 'PROTEST', 'MOBILIZE', 'SANCTION', 'COERCE', 'ASSAULT',
] as const;

/** The label of an item for which nothing was predicted. */
export const NONE = 'NONE';

// PLOVER 0.5 names (and YIELD) that differ from PLOVER 2021; the value lists every 2021 type that counts.
const RENAMED: Record<string, readonly string[]> = {
  DEMAND: ['REQUEST'],
  DISAPPROVE: ['ACCUSE'],
  FIGHT: ['ASSAULT'],
  INVESTIGATE: ['ACCUSE'],
  YIELD: ['CONCEDE', 'RETREAT'],
};

/** The PLOVER 2021 types that count as a match for a gold event name (0.5 or 2021, any case). */
export function acceptedTypes(gold: string): readonly string[] {
  const g = gold.trim().toUpperCase();
  return RENAMED[g] ?? [g];
}

/** The class a gold event name is scored under in plover-gsr: its (first) PLOVER 2021 name. */
export function gsrClass(gold: string): string {
  return acceptedTypes(gold)[0];
}

/** A predicted PLOVER 2021 type as a PLV class: CONCEDE and RETREAT become YIELD. */
export function plvClass(plover: string | null | undefined): string {
  if (!plover) return NONE;
  const p = plover.toUpperCase();
  return p === 'CONCEDE' || p === 'RETREAT' ? 'YIELD' : p;
}

// Non-ISO country codes found in CAMEO-era gold data, mapped to ISO 3166-1 alpha-3.
const NON_ISO: Record<string, string> = {
  JAP: 'JPN', ITL: 'ITA', GMY: 'DEU', UK: 'GBR', UKG: 'GBR', ROM: 'ROU', ZAR: 'COD', TMP: 'TLS',
  BUR: 'MMR', SER: 'SRB', KOS: 'XKX', YUG: 'SRB', PAL: 'PSE', SPN: 'ESP',
};

// Gold codes that name a kind of actor, not a country, and the Dyad sector codes that satisfy them.
// IGO: any intergovernmental code Dyad may use (generic IGO, the UN, EU, NATO, African Union, Arab League).
const SECTOR_LIKE: Record<string, readonly string[]> = {
  IGO: ['IGO', 'UNO', 'EUR', 'NAT', 'AFR', 'ARL', 'ASN'],
  NGO: ['NGO', 'NGM'],
  ISM: ['ISM', 'MOS'],
};

/** A gold actor code in the form Dyad uses: ISO3 for countries, the code itself for IGO/NGO/ISM. */
export function normalizeGoldCode(code: string): string {
  const c = code.trim().toUpperCase();
  return NON_ISO[c] ?? c;
}

/** Does a predicted actor match a gold actor code? Countries compare on ISO3; IGO/NGO on sectors. */
export function actorMatches(pred: ActorCode | null | undefined, goldCode: string): boolean {
  if (!pred) return false;
  const g = normalizeGoldCode(goldCode);
  const alts = SECTOR_LIKE[g];
  if (alts) {
    const code = (pred.code ?? '').toUpperCase();
    return pred.sectors.some((s) => alts.includes(s.toUpperCase())) || alts.some((a) => code.startsWith(a)) || pred.country === g;
  }
  return (pred.country ?? '').toUpperCase() === g;
}

/** True when a predicted actor matches any of the gold codes. */
export function actorMatchesAny(pred: ActorCode | null | undefined, goldCodes: readonly string[]): boolean {
  return goldCodes.some((g) => actorMatches(pred, g));
}
