import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DICTIONARIES } from '../../src/paths.js';
import { PLOVER_TYPES, cameoInfo, isCameoCode, loadOntology, quadOfPlover } from '../../src/events/ontology.js';

const o = loadOntology();

test('every CAMEO root 01-20 is present', () => {
  for (let r = 1; r <= 20; r++) {
    const root = String(r).padStart(2, '0');
    assert.ok(o.cameo.has(root), `root ${root}`);
    assert.ok([...o.cameo.keys()].some((c) => c.length === 3 && c.startsWith(root)), `3-digit codes under ${root}`);
  }
  assert.ok(o.cameo.size >= 300, `only ${o.cameo.size} codes`);
});

test('the 16 PLOVER types, each used by some CAMEO code', () => {
  assert.equal(PLOVER_TYPES.length, 16);
  assert.deepEqual(o.ploverTypes, [...PLOVER_TYPES]);
  const used = new Set([...o.cameo.values()].map((c) => c.plover));
  for (const t of PLOVER_TYPES) {
    assert.ok(used.has(t), `no CAMEO code maps to ${t}`);
    assert.ok(o.plover.has(t), `plover.tsv lacks ${t}`);
  }
});

test('every code is consistent: parent exists, quad follows PLOVER type, mode allowed, Goldstein in range', () => {
  for (const c of o.cameo.values()) {
    assert.ok(isCameoCode(c.code));
    if (c.code.length > 2) assert.ok(o.cameo.has(c.code.slice(0, -1)), `parent of ${c.code}`);
    if (c.plover === '') {
      assert.ok(c.code.startsWith('01'), `${c.code} has no PLOVER type`);
      assert.equal(c.quad, 1);
    } else {
      assert.equal(c.quad, quadOfPlover(c.plover), c.code);
    }
    if (c.mode) assert.ok(o.plover.get(c.plover)!.modes.includes(c.mode), `${c.code} mode ${c.mode}`);
    if (c.context) assert.ok(o.contexts.has(c.context), `${c.code} context ${c.context}`);
    assert.ok(c.goldstein >= -10 && c.goldstein <= 10);
    assert.ok(c.name.length > 0 && c.name.length <= 60, `${c.code} name length`);
  }
});

test('known facts of the ontologies', () => {
  const visit = cameoInfo(o, '042');
  assert.deepEqual([visit.plover, visit.mode, visit.quad, visit.goldstein], ['CONSULT', 'visit', 1, 1.9]);
  assert.equal(cameoInfo(o, '057').plover, 'SUPPORT');
  assert.equal(cameoInfo(o, '057').goldstein, 8);
  assert.equal(cameoInfo(o, '072').plover, 'AID');
  assert.equal(cameoInfo(o, '072').context, 'military');
  assert.equal(cameoInfo(o, '074').goldstein, 8.5);
  assert.equal(cameoInfo(o, '0874').goldstein, 10);
  assert.equal(cameoInfo(o, '0871').mode, 'ceasefire');
  // CAMEO 08 splits: 081-083 CONCEDE (verbal), 084-087 RETREAT (material)
  assert.equal(cameoInfo(o, '083').plover, 'CONCEDE');
  assert.equal(cameoInfo(o, '0841').plover, 'RETREAT');
  assert.equal(cameoInfo(o, '0841').quad, 2);
  assert.equal(cameoInfo(o, '090').mode, 'investigate');
  assert.equal(cameoInfo(o, '112').plover, 'ACCUSE');
  assert.equal(cameoInfo(o, '163').plover, 'SANCTION');
  assert.equal(cameoInfo(o, '173').mode, 'arrest');
  assert.equal(cameoInfo(o, '1712').plover, 'ASSAULT');
  assert.equal(cameoInfo(o, '191').plover, 'COERCE');
  assert.equal(cameoInfo(o, '190').goldstein, -10);
  assert.equal(cameoInfo(o, '190').quad, 4);
  assert.equal(cameoInfo(o, '2042').mode, 'unconventional');
  assert.equal(cameoInfo(o, '010').plover, '');
  assert.equal(cameoInfo(o, '0253').plover, 'REQUEST');
  assert.equal(cameoInfo(o, '130').goldstein, -4.4);
});

test('cameoInfo falls back 4 -> 3 -> 2 digits and throws for an unknown root', () => {
  assert.equal(cameoInfo(o, '0429').code, '042');
  assert.equal(cameoInfo(o, '1999').code, '19');
  assert.equal(cameoInfo(o, '209').code, '20');
  assert.equal(cameoInfo(o, '1823').code, '1823');
  assert.throws(() => cameoInfo(o, '21'), /unknown CAMEO code/);
  assert.throws(() => cameoInfo(o, '2199'), /unknown CAMEO code/);
  assert.throws(() => cameoInfo(o, '00'), /unknown CAMEO code/);
  assert.throws(() => cameoInfo(o, ''), /unknown CAMEO code/);
});

test('quadOfPlover', () => {
  assert.equal(quadOfPlover('AGREE'), 1);
  assert.equal(quadOfPlover('RETREAT'), 2);
  assert.equal(quadOfPlover('THREATEN'), 3);
  assert.equal(quadOfPlover('SANCTION'), 4);
  assert.equal(quadOfPlover('ASSAULT'), 4);
  assert.throws(() => quadOfPlover('FIGHT'), /unknown PLOVER type/);
  for (const t of PLOVER_TYPES) assert.equal(o.plover.get(t)!.quad, quadOfPlover(t));
});

test('a malformed ontology row is reported as file:line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-onto-'));
  try {
    cpSync(join(DICTIONARIES, 'ontology'), join(dir, 'ontology'), { recursive: true });
    const path = join(dir, 'ontology', 'cameo.tsv');
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('042\t'));
    lines[at] = '042\tvisit\tCONSULT\tflying\t\t1\t1.9';
    writeFileSync(path, lines.join('\n'));
    assert.throws(() => loadOntology(dir), new RegExp(`ontology/cameo\\.tsv:${at + 1}: mode 'flying'`));
    lines[at] = '042\tvisit\tCONSULT\tvisit\t\t3\t1.9';
    writeFileSync(path, lines.join('\n'));
    assert.throws(() => loadOntology(dir), new RegExp(`cameo\\.tsv:${at + 1}: quad 3`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
