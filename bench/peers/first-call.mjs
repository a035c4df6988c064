// First calls of the release WebAssembly in a fresh Node process (not a
// test): `node first-call.mjs [DIR]` prints the module's load and compile
// time and the time of the first calls of `analyzeJson`: a short draft, the
// standard reply with the customer's name, and the reply with a message.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCornerstone } from './cornerstone.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = process.argv[2] ?? join(ROOT, 'dist');
const BENCH = join(ROOT, '..', 'shared', 'bench');
const reply = await readFile(join(BENCH, 'reply150.txt'), 'utf8');
const message = await readFile(join(ROOT, 'crates', 'engine', 'benches', 'message150.txt'), 'utf8');
const time = (f) => { const t0 = performance.now(); f(); return performance.now() - t0; };
const t0 = performance.now();
const cs = await loadCornerstone(DIR);
const load = performance.now() - t0;
const short = time(() => cs.analyzeJson('Warm up.', null, null));
const named = time(() => cs.analyzeJson(reply, 'Maria Lopez', null));
const withMessage = time(() => cs.analyzeJson(reply + ' ', null, message));
const again = time(() => cs.analyzeJson(reply + '  ', null, message + ' '));
console.log(JSON.stringify({ load_ms: +load.toFixed(1), first_short_ms: +short.toFixed(2), first_reply_ms: +named.toFixed(2), first_with_message_ms: +withMessage.toFixed(2), next_with_message_ms: +again.toFixed(2) }));
