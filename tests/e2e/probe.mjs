import { serve, launch } from './harness.mjs';
import { readFile } from 'node:fs/promises';
const server = await serve(); const browser = await launch();
for (const size of [1000000]) {
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('console', (m) => console.log('console:', m.text().slice(0, 200)));
await page.goto(server.url); await page.waitForSelector('[data-testid=draft]');
const base = await readFile('/work/shared/bench/doc10000.txt', 'utf8');
let text = 'Hi Priya,\n\n'; while (text.length < size) text += base;
console.log(await page.evaluate(async (text) => {
  const tasks = []; new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => Math.round(e.startTime) + ':' + Math.round(e.duration)))).observe({ type: 'longtask' });
  const ta = document.querySelector('textarea'); ta.focus();
  const T0 = performance.now();
  ta.value = text;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  console.log('pasted at ' + Math.round(T0));
  await new Promise((r) => setTimeout(r, 6000));
  return tasks;
}, text));
await page.close();
}
await browser.close(); await server.close();
