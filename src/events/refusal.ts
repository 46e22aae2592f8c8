// A stated unwillingness to yield or cooperate ("will not release the prisoners", "would not meet their
// demands", "won't give aid") is a refusal: PLOVER's REJECT, whose modes (yield, meet, assist) are the
// refused acts. Only negated future or hypothetical events count: "did not meet" reports a non-event.

/** PLOVER type of the refused act → CAMEO code of the refusal (CAMEO 12x). */
const REFUSAL_OF: ReadonlyMap<string, string> = new Map([
  ['CONCEDE', '124'], // refuse to yield
  ['RETREAT', '124'],
  ['CONSULT', '125'], // reject proposal to meet or negotiate
  ['AID', '122'], // refuse aid
  ['COOPERATE', '121'], // reject material cooperation
]);

/** The CAMEO code of the refusal an event states, or null when it states none. */
export function refusalCode(plover: string, negated: boolean, future: boolean, hypothetical: boolean): string | null {
  if (!negated || (!future && !hypothetical)) return null;
  return REFUSAL_OF.get(plover) ?? null;
}
