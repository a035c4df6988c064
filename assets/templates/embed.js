// Cornerstone embed: `import './cornerstone-embed.js'` defines
// window.Cornerstone (attach, analyze) and attaches to every
// <textarea data-cornerstone> on the page. Nothing leaves the browser.
// The post-build step (crates/bundle) fills in the file names of this build.
import init, { attachPanel, analyzeJson } from './__GLUE__';

const here = import.meta.url;
const stylesheet = new URL('__CSS__', here).href;

let loading = null;
// A failed load is forgotten, so that a later attach tries again.
const load = () =>
  (loading ??= init({ module_or_path: new URL('__WASM__', here) }).catch((e) => {
    loading = null;
    throw e;
  }));

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

// The team's rule pack beside this file, fetched once, if there is one.
let besidePack = null;
const packBeside = () =>
  (besidePack ??= fetchPack(new URL('cornerstone.rules.json', here), 'cornerstone.rules.json').then((p) =>
    p === null ? null : { ...p, source: 'cornerstone.rules.json' },
  ));

// options.rules: a pack object, its JSON text, false for the built-in rules
// only, or absent for the pack beside this file.
function packFrom(rules) {
  if (rules === undefined) return packBeside();
  if (rules === null || rules === false) return Promise.resolve(null);
  const text = typeof rules === 'string' ? rules : JSON.stringify(rules, null, 2);
  return Promise.resolve({ text, source: 'options.rules' });
}

// options.customerMessageFrom: an element of the page, or a CSS selector for
// one (a textarea or input is followed as it is edited, any other element as
// its text changes).
function elementFrom(value, option) {
  if (value == null) return null;
  if (value instanceof HTMLElement) return value;
  if (typeof value !== 'string') {
    throw new TypeError(`Cornerstone.attach: options.${option} must be an element or a CSS selector.`);
  }
  let found;
  try {
    found = document.querySelector(value);
  } catch {
    throw new SyntaxError(`Cornerstone.attach: options.${option} "${value}" is not a valid CSS selector.`);
  }
  if (!(found instanceof HTMLElement)) {
    throw new TypeError(`Cornerstone.attach: options.${option} "${value}" matches no element of the page.`);
  }
  return found;
}

const attached = new Map();
// The panel left in place of an attach that failed (it says why), removed
// when the same textarea is attached again.
const failed = new WeakMap();

// A textarea the host page removes is released: its panel, listeners and
// WebAssembly state go, as with detach(). (A textarea moved within the page
// stays attached: it is connected again by the time this runs.)
let watching = null;
function releaseRemoved() {
  watching ??= new MutationObserver(() => {
    for (const [textarea, handle] of attached) {
      if (!textarea.isConnected) handle.detach();
    }
  });
  watching.observe(document, { childList: true, subtree: true });
}

/**
 * Checks a textarea of the host page live and shows the hints panel after it
 * (or inside options.panel). Returns a handle: `ready` (a promise),
 * `report` (the latest report), `refresh()` (after changing the textarea
 * from script) and `detach()` (removes everything attach added).
 */
export function attach(textarea, options = {}) {
  if (!(textarea instanceof HTMLTextAreaElement)) {
    throw new TypeError('Cornerstone.attach: the first argument must be a <textarea> element.');
  }
  const { panel, customerName, customerNameFrom, customerMessage, rules } = options ?? {};
  const customerMessageFrom = elementFrom(options?.customerMessageFrom, 'customerMessageFrom');
  if (panel != null && !(panel instanceof Element)) {
    throw new TypeError('Cornerstone.attach: options.panel must be an element.');
  }
  if (customerNameFrom != null && !(customerNameFrom instanceof HTMLInputElement)) {
    throw new TypeError('Cornerstone.attach: options.customerNameFrom must be an <input> element.');
  }
  if (customerName != null && typeof customerName !== 'string') {
    throw new TypeError('Cornerstone.attach: options.customerName must be a string.');
  }
  if (customerMessage != null && typeof customerMessage !== 'string') {
    throw new TypeError('Cornerstone.attach: options.customerMessage must be a string.');
  }
  if (attached.has(textarea)) return attached.get(textarea);
  failed.get(textarea)?.remove();
  failed.delete(textarea);

  // The panel lives in a shadow root: the host page's styles cannot reach
  // in, and the panel's cannot leak out.
  const host = document.createElement('cornerstone-panel');
  const root = host.attachShadow({ mode: 'open' });
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  const mount = document.createElement('div');
  root.append(link, mount);
  if (panel) panel.append(host);
  else textarea.after(host);

  let inner = null;
  let detached = false;
  const handle = {
    textarea,
    element: host,
    get report() {
      return inner ? JSON.parse(inner.reportJson()) : null;
    },
    refresh() {
      inner?.refresh();
    },
    detach() {
      if (detached) return;
      detached = true;
      inner?.detach();
      inner = null;
      host.remove();
      attached.delete(textarea);
    },
  };
  handle.ready = Promise.all([load(), packFrom(rules)]).then(
    ([, pack]) => {
      if (!detached) {
        inner = attachPanel(
          textarea,
          mount,
          customerName ?? null,
          customerNameFrom ?? null,
          customerMessage ?? null,
          customerMessageFrom ?? null,
          pack?.text ?? null,
          pack?.source ?? null,
          pack?.problem ?? null,
        );
      }
      return handle;
    },
    (error) => {
      // Say so in the panel's place rather than leave an empty box, and
      // forget this handle so that attaching again starts afresh.
      mount.textContent = `Tone coaching is unavailable: Cornerstone could not load (${error?.message ?? error}).`;
      if (attached.get(textarea) === handle) attached.delete(textarea);
      if (!detached) failed.set(textarea, host);
      throw error;
    },
  );
  attached.set(textarea, handle);
  releaseRemoved();
  return handle;
}

/**
 * Resolves to the report for `text`: the same JSON as
 * `cornerstone check --format json`. Rejects if options.rules is a broken
 * pack, with what is wrong and where.
 */
export async function analyze(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('Cornerstone.analyze: the text must be a string.');
  const { customerName, customerMessage, rules } = options ?? {};
  if (customerMessage != null && typeof customerMessage !== 'string') {
    throw new TypeError('Cornerstone.analyze: options.customerMessage must be a string.');
  }
  await load();
  const pack = rules == null || rules === false ? null : await packFrom(rules);
  try {
    return JSON.parse(analyzeJson(text, customerName ?? null, customerMessage ?? null, pack?.text ?? null));
  } catch (e) {
    throw new Error(`Cornerstone.analyze: ${e.message ?? e}`);
  }
}

// Declarative use: <textarea data-cornerstone data-customer-name="Priya">,
// optionally data-customer-name-from="#name-field",
// data-customer-message-from="#ticket-message" (or data-customer-message)
// and data-cornerstone-panel="#hints" (CSS selectors).
// A mistake in one textarea's attributes (an invalid selector) affects that
// textarea only: it is named in the console and the others are attached.
function attachDeclared() {
  for (const textarea of document.querySelectorAll('textarea[data-cornerstone]')) {
    const d = textarea.dataset;
    const find = (attribute, selector) => {
      if (!selector) return undefined;
      try {
        return document.querySelector(selector) ?? undefined;
      } catch {
        throw new SyntaxError(`${attribute}="${selector}" is not a valid CSS selector`);
      }
    };
    try {
      const from = find('data-customer-name-from', d.customerNameFrom);
      const messageFrom = find('data-customer-message-from', d.customerMessageFrom);
      if (d.customerMessageFrom && !messageFrom) {
        throw new TypeError(`data-customer-message-from="${d.customerMessageFrom}" matches no element`);
      }
      const panel = find('data-cornerstone-panel', d.cornerstonePanel);
      attach(textarea, {
        customerName: d.customerName,
        customerNameFrom: from,
        customerMessage: d.customerMessage,
        customerMessageFrom: messageFrom,
        panel,
      }).ready.catch(() => {});
    } catch (e) {
      const which = textarea.id ? `#${textarea.id}` : textarea.name ? `[name=${textarea.name}]` : 'a <textarea data-cornerstone>';
      console.error(`Cornerstone: not attached to ${which}: ${e.message ?? e}`);
    }
  }
}

const Cornerstone = Object.freeze({
  attach,
  analyze,
  /** The handles of every textarea Cornerstone is attached to. */
  get attached() {
    return [...attached.values()];
  },
});
window.Cornerstone = Cornerstone;
export default Cornerstone;

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', attachDeclared, { once: true });
else attachDeclared();
