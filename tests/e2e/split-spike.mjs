// The code-splitting spike (split-41): loads dist/ (a split build), lists
// what the page fetched before and after its first paint, then types a draft
// and checks the cornerstone sections (drawn by the lazily loaded chunk)
// appear and still work. Run: node split-spike.mjs
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';

const server = await serve();
const browser = await launch();
const page = await browser.newPage();
const log = [];
const t0 = Date.now();
page.on('request', (r) => log.push([Date.now() - t0, 'request ', new URL(r.url()).pathname]));
page.on('console', (m) => log.push([Date.now() - t0, `console.${m.type()}`, m.text()]));
page.on('pageerror', (e) => log.push([Date.now() - t0, 'pageerror', String(e)]));
await page.addInitScript(() => {
  // The first paint with the draft box in it.
  const seen = () => {
    if (document.querySelector('[data-testid=draft]')) {
      requestAnimationFrame(() => { window.__painted = performance.now(); console.log('painted draft box'); });
    } else requestAnimationFrame(seen);
  };
  requestAnimationFrame(seen);
});
await page.goto(server.url);
await page.waitForSelector('[data-testid=draft]');
await page.fill('[data-testid=draft]', 'Hi Pryia, we are sorry for any inconvenience. Thanks for nothing, great job.');
await page.waitForSelector('[data-testid=cornerstone-respect] [data-testid=hint]', { timeout: 15000 });
const sections = await page.locator('section.cornerstone').evaluateAll((s) => s.map((e) => `${e.dataset.testid}:${e.dataset.status}`));
const cues = await page.locator('[data-testid=hint]').evaluateAll((hs) => hs.map((h) => h.dataset.cue));
// A hint's button (its handler lives in the chunk) selects its words.
await page.locator('[data-testid=hint][data-cue=sarcasm] [data-testid=hint-select]').first().click();
const selected = await page.$eval('[data-testid=draft]', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
// A suggestion applied from the chunk's button edits the draft.
const before = await page.inputValue('[data-testid=draft]');
const apply = page.locator('[data-testid=apply-suggestion]').first();
const hasSuggestion = (await apply.count()) > 0;
if (hasSuggestion) await apply.click();
const after = await page.inputValue('[data-testid=draft]');
for (const l of log) console.log(l.join('\t'));
// The browser's own clock: first contentful paint, and when each file's
// request started and ended (resource timing).
const timing = await page.evaluate(() => ({
  paint: performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)]),
  files: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)]),
}));
console.log('paint', timing.paint);
for (const f of timing.files) console.log('resource', f.join('\t'));
console.log('sections', sections);
console.log('cues', cues);
console.log('selected by hint click:', JSON.stringify(selected));
console.log('suggestion applied:', hasSuggestion, before !== after, JSON.stringify(after));
const chunk = log.find((l) => l[1] === 'request ' && /split_.*\.wasm$/.test(l[2]));
const painted = log.find((l) => l[2] === 'painted draft box');
assert.ok(chunk, 'the chunk was fetched');
assert.equal(sections.length, 4);
assert.ok(cues.length > 0);
assert.ok(!log.some((l) => l[1] === 'pageerror'), 'no page error');
console.log(`chunk requested at ${chunk[0]} ms, draft box painted (seen) at ${painted?.[0]} ms`);
await browser.close();
await server.close();
