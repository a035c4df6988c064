// Cornerstone embed: `import './cornerstone-embed.js'` defines
// window.Cornerstone (attach, analyze) and attaches to every
// <textarea data-cornerstone> on the page. Nothing leaves the browser.
// The post-build step (crates/bundle) fills in the file names of this build.
import init, { attachPanel, analyzeJson } from './__GLUE__';

const here = import.meta.url;
const stylesheet = new URL('__CSS__', here).href;

let loading = null;
const load = () => (loading ??= init({ module_or_path: new URL('__WASM__', here) }));

// The team's rule pack beside this file, fetched once, if there is one.
let besidePack = null;
const packBeside = () =>
  (besidePack ??= fetch(new URL('cornerstone.rules.json', here), { cache: 'no-cache' })
    .then((r) => (r.ok && !/html/i.test(r.headers.get('content-type') || '') ? r.text() : null))
    .then((text) => (text === null ? null : { text, source: 'cornerstone.rules.json' }))
    .catch(() => null));

// options.rules: a pack object, its JSON text, false for the built-in rules
// only, or absent for the pack beside this file.
function packFrom(rules) {
  if (rules === undefined) return packBeside();
  if (rules === null || rules === false) return Promise.resolve(null);
  const text = typeof rules === 'string' ? rules : JSON.stringify(rules, null, 2);
  return Promise.resolve({ text, source: 'options.rules' });
}

const attached = new Map();

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
  const { panel, customerName, customerNameFrom, rules } = options ?? {};
  if (panel != null && !(panel instanceof Element)) {
    throw new TypeError('Cornerstone.attach: options.panel must be an element.');
  }
  if (customerNameFrom != null && !(customerNameFrom instanceof HTMLInputElement)) {
    throw new TypeError('Cornerstone.attach: options.customerNameFrom must be an <input> element.');
  }
  if (customerName != null && typeof customerName !== 'string') {
    throw new TypeError('Cornerstone.attach: options.customerName must be a string.');
  }
  if (attached.has(textarea)) return attached.get(textarea);

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
        inner = attachPanel(textarea, mount, customerName ?? null, customerNameFrom ?? null, pack?.text ?? null, pack?.source ?? null);
      }
      return handle;
    },
    (error) => {
      // Say so in the panel's place rather than leave an empty box.
      mount.textContent = `Tone coaching is unavailable: Cornerstone could not load (${error?.message ?? error}).`;
      throw error;
    },
  );
  attached.set(textarea, handle);
  return handle;
}

/**
 * Resolves to the report for `text`: the same JSON as
 * `cornerstone check --format json`. Rejects if options.rules is a broken
 * pack, with what is wrong and where.
 */
export async function analyze(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('Cornerstone.analyze: the text must be a string.');
  const { customerName, rules } = options ?? {};
  await load();
  const pack = rules == null || rules === false ? null : await packFrom(rules);
  try {
    return JSON.parse(analyzeJson(text, customerName ?? null, pack?.text ?? null));
  } catch (e) {
    throw new Error(`Cornerstone.analyze: ${e.message ?? e}`);
  }
}

// Declarative use: <textarea data-cornerstone data-customer-name="Priya">,
// optionally data-customer-name-from="#name-field" and
// data-cornerstone-panel="#hints" (CSS selectors).
function attachDeclared() {
  for (const textarea of document.querySelectorAll('textarea[data-cornerstone]')) {
    const d = textarea.dataset;
    const from = d.customerNameFrom ? document.querySelector(d.customerNameFrom) : null;
    const panel = d.cornerstonePanel ? document.querySelector(d.cornerstonePanel) : null;
    try {
      attach(textarea, { customerName: d.customerName, customerNameFrom: from ?? undefined, panel: panel ?? undefined });
    } catch (e) {
      console.error(e);
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
