// `dyad keys add|list|revoke` and `dyad serve` option handling (the CLI modules, in-process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/cli/args.js';
import { runKeys } from '../../src/cli/keys.js';
import { runServe, serveHelp } from '../../src/cli/serve.js';
import { KeyRing } from '../../src/server/keys.js';
import { openStore } from '../../src/store/store.js';
import { capture } from '../cli/harness.js';

function io() {
  const c = capture();
  return { io: c.io, out: c.stdout, err: c.stderr };
}

test('keys add prints a key once; list shows it without the secret; revoke disables it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dyad-keys-'));
  try {
    const db = join(dir, 'k.sqlite');
    const a = io();
    assert.equal(await runKeys(['add', 'analyst', '--db', db], a.io), 0);
    const key = a.out().trim();
    assert.match(key, /^dyad_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = key.split('_')[1]!;
    const l = io();
    assert.equal(await runKeys(['list', '--db', db], l.io), 0);
    assert.match(l.out(), new RegExp(`^${id}\\tanalyst\\twrite\\t`));
    // The secret is base64url and may itself contain "_": take everything after the id.
    const secret = key.slice(`dyad_${id}_`.length);
    assert.ok(!l.out().includes(secret));
    const store = await openStore(db);
    assert.ok(await KeyRing.of(store.db).verify(key));
    assert.equal(await runKeys(['revoke', id, '--db', db], io().io), 0);
    assert.equal(await KeyRing.of(store.db).verify(key), null);
    assert.equal(await runKeys(['revoke', id, '--db', db], io().io), 1, 'already revoked');
    await store.close();
    await assert.rejects(runKeys(['frobnicate', '--db', db], io().io), UsageError);
    await assert.rejects(runKeys(['add', '--db', db], io().io), UsageError);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve --help and bad options', async () => {
  const h = io();
  assert.equal(await runServe(['--help'], h.io), 0);
  assert.equal(h.out(), serveHelp);
  await assert.rejects(runServe(['--port', '70000'], io().io), UsageError);
  await assert.rejects(runServe(['--port', 'x'], io().io), UsageError);
  await assert.rejects(runServe(['--bogus'], io().io), UsageError);
});
