import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeWith } from '../../../src/analyze.js';
import { buildKnowledge, loadKnowledge, type Knowledge } from '../../../src/knowledge/index.js';
import { loadOntology } from '../../../src/events/ontology.js';
import { parseVerbDictionary, toPatternSet } from '../../../src/knowledge/petrarch/verbs.js';
import { compileActors, parseActorDictionary, parseAgentDictionary } from '../../../src/knowledge/petrarch/actors.js';
import { discardLevel, parseDiscards } from '../../../src/knowledge/petrarch/discards.js';
import { codeWithDiscards, petrarchKnowledge } from '../../../src/knowledge/petrarch/index.js';
import { dictLines, petrarchDate } from '../../../src/knowledge/petrarch/lines.js';
import { builtinOnly, knowledgeFromFlags } from '../../../src/cli/dictionaries.js';
import { SHARED_DIR } from '../../../src/paths.js';

const VERBS = `
<!-- tiny test dictionary -->
&CURRENCY
+DOLLARS
+SWISS FRANCS

--- RESTORE  [064] ---
RESTORE   # comment
- * TIES  [065]
- SAID * ORDER [066]
- NOT *  [112]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &CURRENCY [903]

--- WARN [160] ---
WARN
- * + ABOUT [162]
- * ^ AGAINST $ [163]

--- ACCUSE [112] ---
ACCUSE
- WAS * BY $ [111]
- * + OF_TREASON [1121]

--- SNUB [---] ---
SNUB

--- BREAK [---] ---
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN} [161]

--- ARRIVE [032:033] ---
ARRIVE

--- PLEDGE [---] ---
PLEDGE
- * {FULL SUPPORT} (TO) [051]
- * (FOR % ) [052]
`;

const ACTORS = `
ARNOR_ [ARN]
GONDOR [GON]
+MINAS_TIRITH
GOLLUM  # dated
+SMEAGOL
\t[HOB <950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB >990816]
BOROMIR [---]
ARAGORN [ARN]
`;

const AGENTS = `
!PERSON! = MAN, WOMAN
SPOKES!PERSON! [~GOV]
SOLDIER [~MIL]
POLICE {} [~COP]
PRESIDENT [~GOV]
`;

const base = loadKnowledge();

/** Knowledge built literally through buildKnowledge from the converted parts. */
function tinyKnowledge(): Knowledge {
  const ontology = loadOntology();
  const v = parseVerbDictionary(VERBS, 'test.verbs', ontology);
  assert.deepEqual(v.errors, []);
  const actors = parseActorDictionary(ACTORS, 'test.actors');
  const agents = parseAgentDictionary(AGENTS, 'test.agents');
  assert.deepEqual([...actors.errors, ...agents.errors], []);
  const r = petrarchKnowledge({ verbs: { file: 'test.verbs', text: VERBS } }, { base });
  return buildKnowledge({
    ...base,
    ontology: r.knowledge.ontology,
    patterns: toPatternSet(v),
    actors: compileActors({ actors: [actors], agents: [agents] }, null, base.actors.pronouns),
    intents: new Map(),
  });
}

const k = tinyKnowledge();

function coded(text: string, date = '1995-01-01', kn: Knowledge = k): string[] {
  return codeWith({ id: 't', date, text }, kn).map((e) => `${e.source.code ?? '-'}>${e.target?.code ?? '-'}:${e.event.cameo}`);
}

test('verb alone codes the block code; a pattern word selects the pattern code', () => {
  assert.deepEqual(coded('Arnor restored calm with Gondor.'), ['ARN>GON:064']);
  assert.deepEqual(coded('Arnor restored ties with Gondor.'), ['ARN>GON:065']);
});

test('pattern rules point at the dictionary line', () => {
  const e = codeWith({ id: 't', date: '1995-01-01', text: 'Arnor restored ties with Gondor.' }, k)[0];
  assert.equal(e.evidence.rule, 'test.verbs#9');
});

test('synsets: single words and multi-word members', () => {
  assert.deepEqual(coded('Arnor contributed dollars to Gondor.'), ['ARN>GON:903']);
  assert.deepEqual(coded('Arnor contributed swiss francs to Gondor.'), ['ARN>GON:903']);
  assert.deepEqual(coded('Arnor contributed rupees to Gondor.'), ['ARN>GON:070']);
});

test('+ is the target slot; $ after the verb is the source; ^ is approximated', () => {
  assert.deepEqual(coded('Arnor warned Gondor about floods.'), ['ARN>GON:162']);
  // "$ after AGAINST": Gondor is the source, the subject becomes the target
  assert.deepEqual(coded('Arnor warned the city against Gondor.'), ['GON>ARN:163']);
  assert.deepEqual(coded('Arnor was accused by Gondor.'), ['GON>ARN:111']);
});

test('_ joins consecutive words', () => {
  assert.deepEqual(coded('Arnor accused Gondor of treason.'), ['ARN>GON:1121']);
  // "of" and "treason" apart: the consecutive pattern does not fire
  assert.deepEqual(coded('Arnor accused Gondor of petty and cowardly treason.'), ['ARN>GON:112']);
});

test('[---] verbs code nothing', () => {
  assert.deepEqual(coded('Arnor snubbed Gondor.'), []);
});

test('multi-word verbs with +, irregular forms in {}', () => {
  assert.deepEqual(coded('Arnor broke down talks with Gondor.'), ['ARN>GON:161']);
});

test('[A:B] codes A from source to target and B back', () => {
  assert.deepEqual(coded('Arnor arrived in Gondor.'), ['ARN>GON:032', 'GON>ARN:033']);
});

test('PETRARCH-2 groups {NOUN PHRASE} and (PREP ...) are flattened; % is a target slot', () => {
  assert.deepEqual(coded('Arnor pledged full support to Gondor.'), ['ARN>GON:051']);
  assert.deepEqual(coded('Arnor pledged money for Gondor.'), ['ARN>GON:052']);
});

test('words before the verb must be there; a pattern with only such words needs them', () => {
  const v = parseVerbDictionary(VERBS, 'test.verbs', loadOntology());
  assert.equal(v.approximations.get('preVerbWords' as never), undefined);
  assert.deepEqual(coded('Arnor did not restore calm with Gondor.'), ['ARN>GON:112']);
  assert.deepEqual(coded('Arnor restored calm with Gondor.'), ['ARN>GON:064']);
  assert.deepEqual(coded('Arnor said it will restore order with Gondor.'), ['ARN>GON:066']);
  // without SAID before the verb, ORDER alone does not select 066
  assert.deepEqual(coded('Arnor restored order with Gondor.'), ['ARN>GON:064']);
  const said = v.patterns.find((p) => p.cameo === '066');
  assert.ok(said && said.specificity === 2 && said.before?.[0].alts[0] === 'said');
});

test('date-restricted actors resolve against the article date; synonyms share the codes', () => {
  assert.deepEqual(coded('Gollum restored calm with Gondor.', '1994-03-01'), ['HOB>GON:064']);
  assert.deepEqual(coded('Gollum restored calm with Gondor.', '1996-03-01'), ['HOBGOV>GON:064']);
  assert.deepEqual(coded('Smeagol restored calm with Minas Tirith.', '2001-03-01'), ['HOBREB>GON:064']);
});

test('agents combine with actors; substitution sets and {} plurals', () => {
  assert.deepEqual(coded('Arnor soldiers restored calm with Gondor.'), ['ARNMIL>GON:064']);
  assert.deepEqual(coded('Arnor police restored calm with Gondor.'), ['ARNCOP>GON:064']);
  const agents = parseAgentDictionary(AGENTS, 'a');
  const forms = agents.agents.map((a) => a.phrase);
  assert.ok(forms.includes('SPOKESMAN') && forms.includes('SPOKESWOMAN') && !forms.includes('SPOKES!PERSON!S'));
  assert.ok(forms.includes('SOLDIERS') && !forms.includes('POLICES'));
});

test('an actor named after a title takes the title\'s sectors ("Arnor President Aragorn")', () => {
  assert.deepEqual(coded('Arnor President Aragorn restored calm with Gondor.'), ['ARNGOV>GON:064']);
  assert.deepEqual(coded('President Aragorn restored calm with Gondor.'), ['ARNGOV>GON:064']);
});

test('a null-coded actor is known but not an actor', () => {
  assert.deepEqual(coded('Boromir restored calm with Gondor.'), []);
});

test('replace vs merge (builtin+petrarch)', () => {
  const replace = petrarchKnowledge({ actors: [{ file: 'a', text: ACTORS }] }, { base }).knowledge;
  const merged = petrarchKnowledge({ actors: [{ file: 'a', text: ACTORS }] }, { base, merge: true }).knowledge;
  const text = 'Russia condemned Arnor.';
  const codes = (kn: Knowledge) => codeWith({ id: 't', date: '2020-01-01', text }, kn).map((e) => `${e.source.code}>${e.target?.code}`);
  assert.deepEqual(codes(merged), ['RUS>ARN']);
  // the replaced dictionaries do not know Russia: the event keeps its subject, uncoded
  assert.deepEqual(codes(replace), ['null>ARN']);
  // replacing the actors keeps the built-in agent words
  const r = codeWith({ id: 't', date: '2020-01-01', text: 'Arnor soldiers condemned Gondor.' }, replace);
  assert.ok(r.length === 1 && r[0].source.code!.startsWith('ARN') && r[0].source.code !== 'ARN' && r[0].target?.code === 'GON');
  // PETRARCH verbs replace ours: "condemn" is not in the tiny dictionary
  const verbsOnly = petrarchKnowledge({ verbs: { file: 'v', text: VERBS } }, { base }).knowledge;
  assert.deepEqual(codeWith({ id: 't', date: '2020-01-01', text: 'Russia condemned Ukraine.' }, verbsOnly), []);
  const both = petrarchKnowledge({ verbs: { file: 'v', text: VERBS } }, { base, merge: true }).knowledge;
  assert.equal(codeWith({ id: 't', date: '2020-01-01', text: 'Russia condemned Ukraine.' }, both).length, 1);
});

test('malformed lines become file:line errors, never exceptions', () => {
  const r = petrarchKnowledge(
    {
      verbs: { file: 'bad.verbs', text: '--- X [010] ---\nX\n- * FOO\n- * {BAR [011]\n- * &NOPE [012]\n- FOO [013]\n&BAD-LABEL\n' },
      actors: [{ file: 'bad.actors', text: 'ARNOR [ARN]\n\t[ARNGOV 991399-000101]\n+\n\t[ARN 20100101-20000101]\nGONDOR [GON\n' }],
      agents: { file: 'bad.agents', text: 'SOLDIER [MIL]\nOFFICIAL\nX!NOPE! [~GOV]\n' },
      discards: { file: 'bad.discards', text: 'BASEBALL [###x]\n' },
    },
    { base },
  );
  const where = r.errors.map((e) => `${e.file}:${e.line}`);
  assert.deepEqual(where, ['bad.verbs:3', 'bad.verbs:4', 'bad.verbs:5', 'bad.verbs:6', 'bad.verbs:7', 'bad.actors:2', 'bad.actors:4', 'bad.actors:5', 'bad.agents:1', 'bad.agents:2', 'bad.agents:3', 'bad.discards:1']);
  for (const e of r.errors) assert.ok(e.reason.length > 5);
});

test('comments: XML across lines, # and ;', () => {
  const lines = dictLines('A <!-- x\ny --> B\nC # c\nD ; d\n<!-- z -->\n');
  assert.deepEqual(lines, [{ line: 1, text: 'A' }, { line: 2, text: ' B' }, { line: 3, text: 'C' }, { line: 4, text: 'D' }]);
  assert.equal(petrarchDate('950601'), '1995-06-01');
  assert.equal(petrarchDate('011222'), '2001-12-22');
  assert.equal(petrarchDate('19271301'), null);
});

test('discards: sentence and story level, stems and whole words', () => {
  const { discards, errors } = parseDiscards('BASEBALL\n+TYPHOON_\nMONTHS LATER\n', 'd');
  assert.deepEqual(errors, []);
  assert.equal(discardLevel('Arnor restored baseballs with Gondor.', discards), 'sentence');
  assert.equal(discardLevel('A typhoon hit.', discards), 'story');
  assert.equal(discardLevel('Typhoons hit.', discards), null);
  const kd = petrarchKnowledge({ verbs: { file: 'v', text: VERBS }, actors: [{ file: 'a', text: ACTORS }], discards: { file: 'd', text: 'BASEBALL\n' } }, { base }).knowledge;
  assert.equal(codeWithDiscards({ id: 't', date: '1995-01-01', text: 'Arnor restored calm with Gondor.' }, kd).length, 1);
  assert.equal(codeWithDiscards({ id: 't', date: '1995-01-01', text: 'Arnor restored baseball with Gondor.' }, kd).length, 0);
});

test('knowledgeFromFlags: modes and errors', () => {
  assert.equal(knowledgeFromFlags({}), loadKnowledge());
  assert.throws(() => knowledgeFromFlags({ dictionaries: 'petrarch' }), /needs --verbs/);
  assert.throws(() => knowledgeFromFlags({ dictionaries: 'nope' }), /must be one of/);
  assert.throws(() => knowledgeFromFlags({ verbs: '/nonexistent/x.verbs' }), /cannot read dictionary/);
});

test('builtinOnly: exactly the flags knowledgeFromFlags answers with the built-in knowledge', () => {
  // (the CLI pipeline skips loading the PETRARCH loader for these)
  for (const f of [{}, { dictionaries: 'builtin' }, { dictionaries: ' builtin ' }, { actors: ' , ' }, { dictionaries: '' }]) {
    assert.equal(builtinOnly(f), true, JSON.stringify(f));
    assert.equal(knowledgeFromFlags(f), loadKnowledge());
  }
  for (const f of [{ dictionaries: 'petrarch' }, { dictionaries: 'nope' }, { verbs: 'x' }, { actors: 'a,b' }, { agents: 'x' }, { discards: 'x' }, { dictionaries: 'builtin', verbs: 'x' }]) {
    assert.equal(builtinOnly(f), false, JSON.stringify(f));
  }
});

const PHOENIX = join(SHARED_DIR, 'data', 'phoenix');

test('production Phoenix dictionaries load quickly and code', { skip: !existsSync(PHOENIX) }, () => {
  const warnings: string[] = [];
  const t0 = performance.now();
  const kn = knowledgeFromFlags(
    {
      verbs: join(PHOENIX, 'CAMEO.2.0.txt'),
      actors: ['Countries', 'International', 'MilNonState'].map((f) => join(PHOENIX, `Phoenix.${f}.actors.txt`)).join(','),
      agents: join(PHOENIX, 'Phoenix.agents.txt'),
      discards: join(PHOENIX, 'Phoenix.discards.txt'),
    },
    (l) => warnings.push(l),
  );
  const ms = performance.now() - t0;
  assert.ok(ms < 20000, `loading took ${ms} ms`);
  assert.match(warnings[0] ?? '', /malformed dictionary line/);
  const ev = (text: string, date = '2015-06-01') => codeWith({ id: 't', date, text }, kn);
  const a = ev('Russian troops attacked Ukrainian soldiers near Donetsk.');
  assert.ok(a.some((e) => e.source.code?.startsWith('RUS') && e.target?.code?.startsWith('UKR')), JSON.stringify(a.map((e) => [e.source.code, e.target?.code, e.event.cameo])));
  const b = ev('The Israeli prime minister met Palestinian officials in Jerusalem.');
  assert.ok(b.some((e) => e.source.code?.startsWith('ISR') && e.event.cameo.startsWith('04')), JSON.stringify(b.map((e) => [e.source.code, e.target?.code, e.event.cameo])));
  // date-restricted: Hamid Karzai was head of government in 2005
  const c = ev('Hamid Karzai criticized Pakistan.', '2005-03-01');
  assert.ok(c.some((e) => e.source.code === 'AFGGOV' && e.target?.code === 'PAK'), JSON.stringify(c.map((e) => [e.source.code, e.target?.code, e.event.cameo])));
  // unused in codes, but the file must be read
  assert.ok(readFileSync(join(PHOENIX, 'CAMEO.2.0.txt'), 'utf8').length > 0);
});
