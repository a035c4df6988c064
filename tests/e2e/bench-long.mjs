// Long-draft benchmark (not a test): how the release build handles long
// drafts (a reply above a long quoted thread, a pasted conversation) beside a
// bare <textarea> in the same run. For 6 KB, 100 KB, 300 KB and 1 MB drafts
// it reports the paste handler (setting the value and dispatching `input`,
// as a paste does), the keystroke handler (one character typed in the
// middle: `beforeinput`, the edit, `input`), and the longest task and the
// total of long tasks (> 50 ms) from the paste until the highlights are
// back after the keystroke. Run: (cd tests/e2e && npm run bench:long) after
// `trunk build --release`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';

const BENCH = join(ROOT, '..', 'shared', 'bench');
const SIZES = [['6 KB', 6_000], ['100 KB', 100_000], ['300 KB', 300_000], ['1 MB', 1_000_000]];
const RUNS = Number(process.env.RUNS ?? 3);

const base = await readFile(join(BENCH, 'doc10000.txt'), 'utf8');
const draft = (size) => {
  let t = 'Hi Priya,\n\n';
  while (t.length < size) t += base;
  return t.slice(0, size);
};

// Runs in the page: paste `text`, then type one character in the middle.
// `done()` says when the page has caught up (the highlights are back).
async function measure(text) {
  const ta = document.querySelector('textarea');
  const longTasks = [];
  const po = new PerformanceObserver((l) => longTasks.push(...l.getEntries().map((e) => e.duration)));
  po.observe({ type: 'longtask' });
  const layerDone = () => {
    const layer = document.querySelector('[data-testid=highlights]:not([hidden]), [data-testid=highlights-long]:not([hidden])');
    return !layer || layer.dataset.analysed === 'true';
  };
  const settle = async () => {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    while (!layerDone() && performance.now() - t0 < 30000) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300));
  };
  ta.focus();
  let t0 = performance.now();
  ta.value = text;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  const paste = performance.now() - t0;
  await settle();
  const at = Math.floor(text.length / 2);
  ta.setSelectionRange(at, at);
  t0 = performance.now();
  ta.dispatchEvent(new InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: 'x' }));
  ta.setRangeText('x', at, at, 'end');
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
  const key = performance.now() - t0;
  await settle();
  po.disconnect();
  return { paste, key, longest: Math.max(0, ...longTasks), total: longTasks.reduce((a, b) => a + b, 0) };
}

const server = await serve();
const browser = await launch();
const rows = [];
try {
  for (const [label, size] of SIZES) {
    const text = draft(size);
    const results = { bare: [], app: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const kind of ['bare', 'app']) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        if (kind === 'bare') {
          await page.setContent('<textarea style="width:600px;height:420px;font:16px/1.5 system-ui"></textarea>');
        } else {
          await page.goto(server.url);
          await page.waitForSelector('[data-testid=draft]');
        }
        results[kind].push(await page.evaluate(measure, text));
        await page.close();
      }
    }
    const med = (kind, key) => median(results[kind].map((r) => r[key]));
    rows.push(`| ${label} | ${med('bare', 'paste').toFixed(1)} ms / ${med('bare', 'key').toFixed(1)} ms | ${med('bare', 'longest').toFixed(0)} ms, ${med('bare', 'total').toFixed(0)} ms | ${med('app', 'paste').toFixed(1)} ms / ${med('app', 'key').toFixed(1)} ms | ${med('app', 'longest').toFixed(0)} ms, ${med('app', 'total').toFixed(0)} ms |`);
    console.error(label, JSON.stringify(results));
  }
  console.log(`Median of ${RUNS} runs, headless Chromium, release build:\n`);
  console.log('| draft | bare textarea: paste / keystroke handler | bare textarea: longest task, total long tasks | Cornerstone: paste / keystroke handler | Cornerstone: longest task, total long tasks |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
} finally {
  await browser.close();
  await server.close();
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }
