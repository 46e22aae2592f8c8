// `dyad ingest` as a process: kill -9 mid-run and resume (every article stored exactly once, none
// half-written), a locked database, a read-only database, exit codes and the summary line.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { expectedEvents, writeCorpus } from './corpus.js';
import { fakeAnalysis } from '../store/fixtures.js';
import type { Article } from '../../src/types.js';

const RUN = fileURLToPath(new URL('./run-cli.js', import.meta.url));
const FAKE = fileURLToPath(new URL('./fake-coder.js', import.meta.url));

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, DYAD_CODER_MODULE: FAKE, ...extra };
}

function runSync(args: string[], extra: Record<string, string> = {}, opts: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, [RUN, ...args], { env: env(extra), encoding: 'utf8', timeout: 60_000, ...opts });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function count(db: string): number {
  try {
    const d = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try { return (d.prepare('select count(*) as n from articles').get() as { n: number }).n; } finally { d.close(); }
  } catch {
    return 0; // not created / migrated yet
  }
}

/** Every stored article has exactly its own rows: no half-written article. */
function assertWhole(db: string, byId: Map<string, Article>): number {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    const rows = d.prepare('select id, n_events from articles').all() as { id: string; n_events: number }[];
    const ev = new Map((d.prepare('select article_id, count(*) as n from events group by article_id').all() as { article_id: string; n: number }[]).map((r) => [r.article_id, r.n]));
    const ent = new Map((d.prepare('select article_id, count(*) as n from quotes group by article_id').all() as { article_id: string; n: number }[]).map((r) => [r.article_id, r.n]));
    for (const r of rows) {
      const a = byId.get(r.id);
      assert.ok(a, `unexpected article ${r.id}`);
      const want = fakeAnalysis(a).events.length;
      assert.equal(r.n_events, want);
      assert.equal(ev.get(r.id) ?? 0, want, `events of ${r.id}`);
      assert.equal(ent.get(r.id), 2, `quotes of ${r.id}`);
    }
    const orphans = d.prepare('select count(*) as n from events where article_id not in (select id from articles)').get() as { n: number };
    assert.equal(orphans.n, 0);
    return rows.length;
  } finally {
    d.close();
  }
}

describe('dyad ingest (process)', () => {
  let dir: string;
  let arts: Article[];
  let corpus: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dyad-cli-'));
    corpus = join(dir, 'corpus');
    arts = await writeCorpus(corpus, 300);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('kill -9 mid-run, run again: every article exactly once, none partial', async () => {
    const db = join(dir, 'kill.sqlite');
    const byId = new Map(arts.map((a) => [a.id, a]));
    for (const killAt of [30, 120]) {
      const child = spawn(process.execPath, [RUN, 'ingest', corpus, '--db', db, '-j', '2', '--commit-size', '8', '-q'],
        { env: env({ DYAD_FAKE_DELAY_MS: '8' }), stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b) => { err += b; });
      const exited = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
      const deadline = Date.now() + 30_000;
      while (count(db) < killAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGKILL');
      const code = await exited;
      assert.equal(code, null, `ingest finished before it could be killed: ${err}`);
      const n = assertWhole(db, byId);
      assert.ok(n >= killAt && n < arts.length, `killed with ${n} stored`);
    }
    const r = runSync(['ingest', corpus, '--db', db, '-j', '2']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /unchanged, 0 failed/);
    assert.equal(assertWhole(db, byId), arts.length);
    const d = new BetterSqlite3(db, { readonly: true });
    assert.equal((d.prepare('select count(*) as n from events').get() as { n: number }).n, expectedEvents(arts));
    d.close();
    const again = runSync(['ingest', corpus, '--db', db, '-j', '1']);
    assert.equal(again.code, 0);
    assert.match(again.stderr, /0 coded \(0 new, 0 replaced\), 300 unchanged/);
  });

  test('SIGTERM stops cleanly: exit 130, what was coded is committed', async () => {
    const db = join(dir, 'term.sqlite');
    const child = spawn(process.execPath, [RUN, 'ingest', corpus, '--db', db, '-j', '1', '--commit-size', '4'],
      { env: env({ DYAD_FAKE_DELAY_MS: '10' }), stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => { err += b; });
    const exited = new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
    while (count(db) < 10) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGTERM');
    assert.equal(await exited, 130, err);
    assert.match(err, /interrupted: ingested into/);
    const n = assertWhole(db, new Map(arts.map((a) => [a.id, a])));
    assert.ok(n >= 10 && n < arts.length);
  });

  test('a locked database: clear error, exit 1, nothing written', () => {
    const db = join(dir, 'locked.sqlite');
    assert.equal(runSync(['ingest', arts[0]!.id, '--db', db, '-q']).code, 0);
    const holder = new BetterSqlite3(db);
    holder.prepare('BEGIN IMMEDIATE').run();
    try {
      const r = runSync(['ingest', corpus, '--db', db, '--busy-timeout', '200', '-q']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /is locked by another process/);
      assert.match(r.stderr, /run again to resume|raise --busy-timeout/);
    } finally {
      holder.prepare('ROLLBACK').run();
      holder.close();
    }
    assert.equal(count(db), 1);
  });

  test('a read-only database: clear error, exit 1', () => {
    const ro = join(dir, 'ro');
    const db = join(ro, 'ro.sqlite');
    spawnSync('mkdir', ['-p', ro]);
    assert.equal(runSync(['ingest', arts[0]!.id, '--db', db, '-q']).code, 0);
    chmodSync(dir, 0o755);
    chmodSync(db, 0o444);
    chmodSync(ro, 0o555);
    try {
      // root ignores permission bits: run as "nobody" then
      const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const r = runSync(['ingest', corpus, '--db', db, '-q'], {}, asUser);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /read-only|cannot open/);
    } finally {
      chmodSync(ro, 0o755);
      chmodSync(db, 0o644);
    }
    assert.equal(count(db), 1);
  });

  test('a full disk: clear error, exit 1, committed articles whole; run again with space: all once', (t) => {
    // A real full file system: a tiny tmpfs, almost filled. Mounting one needs root.
    const mnt = join(dir, 'full');
    spawnSync('mkdir', ['-p', mnt]);
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', mnt]).status !== 0) {
      t.skip('needs root to mount a small tmpfs');
      return;
    }
    try {
      const db = join(mnt, 'full.sqlite');
      const filler = join(mnt, 'filler');
      assert.equal(runSync(['ingest', arts[0]!.id, '--db', db, '-q']).code, 0); // created and migrated
      // leave ~150 KB free: room for a few batches, not for 300 articles
      const free = statfsSync(mnt);
      spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1k', `count=${Math.floor((free.bavail * free.bsize) / 1024) - 150}`]);
      const r = runSync(['ingest', corpus, '--db', db, '-j', '1', '--commit-size', '16', '-q']);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /disk full|SQLITE_FULL/);
      assert.match(r.stderr, /run again to resume/);
      const byId = new Map(arts.map((a) => [a.id, a]));
      const d = new BetterSqlite3(db);
      assert.equal(d.pragma('integrity_check', { simple: true }), 'ok');
      d.close();
      const partial = assertWhole(db, byId);
      assert.ok(partial < arts.length, `all ${partial} stored on a full disk?`);
      rmSync(filler);
      const again = runSync(['ingest', corpus, '--db', db, '-j', '1']);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, new RegExp(`${arts.length - partial} coded \\(${arts.length - partial} new, 0 replaced\\), ${partial} unchanged, 0 failed`));
      assert.equal(assertWhole(db, byId), arts.length);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  test('not a database, usage errors, bad records', () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not sqlite at all, just some text padding '.repeat(100));
    const r = runSync(['ingest', corpus, '--db', junk, '-q']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not a Dyad database or is corrupt/);
    const usage = runSync(['ingest', '--db', junk, '--threads', 'x']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--threads must be an integer/);
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"ok1","date":"2021-01-01","text":"Fine. Good."}\n{oops\n');
    const r2 = runSync(['ingest', bad, '--db', join(dir, 'bad.sqlite')]);
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /bad\.jsonl/);
    assert.match(r2.stderr, /1 coded \(1 new, 0 replaced\), 0 unchanged, 1 failed/);
  });
});
