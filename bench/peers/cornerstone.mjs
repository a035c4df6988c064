// Loads a build of Cornerstone's engine module (WebAssembly) in Node, for
// the benchmarks in this folder: `dir` is a release folder (`./scripts/build.sh
// --dist DIR`: `cornerstone-engine-<hash>.js` and `_bg.wasm`) or the engine
// module built alone (`bench/engine-opt-levels.sh`: `cornerstone_web_engine.js`
// beside `o.wasm` or `cornerstone_web_engine_bg.wasm`). Returns the glue's
// exports (`analyzeJson`, `Analyzer`), initialised.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadCornerstone(dir) {
  const files = await readdir(dir);
  const glue = files.find((f) => /^(cornerstone-engine-[0-9a-f]{16}|cornerstone_web_engine)\.js$/.test(f));
  const wasm = ['o.wasm', 'cornerstone_web_engine_bg.wasm'].find((f) => files.includes(f))
    ?? files.find((f) => /^cornerstone-engine-[0-9a-f]{16}_bg\.wasm$/.test(f));
  if (!glue || !wasm) throw new Error(`no Cornerstone engine module in ${dir}: run ./scripts/build.sh first`);
  const cs = await import(join(dir, glue));
  await cs.default({ module_or_path: await readFile(join(dir, wasm)) });
  // What the page's loader does on load, in a row here (builds from before
  // session 39 prepared in their start function and have no prepareStep).
  for (let step = 0; cs.prepareStep?.(step); step++);
  // And one short analysis through an `Analyzer`, so that the bridge
  // between the glue and the engine, which the steps never run, is not
  // compiled during a timed call. (A page's coach does more once the
  // engine is here: `warm_up` in src/analyst.rs analyses the example
  // reply with its name and message, a thread of it and an edit.)
  if (cs.prepareStep) {
    const analyzer = new cs.Analyzer();
    analyzer.analyze('Thanks, Priya!', 'Priya', '');
    analyzer.spans();
    analyzer.contexts();
    analyzer.free();
  }
  return cs;
}
