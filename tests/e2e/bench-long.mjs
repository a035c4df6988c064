// Long-draft benchmark (not a test): how the release build handles long
// drafts (a reply above a long quoted thread, a pasted conversation) beside a
// bare <textarea> in the same run. For 6 KB, 100 KB, 300 KB and 1 MB drafts
// it reports a paste (setting the value and dispatching `input`, as a paste
// does) and a keystroke (one character typed in the middle: `beforeinput`,
// the edit, `input`), whole and their event handlers alone (the rest is the
// browser's own work on the textarea, the same with or without Cornerstone),
// the handlers with the work they leave in microtasks (up to the next task:
// the app renders an analysis there), and the longest task and the total of
// long tasks (> 50 ms) from the paste
// until the highlights are back after the keystroke, and the longest
// animation frame (a task with the rendering after it, which the Long Tasks
// API leaves out). Run: (cd tests/e2e && npm run bench:long) after
// `./scripts/build.sh`.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ROOT, DIST } from './harness.mjs';

const BENCH = join(ROOT, '..', 'shared', 'bench');
const SIZES = [['6 KB', 6_000], ['100 KB', 100_000], ['300 KB', 300_000], ['1 MB', 1_000_000]];
const RUNS = Number(process.env.RUNS ?? 3);
// How long each page (the app's, the bare textarea's) is left to settle
// after it opened, before the paste.
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);

const base = await readFile(join(BENCH, 'doc10000.txt'), 'utf8');
// `ONELINE=1`: the same drafts as one paragraph (a pasted chat or web page
// often arrives without line breaks), whose marks all fall in one line.
const ONELINE = process.env.ONELINE === '1';
const draft = (size) => {
  let t = 'Hi Priya,\n\n';
  while (t.length < size) t += base;
  t = t.slice(0, size);
  return ONELINE ? t.replace(/\n/g, ' ') : t;
};

// Runs in the page: paste `text`, then type one character in the middle.
// `done()` says when the page has caught up (the highlights are back).
async function measure(text) {
  // The draft (the app's first textarea is the customer's message).
  const ta = document.querySelector('[data-testid=draft]') ?? document.querySelector('textarea');
  const longTasks = [];
  const po = new PerformanceObserver((l) => longTasks.push(...l.getEntries().map((e) => e.duration)));
  po.observe({ type: 'longtask' });
  // Long animation frames: a task and the rendering after it (style,
  // layout, paint), which the Long Tasks API leaves out.
  const frames = [];
  if (!PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    throw new Error('this browser has no Long Animation Frames API');
  }
  const fo = new PerformanceObserver((l) => frames.push(...l.getEntries().map((e) => e.duration)));
  fo.observe({ type: 'long-animation-frame' });
  const layerDone = () => {
    const layer = document.querySelector('[data-testid=highlights]:not([hidden]), [data-testid=highlights-long]:not([hidden])');
    return !layer || layer.dataset.analysed === 'true';
  };
  // Resolves in the next task (a message to itself), after every microtask.
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
  const settle = async () => {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    while (!layerDone() && performance.now() - t0 < 30000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
  };
  ta.focus();
  let t0 = performance.now();
  ta.value = text;
  const pasteEdit = performance.now() - t0;
  t0 = performance.now();
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  const pasteHandler = performance.now() - t0;
  // The handlers and the work they leave in microtasks (rendering an
  // analysis): up to the next task.
  await nextTask();
  const pasteTask = performance.now() - t0;
  await settle();
  const at = Math.floor(text.length / 2);
  ta.setSelectionRange(at, at);
  t0 = performance.now();
  ta.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: 'x' }));
  let keyHandler = performance.now() - t0;
  t0 = performance.now();
  ta.setRangeText('x', at, at, 'end');
  const keyEdit = performance.now() - t0;
  t0 = performance.now();
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
  keyHandler += performance.now() - t0;
  await nextTask();
  const keyTask = keyHandler + performance.now() - t0;
  await settle();
  // Entries not delivered yet count too.
  longTasks.push(...po.takeRecords().map((e) => e.duration));
  po.disconnect();
  frames.push(...fo.takeRecords().map((e) => e.duration));
  fo.disconnect();
  const paste = pasteEdit + pasteHandler;
  const key = keyEdit + keyHandler;
  return { paste, key, pasteHandler, keyHandler, pasteTask, keyTask, longest: Math.max(0, ...longTasks), total: longTasks.reduce((a, b) => a + b, 0), frame: Math.max(0, ...frames) };
}

const css = (await readdir(DIST)).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
const server = await serve();
const browser = await launch();
const rows = [];
try {
  for (const [label, size] of SIZES) {
    const text = draft(size);
    const results = { bare: [], app: [] };
    for (let run = 0; run < RUNS; run++) {
      // The bare textarea gets the app's stylesheet and the width the app's
      // has, so that the browser's own work on it is the same.
      let width = 600;
      for (const kind of ['app', 'bare']) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        if (kind === 'bare') {
          await page.goto(`${server.url}cornerstone.rules.schema.json`);
          await page.setContent(`<link rel="stylesheet" href="${server.url}${css}"><div class="editor" style="width:${width}px"><textarea spellcheck="true" placeholder="Type or paste your reply"></textarea></div>`);
        } else {
          await page.goto(server.url);
          await page.waitForSelector('[data-testid=draft]');
          width = await page.$eval('[data-testid=draft]', (t) => t.offsetWidth);
        }
        // As an agent would, paste once the page has settled after its
        // start-up (the app's: loading, compiling and warming the engine
        // up), the bare page alike.
        await page.waitForTimeout(SETTLE_MS);
        await page.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 2000 })));
        results[kind].push(await page.evaluate(measure, text));
        await page.close();
      }
    }
    const med = (kind, key) => median(results[kind].map((r) => r[key]));
    const ms = (kind, key, digits = 1) => `${med(kind, key).toFixed(digits)} ms`;
    rows.push(`| ${label} | ${ms('bare', 'paste')} / ${ms('bare', 'key')} | ${ms('app', 'paste')} / ${ms('app', 'key')} | ${ms('bare', 'pasteHandler', 2)} / ${ms('bare', 'keyHandler', 2)} | ${ms('app', 'pasteHandler')} / ${ms('app', 'keyHandler')} | ${ms('bare', 'pasteTask')} / ${ms('bare', 'keyTask')} | ${ms('app', 'pasteTask')} / ${ms('app', 'keyTask')} | ${ms('bare', 'longest', 0)}, ${ms('bare', 'total', 0)} | ${ms('app', 'longest', 0)}, ${ms('app', 'total', 0)} | ${ms('bare', 'frame', 0)} | ${ms('app', 'frame', 0)} |`);
    console.error(label, JSON.stringify(results));
  }
  console.log(`Median of ${RUNS} runs, headless Chromium, release build:\n`);
  console.log('| draft | bare textarea: paste / keystroke, whole | Cornerstone: paste / keystroke, whole | bare textarea: event handlers, paste / keystroke | Cornerstone: event handlers, paste / keystroke | bare textarea: handlers and their microtasks | Cornerstone: handlers and their microtasks | bare textarea: longest task, total long tasks | Cornerstone: longest task, total long tasks | bare textarea: longest frame | Cornerstone: longest frame |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  await browser.close();
  await server.close();
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
