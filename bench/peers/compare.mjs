// Compares builds of Cornerstone's WebAssembly (not a test): `analyzeJson`
// on the standard texts (../shared/bench), each build loaded in this one
// Node process and called in turn, block by block, so that the machine's
// changes of speed fall on every build alike. Prints each build's median.
//
// Run: `node compare.mjs DIR...`, each DIR either a release folder (`trunk
// build --release --dist DIR`) or a module built alone (the steps in the
// README's "First load": `cornerstone.js` beside `o.wasm` or
// `cornerstone_bg.wasm`).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCornerstone } from './cornerstone.mjs';

const BENCH = fileURLToPath(new URL('../../../shared/bench', import.meta.url));
const dirs = process.argv.slice(2).map((d) => resolve(d));
if (dirs.length === 0) throw new Error('usage: node compare.mjs DIR...');

const builds = [];
for (const d of dirs) {
  const cs = await loadCornerstone(d);
  cs.analyzeJson('Warm up.', null, null);
  builds.push(cs);
}
// Warm every build up before timing any: V8 runs a function first as
// baseline code and swaps in optimised code compiled in the background,
// which for the engine's bigger functions takes a few hundred ms; without
// this the build loaded last was timed on baseline code (the reply up to
// 2.5x slower, whichever build it was).
const texts = {};
for (const name of ['reply150', 'doc1000', 'doc10000']) texts[name] = await readFile(join(BENCH, `${name}.txt`), 'utf8');
for (let pass = 0; pass < 3; pass++) {
  for (const cs of builds) {
    for (let k = 0; k < 300; k++) cs.analyzeJson(`${texts.reply150}\n\n${k}`, 'Priya Raman', null);
    for (let k = 0; k < 20; k++) cs.analyzeJson(`${texts.doc1000}\n\n${k}`, 'Priya Raman', null);
    cs.analyzeJson(texts.doc10000, 'Priya Raman', null);
  }
  await new Promise((r) => setTimeout(r, 500));
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const fmt = (ms) => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`);
let unseen = 0;
for (const [name, block, rounds] of [['reply150', 200, 15], ['doc1000', 40, 15], ['doc10000', 4, 12]]) {
  const text = texts[name];
  const times = builds.map(() => []);
  for (let r = 0; r < rounds; r++) {
    builds.forEach((cs, b) => {
      for (let k = 0; k < block; k++) {
        // Text the build has not seen, as in the peer benchmark.
        const t = `${text}\n\n${unseen++}`;
        const t0 = performance.now();
        cs.analyzeJson(t, 'Priya Raman', null);
        times[b].push(performance.now() - t0);
      }
    });
  }
  console.log(`${name.padEnd(9)} ${dirs.map((d, b) => `${d}: ${fmt(median(times[b]))}`).join('   ')}`);
}
