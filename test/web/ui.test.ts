// The web UI in a real browser over a store filled by `dyad ingest` (the example article and 210
// PolNeAR news texts from ../shared/data, read at test time) plus a hostile article POSTed through
// the API: filter events, follow a row to its article, check the highlights, visit the chart, map
// and network, and save a screenshot of each view to test-artifacts/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Page } from 'playwright-core';
import { runIngest } from '../../src/cli/ingest.js';
import { loadCoder } from '../../src/ingest/coder.js';
import { PACKAGE_ROOT, SHARED_DIR } from '../../src/paths.js';
import { buildServer, DEFAULT_WEB_ROOT } from '../../src/server/app.js';
import { KeyRing, migrateKeys } from '../../src/server/keys.js';
import { openStore, type Store } from '../../src/store/store.js';
import { chromiumAvailable, launch } from './browser.js';

const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts');
const EXAMPLE = join(SHARED_DIR, 'examples', 'armenia-russia-arms-2021-08-24.txt');
const POLNEAR = join(SHARED_DIR, 'data', 'quotes', 'train', 'text');
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">Hostile & <b>bold</b>';
const HOSTILE_TEXT = '<script>window.__pwned = 2</script><img src=x onerror="window.__pwned=3"> Russia accused Ukraine of '
  + 'attacking <b>Kharkiv</b> on Monday. "<iframe src="javascript:alert(1)"></iframe>" said the Russian defense minister.';

const skip = !chromiumAvailable() ? 'no chromium at /usr/bin/chromium (apt-get install chromium)' : !existsSync(join(DEFAULT_WEB_ROOT, 'index.html')) ? 'web UI not built (npm run build:web)' : false;

let dir = '';
let store: Store;
let base = '';
let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
const problems: string[] = [];
let closeServer: () => Promise<void> = async () => undefined;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'dyad-ui-'));
  const db = join(dir, 'ui.sqlite');
  const texts = readdirSync(POLNEAR).filter((f) => f.endsWith('.txt')).sort().filter((_, i) => i % 4 === 0).map((f) => join(POLNEAR, f));
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const code = await runIngest([EXAMPLE, ...texts, '--db', db, '-q', '-j', '2', '--date', '2016-06-01'], { stdin: process.stdin, stdout: quiet, stderr: quiet });
  assert.equal(code, 0, 'dyad ingest succeeded');
  store = await openStore(db);
  await migrateKeys(store.db);
  const key = (await KeyRing.of(store.db).add('ui-test')).key;
  const app = await buildServer({ store, code: await loadCoder(), rateLimit: false });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  closeServer = () => app.close();
  const posted = await fetch(`${base}/api/articles`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'hostile-1', date: '2022-05-02', title: HOSTILE_TITLE, text: HOSTILE_TEXT }),
  });
  assert.equal(posted.status, 201);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launch();
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await closeServer();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `ui-${name}.png`), fullPage: true });

test('events table: filters live in the URL; a row opens its article with highlights', { skip }, async () => {
  await page.goto(`${base}/#/events`);
  await page.waitForSelector('table.events tbody tr');
  const total = await page.locator('table.events tbody tr').count();
  assert.ok(total >= 40, `first page shows ${total} events`);
  await page.fill('#f-source', 'ARMGOVMIL');
  await page.selectOption('#f-type', 'CONSULT');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('source=ARMGOVMIL') && location.hash.includes('type=CONSULT'));
  await page.waitForFunction(() => document.querySelectorAll('table.events tbody tr').length > 0
    && [...document.querySelectorAll('table.events tbody tr')].every((tr) => tr.getAttribute('data-plover') === 'CONSULT'));
  const rows = await page.locator('table.events tbody tr').allInnerTexts();
  assert.ok(rows.length > 0 && rows.length < total);
  assert.ok(rows.every((r) => r.includes('ARMGOVMIL') && r.includes('CONSULT')), rows.join('\n'));
  await shot('events');
  // Reloading keeps the filter (it lives in the URL).
  await page.reload();
  await page.waitForSelector('table.events tbody tr');
  assert.equal(await page.inputValue('#f-source'), 'ARMGOVMIL');

  await page.click('table.events tbody tr:first-child a.open');
  await page.waitForSelector('#article-text .hl');
  const kinds = async (k: string) => page.locator(`#article-text [data-kinds~="${k}"]`).allTextContents();
  const src = (await kinds('source')).join('|');
  const trig = (await kinds('trigger')).join('|');
  assert.match(src, /Armenian defense minister/);
  assert.match(trig, /attended/);
  assert.match((await kinds('target')).join('|'), /Russia/);
  assert.match((await kinds('place')).join('|'), /Moscow/);
  assert.match((await kinds('date')).join('|'), /August 23/);
  assert.ok((await kinds('quote')).length > 0, 'quotes highlighted');
  const list = await page.locator('[data-testid=event-list] li').allInnerTexts();
  assert.ok(list.some((t) => /CONSULT/.test(t) && /rule: verbs\//.test(t)), 'events listed with the rule that fired');
  // The highlighted text is the article text, unchanged.
  const shown = await page.locator('#article-text').textContent();
  const view = await (await fetch(`${base}/api/articles/${encodeURIComponent(EXAMPLE)}`)).json() as { article: { text: string } };
  assert.equal(shown, view.article.text);
  await page.click('[data-testid=event-list] li[data-event="0"] a');
  await page.waitForSelector('#article-text .hl.selected');
  await shot('article');
});

test('dyad chart: RUS→ARM against AZE→RUS', { skip }, async () => {
  await page.goto(`${base}/#/chart?d1=RUS-ARM&d2=AZE-RUS&interval=month`);
  await page.waitForSelector('figure.panel[data-dyad="AZE-RUS"]');
  const rusArm = page.locator('figure.panel[data-dyad="RUS-ARM"]');
  assert.ok(await rusArm.locator('circle.dot').count() > 0, 'RUS→ARM has points');
  assert.match(await rusArm.locator('figcaption').innerText(), /[1-9]\d* cooperative/);
  assert.ok(await page.locator('figure.panel[data-dyad="AZE-RUS"] path.line').count() === 2);
  await shot('chart');
});

test('map: event locations on world-atlas outlines', { skip }, async () => {
  await page.goto(`${base}/#/map`);
  await page.waitForSelector('svg.map circle.bubble');
  assert.ok(await page.locator('svg.map path.country').count() > 150, 'country outlines drawn');
  assert.ok(await page.locator('svg.map a.place[data-place="Moscow"]').count() === 1, 'Moscow bubble');
  await page.click('svg.map a.place[data-place="Moscow"]');
  await page.waitForFunction(() => location.hash.startsWith('#/events') && location.hash.includes('bbox='));
  await page.waitForSelector('table.events tbody tr');
  await page.goto(`${base}/#/map`);
  await page.waitForSelector('svg.map circle.bubble');
  await shot('map');
});

test('network: actors with edges coloured by quad class', { skip }, async () => {
  await page.goto(`${base}/#/network?level=country`);
  await page.waitForSelector('svg.network g.node');
  const nodes = await page.locator('svg.network g.node').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
  assert.ok(nodes.includes('RUS') && nodes.includes('ARM'), nodes.join(','));
  const colours = await page.locator('svg.network path.edge').evaluateAll((els) => [...new Set(els.map((e) => `${e.getAttribute('class')}=${e.getAttribute('stroke')}`))]);
  assert.ok(colours.some((c) => c.startsWith('edge q1=')), colours.join(' '));
  const byQuad = new Map(colours.map((c) => c.split('=') as [string, string]));
  assert.equal(new Set(byQuad.values()).size, byQuad.size, 'one colour per quad');
  await shot('network');
});

test('hostile article: its text and title are shown as text, nothing runs', { skip }, async () => {
  await page.goto(`${base}/#/article/hostile-1`);
  await page.waitForSelector('#article-text');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=article-title]').textContent(), HOSTILE_TITLE);
  assert.equal(await page.locator('#article-text').textContent(), HOSTILE_TEXT);
  assert.equal(await page.locator('#article-text script, #article-text img, #article-text iframe, #article-text b, h2 img, h2 b').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  const csp = (await page.request.get(`${base}/`)).headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'/);
  await shot('hostile');
  // And the whole run raised no console errors: no CSP or Trusted Types violations by the UI.
  assert.deepEqual(problems.filter((p) => !/favicon/.test(p)), []);
});
