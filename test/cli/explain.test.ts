import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { capture } from './harness.js';

test('dyad explain shows tokens, actors, the fired pattern with file:line, and rejected candidates', async () => {
  const c = capture();
  const code = await main(['explain', '--date', '2022-05-01', 'Turkey accused Greece of violating its airspace.'], c.io);
  assert.equal(code, 0, c.stderr());
  const out = c.stdout();
  assert.match(out, /accused\/VERB\(accuse\)/);
  assert.match(out, /"Turkey" → TUR/);
  assert.match(out, /✔ verbs\/accuse\.txt#\d+/);
  assert.match(out, /TUR → GRC {2}ACCUSE\//);
});

test('dyad explain --json is one JSON object with the diagnosis', async () => {
  const c = capture();
  assert.equal(await main(['explain', '--json', '--date', '2022-05-01', 'Turkey accused Greece.'], c.io), 0);
  const x = JSON.parse(c.stdout());
  const verb = x.sentences[0].verbs[0];
  assert.equal(verb.lemma, 'accuse');
  assert.ok(verb.trials.some((t: { outcome: string }) => t.outcome === 'FIRED'));
  assert.ok(verb.trials.some((t: { outcome: string }) => t.outcome !== 'FIRED'), 'other candidates say why they did not fire');
});

test('dyad explain without a sentence is a usage error', async () => {
  const c = capture();
  assert.equal(await main(['explain'], c.io), 2);
  assert.match(c.stderr(), /give the sentence/);
});
