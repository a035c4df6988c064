// End-to-end: hostile networks, host pages that change under the panel, and
// long sessions. Rule packs that hang or are huge, several deployments on one
// origin, apply on a textarea changed from script, iframe messages from the
// wrong window, host-page churn, a full session storage, and a draft that looks like its header.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, FIXTURES } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const ACME = JSON.stringify({ name: 'Acme support', avoid: [{ phrase: 'Zendo', message: "Don't name competitors." }] });
const hang = () => () => {};

async function openApp(url) {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('[data-testid=draft]');
  return { context, page, errors, warnings };
}

test('a rule pack that never arrives: the app starts within seconds with the built-in rules and names the time limit', async () => {
  const server = await serve(DIST, { overrides: { 'cornerstone.rules.json': hang() } });
  try {
    const started = Date.now();
    const { context, page, warnings } = await openApp(server.url);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 9000, `started after ${elapsed} ms`);
    assert.equal(await page.textContent('[data-testid=rules-error]'),
      'Team rules not applied: cornerstone.rules.json did not arrive within 5 s, the time limit. The built-in rules are in use.');
    await page.fill('[data-testid=draft]', 'Sorry, but no.');
    assert.ok(await page.locator('[data-testid=hint][data-cue=apology-hollow]').count() > 0);
    assert.ok(warnings.some((w) => w.includes('did not arrive within 5 s')), warnings.join('\n'));
    await context.close();
  } finally {
    await server.close();
  }
});

test('a rule pack over 1 MB is not read past the limit: the built-in rules are used and the size limit named', async () => {
  // Streamed without a length, so the loader must count as it reads.
  const big = (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write(`{"name": "${'x'.repeat(1 << 20)}`);
    // ...and never ends: the loader must stop reading on its own.
  };
  const server = await serve(DIST, { overrides: { 'cornerstone.rules.json': big } });
  try {
    const { context, page } = await openApp(server.url);
    assert.equal(await page.textContent('[data-testid=rules-error]'),
      'Team rules not applied: cornerstone.rules.json is larger than 1048576 bytes (1 MB), the size limit. The built-in rules are in use.');
    await context.close();
  } finally {
    await server.close();
  }
});

test('with the service worker, a pack that hangs comes from the kept copy within seconds', async () => {
  const server = await serve(DIST, { overrides: { 'cornerstone.rules.json': ACME } });
  try {
    const { context, page } = await openApp(server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('[data-testid=rules-status]').filter({ hasText: 'Team rules: Acme support' }).waitFor();
    // The kept copy is in this deployment's cache.
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.length === 1 && (await (await caches.open(keys[0])).match('cornerstone.rules.json')) !== undefined;
    });
    server.overrides['cornerstone.rules.json'] = hang();
    const started = Date.now();
    await page.reload();
    await page.locator('[data-testid=rules-status]').filter({ hasText: 'Team rules: Acme support' }).waitFor();
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 5000, `the kept copy took ${elapsed} ms`);
    assert.equal(await page.locator('[data-testid=rules-error]').count(), 0);
    await context.close();
  } finally {
    await server.close();
  }
});

test('two deployments on one origin keep their own caches and serve only from them', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const server = await serve(DIST, { mounts: { 'tools/cornerstone/': DIST, 'staging/cornerstone/': DIST } });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const visit = async (path) => {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('[data-testid=draft]');
      await page.evaluate(() => navigator.serviceWorker.ready);
    };
    await visit('tools/cornerstone/');
    await visit('staging/cornerstone/');
    const keys = await page.evaluate(() => caches.keys());
    assert.equal(keys.length, 2, keys.join());
    assert.ok(keys.some((k) => k.startsWith('cornerstone:/tools/cornerstone/:')), keys.join());
    assert.ok(keys.some((k) => k.startsWith('cornerstone:/staging/cornerstone/:')), keys.join());

    // A file only the tools deployment's cache holds is not served to staging.
    await page.evaluate(async (origin) => {
      const tools = (await caches.keys()).find((k) => k.includes('/tools/'));
      await (await caches.open(tools)).put(`${origin}/staging/cornerstone/only-in-tools.txt`, new Response('wrong cache'));
    }, server.origin);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const status = await page.evaluate(() => fetch('only-in-tools.txt').then((r) => r.status));
    assert.equal(status, 404);

    // A new build at staging replaces staging's cache only.
    server.overrides['staging/cornerstone/sw.js'] = sw.replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'ffffffffffffffff'");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // Polled from here: the new worker installs, then activates and deletes.
    let after = [];
    for (let tries = 0; tries < 100; tries++) {
      after = await page.evaluate(() => caches.keys());
      if (after.length === 2 && after.includes('cornerstone:/staging/cornerstone/:ffffffffffffffff')) break;
      await page.waitForTimeout(100);
    }
    assert.ok(after.includes('cornerstone:/staging/cornerstone/:ffffffffffffffff'), after.join());
    assert.equal(after.length, 2, after.join());
    assert.ok(after.includes(keys.find((k) => k.includes('/tools/'))), 'the tools deployment keeps its cache');
  } finally {
    await context.close();
    await server.close();
  }
});

test('apply never writes at stale offsets: a textarea changed from script is checked again first', async () => {
  const server = await serve(DIST, { mounts: { 'fixtures/': FIXTURES } });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}fixtures/bare.html`);
    await page.evaluate(() => window.Cornerstone.attach(document.getElementById('reply'), { customerName: 'Priya Raman' }).ready);
    await page.fill('#reply', 'Hi Pryia, your parcel ships today.');
    const apply = page.locator('cornerstone-panel [data-testid=hint][data-cue=name-misspelled] [data-testid=apply-suggestion]');
    await apply.waitFor();
    // A macro rewrites the reply from script: no input event.
    await page.evaluate(() => { document.getElementById('reply').value = 'Thanks for waiting, Pryia! It ships today.'; });
    await apply.click();
    assert.equal(await page.inputValue('#reply'), 'Thanks for waiting, Pryia! It ships today.', 'nothing replaced at the old offsets');
    assert.match(await page.locator('cornerstone-panel [data-testid=notice]').textContent(), /changed since it was checked, so nothing was replaced/);
    // The hints are of the new text now: applying again lands on the right words.
    await apply.click();
    assert.equal(await page.inputValue('#reply'), 'Thanks for waiting, Priya! It ships today.');
    assert.equal(await page.locator('cornerstone-panel [data-testid=notice]').count(), 0);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the iframe answers only its parent: a sibling frame of the same origin is ignored', async () => {
  const app = await serve(DIST);
  const host = await serve(FIXTURES);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.goto(`${host.url}parent.html?app=${encodeURIComponent(app.url)}&allow=${encodeURIComponent(host.origin)}`);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:ready'));
    await page.evaluate((appOrigin) => {
      const sibling = document.createElement('iframe');
      document.body.append(sibling);
      // Run in the sibling's own realm, so that it is the message's source.
      sibling.contentWindow.eval(`parent.frames[0].postMessage(
        { type: 'cornerstone:check', id: 'sibling', text: 'Hi Pryia', customerName: 'Priya Raman' }, ${JSON.stringify(appOrigin)})`);
    }, app.origin);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.received.filter((m) => m.type === 'cornerstone:report').length), 0);
    assert.ok(warnings.some((w) => w.includes('does not come from the framing page')), warnings.join('\n'));
    // The parent itself is answered.
    await page.fill('#reply', 'Hi Pryia, thanks.');
    await page.evaluate(() => window.check('parent'));
    await page.waitForFunction(() => window.received.some((m) => m.id === 'parent'));
  } finally {
    await context.close();
    await app.close();
    await host.close();
  }
});

test('a sandboxed iframe with an opaque origin and no origin= refuses to run and says why', async () => {
  const app = await serve(DIST, { headers: { 'access-control-allow-origin': '*' } });
  const host = await serve(FIXTURES);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const messages = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto(`${host.url}sandboxed.html?app=${encodeURIComponent(app.url)}`);
    const refused = page.frameLocator('iframe').locator('[data-testid=frame-refused]');
    await refused.waitFor();
    assert.match(await refused.textContent(), /opaque origin .* it does not run/);
    assert.ok(messages.some((m) => m.includes('opaque origin')), messages.join('\n'));
    assert.equal(await page.frameLocator('iframe').locator('[data-testid=cornerstone-frame]').count(), 0);
  } finally {
    await context.close();
    await app.close();
    await host.close();
  }
});

test('host-page churn: a bad selector affects its own textarea only, removed textareas are released, a failed attach can be retried', async () => {
  const server = await serve(DIST, { mounts: { 'fixtures/': FIXTURES } });
  const context = await browser.newContext();
  try {
    const { page, errors } = await watchedPage(context);
    await page.goto(`${server.url}fixtures/churn.html`);
    await page.waitForFunction(() => window.Cornerstone?.attached.length === 1 && window.Cornerstone.attached[0].report);
    assert.equal(await page.evaluate(() => window.Cornerstone.attached[0].textarea.id), 'fine');
    assert.deepEqual(errors, ['Cornerstone: not attached to #broken: data-customer-name-from="#name[" is not a valid CSS selector']);

    // A textarea the page removes is released with its panel.
    await page.evaluate(() => window.Cornerstone.attach(document.getElementById('removed')).ready);
    assert.equal(await page.evaluate(() => window.Cornerstone.attached.length), 2);
    await page.evaluate(() => document.getElementById('list').remove());
    await page.waitForFunction(() => window.Cornerstone.attached.length === 1);
    assert.equal(await page.locator('cornerstone-panel').count(), 1);
    // Moved, not removed: still attached.
    await page.evaluate(() => document.body.append(document.getElementById('fine')));
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.Cornerstone.attached.length), 1);

    // An attach that failed can be tried again, and then works.
    await page.evaluate(() => { window.again = document.createElement('textarea'); document.body.append(window.again); });
    await page.route('**/*_bg.wasm', (r) => r.abort());
    await page.goto(`${server.url}fixtures/bare.html`);
    await page.waitForFunction(() => window.Cornerstone);
    const first = await page.evaluate(() => window.Cornerstone.attach(document.getElementById('reply')).ready.then(() => 'ready', () => 'rejected'));
    assert.equal(first, 'rejected');
    await page.unroute('**/*_bg.wasm');
    const second = await page.evaluate(() => window.Cornerstone.attach(document.getElementById('reply')).ready.then(() => 'ready', (e) => `rejected: ${e}`));
    assert.equal(second, 'ready');
    assert.equal(await page.locator('cornerstone-panel').count(), 1, 'the failed panel made way for the new one');
  } finally {
    await context.close();
    await server.close();
  }
});

test('after the storage is full, a reload never brings back an older draft, and the notice follows the latest save', async () => {
  const server = await serve(DIST);
  try {
    const { context, page } = await openApp(server.url);
    await page.fill('[data-testid=draft]', 'An older draft the agent has moved on from.');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('cornerstone.draft')), 'An older draft the agent has moved on from.');
    // Fill the tab's storage to the brim.
    await page.evaluate(() => {
      for (let size = 1 << 20, i = 0; size >= 16; size >>= 1) {
        const chunk = 'x'.repeat(size);
        try { for (;;) sessionStorage.setItem(`junk-${i++}`, chunk); } catch { /* full at this size */ }
      }
    });
    await page.fill('[data-testid=draft]', `A new draft, too long to keep: ${'words '.repeat(2000)}`);
    assert.match(await page.textContent('[data-testid=notice]'), /storage is full/);
    assert.equal(await page.evaluate(() => sessionStorage.getItem('cornerstone.draft')), null, 'the older draft is gone');
    // Room again: the next save works and the notice goes.
    await page.evaluate(() => { for (const k of Object.keys(sessionStorage)) if (k.startsWith('junk-')) sessionStorage.removeItem(k); });
    await page.fill('[data-testid=draft]', 'Hi Sam, done.');
    await page.locator('[data-testid=notice]').waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForSelector('[data-testid=draft]');
    assert.equal(await page.inputValue('[data-testid=draft]'), 'Hi Sam, done.');
    await context.close();
  } finally {
    await server.close();
  }
});

test('a draft that starts like the long-draft storage header survives a reload whole', async () => {
  const server = await serve(DIST);
  try {
    const { context, page, errors } = await openApp(server.url);
    // Pasted from a log: it starts with the control character and the words
    // the app's own storage header starts with.
    const draft = '\u0001cornerstone-parts:0123,4567\nHi Sam, the log above is from your device.';
    await page.fill('[data-testid=draft]', draft);
    await page.waitForFunction(() => Object.keys(sessionStorage).some((k) => k.startsWith('cornerstone.draft.part.')));
    await page.reload();
    await page.waitForSelector('[data-testid=draft]');
    assert.equal(await page.inputValue('[data-testid=draft]'), draft);
    // A short draft after it is kept whole again, and the parts go.
    await page.fill('[data-testid=draft]', 'Hi Sam, done.');
    await page.waitForFunction(() => !Object.keys(sessionStorage).some((k) => k.includes('.part.')));
    await page.reload();
    await page.waitForSelector('[data-testid=draft]');
    assert.equal(await page.inputValue('[data-testid=draft]'), 'Hi Sam, done.');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});
