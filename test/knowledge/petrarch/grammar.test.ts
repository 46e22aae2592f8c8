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
