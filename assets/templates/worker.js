// Cornerstone's analysis worker: long drafts are analysed here, off the
// page's main thread, by the engine's WebAssembly module (the page's second
// module: the worker never loads the UI's). A module worker from a
// same-origin file, so it runs under the strict CSP (no blob:, no inline
// code) and offline through the service worker. The post-build step
// (crates/bundle) fills in this build's file names.
//
// Messages in: {id, text, name, message, rules?, module?} (rules: the pack's JSON,
// sent when it changes, null for the built-in rules; module: the page's
// compiled engine module, with the first request). Out: {id, wire,
// spans, contexts} (the report, its findings' UTF-16 ranges and those of the
// customer's words they are about, see crates/web-engine) or {id, error}.
import init, { Analyzer, prepareStep } from './__ENGINE_GLUE__';

// The page sends its compiled module with the first request, so the worker
// neither fetches nor compiles the WebAssembly again.
let ready = null;

self.onmessage = async (event) => {
  const { id, text, name, message, rules, module } = event.data ?? {};
  try {
    // (The engine's start in a row: this thread holds up no one.)
    ready ??= init({ module_or_path: module ?? new URL('__ENGINE_WASM__', import.meta.url) }).then(() => {
      for (let step = 0; prepareStep(step); step++);
      return new Analyzer();
    });
    const analyzer = await ready;
    if (rules !== undefined) {
      // A pack the engine refuses leaves the built-in rules, as the page says.
      try {
        analyzer.setRules(rules);
      } catch {}
    }
    const wire = analyzer.analyze(String(text ?? ''), String(name ?? ''), String(message ?? ''));
    const spans = analyzer.spans();
    const contexts = analyzer.contexts();
    self.postMessage({ id, wire, spans, contexts }, [spans.buffer, contexts.buffer]);
  } catch (e) {
    self.postMessage({ id, error: String(e?.message ?? e) });
  }
};
