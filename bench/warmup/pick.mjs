// Chooses the engine's warm-up exchanges (crates/engine/src/warmup.txt; not
// a test): loads a build of the engine's module in Node with V8 tracing
// the functions it compiles, runs the engine's own preparation, then
// analyses every draft and pair of the tuning corpus through an `Analyzer`,
// as a page does. The drafts that had V8 compile a function not yet
// compiled are kept, those that compiled the most first, and run again in
// that order, three times over (a sorting, not a search for the smallest
// cover); the first COUNT (32) are written in the corpus' own format, and
// the script fails if fewer than COUNT compiled anything. Only the tuning
// parts are read, never a held-out file, and the real agent replies that
// measure the result (`first-call.mjs`, `bench:first`) are not.
//   node bench/warmup/pick.mjs DIR [COUNT] > crates/engine/src/warmup.txt
// DIR is a build of the engine's module (as bench/peers/cornerstone.mjs
// loads) made without a warm-up: crates/engine/src/warmup.txt cut to its
// comment lines, then `trunk build --release` (or the module alone, see
// README "First load"). A build with the warm-up already compiles what its
// drafts reach, so they would not be chosen again.
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const [dir, count = '32'] = process.argv.slice(2);

// The tuning drafts and pairs, in the corpus' order.
export function tuningTexts() {
  const texts = [];
  const read = (folder, prefix, pair) => {
    for (const f of readdirSync(folder).filter((f) => f.startsWith(prefix)).sort()) {
      for (const block of readFileSync(join(folder, f), 'utf8').split(/^### /m).slice(1)) {
        const nl = block.indexOf('\n');
        const head = block.slice(0, nl).split('|');
        const name = (head[1] ?? '').trim();
        const body = block.slice(nl + 1);
        const [message, reply] = pair
          ? [body.split(/^>>> reply\n/m)[0].replace(/^<<< customer\n/m, '').trim(), (body.split(/^>>> reply\n/m)[1] ?? '').trim()]
          : ['', body.trim()];
        const id = head[0].trim().split(' ')[0];
        // (Ids repeat across files: a draft is known by its file too.)
        texts.push({ key: `${f}:${id}`, id, name: name === '-' ? '' : name, message, reply });
      }
    }
  };
  read(join(ROOT, 'crates/engine/tests/corpus'), 'drafts-', false);
  read(join(ROOT, 'crates/engine/tests/pairs'), 'pairs-', true);
  return texts;
}

if (process.argv[2] === '--run') {
  // The child: V8's trace of each compiled function goes to stdout, after
  // the marker of the draft whose analysis compiled it.
  const { loadCornerstone } = await import('../peers/cornerstone.mjs');
  const byKey = new Map(tuningTexts().map((t) => [t.key, t]));
  const cs = await loadCornerstone(process.argv[3]);
  const analyzer = new cs.Analyzer();
  for (const key of JSON.parse(readFileSync(process.argv[4], 'utf8'))) {
    const t = byKey.get(key);
    console.log(`=== ${key}`);
    analyzer.analyze(t.reply, t.name, t.message);
    analyzer.spans();
    analyzer.contexts();
  }
  console.log('=== end');
} else if (dir) {
  const texts = tuningTexts();
  const work = mkdtempSync(join(tmpdir(), 'warmup-'));
  // How many functions each draft had compiled first, run in `order`.
  const run = (order) => {
    writeFileSync(join(work, 'order.json'), JSON.stringify(order));
    // (stdbuf: V8 prints its trace through C's stdout, which would
    // otherwise keep it in a buffer past the markers that follow it. No
    // tier-up: an optimised function inlines some of the functions it
    // calls, which then never compile on their own, so that what a draft
    // compiles would depend on when the optimiser's threads ran.)
    const trace = join(work, 'trace.txt');
    execFileSync('sh', [
      '-c',
      'stdbuf -o0 "$0" --trace-wasm-compilation-times --no-wasm-tier-up "$1" --run "$2" "$3" > "$4"',
      process.execPath,
      fileURLToPath(import.meta.url),
      dir,
      join(work, 'order.json'),
      trace,
    ]);
    const out = readFileSync(trace, 'utf8');
    const found = new Map();
    let id = null;
    for (const line of out.split('\n')) {
      if (line.startsWith('=== ')) id = line.slice(4);
      else if (id && id !== 'end' && line.includes('using Liftoff')) found.set(id, (found.get(id) ?? 0) + 1);
    }
    return found;
  };
  let order = texts.map((t) => t.key);
  for (let round = 0; round < 3; round++) {
    const found = run(order);
    console.error(`round ${round}: ${order.length} drafts run, ${found.size} compiled a function first`);
    order = [...found.entries()].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0])).map(([id]) => id);
  }
  if (order.length < +count) {
    console.error(`only ${order.length} drafts had a function compiled, fewer than ${count}: is this a build without the warm-up, in a Node that compiles lazily?`);
    process.exit(1);
  }
  const chosen = order.slice(0, +count).map((key) => texts.find((t) => t.key === key));
  process.stdout.write(
    '# The engine\'s warm-up exchanges: tuning drafts and pairs of the corpus that\n' +
      '# reach code no other analysis of the start reaches (see prepare_step in\n' +
      '# lib.rs). Written by `node bench/warmup/pick.mjs DIR` from a build of the\n' +
      '# engine\'s module; the corpus\' own format, without the labels.\n',
  );
  process.stdout.write(
    chosen
      .map((t) => `### ${t.id} | ${t.name || '-'}\n${t.message ? `<<< customer\n${t.message}\n>>> reply\n` : ''}${t.reply}\n`)
      .join(''),
  );
} else {
  console.error('usage: node bench/warmup/pick.mjs DIR [COUNT] > crates/engine/src/warmup.txt');
  process.exit(2);
}
