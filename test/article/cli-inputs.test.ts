// Web inputs through the commands: `dyad code URL…` with the fetch flags, errors on stderr naming
// the URL and the reason, exit code 1 with the good records still written, usage errors for bad
// flag values, and the flags in --help.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runAnalyze } from '../../src/cli/analyze.js';
import { runCode } from '../../src/cli/code.js';
import { main } from '../../src/cli/main.js';
import { capture, fakePipeline } from '../cli/harness.js';
import { startServer, type TestServer } from './web-server.js';

describe('web inputs on the command line', () => {
  let srv: TestServer;
  before(async () => { srv = await startServer(); });
  after(async () => { await srv.close(); });

  test('dyad code FEED: good items coded, each failure one stderr line with its URL, exit 1', async () => {
    const c = capture();
    const code = await runCode([`${srv.base}/feed.xml`, '--timeout', '5'], c.io, fakePipeline().load);
    assert.equal(code, 1);
    const ids = c.stdout().trim().split('\n').map((l) => (JSON.parse(l) as { article_id: string }).article_id);
    assert.deepEqual(ids, [`${srv.base}/news/budget`, `${srv.base}/pages/a.html`, `${srv.base}/feed.xml#wire-4`, `${srv.base}/pages/b.html`]);
    assert.deepEqual(c.stderr().trim().split('\n'), [
      `dyad: ${srv.base}/missing: HTTP 404 Not Found`,
      `dyad: ${srv.base}/loop-a: redirect loop at ${srv.base}/loop-a`,
    ]);
  });

  test('--timeout and --max-bytes stop endless bodies; the next input is still read', async () => {
    const c = capture();
    const started = Date.now();
    const code = await runAnalyze([`${srv.base}/slow`, `${srv.base}/huge`, `${srv.base}/pages/b.html`, '--timeout', '0.3', '--max-bytes', '128K', '--max-redirects', '0'], c.io, fakePipeline().load);
    assert.equal(code, 1);
    assert.ok(Date.now() - started < 10_000);
    const err = c.stderr();
    assert.match(err, new RegExp(`dyad: ${srv.base}/slow: timed out after 0.3 s \\(--timeout\\)`));
    assert.match(err, new RegExp(`dyad: ${srv.base}/huge: body larger than 128 KB \\(--max-bytes\\); download stopped`));
    assert.equal(c.stdout().trim().split('\n').length, 1);
  });

  test('bad flag values are usage errors (exit 2); the flags are in --help', async () => {
    for (const args of [['--timeout', '0'], ['--timeout', 'soon'], ['--max-bytes', '12 parsecs'], ['--max-redirects', 'many'], ['--max-redirects=-1'], ['--input-format', 'pdf']]) {
      const c = capture();
      assert.equal(await main(['code', 'x.txt', ...args], c.io), 2, args.join(' '));
      assert.match(c.stderr(), /^dyad code: --/);
    }
    for (const cmd of ['code', 'analyze', 'ingest', 'enqueue', 'watch']) {
      const c = capture();
      assert.equal(await main([cmd, '--help'], c.io), 0);
      for (const flag of ['--timeout', '--max-bytes', '--max-redirects', '--follow-links']) assert.ok(c.stdout().includes(flag), `${cmd} --help lacks ${flag}`);
    }
    const c = capture();
    await main(['--help'], c.io);
    assert.match(c.stdout(), /watch DIR/);
  });
});
