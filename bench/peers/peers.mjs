// Peer benchmark (not a test): Cornerstone's release WebAssembly beside
// harper.js, alex, write-good and VADER (vader-sentiment), on the project's
// standard texts (../shared/bench), in the same Node process and run.
// Run: `cd bench/peers && npm ci && npm run bench` after `./scripts/build.sh`.
//
// Each tool gets text it has not seen (a counter is appended per call), so
// no cache answers for it; harper.js is a fresh LocalLinter, set up before
// timing. VADER scores sentence by sentence, as its authors advise.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCornerstone } from './cornerstone.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const BENCH = join(ROOT, '..', 'shared', 'bench');
const TEXTS = ['reply150', 'doc1000', 'doc10000'];
const BUDGET_MS = Number(process.env.BUDGET_MS ?? 3000);

// Cornerstone: the wasm-bindgen glue of the release build, loaded from bytes.
const first = performance.now();
const cs = await loadCornerstone(DIST);
const csFirst = (() => { const t0 = performance.now(); cs.analyzeJson('Warm up.', null, null); return performance.now() - t0; })();
const csLoad = performance.now() - first;

const harper = await import('harper.js');
const { binary } = await import('harper.js/binary');
const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
await linter.setup();
const alex = (await import('alex')).text;
const writeGood = (await import('write-good')).default;
const vader = (await import('vader-sentiment')).default;
const sentences = (t) => t.split(/(?<=[.!?])\s+/).filter(Boolean);

const tools = {
  'Cornerstone (release wasm)': async (t) => cs.analyzeJson(t, 'Priya Raman', null),
  'harper.js 2.10 (LocalLinter)': async (t) => linter.lint(t),
  'alex 11 (plain text)': async (t) => alex(t),
  'write-good 1.0': async (t) => writeGood(t),
  'VADER (vader-sentiment, per sentence)': async (t) => sentences(t).map((s) => vader.SentimentIntensityAnalyzer.polarity_scores(s)),
};

/** Median time per call, calling for about BUDGET_MS (at least 5 calls). */
async function time(fn, text) {
  const times = [];
  const start = performance.now();
  for (let i = 0; times.length < 5 || performance.now() - start < BUDGET_MS; i++) {
    const unseen = `${text}\n\n${i}`;
    const t0 = performance.now();
    await fn(unseen);
    times.push(performance.now() - t0);
    if (times.length >= 2000) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const texts = await Promise.all(TEXTS.map((n) => readFile(join(BENCH, `${n}.txt`), 'utf8')));
const words = texts.map((t) => t.split(/\s+/).filter(Boolean).length);
const results = {};
// Every tool is warmed up alike before it is timed (each text, unseen, for
// about WARM_MS): without it the first text's median also caught V8 still
// compiling the tool's code in tiers (the WebAssembly module's lazily, on
// first calls: 102 µs instead of about 50 µs in session 29's first run).
// The first call is measured on its own (`npm run first-call`).
const WARM_MS = 300;
for (const [name, fn] of Object.entries(tools)) {
  const start = performance.now();
  for (let i = 0; performance.now() - start < WARM_MS; i++) {
    for (const t of texts) await fn(`${t}\n\nwarm ${i}`);
  }
  results[name] = [];
  for (const t of texts) results[name].push(await time(fn, t));
}
const fmt = (ms) => (ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`);
const ours = results['Cornerstone (release wasm)'];
console.log(`Median per call, Node ${process.version}, same process and run; ratio = tool's time / Cornerstone's.\n`);
console.log(`| tool | ${TEXTS.map((n, i) => `${n} (${words[i]} words)`).join(' | ')} |`);
console.log(`|---|${TEXTS.map(() => '---:').join('|')}|`);
for (const [name, r] of Object.entries(results)) {
  const cells = r.map((ms, i) => (name.startsWith('Cornerstone') ? fmt(ms) : `${fmt(ms)} (${(ms / ours[i]).toFixed(0)}x)`));
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
console.log(`\nCornerstone: module load and compile ${csLoad.toFixed(0)} ms; first call ${csFirst.toFixed(1)} ms (V8 compiles each wasm function on its first call; run node --no-wasm-lazy-compilation peers.mjs to compile them all on load instead).`);
