// UI benchmark (not a test): drives the release build in headless Chromium
// and prints load time, keystroke-to-update latency and first-load bytes.
// Run: (cd tests/e2e && npm run bench) after `./scripts/build.sh`;
// `npm run bench:load` (`--load`) measures the first load only, file by file.
// `-- --dist DIR` measures another build (another commit's `dist`), to
// compare two builds in alternating runs on this noisy VM.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, ROOT, watchLoad, loadTimes } from './harness.mjs';

const BENCH = join(ROOT, '..', 'shared', 'bench');
const KEYSTROKES = 40;
const LOAD_ONLY = process.argv.includes('--load');

const distAt = process.argv.indexOf('--dist');
const server = distAt > 0 ? await serve(process.argv[distAt + 1]) : await serve();
const browser = await launch();
try {
  // First load: bytes and time to interactive, over 5 fresh loads. The
  // moment the draft box (with its listeners: the app mounts both in one
  // task) enters the page is taken in the page itself, by a mutation
  // observer set before any of the page's scripts runs: reading the clock
  // after Playwright has seen the box would add its polling and round trips
  // (150-300 ms on this VM) to the page's own time.
  const loads = [];
  const seen = [];
  const ready = [];
  const paints = [];
  const blocked = [];
  let bytes = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    await watchLoad(context);
    const page = await context.newPage();
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=draft]');
    const now = await page.evaluate(() => performance.now());
    await page.waitForSelector('[data-engine=ready]');
    await loadTimes(page);
    // (A moment for the long-task entries to be reported.)
    await page.waitForTimeout(200);
    const { draftAt: shown, readyAt: coaching, paintedAt: painted, longTasks } = await loadTimes(page);
    loads.push(shown);
    paints.push(painted);
    // The longest task that ran once the box was on screen: what a
    // keystroke right after the first paint may wait for.
    blocked.push(Math.max(0, ...longTasks.filter(([start, d]) => start + d > painted).map(([start, d]) => start + d - Math.max(start, painted))));
    seen.push(now);
    ready.push(coaching);
    if (i === 0) bytes = await Promise.all(responses.map(async (r) => ({ url: r.url(), body: await r.body() })));
    await context.close();
  }
  // The first load is what the page fetches to show the draft box; the
  // engine's module (fetched by the loader once the UI's is here) comes
  // after it, for the hints.
  const isEngine = (b) => /\/cornerstone-engine-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(new URL(b.url).pathname);
  // The UI's chunks (the cornerstone sections, and code they share with
  // the iframe mode) are asked for once the box is painted.
  const isChunk = (b) => /\/split-[^/]+-[0-9a-f]{16}\.wasm$/.test(new URL(b.url).pathname);
  const sum = (list, f) => list.reduce((n, b) => n + f(b), 0);
  const gzip = (b) => gzipSync(b.body, { level: 9 }).length;
  const first = bytes.filter((b) => !isEngine(b) && !isChunk(b));
  const chunks = bytes.filter(isChunk);
  const engine = bytes.filter(isEngine);

  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| page load to the draft box in the page (median of 5) | ${median(loads).toFixed(0)} ms |`);
  console.log(`| page load to interactive: the draft box painted (first contentful paint, median of 5) | ${median(paints).toFixed(0)} ms |`);
  console.log(`| longest main-thread task once the box is painted (over 50 ms; median of 5) | ${median(blocked).toFixed(0)} ms |`);
  console.log(`| the same, as Playwright first sees it (median of 5) | ${median(seen).toFixed(0)} ms |`);
  console.log(`| page load to coaching: the engine handed over (median of 5) | ${median(ready).toFixed(0)} ms |`);
  console.log(`| first load transfer (to interactive), raw | ${(sum(first, (b) => b.body.length) / 1024).toFixed(1)} KB (${first.length} files) |`);
  console.log(`| first load transfer (to interactive), gzip -9 | ${(sum(first, gzip) / 1024).toFixed(1)} KB |`);
  console.log(`| then the UI's chunks (after the paint), gzip -9 | ${(sum(chunks, gzip) / 1024).toFixed(1)} KB (${chunks.length} files) |`);
  console.log(`| then the engine (to coaching), gzip -9 | ${(sum(engine, gzip) / 1024).toFixed(1)} KB (${engine.length} files) |`);
  console.log(`| all of the first visit, gzip -9 | ${(sum(bytes, gzip) / 1024).toFixed(1)} KB (${bytes.length} files) |`);
  if (LOAD_ONLY) {
    console.log('\n| file of the first visit | raw | gzip -9 |\n|---|---:|---:|');
    for (const b of [...bytes].sort((x, y) => y.body.length - x.body.length)) {
      const name = new URL(b.url).pathname.replace(/^\//, '') || 'index.html';
      console.log(`| ${name}${isEngine(b) ? ' (the engine, after)' : isChunk(b) ? ' (a chunk, after the paint)' : ''} | ${(b.body.length / 1024).toFixed(1)} KB | ${(gzipSync(b.body, { level: 9 }).length / 1024).toFixed(1)} KB |`);
    }
  }

  // The last row: the reply typed against a 143-word customer message (the
  // engine's own benchmark message), which the app keeps parsed while the
  // reply changes.
  const MESSAGE = await readFile(join(ROOT, 'crates', 'engine', 'benches', 'message150.txt'), 'utf8');
  const runs = [['reply150'], ['doc1000'], ['doc10000'], ['reply150', MESSAGE]];
  for (const [name, message] of LOAD_ONLY ? [] : runs) {
    const text = await readFile(join(BENCH, `${name}.txt`), 'utf8');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('[data-testid=draft]');
    await page.fill('[data-testid=customer-name]', 'Priya Raman');
    if (message) {
      await page.evaluate(() => { document.querySelector('[data-testid=message-field]').open = true; });
      await page.fill('[data-testid=customer-message]', message);
    }
    await page.fill('[data-testid=draft]', text);
    await page.waitForTimeout(500);
    // Each keystroke: append a character as typing would, then wait for the
    // highlight layer to change. Measures input handling + analysis + render.
    const times = await page.evaluate(async (n) => {
      const ta = document.querySelector('[data-testid=draft]');
      // The layer in use: drafts over 24 KB have the chunked one.
      const layer = () => document.querySelector('[data-testid=highlights]:not([hidden]), [data-testid=highlights-long]:not([hidden])');
      const out = [];
      for (let i = 0; i < n; i++) {
        // Done when the layer shows the new text fully analysed (for long
        // drafts this includes the pause before analysis).
        const want = ta.value.length + 1;
        const done = () => layer().dataset.analysed === 'true' && layer().textContent.length === want + 1;
        const changed = new Promise((resolve) => {
          const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); resolve(); } });
          mo.observe(layer().parentElement, { childList: true, subtree: true, characterData: true, attributes: true });
        });
        const t0 = performance.now();
        ta.value += i % 5 === 4 ? ' ' : 'x';
        ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
        await changed;
        out.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    }, KEYSTROKES);
    const words = text.split(/\s+/).filter(Boolean).length;
    const against = message ? `, with a ${message.split(/\s+/).filter(Boolean).length}-word customer message` : '';
    console.log(`| keystroke to updated highlights, ${words} words${against} (median / p95 of ${KEYSTROKES}) | ${median(times).toFixed(1)} ms / ${p95(times).toFixed(1)} ms |`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
function p95(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; }
