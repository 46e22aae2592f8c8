// `dyad watch DIR` as a process: files already there and files dropped in later are ingested once
// each (a rewrite with the same content changes nothing, a changed file is replaced), hidden and
// temporary files are ignored, and SIGTERM stops it cleanly with exit code 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

const MAIN = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const FAKE = fileURLToPath(new URL('../ingest/fake-coder.js', import.meta.url));

function rows(db: string): { id: string; hash: string }[] {
  const d = new BetterSqlite3(db, { readonly: true });
  try { return d.prepare('select id, content_hash as hash from articles order by id').all() as { id: string; hash: string }[]; } finally { d.close(); }
}

test('dyad watch: picks up dropped files, stores each once, stops on SIGTERM', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dyad-watch-'));
  const dir = join(root, 'inbox');
  const db = join(root, 'w.sqlite');
  mkdirSync(dir);
  writeFileSync(join(dir, 'before.txt'), 'date 2024-01-01 The council met on Monday.');
  const child = spawn(process.execPath, [MAIN, 'watch', dir, '--db', db, '-j', '0', '--settle', '150', '--rescan', '1'], {
    env: { ...process.env, DYAD_CODER_MODULE: FAKE }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => { err += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (want: RegExp | (() => boolean), what: string) => {
    const until = Date.now() + 20_000;
    while (!(typeof want === 'function' ? want() : want.test(err))) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}; stderr:\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await waitFor(/watching /, 'the start');
    await waitFor(/1 file: 1 new/, 'the file already there');
    writeFileSync(join(dir, 'dropped.txt'), 'date 2024-01-02 Police arrested two men in the port.');
    await waitFor(/1 file: 1 new.*\n.*1 file: 1 new/s, 'the dropped file');
    // Same content written again: seen, not stored again.
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(join(dir, 'dropped.txt'), 'date 2024-01-02 Police arrested two men in the port.');
    await waitFor(/1 unchanged/, 'the rewrite');
    // Written under a hidden name, then renamed: only the final name is an article.
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', '.partial.txt'), 'date 2024-01-03 Ministers signed a pact.');
    writeFileSync(join(dir, 'notes.txt~'), 'date 2024-01-03 Editor backup.');
    renameSync(join(dir, 'sub', '.partial.txt'), join(dir, 'sub', 'pact.txt'));
    await waitFor(() => (err.match(/: 1 new,/g) ?? []).length >= 3, 'the renamed file');
    // A little longer, so that a second (wrong) pick-up of anything would be seen.
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, err);
    assert.match(err, /watch stopped: 3 new, 0 replaced, 1 unchanged, 0 failed/);
    assert.deepEqual(rows(db).map((r) => r.id), [join(dir, 'before.txt'), join(dir, 'dropped.txt'), join(dir, 'sub', 'pact.txt')]);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  }
});

test('dyad watch: usage and missing folder', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [MAIN, 'watch', ...args], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(run([]).status, 2);
  const missing = run([join(tmpdir(), 'dyad-no-such-dir-x'), '--db', join(tmpdir(), 'dyad-unused.sqlite')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /dyad-no-such-dir-x: no such directory/);
  assert.equal(run(['a', 'b']).status, 2);
});
