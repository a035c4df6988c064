// Starts Cornerstone. An external module rather than an inline script, so
// that the app runs under a strict Content-Security-Policy. The post-build
// step (crates/bundle) fills in the file names of this build.
import init, { engineFailed, start_app, useEngine, useWorker } from './__GLUE__';

const here = import.meta.url;

__ENGINE_START__

// Fetching a team's rule pack, with limits: a pack that takes longer than
// RULES_TIMEOUT_MS (the service worker answers with its kept copy after 3 s)
// or is larger than RULES_MAX_BYTES (the engine's limit too) is not used:
// the built-in rules are, and the panel says which limit stopped it.
const RULES_TIMEOUT_MS = 5000;
const RULES_MAX_BYTES = 1 << 20;

// Resolves to { text }, { problem } (a limit was hit) or null (no pack: a
// missing file, or a server answering with its HTML fallback page).
async function fetchPack(url, source) {
  const slow = new AbortController();
  const timer = setTimeout(() => slow.abort(), RULES_TIMEOUT_MS);
  const tooBig = () => {
    const problem = `Team rules not applied: ${source} is larger than ${RULES_MAX_BYTES} bytes (1 MB), the size limit. The built-in rules are in use.`;
    console.warn(`Cornerstone: ${problem}`);
    return { problem };
  };
  try {
    const r = await fetch(url, { cache: 'no-cache', signal: slow.signal });
    if (!r.ok || /html/i.test(r.headers.get('content-type') || '')) return null;
    if (Number(r.headers.get('content-length')) > RULES_MAX_BYTES) return tooBig();
    const reader = r.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > RULES_MAX_BYTES) {
        reader.cancel().catch(() => {});
        return tooBig();
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { text: new TextDecoder().decode(bytes) };
  } catch (e) {
    if (!slow.signal.aborted) return null;
    const problem = `Team rules not applied: ${source} did not arrive within ${RULES_TIMEOUT_MS / 1000} s, the time limit. The built-in rules are in use.`;
    console.warn(`Cornerstone: ${problem}`);
    return { problem };
  } finally {
    clearTimeout(timer);
  }
}

// A team's rule pack beside the app, when there is one.
const rules = fetchPack(new URL('cornerstone.rules.json', here), 'cornerstone.rules.json');

// The engine is a second WebAssembly module, fetched beside the UI's but
// at a low priority (the page preloads it so), so that it does not slow the
// UI's own download; it is started only once the app has (below): the
// draft box is up without waiting for it, and the analyses start once it
// is here.
const engineGlue = import('./__ENGINE_GLUE__');
const engineBytes = fetch(new URL('__ENGINE_WASM__', here), { priority: 'low' });

await init({ module_or_path: new URL('__WASM__', here) });
const pack = await rules;
// Long drafts are analysed off the main thread, by the engine module in a worker.
useWorker(new URL('cornerstone-worker.js', here).href);
start_app(pack?.text ?? null, pack?.problem ?? null);
// The engine starts once the app has been painted (see whenPainted).
const painted = whenPainted();
// Offline after the first visit: the service worker caches this build.
// Registered once the engine is here (or could not come): its install
// fetches every file of the build (about 2 MB), which would otherwise
// compete with the first visit's own downloads and with the engine's start.
// (A sandboxed frame may not even read navigator.serviceWorker.)
const keepOffline = () => {
  try {
    if ('serviceWorker' in navigator && location.protocol !== 'file:') {
      navigator.serviceWorker.register(new URL('sw.js', here)).catch((e) => {
        console.warn('Cornerstone works online only: the service worker could not be registered.', e);
      });
    }
  } catch (e) {
    console.warn('Cornerstone works online only: this page may not use a service worker.', e);
  }
};

engineGlue.then(async (engine) => {
  await painted;
  await engine.default({ module_or_path: engineBytes });
  await prepareEngine(engine);
  useEngine(engine);
}).catch((e) => {
  console.error('Cornerstone could not load its engine: no hints can be shown.', e);
  engineFailed(String(e?.message ?? e));
}).finally(keepOffline);
