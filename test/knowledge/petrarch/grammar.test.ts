// PETRARCH dictionary constructs, each on a tiny dictionary and one sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeWith } from '../../../src/analyze.js';
import type { Knowledge } from '../../../src/knowledge/index.js';
import { petrarchKnowledge } from '../../../src/knowledge/petrarch/index.js';

const ACTORS = `
ARNOR [ARN]
GONDOR [GON]
ERIADOR [ERI]
ROHAN [ROH]
`;

const AGENTS = `
OFFICIAL [~GOV]
`;

function knowledge(verbs: string, actors = ACTORS, agents = AGENTS): Knowledge {
  const r = petrarchKnowledge({ verbs: { file: 'v', text: verbs }, actors: [{ file: 'a', text: actors }], agents: { file: 'g', text: agents } });
  assert.deepEqual(r.errors, []);
  return r.knowledge;
}

function coded(k: Knowledge, text: string, date = '1995-01-01'): string[] {
  return codeWith({ id: 't', date, text }, k).map((e) => `${e.source.code ?? '-'}>${e.target?.code ?? '-'}:${e.event.cameo}`);
}

test('multi-word synset members before the verb are consecutive words', () => {
  const k = knowledge(`
&NEGAUX
+DID NOT
+WILL NOT
+SURELY WILL

--- CLASH [223] ---
CLASH
- &NEGAUX EVER * OVER [905]
- &NEGAUX * OVER [904]
- * OVER [121]
`);
  assert.deepEqual(coded(k, 'Arnor will not clash over Gondor.'), ['ARN>GON:904']);
  assert.deepEqual(coded(k, 'Arnor did not ever clash over Gondor.'), ['ARN>GON:905']);
  assert.deepEqual(coded(k, 'Arnor surely will clash over Gondor.'), ['ARN>GON:904']);
  // the member's words apart: not the member
  assert.deepEqual(coded(k, 'Arnor surely now will clash over Gondor.'), ['ARN>GON:121']);
});

test('% before the verb: a compound subject with no target codes its members towards each other', () => {
  const k = knowledge(`
--- DOWNPLAY [042] ---
DOWNPLAY
- % HAVE * [191]
`);
  assert.deepEqual(coded(k, 'Arnor and Gondor have downplayed their meeting.'), ['ARN>GON:191', 'GON>ARN:191']);
  assert.deepEqual(coded(k, 'Arnor and Gondor have downplayed the meeting with Eriador.'), ['ARN>ERI:191', 'GON>ERI:191']);
  // pattern words are the text's words as written: HAVE is not "has"
  assert.deepEqual(coded(k, 'Arnor has downplayed the meeting with Gondor.'), ['ARN>GON:042']);
});

test('compound actors joined across determiners, adjectives and ", and"', () => {
  const k = knowledge(`
--- WELCOME [041] ---
WELCOME
`);
  assert.deepEqual(coded(k, 'Arnor, the awful Eriador, and good Gondor welcomed ties with Rohan.'), ['ARN>ROH:041', 'ERI>ROH:041', 'GON>ROH:041']);
  assert.deepEqual(coded(k, 'Arnor and the brave Eriador welcomed ties with Gondor.'), ['ARN>GON:041', 'ERI>GON:041']);
  assert.deepEqual(coded(k, 'Gondor welcomed ties with Arnor and the brave Eriador.'), ['GON>ARN:041', 'GON>ERI:041']);
});

test('a country name before a noun is the country; a participle after a determiner is an adjective', () => {
  const k = knowledge(`
--- PROMISE [050] ---
PROMISE
`);
  assert.deepEqual(coded(k, 'Arnor promised aid to the affected Gondor villages.'), ['ARN>GON:050']);
});

test('words before +VERB in a multi-word verb must come right before it', () => {
  const k = knowledge(`
--- TAP [---] ---
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING} [081]
`);
  assert.deepEqual(coded(k, 'Arnor will wire tap the phones of Gondor.'), ['ARN>GON:081']);
  assert.deepEqual(coded(k, 'Arnor will tap the phones of Gondor.'), []);
});

test('an agent "in" or "from" a country takes its code', () => {
  const k = knowledge(`
--- CORDON [---] ---
+CORDON_OFF {+CORDONED_OFF} [1721]
`, ACTORS, 'SOLDIER [~MIL]\n');
  assert.deepEqual(coded(k, 'Soldiers from Gondor have cordoned off the roads leading into Arnor.'), ['GONMIL>ARN:1721']);
  assert.deepEqual(coded(k, 'Soldiers in Gondor have cordoned off Arnor.'), ['GONMIL>ARN:1721']);
});

test('an actor coded [A/B] names several actors: the event is coded for each', () => {
  const k = knowledge(`
--- RESTORE [064] ---
RESTORE
`, ACTORS + 'THE_SHIRE [FRO/BIL]\nLORIEN [ELR/GAL]\n');
  assert.deepEqual(coded(k, 'The Shire restored ties with Lorien.'), ['FRO>ELR:064', 'FRO>GAL:064', 'BIL>ELR:064', 'BIL>GAL:064']);
  assert.deepEqual(coded(k, 'Gondor restored ties with Lorien.'), ['GON>ELR:064', 'GON>GAL:064']);
});

test('a verb listed in its own block (LEFT beside LEAVE) codes with that block', () => {
  const k = knowledge(`
--- LEAVE [042] ---
LEAVE

--- LEFT [032:033] ---
LEFT
`);
  assert.deepEqual(coded(k, 'Arnor left for Gondor.'), ['ARN>GON:032', 'GON>ARN:033']);
  assert.deepEqual(coded(k, 'Arnor leaves Gondor.'), ['ARN>GON:042']);
});

test('pattern words match the words as written, not their lemmas', () => {
  const k = knowledge(`
--- ADOPT [081] ---
ADOPT
- * RESOLUTION [102]
`);
  assert.deepEqual(coded(k, 'Arnor adopted a resolution with Gondor.'), ['ARN>GON:102']);
  assert.deepEqual(coded(k, 'Arnor adopted resolutions with Gondor.'), ['ARN>GON:081']);
});

test('a pattern code without digits ([+++], [xxy]) is skipped with an error', () => {
  const r = petrarchKnowledge({ verbs: { file: 'v', text: '--- RESTORE [064] ---\nRESTORE\n- * FXLL [+++]\n- * FULL [065]\n' }, actors: [{ file: 'a', text: ACTORS }] });
  assert.deepEqual(r.errors.map((e) => e.line), [3]);
  assert.deepEqual(coded(r.knowledge, 'Arnor restored fxll full ties with Gondor.'), ['ARN>GON:065']);
});

test('PETRARCH reading: a "that" complement is the object; a passive without "by" reads as active', () => {
  const k = knowledge(`
--- ALLOW [080] ---
ALLOW
- * REALLY_PLEASANT [024]
- RECENTLY_* [025]

--- CRITICIZE [121] ---
CRITICIZE
- HEAVILY * [122]
`);
  assert.deepEqual(coded(k, 'Arnor allowed that Gondor is a really pleasant place.'), ['ARN>GON:024']);
  assert.deepEqual(coded(k, 'Arnor allowed that Gondor is a pleasant place.'), ['ARN>GON:080']);
  // _ before the verb: directly before it, auxiliaries included
  assert.deepEqual(coded(k, 'Arnor recently allowed Gondor in.'), ['ARN>GON:025']);
  assert.deepEqual(coded(k, 'Arnor recently did allow Gondor in.'), ['ARN>GON:080']);
  assert.deepEqual(coded(k, 'Arnor was heavily criticized over its dispute with Gondor.'), ['ARN>GON:122']);
  assert.deepEqual(coded(k, 'Arnor was criticized by Gondor.'), ['GON>ARN:121']);
});

test('an underscore glued between words in the text joins them like a dictionary phrase', () => {
  const k = knowledge(`
--- WARN [160] ---
WARN
`, ACTORS + 'PRINCE OF DOL AMROTH [DOL]\n');
  assert.deepEqual(coded(k, 'Gondor warned the Prince of Dol_Amroth.'), ['GON>DOL:160']);
});

test('a possessive before an uncoded noun phrase stands for it as subject', () => {
  const k = knowledge(`
--- FREE [---] ---
FREE
- + * FROM $ [066]
`, ACTORS + 'BARAD-DUR [MOR]\n');
  assert.deepEqual(coded(k, "Gondor's palace guard militia was freed from Barad-dur."), ['MOR>GON:066']);
  const toll = knowledge(`
--- RISEN [---] ---
RISEN
- DEATH TOLL * [223]
`);
  assert.deepEqual(coded(toll, "Eriador's death and injury toll has risen in the dispute with Gondor."), ['ERI>GON:223']);
});

test('PETRARCH reading: a purpose infinitive is part of the verb phrase', () => {
  const k = knowledge(`
--- SIGN [081] ---
SIGN
`);
  assert.deepEqual(coded(k, 'Arnor signed an accord on Thursday to supply Gondor with wheat.'), ['ARN>GON:081']);
});

test('"after" before a clause subject opens a clause; a comma-fronted subject ends the previous object', () => {
  const k = knowledge(`
--- BURN [---] ---
+BURN_DOWN [222]

--- SAY [023] ---
SAY
`);
  assert.deepEqual(coded(k, 'Arnor restored ties after Gondor crowds burned down its embassy, a senior Eriador official said.'), ['GON>-:222', 'ERIGOV>-:023']);
});

test('an agent coded [NGO~] leads the code of the actor after it; alone it is the organisation', () => {
  const k = knowledge(`
--- RESTORE [064] ---
RESTORE
`, ACTORS, 'MSF {} [NGO~]\nDIPLOMAT [~GOV]\n');
  assert.deepEqual(coded(k, 'An MSF Arnor diplomat restored ties with Gondor.'), ['NGOARNGOV>GON:064']);
  assert.deepEqual(coded(k, 'MSF restored ties with Gondor.'), ['NGO>GON:064']);
});

test('PETRARCH reading: a source that codes nothing codes no event', () => {
  const k = knowledge(`
--- SAY [023] ---
SAY
`);
  assert.deepEqual(coded(k, 'The news agency WFNA said on Thursday.'), []);
  assert.deepEqual(coded(k, 'Arnor said on Thursday.'), ['ARN>-:023']);
});
