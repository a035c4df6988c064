// End-to-end: the release build as teams host it. A strict CSP, offline use
// after a first visit, an installable app, any static server, and the single
// file opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { serve, launch, launchWithProfile, watchedPage, DIST, STRICT_CSP, watchLoad, loadTimes } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DRAFT = 'Hi Pryia, we apologize for any inconvenience.';

async function checkDraft(page) {
  await page.waitForSelector('[data-testid=draft]');
  await page.fill('[data-testid=customer-name]', 'Priya Raman');
  await page.fill('[data-testid=draft]', DRAFT);
  assert.deepEqual(await page.locator('[data-testid=highlights] mark').allTextContents(), ['Pryia', 'apologize for any inconvenience']);
  assert.equal(await page.textContent('[data-testid=summary]'), '2 things to fix before sending');
  // The hints too: their code is a chunk of the UI's module, fetched after
  // the paint (from the server, the service worker's cache, or the single
  // file's own bytes).
  await page.locator('[data-testid=hint][data-cue=apology-hollow]').first().waitFor({ timeout: 15000 });
  assert.deepEqual(await page.locator('[data-testid^=cornerstone-]').evaluateAll((ss) => ss.map((s) => s.dataset.testid)),
    ['cornerstone-positive-attitude', 'cornerstone-respect', 'cornerstone-proactive', 'cornerstone-dependable']);
}

async function filesIn(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
  }
  return out.sort();
}

test('the app and the embed run under the strict CSP header with no violation', async () => {
  const server = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP } });
  try {
    const context = await browser.newContext();
    const { page, errors } = await watchedPage(context);
    await page.goto(server.url);
    await checkDraft(page);
    // The page has no inline script or style for the policy to block.
    assert.equal(await page.locator('script:not([src])').count(), 0);
    assert.equal(await page.locator('[style]').count(), 0);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);

    await page.goto(`${server.url}examples/intranet.html`);
    await page.waitForFunction(() => window.Cornerstone?.attached[0]?.report);
    await page.fill('#reply', DRAFT);
    const summary = page.locator('cornerstone-panel [data-testid=summary]');
    await assert.doesNotReject(summary.filter({ hasText: '2 things to fix before sending' }).waitFor());
    assert.deepEqual(await page.evaluate(() => window.__violations), []);

    await page.goto(`${server.url}?embed`);
    await page.waitForSelector('[data-testid=cornerstone-frame]');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors.filter((e) => /Content Security Policy|Refused/i.test(e)), []);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('after a first visit it works with the network gone, from the service worker cache of exactly this build', async () => {
  const server = await serve(DIST, { prefix: '/tools/cornerstone/' });
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=draft]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  // One cache, holding every file of the build (the service worker itself
  // and the separate single-file download aside).
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const cache = await caches.open(keys[0]);
    const scope = new URL('./', location.href).pathname;
    return { keys, urls: (await cache.keys()).map((r) => new URL(r.url).pathname.slice(scope.length)).sort() };
  });
  assert.equal(cached.keys.length, 1);
  assert.match(cached.keys[0], /^cornerstone:\/tools\/cornerstone\/:[0-9a-f]{16}$/);
  const build = (await filesIn(DIST)).filter((f) => f !== 'sw.js' && f !== 'cornerstone-standalone.html');
  assert.deepEqual(cached.urls, ['', ...build].sort());

  // The network goes: the server stops and the browser is offline.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await checkDraft(page);
  await page.goto(`${server.url}examples/intranet.html`);
  await page.waitForFunction(() => window.Cornerstone?.attached[0]?.report);
  // The rich-text example too: its editor is served from the build, not a CDN.
  await page.goto(`${server.url}examples/helpdesk.html`);
  await page.waitForFunction(() => window.quill && window.Cornerstone?.attached[0]?.report);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('a new build replaces the old cache, leaving no stale files behind', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const server = await serve(DIST, { overrides: {} });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const first = await page.evaluate(() => caches.keys());
    // A cache left by some older build.
    await page.evaluate(() => caches.open('cornerstone-0000000000000000').then((c) => c.put('stale.js', new Response('old'))));
    // The next build: a service worker with another version.
    server.overrides['sw.js'] = sw.replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'ffffffffffffffff'");
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
    });
    await page.waitForFunction(async () => (await caches.keys()).join() === 'cornerstone:/:ffffffffffffffff', null, { polling: 100 });
    assert.equal(first.length, 1);
    assert.notEqual(first[0], 'cornerstone:/:ffffffffffffffff');
  } finally {
    await context.close();
    await server.close();
  }
});

test('the manifest and icons make it installable', async () => {
  const server = await serve();
  // Incognito windows cannot install apps: a real profile, in a fresh folder.
  const context = await launchWithProfile(await mkdtemp(join(tmpdir(), 'cornerstone-profile-')));
  const page = await context.newPage();
  try {
    await page.goto(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.short_name, 'Cornerstone');
    assert.equal(parsed.display, 'standalone');
    for (const icon of parsed.icons) {
      const res = await page.request.get(new URL(icon.src, manifest.url).href);
      assert.equal(res.status(), 200, icon.src);
    }
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('any static server will do: python3 -m http.server', async () => {
  const python = spawn('python3', ['-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', DIST], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await new Promise((ok, fail) => {
      let out = '';
      const read = (d) => { out += d; const m = out.match(/port (\d+)/); if (m) ok(m[1]); };
      python.stdout.on('data', read);
      python.stderr.on('data', read);
      python.on('exit', (code) => fail(new Error(`python3 exited ${code}: ${out}`)));
    });
    const context = await browser.newContext();
    const { page, errors } = await watchedPage(context);
    await page.goto(`http://127.0.0.1:${port}/`);
    await checkDraft(page);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    python.kill();
  }
});

test('the single-file build works opened straight from disk, with no other file beside it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cornerstone-standalone-'));
  const file = join(dir, 'cornerstone.html');
  await copyFile(join(DIST, 'cornerstone-standalone.html'), file);
  const context = await browser.newContext();
  // When the page first paints, and when the engine is handed over.
  await watchLoad(context);
  const { page, errors } = await watchedPage(context);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`file://${file}`);
  await checkDraft(page);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [`file://${file}`], 'nothing but the file itself is loaded');
  // Both modules are in the page from the start: the engine starts only
  // once the draft box has been painted, so that it does not hold the paint.
  const { paintedAt, readyAt } = await loadTimes(page);
  assert.ok(paintedAt < readyAt, `the box painted at ${paintedAt} ms, the engine ready at ${readyAt} ms`);
  await context.close();
});
