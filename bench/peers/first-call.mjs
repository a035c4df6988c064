// First calls of the release WebAssembly, each in a fresh Node process (not
// a test): `node first-call.mjs [DIR]` prints, as medians over the runs:
// - the module's load, compile and preparation (`prepareStep` to its end
//   and one analysis through an `Analyzer`, as a page's coach has);
// - in 7 runs, the first calls of `analyzeJson`: a short draft, then the
//   standard reply with the customer's name, the reply with a message,
//   and that again edited;
// - in 30 runs, the first analysis of a real agent reply with the
//   customer's message it answers (a different one in each run, from
//   ../shared/data/twitter-customer-care-agent-replies), the way a page
//   analyses (`Analyzer`: the report's wire form and UTF-16 ranges).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCornerstone } from './cornerstone.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const time = (f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

if (process.argv[2] === '--run') {
  const [, , , kind, dir, k] = process.argv;
  const t0 = performance.now();
  const cs = await loadCornerstone(dir);
  const load = performance.now() - t0;
  if (kind === 'calls') {
    const reply = await readFile(join(SHARED, 'bench', 'reply150.txt'), 'utf8');
    const message = await readFile(join(ROOT, 'crates', 'engine', 'benches', 'message150.txt'), 'utf8');
    const short = time(() => cs.analyzeJson('Warm up.', null, null));
    const named = time(() => cs.analyzeJson(reply, 'Maria Lopez', null));
    const withMessage = time(() => cs.analyzeJson(reply + ' ', null, message));
    const again = time(() => cs.analyzeJson(reply + '  ', null, message + ' '));
    console.log(JSON.stringify({ load, short, named, withMessage, again }));
  } else {
    const lines = (await readFile(join(SHARED, 'data', 'twitter-customer-care-agent-replies', 'agent_replies.jsonl'), 'utf8')).trim().split('\n');
    // Spread over the file: the k-th run takes every 97th reply.
    const r = JSON.parse(lines[(+k * 97) % lines.length]);
    const analyzer = new cs.Analyzer();
    const real = time(() => {
      analyzer.analyze(r.text, '', r.previous_customer_message ?? '');
      analyzer.spans();
      analyzer.contexts();
    });
    console.log(JSON.stringify({ load, real }));
  }
} else {
  const dir = process.argv[2] ?? join(ROOT, 'dist');
  const run = (kind, k) => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--run', kind, dir, String(k)], { encoding: 'utf8' }));
  const calls = Array.from({ length: 7 }, (_, k) => run('calls', k));
  const reals = Array.from({ length: 30 }, (_, k) => run('real', k + 1));
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const ms = (xs) => `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)})`;
  const pick = (rows, key) => rows.map((r) => r[key]);
  console.log(`load, compile and preparation: ${ms([...pick(calls, 'load'), ...pick(reals, 'load')])}`);
  console.log(`analyzeJson, 7 runs: a short draft first ${ms(pick(calls, 'short'))}; the reply after it ${ms(pick(calls, 'named'))}; with the message ${ms(pick(calls, 'withMessage'))}; edited ${ms(pick(calls, 'again'))}`);
  const real = pick(reals, 'real');
  console.log(`a real reply with its customer's message, first analysis through an Analyzer, 30 runs: ${ms(real)}; under 1 ms in ${real.filter((t) => t < 1).length} of 30`);
}
