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
import { serve, launch, watchedPage, DIST, FIXTURES, watchLoad, loadTimes } from './harness.mjs';

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
// The UI's module's chunks (scripts/build-ui.sh, named by crates/bundle):
// the cornerstone sections, the iframe mode, and any code they share.
const SECTIONS_WASM = built(/^split-sections-[0-9a-f]{16}\.wasm$/);
const FRAME_WASM = built(/^split-frame-[0-9a-f]{16}\.wasm$/);
const CHUNKS = readdirSync(DIST).filter((f) => /^split-.+-[0-9a-f]{16}\.wasm$/.test(f));
const ENGINE_BYTES = readFileSync(join(DIST, ENGINE_WASM));

/** Answers the engine's wasm only once the test says so (with `headers`). */
function heldEngine(headers = {}) {
  const waiting = [];
  let released = false;
  let asked;
  const requested = new Promise((ok) => { asked = ok; });
  const send = (res) => res.writeHead(200, { 'content-type': 'application/wasm', ...headers }).end(ENGINE_BYTES);
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

test('the service worker comes once the engine is here, and keeps the engine the page fetched', async () => {
  // As a static host serves a build: files named by their contents kept.
  const cached = { 'cache-control': 'max-age=3600' };
  const engine = heldEngine(cached);
  const server = await serve(DIST, { headers: cached, overrides: { [ENGINE_WASM]: engine.handler } });
  const context = await browser.newContext();
  try {
    const { page, errors } = await watchedPage(context);
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=draft]');
    await engine.requested;
    // Time for a registration at the start to have happened.
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), true,
      'no service worker while the engine is on its way');

    engine.release();
    await engineIs(page, 'ready');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // The service worker kept the engine from the browser's cache.
    assert.equal(server.requests.filter((p) => p === `/${ENGINE_WASM}`).length, 1, server.requests.join('\n'));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the draft box is painted before the engine starts, even when the engine is here first', async () => {
  // The UI's module held back, so that the engine's files (preloaded) are
  // all here when the app mounts: starting the engine in the same task
  // would hold the first paint until the engine was ready.
  let engineSent;
  const engineHere = new Promise((ok) => { engineSent = ok; });
  const server = await serve(DIST, {
    overrides: {
      [ENGINE_WASM]: (req, res) => {
        res.on('finish', engineSent);
        res.writeHead(200, { 'content-type': 'application/wasm' }).end(ENGINE_BYTES);
      },
      // Sent once the engine's wasm has been, and a moment after (300 ms:
      // on a loaded machine the browser took longer than 100 ms to finish
      // reading the engine's 1 MB).
      [UI_WASM]: (req, res) => engineHere.then(() => setTimeout(() => res.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(join(DIST, UI_WASM))), 300)),
    },
  });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await watchLoad(context);
    const { page, errors } = await watchedPage(context);
    await page.goto(server.url);
    await engineIs(page, 'ready');
    const { paintedAt, readyAt } = await loadTimes(page);
    // The engine's files had arrived before the UI's module did.
    const engineEnd = await page.evaluate((name) => performance.getEntriesByName(new URL(name, location.href).href)[0]?.responseEnd, ENGINE_WASM);
    const uiEnd = await page.evaluate((name) => performance.getEntriesByName(new URL(name, location.href).href)[0]?.responseEnd, UI_WASM);
    assert.ok(engineEnd < uiEnd, `the engine's wasm (${engineEnd} ms) came before the UI's (${uiEnd} ms)`);
    assert.ok(paintedAt < readyAt, `the box painted at ${paintedAt} ms, the engine ready at ${readyAt} ms`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the cornerstone sections come in a chunk fetched after the first paint; only the iframe mode fetches its own', async () => {
  const server = await serve(DIST);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    // The frame that first draws the draft box, timed in its animation
    // frame callback (before the browser produces it).
    await context.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid=draft]')) return;
        seen.disconnect();
        requestAnimationFrame(() => { window.__boxFrameAt = performance.now(); });
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const { page, errors } = await watchedPage(context);
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=draft]');
    await setName(page, 'Sam');
    await typeDraft(page, DRAFT);
    // Drawn by the chunk's code, and working: a hint's button selects its words.
    await hint(page, 'apology-hollow').waitFor({ timeout: 15000 });
    assert.deepEqual(await sections(page), ['cornerstone-positive-attitude', 'cornerstone-respect', 'cornerstone-proactive', 'cornerstone-dependable']);
    await hint(page, 'apology-hollow').locator('[data-testid=hint-select]').click();
    assert.equal(await page.$eval('[data-testid=draft]', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'sorry for any inconvenience');

    const { frameAt, chunk, ui } = await page.evaluate(([chunk, ui]) => {
      const entry = (name) => performance.getEntriesByName(new URL(name, location.href).href)[0];
      return { frameAt: window.__boxFrameAt, chunk: entry(chunk)?.startTime, ui: entry(ui)?.responseEnd };
    }, [SECTIONS_WASM, UI_WASM]);
    assert.ok(frameAt !== undefined && chunk !== undefined, `${frameAt} ${chunk}`);
    assert.ok(chunk > frameAt, `the sections' chunk was asked for at ${chunk} ms, after the frame with the draft box (${frameAt} ms)`);
    assert.ok(chunk > ui, 'and after the UI\'s module had arrived');
    assert.equal(server.requests.filter((p) => p === `/${SECTIONS_WASM}`).length, 1, server.requests.join('\n'));
    assert.ok(!server.requests.includes(`/${FRAME_WASM}`), `the app never fetches the iframe mode's chunk: ${server.requests.join(' ')}`);
    assert.deepEqual(errors, []);

    await page.goto(`${server.url}?embed`);
    await page.waitForSelector('[data-testid=cornerstone-frame]');
    assert.equal(server.requests.filter((p) => p === `/${FRAME_WASM}`).length, 1, 'the iframe mode fetches its chunk');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the sections\' chunk is asked for again when it could not be fetched, and the sections come', async () => {
  let asked = 0;
  const server = await serve(DIST, {
    overrides: {
      [SECTIONS_WASM]: (req, res) => {
        asked += 1;
        if (asked === 1) res.writeHead(503).end();
        else res.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(join(DIST, SECTIONS_WASM)));
      },
    },
  });
  const { context, page, errors } = await open(server.url);
  try {
    await setName(page, 'Sam');
    await typeDraft(page, DRAFT);
    await hint(page, 'apology-hollow').waitFor({ timeout: 15000 });
    assert.equal(asked, 2, 'asked for twice');
    assert.deepEqual(await sections(page), ['cornerstone-positive-attitude', 'cornerstone-respect', 'cornerstone-proactive', 'cornerstone-dependable']);
    assert.equal(await draftValue(page), DRAFT);
    // What the page reported is the failed fetch only.
    assert.ok(errors.length > 0 && errors.every((e) => e.includes(SECTIONS_WASM) || /status of 503|HTTP status code is not ok/.test(e)), errors.join('\n'));
  } finally {
    await context.close();
    await server.close();
  }
});

test('a server that gives the chunks another type than application/wasm still gets the hints', async () => {
  const server = await serve(DIST, {
    overrides: {
      [SECTIONS_WASM]: (req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(DIST, SECTIONS_WASM))),
    },
  });
  const { context, page, errors } = await open(server.url);
  try {
    await setName(page, 'Sam');
    await typeDraft(page, DRAFT);
    await hint(page, 'apology-hollow').waitFor({ timeout: 15000 });
    assert.deepEqual(await sections(page), ['cornerstone-positive-attitude', 'cornerstone-respect', 'cornerstone-proactive', 'cornerstone-dependable']);
    assert.equal(server.requests.filter((p) => p === `/${SECTIONS_WASM}`).length, 1, 'fetched once, not retried');
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
    // Each wasm once in all, the page's: the UI's, its chunks but the iframe
    // mode's, and the engine's; the worker was sent the engine's compiled
    // module and loads no UI module.
    const pages = [UI_WASM, ENGINE_WASM, ...CHUNKS.filter((c) => c !== FRAME_WASM)];
    assert.deepEqual(asked.filter((p) => p.endsWith('.wasm')).sort(), pages.map((f) => `/${f}`).sort());
    assert.equal(asked.filter((p) => p === `/${UI_GLUE}`).length, 1, asked.join('\n'));
    // After its own script, the worker fetched the engine's glue, and nothing else.
    assert.deepEqual(asked.slice(asked.indexOf('/cornerstone-worker.js') + 1), [`/${ENGINE_GLUE}`]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

/** The embed's bare host page, with the engine's wasm answered by `engine`, once `Cornerstone` is defined. */
async function openBare(engine) {
  const server = await serve(DIST, { mounts: { 'fixtures/': FIXTURES }, overrides: { [ENGINE_WASM]: engine } });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const { page, errors } = await watchedPage(context);
  await page.goto(`${server.url}fixtures/bare.html`);
  await page.waitForFunction(() => window.Cornerstone);
  return { server, context, page, errors };
}

test('embed: after `await handle.ready` the report and the coaching are there, even with a slow engine', async () => {
  const { server, context, page, errors } = await openBare(slowEngine(700));
  try {
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

// The review's four defects, each as a story that failed before the fix.

const SARCASM = 'As I already explained, the refund was sent.';
/** A draft over 12,000 bytes (analysed in the worker) with the sarcasm sentence near its end. */
function longDraft() {
  let text = 'Hi Sam,\n\n';
  while (text.length < 14_000) text += 'Your order left our warehouse this morning and the tracking link will work tonight. ';
  text += `\n\n${SARCASM}\n\nBest regards,\nAlex`;
  assert.ok(new TextEncoder().encode(text).length > 12_000);
  return text;
}
/** Pastes `text` into the draft box, as one input. */
const pasteDraft = (page, text) => page.evaluate((t) => {
  const ta = document.querySelector('[data-testid=draft]');
  ta.focus();
  ta.value = t;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
}, text);

test('a long draft is never called "Ready to send" between the engine\'s arrival and the worker\'s answer', async () => {
  const engine = heldEngine();
  const server = await serve(DIST, { overrides: { [ENGINE_WASM]: engine.handler } });
  const { context, page, errors } = await open(server.url);
  try {
    await engine.requested;
    await pasteDraft(page, longDraft());
    await setName(page, 'Sam');
    await page.waitForTimeout(300);
    assert.equal(await engineState(page), 'loading');
    // Every summary the panel shows from now on, with whether it was marked
    // ready and how many hints (and whether the sarcasm one) were shown then.
    await page.evaluate(() => {
      const panel = document.querySelector('section.panel');
      const seen = (window.__summaries = []);
      const record = () => {
        const s = panel.querySelector('[data-testid=summary]');
        const entry = {
          text: s?.textContent ?? null,
          ready: s?.classList.contains('ready') ?? false,
          hints: panel.querySelectorAll('[data-testid=hint]').length,
          sarcasm: panel.querySelector('[data-testid=hint][data-cue=sarcasm]') !== null,
        };
        const last = seen.at(-1);
        if (!last || last.text !== entry.text || last.ready !== entry.ready || last.sarcasm !== entry.sarcasm) seen.push(entry);
      };
      record();
      new MutationObserver(record).observe(panel, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class'] });
    });

    engine.release();
    await engineIs(page, 'ready');
    await hint(page, 'sarcasm').waitFor({ timeout: 15000 });
    assert.equal(await hint(page, 'sarcasm').locator('[data-testid=hint-text]').textContent(), 'As I already explained');
    await page.waitForTimeout(300);
    const final = await summary(page);
    const seen = await page.evaluate(() => window.__summaries);
    const texts = seen.map((e) => e.text).filter((t, i, all) => i === 0 || all[i - 1] !== t);
    const story = JSON.stringify(seen, null, 1);

    assert.equal(texts[0], 'Loading the coach…', story);
    assert.equal(texts.at(-1), final, story);
    assert.ok(!final.startsWith('Ready to send'), `the draft has sarcasm: ${final}`);
    const beforeHint = seen.slice(0, seen.findIndex((e) => e.sarcasm));
    assert.ok(beforeHint.length > 0, story);
    assert.deepEqual(beforeHint.filter((e) => e.text.startsWith('Ready to send')), [], story);
    assert.deepEqual(seen.filter((e) => e.text.startsWith('Ready to send')), [], story);
    // In between, only that the draft is being checked.
    assert.ok(texts.slice(1, -1).every((t) => t === 'Checking your draft…'), story);
    assert.deepEqual(seen.filter((e) => e.ready && e.hints === 0), [], `never marked ready with no hints: ${story}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('embed: Cornerstone.analyze tries the engine again after a load that failed', async () => {
  let asked = 0;
  const flaky = (req, res) => {
    asked += 1;
    if (asked === 1) res.writeHead(404).end('not found');
    else res.writeHead(200, { 'content-type': 'application/wasm' }).end(ENGINE_BYTES);
  };
  const { server, context, page, errors } = await openBare(flaky);
  try {
    const seen = await page.evaluate(async () => {
      const attempt = () => window.Cornerstone.analyze('As I already explained, no.').then(
        (report) => ({ report }),
        (e) => ({ error: String(e?.message ?? e) }),
      );
      return { first: await attempt(), second: await attempt() };
    });
    assert.ok(seen.first.error, JSON.stringify(seen.first));
    assert.ok(seen.first.error.includes('404'), seen.first.error);
    assert.ok(seen.second.report, JSON.stringify(seen.second));
    const findings = seen.second.report.findings.map((f) => [f.cue, f.text, f.start, f.end]);
    assert.deepEqual(findings.filter(([cue]) => cue === 'sarcasm'), [['sarcasm', 'As I already explained', 0, 22]]);
    assert.equal(server.requests.filter((p) => p === `/${ENGINE_WASM}`).length, 2, server.requests.join('\n'));
    assert.equal(asked, 2);
    // The only errors are the first fetch's.
    assert.ok(errors.every((e) => e.includes(ENGINE_WASM) || /^Failed to load resource: .*404/.test(e)), errors.join('\n'));
  } finally {
    await context.close();
    await server.close();
  }
});

test('embed: `await handle.ready` on a long reply waits for its coaching from the worker', async () => {
  const { server, context, page, errors } = await openBare(slowEngine(700));
  const text = longDraft();
  try {
    const seen = await page.evaluate(async (draft) => {
      const reply = document.getElementById('reply');
      reply.value = draft;
      const handle = window.Cornerstone.attach(reply, { customerName: 'Sam' });
      await handle.ready;
      // Read at once, with no waiting.
      const report = handle.report;
      const root = document.querySelector('cornerstone-panel').shadowRoot;
      return { report, summary: root.querySelector('[data-testid=summary]')?.textContent ?? null };
    }, text);
    const findings = seen.report.findings.map((f) => [f.cue, f.text, f.start, f.end]);
    const at = text.indexOf(SARCASM);
    assert.deepEqual(findings.filter(([cue]) => cue === 'sarcasm'), [['sarcasm', 'As I already explained', at, at + 'As I already explained'.length]],
      JSON.stringify(seen));
    assert.ok(!seen.report.summary.startsWith('Ready to send'), seen.report.summary);
    assert.equal(seen.summary, seen.report.summary);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close();
  }
});

test('an engine that throws on a draft stops the panel with an alert, and the draft is kept', async () => {
  const glue = readFileSync(join(DIST, ENGINE_GLUE), 'utf8');
  // (The build's glue has no indentation: see crates/bundle's compact_glue.)
  const method = '\nanalyze(text, name, message) {\n';
  assert.equal(glue.split(method).length, 2, 'the Analyzer\'s analyze method, once in the glue');
  const broken = glue.replace(method, `${method}if (text.includes('BOOM')) throw new Error('boom');\n`);
  assert.notEqual(broken, glue);
  const server = await serve(DIST, { overrides: { [ENGINE_GLUE]: broken } });
  const { context, page, errors } = await open(server.url);
  try {
    await setName(page, 'Sam');
    await typeDraft(page, 'Hi Sam, thanks for your patience.');
    await engineIs(page, 'ready');
    await hint(page, 'name-used').waitFor();
    assert.deepEqual(errors, []);
    // The page's engine is the one served (the preloaded copy too): once.
    assert.equal(server.requests.filter((p) => p === `/${ENGINE_GLUE}`).length, 1, server.requests.join('\n'));

    const boom = 'Hi Sam, BOOM goes the engine.';
    await typeDraft(page, boom);
    await engineIs(page, 'failed');
    assert.equal(await page.textContent('[data-testid=engine-error]'),
      "The coach's engine failed on this draft (boom): no hints can be shown. Your draft is kept; reload the page to try again.");
    assert.equal(await page.getAttribute('[data-testid=engine-error]', 'role'), 'alert');
    assert.equal(await summary(page), "No hints: the coach's engine failed");
    assert.equal(await draftValue(page), boom);
    const said = errors.filter((e) => e.startsWith("Cornerstone's engine failed on this draft"));
    assert.equal(said.length, 1, errors.join('\n'));
    assert.ok(said[0].includes('boom'), said[0]);
  } finally {
    await context.close();
    await server.close();
  }
});

test('the iframe mode coaches a parent that keeps it out of view', async () => {
  // A cross-origin frame that is not displayed runs no animation frames,
  // yet reads as visible: the engine must start all the same.
  const app = await serve(DIST);
  const host = await serve(FIXTURES);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}parent.html?hidden&app=${encodeURIComponent(app.url)}&allow=${encodeURIComponent(host.origin)}`);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:ready'));
    await page.fill('#reply', 'Hi Priya, sorry for any inconvenience.');
    await page.evaluate(() => window.check('hidden'));
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:report' && m.id === 'hidden'));
    const report = await page.evaluate(() => window.received.find((m) => m.type === 'cornerstone:report' && m.id === 'hidden').report);
    assert.deepEqual(report.findings.map((f) => `${f.cue}:${f.text}`), ['name-used:Priya', 'apology-hollow:sorry for any inconvenience']);
  } finally {
    await context.close();
    await app.close();
    await host.close();
  }
});

test('the iframe mode tells its parent it cannot coach when its engine cannot load, then and at every check', async () => {
  const app = await serve(DIST, { overrides: { [ENGINE_WASM]: null } });
  const host = await serve(FIXTURES);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}parent.html?app=${encodeURIComponent(app.url)}&allow=${encodeURIComponent(host.origin)}`);
    const errorsSeen = () => page.evaluate(() => window.received.filter((m) => m.type === 'cornerstone:error'));
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:error'));
    const [first] = await errorsSeen();
    assert.ok(first.message.startsWith('The coach could not load its engine ('), first.message);
    assert.ok(first.message.endsWith('): no hints can be shown. Reload the page to try again.'), first.message);
    assert.ok(first.message.includes('404'), first.message);
    // A check gets the error again, and no report ever comes.
    await page.fill('#reply', 'Hi Priya, sorry for any inconvenience.');
    await page.evaluate(() => window.check('after'));
    await page.waitForFunction(() => window.received.filter((m) => m.type === 'cornerstone:error').length >= 2);
    assert.deepEqual((await errorsSeen()).map((m) => m.message), [first.message, first.message]);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.received.filter((m) => m.type === 'cornerstone:report').length), 0);
    assert.deepEqual(await page.evaluate(() => window.received.map((m) => m.type)),
      ['cornerstone:ready', 'cornerstone:error', 'cornerstone:error']);
  } finally {
    await context.close();
    await app.close();
    await host.close();
  }
});

test('the iframe mode whose chunk could not be fetched tells its parent, asks again, and then coaches', async () => {
  let asked = 0;
  const app = await serve(DIST, {
    overrides: {
      [FRAME_WASM]: (req, res) => {
        asked += 1;
        if (asked === 1) res.writeHead(503).end();
        else res.writeHead(200, { 'content-type': 'application/wasm' }).end(readFileSync(join(DIST, FRAME_WASM)));
      },
    },
  });
  const host = await serve(FIXTURES);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}parent.html?app=${encodeURIComponent(app.url)}&allow=${encodeURIComponent(host.origin)}`);
    // Told at once, not left waiting; then the frame comes, on the second ask.
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:ready'), null, { timeout: 15000 });
    assert.equal(asked, 2, 'the chunk was asked for twice');
    assert.deepEqual(await page.evaluate(() => window.received.map((m) => m.type)), ['cornerstone:error', 'cornerstone:ready']);
    assert.equal(await page.evaluate(() => window.received[0].message), 'Cornerstone could not load its iframe mode; it keeps trying.');
    await page.fill('#reply', 'Hi Priya, sorry for any inconvenience.');
    await page.evaluate(() => window.check('later'));
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:report' && m.id === 'later'));
    const report = await page.evaluate(() => window.received.find((m) => m.type === 'cornerstone:report' && m.id === 'later').report);
    assert.deepEqual(report.findings.map((f) => `${f.cue}:${f.text}`), ['name-used:Priya', 'apology-hollow:sorry for any inconvenience']);
  } finally {
    await context.close();
    await app.close();
    await host.close();
  }
});
