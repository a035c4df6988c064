// A person's first analysis in the app (not a test): `npm run bench:first
// [-- DIR ...]` loads the release build (or each DIR, another commit's
// `dist`, in turn) in headless Chromium, lets the page idle for 0.8 s once
// the engine is here, then pastes a real agent reply into the draft box
// (../shared/data/twitter-customer-care-agent-replies, a different reply in
// each load), after the customer's message it answers in the message field
// or without it, and times the engine's first `Analyzer.analyze` of a
// non-empty draft, by wrapping the method of the page's own engine module.
// Prints the median, the range, and how many loads were under 1 ms.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, serve } from './harness.mjs';

const LOADS = 20;
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [join(ROOT, 'dist')];
const replies = readFileSync(join(ROOT, '..', 'shared', 'data', 'twitter-customer-care-agent-replies', 'agent_replies.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const browser = await launch();
const servers = await Promise.all(dirs.map((d) => serve(d)));

async function firstAnalysis(dir, server, reply, withMessage) {
  const glue = readdirSync(dir).find((f) => /^cornerstone-engine-[0-9a-f]{16}\.js$/.test(f));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + 'index.html');
  await page.waitForSelector('[data-engine=ready]');
  await page.waitForTimeout(800);
  // (The same module instance the page loaded: its class is the one the
  // page's analyser was made from.)
  await page.evaluate(async (glue) => {
    const engine = await import(`./${glue}`);
    const analyze = engine.Analyzer.prototype.analyze;
    window.firstAnalyses = [];
    engine.Analyzer.prototype.analyze = function (text, ...rest) {
      const t0 = performance.now();
      const out = analyze.call(this, text, ...rest);
      if (text.length > 0) window.firstAnalyses.push(performance.now() - t0);
      return out;
    };
  }, glue);
  if (withMessage) {
    await page.click('[data-testid=message-field] summary');
    await page.fill('[data-testid=customer-message]', reply.previous_customer_message);
    await page.waitForTimeout(300);
  }
  await page.fill('[data-testid=draft]', reply.text);
  await page.waitForFunction(() => window.firstAnalyses.length > 0);
  const ms = await page.evaluate(() => window.firstAnalyses[0]);
  await context.close();
  return ms;
}

const results = dirs.map(() => ({ with: [], without: [] }));
for (let i = 0; i < LOADS; i++) {
  // Spread over the file: the i-th load takes every 97th reply.
  const reply = replies[((i + 1) * 97) % replies.length];
  for (const [k, dir] of dirs.entries()) {
    results[k].with.push(await firstAnalysis(dir, servers[k], reply, true));
    results[k].without.push(await firstAnalysis(dir, servers[k], reply, false));
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const line = (xs) => `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}), under 1 ms in ${xs.filter((t) => t < 1).length} of ${xs.length}`;
for (const [k, dir] of dirs.entries()) {
  console.log(`${dir}\n  first analysis of a real reply, after its customer's message: ${line(results[k].with)}\n  the same without the message: ${line(results[k].without)}`);
}
process.exit(0);
