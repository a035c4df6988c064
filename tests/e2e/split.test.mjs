// End-to-end: the app as two WebAssembly modules, the UI's and the
// engine's. The draft box works before the engine arrives and the coaching
// follows once it does; an engine that cannot load says so and loses no
// draft; a team pack given early is applied when the engine arrives; the
// analysis worker loads the engine module only; and the embed's
// `handle.ready` means the coaching is there, even with a slow engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, FIXTURES } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// This build's files, named by their contents.
const built = (pattern) => {
  const found = readdirSync(DIST).filter((f) => pattern.test(f));
  assert.equal(found.length, 1, `one file matching ${pattern} in dist: ${found.join()}`);
  return found[0];
};
const ENGINE_WASM = built(/^cornerstone-engine-[0-9a-f]{16}_bg\.wasm$/);
// (Trunk writes its hash without leading zeros: 15 digits at times.)
const UI_WASM = built(/^cornerstone-[0-9a-f]{8,16}_bg\.wasm$/);
const UI_GLUE = built(/^cornerstone-[0-9a-f]{8,16}\.js$/);
const ENGINE_GLUE = built(/^cornerstone-engine-[0-9a-f]{16}\.js$/);
const ENGINE_BYTES = readFileSync(join(DIST, ENGINE_WASM));

/** Answers the engine's wasm only once the test says so. */
function heldEngine() {
  const waiting = [];
  let released = false;
  let asked;
  const requested = new Promise((ok) => { asked = ok; });
  const send = (res) => res.writeHead(200, { 'content-type': 'application/wasm' }).end(ENGINE_BYTES);
  return {
    requested,
    handler: (req, res) => {
      asked();
      if (released) send(res);
      else waiting.push(res);
    },
    release() {
      released = true;
      for (const res of waiting.splice(0)) send(res);
    },
  };
}

/** Answers the engine's wasm after `ms`. */
const slowEngine = (ms) => (req, res) => {
  setTimeout(() => res.writeHead(200, { 'content-type': 'application/wasm' }).end(ENGINE_BYTES), ms);
};

// A fresh browser profile for each story, without the service worker: it
// would fetch the build's files again to keep them, which is not what the
// stories are about (and would hide what the page itself requested).
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const { page, errors } = await watchedPage(context);
  await page.goto(url);
  await page.waitForSelector('[data-testid=draft]');
  return { context, page, errors };
}

// The story helpers (as in app.test.mjs).
const typeDraft = (page, text) => page.fill('[data-testid=draft]', text);
const setName = (page, name) => page.fill('[data-testid=customer-name]', name);
const draftValue = (page) => page.$eval('[data-testid=draft]', (t) => t.value);
const highlighted = (page) => page.locator('[data-testid=highlights] mark').evaluateAll((ms) => ms.map((m) => `${m.dataset.cue}:${m.textContent}`));
const hintCues = (page) => page.locator('[data-testid=hint]').evaluateAll((hs) => hs.map((h) => h.dataset.cue));
const hint = (page, cue) => page.locator(`[data-testid=hint][data-cue=${cue}]`).first();
const sections = (page) => page.locator('[data-testid^=cornerstone-]').evaluateAll((ss) => ss.map((s) => s.dataset.testid));
const engineState = (page) => page.getAttribute('section.panel', 'data-engine');
const engineIs = (page, state) => page.waitForFunction((s) => document.querySelector('section.panel')?.dataset.engine === s, state);
const summary = (page) => page.textContent('[data-testid=summary]');

const DRAFT = 'Hi Sam, sorry for any inconvenience.';

test('the page is usable before the engine arrives, and coaches the draft once it does', async () => {
  const engine = heldEngine();
  const server = await serve(DIST, { overrides: { [ENGINE_WASM]: engine.handler } });
  const { context, page, errors } = await open(server.url);
  try {
    await engine.requested;
    await setName(page, 'Sam');
    await page.click('[data-testid=draft]');
    await page.keyboard.type(DRAFT);
    // Time for the analysis that would have run by now.
    await page.waitForTimeout(400);
    assert.equal(await draftValue(page), DRAFT);
    assert.equal(await engineState(page), 'loading');
    assert.equal(await summary(page), 'Loading the coach…');
    assert.deepEqual(await hintCues(page), []);
    assert.deepEqual(await highlighted(page), []);
    assert.deepEqual(await sections(page), [], 'no cornerstone claims to be fine');

    engine.release();
    await engineIs(page, 'ready');
    await hint(page, 'apology-hollow').waitFor();
    assert.equal(await hint(page, 'apology-hollow').locator('[data-testid=hint-text]').textContent(), 'sorry for any inconvenience');
    assert.deepEqual(await highlighted(page), ['name-used:Sam', 'apology-hollow:sorry for any inconvenience']);
    assert.equal(await summary(page), '1 thing to fix before sending');
    assert.deepEqual(await sections(page), ['cornerstone-positive-attitude', 'cornerstone-respect', 'cornerstone-proactive', 'cornerstone-dependable']);
    assert.equal(await draftValue(page), DRAFT, 'the draft is as typed');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('an engine that cannot load says so on the panel, and the draft is kept, also across a reload', async () => {
  const server = await serve(DIST, { overrides: { [ENGINE_WASM]: null } });
  const { context, page, errors } = await open(server.url);
  try {
    await engineIs(page, 'failed');
    const alert = await page.textContent('[data-testid=engine-error]');
    const opening = 'The coach could not load its engine (';
    const closing = '): no hints can be shown. Reload the page to try again.';
    assert.ok(alert.startsWith(opening), alert);
    assert.ok(alert.endsWith(closing), alert);
    // Why, in between: the engine's file that could not be fetched.
    assert.ok(alert.slice(opening.length, -closing.length).includes(`404 Not Found fetching '${server.url}${ENGINE_WASM}'`), alert);
    assert.equal(await page.getAttribute('[data-testid=engine-error]', 'role'), 'alert');

    await setName(page, 'Sam');
    await typeDraft(page, DRAFT);
    assert.equal(await draftValue(page), DRAFT);
    assert.equal(await summary(page), 'No hints: the coach could not load');
    assert.deepEqual(await hintCues(page), []);
    assert.deepEqual(await sections(page), []);

    // The console says so too; the only other errors are the missing file's.
    const said = errors.filter((e) => e.startsWith('Cornerstone could not load its engine'));
    assert.equal(said.length, 1, errors.join('\n'));
    const others = errors.filter((e) => !said.includes(e));
    assert.ok(others.every((e) => e.includes(ENGINE_WASM) || /^Failed to load resource: .*404/.test(e)), others.join('\n'));

    await page.reload();
    await page.waitForSelector('[data-testid=draft]');
    assert.equal(await draftValue(page), DRAFT);
    assert.equal(await page.inputValue('[data-testid=customer-name]'), 'Sam');
    await engineIs(page, 'failed');
    assert.equal(await summary(page), 'No hints: the coach could not load');
  } finally {
    await context.close();
    await server.close();
  }
});

/** The app with `pack` beside it and the engine held, the draft typed for Sam while it waits. */
async function packBeforeEngine(pack) {
  const engine = heldEngine();
  const server = await serve(DIST, { overrides: { [ENGINE_WASM]: engine.handler, 'cornerstone.rules.json': pack } });
  const { context, page, errors } = await open(server.url);
  await engine.requested;
  await setName(page, 'Sam');
  await typeDraft(page, DRAFT);
  await page.waitForTimeout(300);
  assert.equal(await engineState(page), 'loading');
  return { engine, server, context, page, errors };
}

test('a team pack given before the engine arrives is applied once it does', async () => {
  const pack = JSON.stringify({ name: 'Acme support', disable: ['apology-hollow'] });
  const { engine, server, context, page, errors } = await packBeforeEngine(pack);
  try {
    assert.equal(await page.locator('[data-testid=rules-error]').count(), 0);
    assert.equal(await page.locator('[data-testid=rules-status]').count(), 0, 'the pack is checked by the engine, once it is here');

    engine.release();
    await engineIs(page, 'ready');
    await page.locator('[data-testid=rules-status]').waitFor();
    assert.equal(await page.textContent('[data-testid=rules-status]'), 'Team rules: Acme support');
    await hint(page, 'name-used').waitFor();
    assert.deepEqual(await hintCues(page), ['name-used']);
    assert.equal(await hint(page, 'name-used').locator('[data-testid=hint-text]').textContent(), 'Sam');
    assert.deepEqual(await highlighted(page), ['name-used:Sam'], 'the hollow apology is not marked under this pack');
    assert.equal(await page.locator('[data-testid=rules-error]').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a broken team pack given before the engine arrives is refused once it does, saying where', async () => {
  const { engine, server, context, page, errors } = await packBeforeEngine('{"disable": ["shoutin"]}');
  try {

    engine.release();
    await engineIs(page, 'ready');
    await page.locator('[data-testid=rules-error]').waitFor();
    assert.equal(await page.textContent('[data-testid=rules-error]'),
      "Team rules not applied: cornerstone.rules.json, line 1, column 14, at disable[0]: unknown cue id 'shoutin' (did you mean 'shouting'?). The built-in rules are in use.");
    assert.equal(await page.locator('[data-testid=rules-status]').count(), 0);
    // The built-in rules coach the draft.
    await hint(page, 'apology-hollow').waitFor();
    assert.equal(await hint(page, 'apology-hollow').locator('[data-testid=hint-text]').textContent(), 'sorry for any inconvenience');
    assert.deepEqual(await highlighted(page), ['name-used:Sam', 'apology-hollow:sorry for any inconvenience']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('a long draft is analysed in the worker, which loads the engine module only and fetches no wasm', async () => {
  const server = await serve(DIST);
  const { context, page, errors } = await open(server.url);
  try {
    const sarcasm = 'As I already explained, the refund takes five days.';
    let text = 'Hi Sam,\n\n';
    while (text.length < 14_000) text += 'Your order left our warehouse this morning and the tracking link will work tonight. ';
    text += `\n\n${sarcasm}\n\nBest regards,\nAlex`;
    assert.ok(new TextEncoder().encode(text).length > 12_000);
    await setName(page, 'Sam');
    await page.evaluate((t) => {
      const ta = document.querySelector('[data-testid=draft]');
      ta.focus();
      ta.value = t;
      ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
    await hint(page, 'sarcasm').waitFor({ timeout: 15000 });
    assert.equal(await hint(page, 'sarcasm').locator('[data-testid=hint-text]').textContent(), 'As I already explained');
    assert.deepEqual(page.workers().map((w) => new URL(w.url()).pathname), ['/cornerstone-worker.js']);

    const asked = server.requests;
    assert.equal(asked.filter((p) => p === '/cornerstone-worker.js').length, 1, asked.join('\n'));
    // Each module's wasm once in all: the page's; the worker was sent the
    // engine's compiled module and loads no UI module.
    assert.deepEqual(asked.filter((p) => p.endsWith('.wasm')).sort(), [`/${UI_WASM}`, `/${ENGINE_WASM}`].sort());
    assert.equal(asked.filter((p) => p === `/${UI_GLUE}`).length, 1, asked.join('\n'));
    // After its own script, the worker fetched the engine's glue, and nothing else.
    assert.deepEqual(asked.slice(asked.indexOf('/cornerstone-worker.js') + 1), [`/${ENGINE_GLUE}`]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('embed: after `await handle.ready` the report and the coaching are there, even with a slow engine', async () => {
  const server = await serve(DIST, { mounts: { 'fixtures/': FIXTURES }, overrides: { [ENGINE_WASM]: slowEngine(700) } });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await watchedPage(context);
  try {
    await page.goto(`${server.url}fixtures/bare.html`);
    await page.waitForFunction(() => window.Cornerstone);
    const seen = await page.evaluate(async (draft) => {
      const reply = document.getElementById('reply');
      reply.value = draft;
      const started = performance.now();
      const handle = window.Cornerstone.attach(reply, { customerName: 'Sam' });
      const analysed = window.Cornerstone.analyze('Fine. As I already explained, no.');
      // Before the engine is here: the panel is up and says it is loading.
      const early = await Promise.race([handle.ready.then(() => 'ready'), new Promise((ok) => setTimeout(() => ok('waiting'), 300))]);
      const panelAt = (root) => root?.querySelector('section.panel')?.dataset.engine ?? null;
      const root = document.querySelector('cornerstone-panel').shadowRoot;
      const before = { early, engine: panelAt(root), summary: root.querySelector('[data-testid=summary]')?.textContent ?? null };
      await handle.ready;
      // Read at once, with no waiting.
      const report = handle.report;
      const after = { engine: panelAt(root), summary: root.querySelector('[data-testid=summary]')?.textContent ?? null };
      return { before, report, after, elapsed: performance.now() - started, analysed: await analysed };
    }, DRAFT);
    assert.deepEqual(seen.before, { early: 'waiting', engine: 'loading', summary: 'Loading the coach…' });
    assert.ok(seen.elapsed >= 600, `ready after the slow engine: ${seen.elapsed} ms`);
    const findings = (report) => report.findings.map((f) => [f.cue, f.text, f.start, f.end]);
    assert.deepEqual(findings(seen.report), [['name-used', 'Sam', 3, 6], ['apology-hollow', 'sorry for any inconvenience', 8, 35]]);
    assert.equal(seen.report.summary, '1 thing to fix before sending');
    assert.deepEqual(seen.after, { engine: 'ready', summary: '1 thing to fix before sending' });
    assert.deepEqual(findings(seen.analysed).filter(([cue]) => cue === 'sarcasm'), [['sarcasm', 'As I already explained', 6, 28]]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});
