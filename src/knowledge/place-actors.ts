// Place names as actors: "Mariupol", "Kano State government", "Rakhine Buddhists" take the country of
// the place, the way PETRARCH's dictionaries list cities under their country. Only prominent places
// count (regions, capitals and seats, towns of 50,000 or more), so a rare homonym of a surname does not.
import { lookupPlace, type Candidate, type Gazetteer } from './gazetteer.js';

const MIN_POPULATION = 50_000;
const REGION_KINDS = new Set(['ADM1', 'REGION', 'DISPUTED', 'AREA', 'PPLC', 'PPLA']);

function prominent(c: Candidate): boolean {
  return c.kind !== 'COUNTRY' && c.kind !== 'CONT' && c.kind !== 'WATER' && (REGION_KINDS.has(c.kind) || c.population >= MIN_POPULATION);
}

/** name → ISO3 of its most prominent place, or null; memoised (names repeat across a corpus). */
export function placeCountryLookup(g: Gazetteer): (name: string) => string | null {
  const memo = new Map<string, string | null>();
  return (name) => {
    const hit = memo.get(name);
    if (hit !== undefined) return hit;
    let best: Candidate | null = null;
    for (const c of lookupPlace(g, name)) if (!best || c.prior > best.prior) best = c;
    const country = best && best.country && prominent(best) ? best.country : null;
    if (memo.size > 100_000) memo.clear();
    memo.set(name, country);
    return country;
  };
}
