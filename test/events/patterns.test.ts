import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DICTIONARIES } from '../../src/paths.js';
import { PLOVER_TYPES, loadOntology } from '../../src/events/ontology.js';
import { type Pattern, type PatternSet, compilePatterns, encodePatterns, loadPatterns, parsePatternFile, patternSourcesKey, readPatternSources } from '../../src/events/patterns.js';

const o = loadOntology();

function one(line: string): Pattern {
  const r = parsePatternFile(line, 'verbs/t.txt', o);
  assert.deepEqual(r.errors, [], line);
  assert.equal(r.patterns.length, 1, line);
  return r.patterns[0];
}

function errorOf(line: string): string {
  const r = parsePatternFile(`# header\n\n${line}\n`, 'verbs/t.txt', o);
  assert.equal(r.patterns.length, 0, line);
  assert.equal(r.errors.length, 1, line);
  assert.equal(r.errors[0].file, 'verbs/t.txt');
  assert.equal(r.errors[0].line, 3);
  return r.errors[0].reason;
}

test('bare lemma line: fallback with the ontology filled in', () => {
  const p = one('attack => 190');
  assert.equal(p.head, 'attack');
  assert.deepEqual(p.elements, []);
  assert.deepEqual(p.particles, []);
  assert.equal(p.cameo, '190');
  assert.equal(p.plover, 'ASSAULT');
  assert.equal(p.mode, null);
  assert.equal(p.context, 'military');
  assert.equal(p.specificity, 0);
  assert.equal(p.passiveOnly, false);
  assert.equal(p.noTarget, false);
  assert.equal(p.rule, 'verbs/t.txt#1');
});

test('words, target and order of elements', () => {
  const p = one('sign $ agreement|accord|deal   =>  057');
  assert.deepEqual(p.elements, [{ kind: 'target' }, { kind: 'words', alts: ['agreement', 'accord', 'deal'] }]);
  assert.equal(p.specificity, 2);
  assert.equal(p.plover, 'SUPPORT');
  const q = one('sign agreement|treaty with $ => 057');
  assert.deepEqual(q.elements.map((e) => e.kind), ['words', 'words', 'target']);
  assert.equal(q.specificity, 3);
});

test('particles are collected apart from elements and count for specificity', () => {
  const p = one('carry +out attack|raid => 190');
  assert.deepEqual(p.particles, ['out']);
  assert.deepEqual(p.elements, [{ kind: 'words', alts: ['attack', 'raid'] }]);
  assert.equal(p.specificity, 2);
  assert.deepEqual(one('walk +out of talks => 164').particles, ['out']);
});

test('flags, options, overrides and comments', () => {
  const p = one('hold !passive hostage|captive => 181   # kept as a hostage');
  assert.equal(p.passiveOnly, true);
  assert.equal(p.specificity, 1);
  assert.equal(one('resign !no-target => 0831 plover=RETREAT mode=resign').noTarget, true);
  const r = one('resign => 0831 plover=RETREAT mode=resign');
  assert.deepEqual([r.cameo, r.plover, r.mode], ['0831', 'RETREAT', 'resign']);
  assert.equal(r.context, 'political_institutions');
  const v = one('attend ceremony => 042 mode=visit context=military');
  assert.deepEqual([v.plover, v.mode, v.context], ['CONSULT', 'visit', 'military']);
  // an override of the type drops the code's own mode if it does not belong to the new type
  const c = one('pardon => 056 plover=CONCEDE');
  assert.deepEqual([c.plover, c.mode], ['CONCEDE', null]);
  const m = one('surrender => 0874 mode=disarm');
  assert.deepEqual([m.plover, m.mode], ['RETREAT', 'disarm']);
  // "#" inside a word is not a comment; hyphens, apostrophes and dots are allowed in words
  assert.deepEqual(one('stage sit-in => 144').elements, [{ kind: 'words', alts: ['sit-in'] }]);
  const empty = parsePatternFile('# only a comment\n\n   \n', 'verbs/t.txt', o);
  assert.deepEqual(empty, { patterns: [], errors: [] });
});

test('malformed lines report file and line with a reason', () => {
  assert.match(errorOf('attack 190'), /missing '=>'/);
  assert.match(errorOf('attack => 190 => 191'), /more than one/);
  assert.match(errorOf('attack =>'), /missing CAMEO code/);
  assert.match(errorOf('=> 190'), /empty pattern/);
  assert.match(errorOf('attack => 999'), /unknown CAMEO code '999'/);
  assert.match(errorOf('attack => 0429'), /unknown CAMEO code/); // exact codes only in dictionaries
  assert.match(errorOf('Attack => 190'), /head 'Attack'/);
  assert.match(errorOf('attack|strike => 190'), /head/);
  assert.match(errorOf('$ attack => 190'), /head/);
  assert.match(errorOf('attack a||b => 190'), /bad word ''/);
  assert.match(errorOf('attack Town => 190'), /bad word 'Town'/);
  assert.match(errorOf('attack a|a => 190'), /repeated alternative/);
  assert.match(errorOf('attack !active => 190'), /unknown flag '!active'/);
  assert.match(errorOf('attack + => 190'), /bad particle/);
  assert.match(errorOf('attack $ !no-target => 190'), /!no-target/);
  assert.match(errorOf('attack => 190 mode=flying'), /mode 'flying' is not a mode of ASSAULT/);
  assert.match(errorOf('attack => 190 context=sports'), /unknown PLOVER context 'sports'/);
  assert.match(errorOf('attack => 190 plover=FIGHT'), /unknown PLOVER type 'FIGHT'/);
  assert.match(errorOf('attack => 190 level=high'), /bad option 'level=high'/);
  assert.match(errorOf('attack => 190 mode=aerial mode=drone'), /given twice/);
  const dup = parsePatternFile('meet $ => 040\nmeet $ => 036\n', 'verbs/t.txt', o);
  assert.deepEqual(dup.errors, [{ file: 'verbs/t.txt', line: 2, reason: 'duplicate of line 1' }]);
});

function tempDictionaries(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-pat-'));
  mkdirSync(join(dir, 'verbs'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('loadPatterns merges files, sorts each head by specificity and keeps rules', () => {
  const dir = tempDictionaries({
    'verbs/a.txt': 'sign => 057\nsign $ agreement => 057\n',
    'verbs/b.txt': '# military\nsign military agreement with $ => 062\nattack => 190\n',
    'verbs/notes.md': 'not a dictionary',
    'nouns.txt': 'visit => 042\nvisit to $ => 042\n',
  });
  try {
    const set = loadPatterns(o, dir);
    assert.equal(set.count, 6);
    assert.deepEqual(set.verbs.get('sign')!.map((p) => p.rule), ['verbs/b.txt#2', 'verbs/a.txt#2', 'verbs/a.txt#1']);
    assert.deepEqual(set.nouns.get('visit')!.map((p) => p.specificity), [2, 0]);
    assert.equal(set.verbs.has('visit'), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loadPatterns throws with file:line for malformed lines and cross-file duplicates', () => {
  const dir = tempDictionaries({
    'verbs/a.txt': 'meet $ => 040\nmeet => 04O\n',
    'verbs/b.txt': 'meet $ => 036\n',
    'nouns.txt': 'talk\n',
  });
  try {
    assert.throws(() => loadPatterns(o, dir), (e: Error) => {
      assert.match(e.message, /verbs\/a\.txt:2: unknown CAMEO code '04O'/);
      assert.match(e.message, /verbs\/b\.txt:1: duplicate of verbs\/a\.txt#1/);
      assert.match(e.message, /nouns\.txt:1: missing '=>'/);
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- the shipped dictionaries ----

const FILE_TYPE: Record<string, string> = Object.fromEntries(PLOVER_TYPES.map((t) => [`${t.toLowerCase()}.txt`, t]));
FILE_TYPE['statement.txt'] = ''; // CAMEO 01: no PLOVER type

test('shipped dictionaries: >= 450 verb patterns covering every PLOVER type and CAMEO root', () => {
  const set = loadPatterns(o);
  let verbCount = 0;
  const types = new Set<string>();
  const roots = new Set<string>();
  for (const list of set.verbs.values()) {
    for (const p of list) {
      verbCount++;
      types.add(p.plover);
      roots.add(p.cameo.slice(0, 2));
      for (let i = 1; i < list.length; i++) assert.ok(list[i - 1].specificity >= list[i].specificity, `order of ${p.head}`);
    }
  }
  assert.ok(verbCount >= 450, `only ${verbCount} verb patterns`);
  for (const t of PLOVER_TYPES) assert.ok(types.has(t), `no verb pattern for ${t}`);
  for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, '0')), `no verb pattern for root ${r}`);
  let nounCount = 0;
  for (const list of set.nouns.values()) nounCount += list.length;
  assert.ok(nounCount >= 60, `only ${nounCount} noun patterns`);
  assert.equal(set.count, verbCount + nounCount);
});

test('shipped dictionaries: one file per PLOVER type, each holding only its type, each with the grammar header', () => {
  const dir = join(DICTIONARIES, 'verbs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const t of PLOVER_TYPES) assert.ok(files.includes(`${t.toLowerCase()}.txt`), `verbs/${t.toLowerCase()}.txt`);
  assert.ok(readFileSync(join(dir, 'README.md'), 'utf8').includes('!no-target'));
  for (const f of files) {
    assert.ok(f in FILE_TYPE, `unexpected file verbs/${f}`);
    const text = readFileSync(join(dir, f), 'utf8');
    assert.ok(text.startsWith('#') && text.includes('=>  <CAMEO code>'), `verbs/${f} lacks the grammar header`);
    const { patterns, errors } = parsePatternFile(text, `verbs/${f}`, o);
    assert.deepEqual(errors, []);
    assert.ok(patterns.length > 0);
    for (const p of patterns) assert.equal(p.plover, FILE_TYPE[f], `${p.rule} codes ${p.plover || 'no type'}`);
  }
});

test('shipped dictionaries: common news verbs are there (with both spellings)', () => {
  const set = loadPatterns(o);
  const fallback = (head: string) => set.verbs.get(head)?.find((p) => p.elements.length === 0 && p.particles.length === 0)?.cameo;
  assert.equal(fallback('attack'), '190');
  assert.equal(fallback('meet'), '040');
  assert.equal(fallback('visit'), '042');
  assert.equal(fallback('accuse'), '112');
  assert.equal(fallback('criticize'), '111');
  assert.equal(fallback('criticise'), '111');
  assert.equal(fallback('arrest'), '173');
  assert.equal(fallback('demand'), '100');
  assert.equal(fallback('threaten'), '130');
  assert.equal(fallback('protest'), '141');
  const has = (head: string, cameo: string) => assert.ok(set.verbs.get(head)?.some((p) => p.cameo === cameo), `${head} => ${cameo}`);
  has('supply', '072');
  has('deploy', '074');
  has('deploy', '154');
  has('sign', '057');
  has('attend', '042');
  has('reject', '120');
  has('impose', '163');
  has('withdraw', '0874');
  has('release', '0841');
  has('urge', '020');
});

test('loadOntology + loadPatterns load the shipped dictionaries (timing: npm run bench)', () => {
  assert.ok(loadPatterns(loadOntology()).count >= 450);
});

test('the shipped patterns as loaded equal compiling the dictionaries', () => {
  assert.deepStrictEqual(loadPatterns(o), compilePatterns(o, readPatternSources()));
});

test('compiled patterns are used only for the same texts and ontology', () => {
  const src = readPatternSources();
  const key = patternSourcesKey(o, src);
  assert.equal(patternSourcesKey(loadOntology(), readPatternSources()), key);
  // the key survives code having run on the ontology (V8 may then store its numbers differently)
  compilePatterns(o, src);
  assert.equal(patternSourcesKey(o, src), key);
  const edited = { ...src, nouns: [src.nouns[0], src.nouns[1] + '\n# edited\n'] as [string, string] };
  assert.notEqual(patternSourcesKey(o, edited), key);
  const other = loadOntology();
  other.contexts.add('an-extra-context');
  assert.notEqual(patternSourcesKey(other, src), key);
  const marker: PatternSet = { verbs: new Map(), nouns: new Map(), count: 12345 };
  const dir = mkdtempSync(join(tmpdir(), 'dyad-patterns-'));
  writeFileSync(join(dir, 'current.bin'), encodePatterns(marker, key));
  assert.equal(loadPatterns(o, DICTIONARIES, join(dir, 'current.bin')).count, 12345);
  assert.notEqual(loadPatterns(other, DICTIONARIES, join(dir, 'current.bin')).count, 12345);
  writeFileSync(join(dir, 'stale.bin'), encodePatterns(marker, '0'.repeat(64)));
  assert.deepStrictEqual(loadPatterns(o, DICTIONARIES, join(dir, 'stale.bin')), compilePatterns(o, src));
  // a damaged file with the right key (cut short) is compiled from the sources too
  const whole = encodePatterns(marker, key);
  writeFileSync(join(dir, 'cut.bin'), whole.subarray(0, whole.length - 8));
  assert.deepStrictEqual(loadPatterns(o, DICTIONARIES, join(dir, 'cut.bin')), compilePatterns(o, src));
  rmSync(dir, { recursive: true });
});
