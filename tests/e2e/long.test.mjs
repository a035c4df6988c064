// End-to-end: long drafts (a reply above a long e-mail thread, a pasted
// conversation). Analysed off the main thread in a worker, under the strict
// CSP and offline; the highlight layer always mirrors the text exactly, so
// marks never sit on the wrong words, and holds marks only near the
// viewport; the panel counts repeated hints instead of listing them all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchedPage, STRICT_CSP, DIST, ROOT, FIXTURES } from './harness.mjs';

let browser;
let server;
let base;
before(async () => {
  browser = await launch();
  server = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP } });
  base = await readFile(join(ROOT, '..', 'shared', 'bench', 'doc10000.txt'), 'utf8');
});
after(async () => { await browser?.close(); await server?.close(); });

const SARCASM = 'As I already explained, the refund takes five days.';
/** About `size` characters of ordinary replies, with a sarcastic sentence in the middle. */
function longDraft(size) {
  let head = 'Hi Priya,\n\n';
  while (head.length < size / 2) head += base;
  let tail = '';
  while (head.length + tail.length < size) tail += base;
  return `${head}${SARCASM}\n\n${tail}`;
}

const layer = '[data-testid=highlights-long]';

/** Pastes `text` into the app's draft as a paste does. */
const paste = (page, text) => page.evaluate((t) => {
  const ta = document.querySelector('[data-testid=draft]');
  ta.focus();
  ta.value = t;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}, text);

const analysed = (page) => page.waitForFunction((sel) => document.querySelector(sel)?.dataset.analysed === 'true', layer, { timeout: 30000 });

/** The layer's text is the draft's, character for character. */
const mirrors = (page) => page.evaluate((sel) => document.querySelector(sel).textContent === `${document.querySelector('[data-testid=draft]').value}\u200b`, layer);

const marks = (page) => page.$$eval(`${layer} mark`, (ms) => ms.map((m) => `${m.dataset.cue}:${m.textContent}`));

/** Puts the caret at `at` and scrolls the layer there, as the agent would. */
const caretAt = (page, at) => page.evaluate((n) => {
  const ta = document.querySelector('[data-testid=draft]');
  ta.focus();
  ta.setSelectionRange(n, n);
  // Scroll the caret's line into view, as the browser does when typing.
  const before = ta.value.slice(0, n).split('\n').length;
  ta.scrollTop = Math.max(0, (before / ta.value.split('\n').length) * ta.scrollHeight - ta.clientHeight / 2);
  ta.dispatchEvent(new Event('scroll'));
}, at);

test('a 1 MB draft is analysed in the worker under the strict CSP, and typing in the middle keeps the marks on their words', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=draft]');
  const text = longDraft(1_000_000);
  await paste(page, text);
  await analysed(page);
  assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname), ['/cornerstone-worker.js']);
  assert.ok(await mirrors(page));
  // The greeting's name is marked at the top; the sarcasm in the middle is
  // not drawn while far from the viewport.
  assert.equal((await marks(page))[0], 'name-used:Priya');
  assert.ok(!(await marks(page)).some((m) => m.startsWith('sarcasm:')));

  // Scroll to the middle and type there: the mark follows its words.
  const at = text.indexOf(SARCASM);
  await caretAt(page, at);
  await page.waitForFunction((sel) => [...document.querySelectorAll(`${sel} mark`)].some((m) => m.dataset.cue === 'sarcasm'), layer);
  assert.ok((await marks(page)).includes('sarcasm:As I already explained'));
  await page.keyboard.type('Well. ');
  assert.ok(await mirrors(page), 'the layer follows each keystroke');
  await analysed(page);
  assert.ok(await mirrors(page));
  assert.ok((await marks(page)).includes('sarcasm:As I already explained'));
  assert.equal(await page.inputValue('[data-testid=draft]').then((v) => v.slice(at, at + 28)), `Well. ${SARCASM.slice(0, 22)}`);

  // Marks are drawn only near the viewport: a bounded number for a draft
  // with thousands of findings; the panel counts repeats.
  assert.ok((await marks(page)).length < 150, `${(await marks(page)).length} marks`);
  const more = await page.$$eval('[data-testid=more-hints]', (ls) => ls.map((l) => l.textContent));
  assert.ok(more.length > 0 && more.every((m) => /^and \d+ more like this Show \d+$/.test(m)), more.join('\n'));
  assert.ok(await page.$$eval('[data-testid=hint]', (hs) => hs.length) < 150);

  // Clicking a hint selects exactly its words in the 1 MB draft.
  const hint = page.locator('[data-testid=hint][data-cue=sarcasm]').last();
  const words = await hint.locator('[data-testid=hint-text]').textContent();
  await hint.locator('[data-testid=hint-select]').click();
  assert.equal(await page.evaluate(() => { const t = document.querySelector('[data-testid=draft]'); return t.value.slice(t.selectionStart, t.selectionEnd); }), words);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('while the agent keeps typing, the layer mirrors every keystroke and shows no mark of an older text on new words', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=draft]');
  const text = longDraft(300_000);
  await paste(page, text);
  await analysed(page);
  await caretAt(page, 11);
  // Typing at the top, fast: deletions, new lines and words, with checks
  // after each key that the layer is the draft and that every mark is on
  // words the current draft has at that place.
  const keys = ['S', 'o', 'r', 'r', 'y', ',', ' ', 'b', 'u', 't', ' ', 'n', 'o', '.', 'Enter', 'Backspace', 'Backspace', 'Enter', 'Enter'];
  for (const key of keys) {
    await page.keyboard.press(key);
    const state = await page.evaluate((sel) => {
      const ta = document.querySelector('[data-testid=draft]');
      const root = document.querySelector(sel);
      let at = 0;
      const wrong = [];
      // Walk the layer's text: each mark's words must be the draft's words at that offset.
      const walk = (node) => {
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) at += child.data.length;
          else if (child.tagName === 'MARK') {
            if (ta.value.slice(at, at + child.textContent.length) !== child.textContent) wrong.push(child.textContent);
            at += child.textContent.length;
          } else walk(child);
        }
      };
      walk(root);
      return { same: root.textContent === `${ta.value}\u200b`, wrong };
    }, layer);
    assert.ok(state.same, `after ${key}`);
    assert.deepEqual(state.wrong, [], `after ${key}`);
  }
  await analysed(page);
  assert.deepEqual(await page.evaluate(() => document.querySelector('[data-testid=draft]').value.slice(0, 28)), 'Hi Priya,\n\nSorry, but no\n\nDe');
  assert.ok((await marks(page)).includes('apology-hollow:Sorry, but'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embed and the iframe analyse long drafts in the worker too', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(`${server.url}examples/intranet.html`);
  await page.waitForFunction(() => window.Cornerstone?.attached[0]?.report);
  const text = longDraft(300_000);
  await page.evaluate((t) => {
    const ta = document.querySelector('#reply');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // (No report while the long draft waits for its first analysis, in the worker.)
  await page.waitForFunction(() => window.Cornerstone.attached[0].report?.findings.some((f) => f.cue === 'sarcasm'), null, { timeout: 30000 });
  const report = await page.evaluate(() => window.Cornerstone.attached[0].report);
  const sarcasm = report.findings.find((f) => f.cue === 'sarcasm' && f.start_utf16 === text.indexOf(SARCASM));
  assert.equal(sarcasm?.text, 'As I already explained');
  assert.ok(page.workers().some((w) => w.url().endsWith('/cornerstone-worker.js')));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);

  // The iframe mode: the parent sends the long draft, the report comes back.
  const parent = await serve(FIXTURES);
  try {
    const framed = await context.newPage();
    await framed.goto(`${parent.url}parent.html?app=${encodeURIComponent(server.url)}&allow=${encodeURIComponent(parent.origin)}`);
    await framed.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:ready'));
    await framed.evaluate((t) => { document.querySelector('#reply').value = t; window.check('long'); }, text);
    await framed.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:report' && m.id === 'long'), null, { timeout: 30000 });
    const fromFrame = await framed.evaluate(() => window.received.find((m) => m.id === 'long').report);
    assert.deepEqual(fromFrame.findings.find((f) => f.cue === 'sarcasm' && f.start_utf16 === text.indexOf(SARCASM))?.text, 'As I already explained');
    assert.equal(fromFrame.summary, report.summary);
  } finally {
    await parent.close();
  }
  await context.close();
});

test('offline, long drafts are still analysed in the worker, from the service worker cache', async () => {
  const offline = await serve(DIST, { prefix: '/cs/' });
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(offline.url);
  await page.waitForSelector('[data-testid=draft]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await offline.close();
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=draft]');
  await paste(page, longDraft(100_000));
  await analysed(page);
  assert.ok(page.workers().some((w) => w.url().endsWith('/cs/cornerstone-worker.js')));
  assert.equal((await marks(page))[0], 'name-used:Priya');
  assert.equal(await page.locator('[data-testid=main-thread-status]').count(), 0, 'with the worker, nothing to say');
  await context.close();
});

test('the single-file build analyses a long draft on the main thread, and says so, to the agent too', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cornerstone-standalone-'));
  const file = join(dir, 'cornerstone.html');
  await copyFile(join(DIST, 'cornerstone-standalone.html'), file);
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  const said = [];
  page.on('console', (m) => { if (m.type() === 'info') said.push(m.text()); });
  await page.goto(`file://${file}`);
  await page.waitForSelector('[data-testid=draft]');
  await paste(page, longDraft(100_000));
  await analysed(page);
  assert.deepEqual(page.workers(), []);
  assert.ok(said.some((m) => m.includes("analyses this long draft on the page's main thread")), said.join('\n'));
  assert.equal((await marks(page))[0], 'name-used:Priya');
  // The panel says it under the summary while the draft is long.
  assert.equal(await page.textContent('[data-testid=main-thread-status]'),
    'Long drafts are checked on this page itself, as the background worker cannot run here: in a draft of several hundred KB, each check may hold up typing for a moment.');
  await page.fill('[data-testid=draft]', 'Hi Priya, the refund is on its way.');
  await page.waitForSelector('[data-testid=main-thread-status]', { state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the worker cannot start, the long draft is analysed on the page, and the panel says so', async () => {
  // The worker's file is gone from the server (a partial deploy).
  const broken = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP }, overrides: { 'cornerstone-worker.js': null } });
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(broken.url);
  await page.waitForSelector('[data-testid=draft]');
  assert.equal(await page.locator('[data-testid=main-thread-status]').count(), 0);
  await paste(page, longDraft(100_000));
  await analysed(page);
  assert.equal((await marks(page))[0], 'name-used:Priya');
  assert.match(await page.textContent('[data-testid=main-thread-status]'), /^Long drafts are checked on this page itself, as the background worker cannot run here/);
  assert.deepEqual(errors.filter((e) => !/cornerstone-worker\.js|404|Failed to load resource/.test(e)), []);
  await context.close();
  await broken.close();
});

test('a short reply never starts the worker: the first load stays what it was', async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  const loaded = [];
  page.on('request', (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=draft]');
  await page.fill('[data-testid=draft]', 'Hi Priya, sorry, but as I already explained, no.');
  await page.waitForSelector('[data-testid=highlights] mark[data-cue=sarcasm]');
  assert.deepEqual(page.workers(), []);
  assert.ok(!loaded.includes('/cornerstone-worker.js'), loaded.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long draft survives a reload, kept in parts: an edit rewrites one part, clearing removes every part', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=draft]');
  const text = longDraft(300_000);
  await paste(page, text);
  await analysed(page);
  const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(sessionStorage)
    .filter((k) => k.startsWith('cornerstone.draft')).map((k) => [k, sessionStorage.getItem(k)])));
  await page.waitForFunction(() => sessionStorage.getItem('cornerstone.draft')?.startsWith('\u0001'));
  const first = await stored();
  const parts = Object.keys(first).filter((k) => k.includes('.part.'));
  assert.ok(parts.length >= 8, `${parts.length} parts`);
  // The header lists the parts in order; together they are the draft.
  const order = first['cornerstone.draft'].slice('\u0001cornerstone-parts:'.length).split(',');
  assert.equal(order.map((h) => first[`cornerstone.draft.part.${h}`]).join(''), text);

  await caretAt(page, text.indexOf(SARCASM));
  await page.keyboard.type('Well. ');
  await analysed(page);
  await page.waitForFunction((old) => sessionStorage.getItem('cornerstone.draft') !== old, first['cornerstone.draft']);
  const second = await stored();
  const added = Object.keys(second).filter((k) => !(k in first));
  const removed = Object.keys(first).filter((k) => !(k in second));
  assert.equal(added.length, 1, 'one part written');
  assert.equal(removed.length, 1, 'the part it replaces removed');

  await page.reload();
  await page.waitForSelector('[data-testid=draft]');
  const restored = await page.inputValue('[data-testid=draft]');
  assert.equal(restored, `${text.slice(0, text.indexOf(SARCASM))}Well. ${text.slice(text.indexOf(SARCASM))}`);

  await page.focus('[data-testid=draft]');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !Object.keys(sessionStorage).some((k) => k.startsWith('cornerstone.draft')));
  assert.deepEqual(errors, []);
  await context.close();
});
