// Loads a build of Cornerstone's WebAssembly in Node, for the benchmarks in
// this folder: `dir` is a release folder (`trunk build --release`, the
// glue and module named with their hash) or a module built alone (the steps
// in the README's "First load": `cornerstone.js` beside `o.wasm` or
// `cornerstone_bg.wasm`). Returns the glue's exports, initialised.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function loadCornerstone(dir) {
  const files = await readdir(dir);
  const glue = files.find((f) => /^cornerstone(-[0-9a-f]+)?\.js$/.test(f));
  const wasm = ['o.wasm', 'cornerstone_bg.wasm'].find((f) => files.includes(f))
    ?? files.find((f) => /^cornerstone-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!glue || !wasm) throw new Error(`no Cornerstone module in ${dir}: run trunk build --release first`);
  const cs = await import(join(dir, glue));
  await cs.default({ module_or_path: await readFile(join(dir, wasm)) });
  return cs;
}
