// Cornerstone embed: `import './cornerstone-embed.js'` defines
// window.Cornerstone (attach, analyze) and attaches to every element marked
// data-cornerstone on the page (a textarea, or an editable element such as a
// rich-text editor). Nothing leaves the browser. The post-build step
// (crates/bundle) fills in the file names of this build.
import init, { attachPanel, attachEditor, engineFailed, useEngine, useWorker } from './__GLUE__';
import { EditableSource, InPlace, TextareaSource, canHighlight } from './inplace/in-place.js';

const here = import.meta.url;
const stylesheet = new URL('__CSS__', here).href;

__ENGINE_START__

// The engine is a second WebAssembly module: panels attach as soon as the
// UI's module is here, and their hints follow once the engine is.
let engineLoading = null;
// A failed load is forgotten, so that a later call tries again.
const loadEngine = () =>
  (engineLoading ??= import('./__ENGINE_GLUE__')
    .then(async (m) => {
      await m.default({ module_or_path: new URL('__ENGINE_WASM__', here) });
      // (Step by step, as the app's loader does: the host page is never
      // held up for all of it.)
      await prepareEngine(m);
      return m;
    })
    .catch((e) => {
      engineLoading = null;
      throw e;
    }));

let loading = null;
// Settles once the engine has been handed to the UI's module (or could not
// be loaded: the panels say so).
let handover = null;
// A failed load is forgotten, so that a later attach tries again.
const load = () =>
  (loading ??= init({ module_or_path: new URL('__WASM__', here) }).then(
    () => {
      handover = loadEngine()
        .then((m) => useEngine(m))
        .catch((e) => {
          console.error('Cornerstone could not load its engine: no hints can be shown.', e);
          engineFailed(String(e?.message ?? e));
          throw e;
        });
      handover.catch(() => {});
      // Long drafts are analysed in a worker, which must come from the
      // page's own origin; an embed served from elsewhere analyses on the
      // page's main thread.
      if (new URL(here).origin === location.origin) {
        useWorker(new URL('cornerstone-worker.js', here).href);
      } else {
        console.info('Cornerstone: the embed comes from another origin, so long drafts are analysed on the main thread.');
      }
    },
    (e) => {
      loading = null;
      throw e;
    },
  ));

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

// Handles by reply box (the textarea or editable element coached).
const attached = new Map();
// The panel left in place of an attach that failed (it says why), removed
// when the same reply box is attached again.
const failed = new WeakMap();
// What the page detached itself: the declarative attribute does not bring
// it back.
const declined = new WeakSet();
// How each attachment is taken down, by reply box.
const releases = new Map();
// How each attachment finds its name field and message element again when
// the page replaces them, by reply box.
const refinds = new Map();

// A reply box the host page removes is released: its panel, underlines,
// listeners and WebAssembly state go, as with detach(). (One moved within
// the page stays attached: it is connected again by the time this runs.)
// A name field or message element given by a CSS selector that the page
// replaces (a ticket view rendered again) is found again by it.
let watching = null;
function releaseRemoved() {
  watching ??= new MutationObserver(() => {
    for (const [box] of attached) {
      if (!box.isConnected) releases.get(box)?.();
      else refinds.get(box)?.();
    }
  });
  watching.observe(document, { childList: true, subtree: true });
}

// The reply box `target` names: a textarea, an editable element (the
// topmost one, for an element inside a rich-text editor), or the editable
// element inside `target` (a rich-text editor's container). Null if none.
function replyBox(target) {
  if (target instanceof HTMLTextAreaElement) return target;
  if (!(target instanceof HTMLElement)) return null;
  let box = target.isContentEditable
    ? target
    : [...target.querySelectorAll('[contenteditable]')].find((e) => e.isContentEditable) ?? null;
  while (box?.parentElement?.isContentEditable) box = box.parentElement;
  return box;
}

/**
 * Checks a reply box of the host page live: a <textarea>, or an editable
 * element (a `contenteditable`, such as the editable root of a rich-text
 * editor, or an element containing one). Underlines the words in place and
 * shows a hint card for them; shows the hints panel after `target` (or
 * inside options.panel; none with `panel: false`). Returns a handle:
 * `ready` (a promise), `report` (the latest report; null before the
 * first), `text` (the reply as analysed), `refresh()` (after changing the
 * reply from script) and `detach()` (removes everything attach added).
 */
export function attach(target, options = {}) {
  const box = replyBox(target);
  if (!box) {
    throw new TypeError('Cornerstone.attach: the first argument must be a <textarea>, an editable element (contenteditable) or an element containing one.');
  }
  const textarea = box instanceof HTMLTextAreaElement ? box : null;
  const { panel, customerName, customerMessage, rules, underlines = true } = options ?? {};
  const customerNameFrom = elementFrom(options?.customerNameFrom, 'customerNameFrom');
  const customerMessageFrom = elementFrom(options?.customerMessageFrom, 'customerMessageFrom');
  if (panel != null && panel !== false && !(panel instanceof Element)) {
    throw new TypeError('Cornerstone.attach: options.panel must be an element, or false for no panel.');
  }
  if (underlines !== true && underlines !== false && underlines !== 'issues') {
    throw new TypeError("Cornerstone.attach: options.underlines must be true, false or 'issues'.");
  }
  if (customerNameFrom != null && !(customerNameFrom instanceof HTMLInputElement)) {
    throw new TypeError('Cornerstone.attach: options.customerNameFrom must be an <input> element or a CSS selector for one.');
  }
  if (customerName != null && typeof customerName !== 'string') {
    throw new TypeError('Cornerstone.attach: options.customerName must be a string.');
  }
  if (customerMessage != null && typeof customerMessage !== 'string') {
    throw new TypeError('Cornerstone.attach: options.customerMessage must be a string.');
  }
  if (attached.has(box)) return attached.get(box);
  declined.delete(box);
  failed.get(box)?.remove();
  failed.delete(box);

  // The panel lives in a shadow root: the host page's styles cannot reach
  // in, and the panel's cannot leak out.
  let host = null;
  const mount = document.createElement('div');
  if (panel !== false) {
    host = document.createElement('cornerstone-panel');
    const root = host.attachShadow({ mode: 'open' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    root.append(link, mount);
    if (panel) panel.append(host);
    else target.after(host);
  }
  const source = textarea ? new TextareaSource(textarea) : new EditableSource(box);

  let inner = null;
  let inPlace = null;
  let detached = false;
  // A host page's script may set the name field or the message field
  // without an input event: they are read again as the agent enters or
  // types in the reply box.
  const sync = () => inner?.syncFields();
  box.addEventListener('focusin', sync);
  box.addEventListener('input', sync);
  const unfollow = () => {
    box.removeEventListener('focusin', sync);
    box.removeEventListener('input', sync);
    refinds.delete(box);
  };
  // Given by selector, a replaced name field or message element is found again.
  let nameField = customerNameFrom;
  let messageField = customerMessageFrom;
  const refind = (selector, now, set) => {
    if (typeof selector !== 'string' || now?.isConnected) return now;
    let found = null;
    try { found = document.querySelector(selector); } catch { /* checked at attach */ }
    if (found instanceof HTMLElement && found !== now) set(found);
    return found ?? now;
  };
  refinds.set(box, () => {
    if (!inner) return;
    nameField = refind(options?.customerNameFrom, nameField, (found) => {
      if (found instanceof HTMLInputElement) inner.setNameFrom(found);
    });
    messageField = refind(options?.customerMessageFrom, messageField, (found) => inner.setMessageFrom(found));
  });
  const release = () => {
    if (detached) return;
    detached = true;
    unfollow();
    inPlace?.destroy();
    inPlace = null;
    source.destroy();
    inner?.detach();
    inner = null;
    host?.remove();
    attached.delete(box);
    releases.delete(box);
  };
  const handle = {
    target: box,
    textarea,
    element: host,
    get report() {
      // (None yet while the engine is on its way or the reply waits for its analysis.)
      const json = inner?.reportJson();
      return json == null ? null : JSON.parse(json);
    },
    /** The reply as Cornerstone reads it (for a rich-text editor, its plain text). */
    get text() {
      return source.text;
    },
    refresh() {
      source.refresh();
      inner?.refresh();
      inPlace?.schedule();
    },
    detach() {
      declined.add(box);
      release();
    },
  };
  handle.ready = Promise.all([load(), packFrom(rules)]).then(
    ([, pack]) => {
      if (!detached) {
        const args = [
          host ? mount : null,
          customerName ?? null,
          nameField ?? null,
          customerMessage ?? null,
          messageField ?? null,
          pack?.text ?? null,
          pack?.source ?? null,
          pack?.problem ?? null,
        ];
        inner = textarea ? attachPanel(textarea, ...args) : attachEditor(source.adapter, ...args);
        if (!textarea) source.onChange(() => inner?.setDraft(source.text));
        if (underlines !== false && (textarea || canHighlight())) {
          const coached = new InPlace(source, inner, { underlines });
          inPlace = coached;
          inner.watch((text, spans) => coached.analysed(text, spans));
        }
      }
      // Ready once the coaching shows: the engine is here, and the coaching
      // is of the reply as it is (a long one comes from the worker).
      return handover.then(() => inner && new Promise((ok) => inner.whenAnalysed(ok))).then(() => handle);
    },
    (error) => {
      // Say so in the panel's place rather than leave an empty box, and
      // forget this handle so that attaching again starts afresh.
      const why = `Tone coaching is unavailable: Cornerstone could not load (${error?.message ?? error}).`;
      if (host) mount.textContent = why;
      else console.error(`Cornerstone: ${why}`);
      source.destroy();
      unfollow();
      if (attached.get(box) === handle) {
        attached.delete(box);
        releases.delete(box);
      }
      if (!detached && host) failed.set(box, host);
      throw error;
    },
  );
  attached.set(box, handle);
  releases.set(box, release);
  releaseRemoved();
  return handle;
}

/**
 * Resolves to the report for `text`: the same JSON as
 * `cornerstone check --format json`, under the same rules as a panel
 * attached on this page: options.rules as for attach (absent: the team's
 * pack beside this file, if there is one; false: the built-in rules only).
 * Rejects if options.rules is a broken pack, with what is wrong and where;
 * a broken or late pack beside the file is warned about on the console and
 * the built-in rules are used, as the panel does.
 */
export async function analyze(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('Cornerstone.analyze: the text must be a string.');
  const { customerName, customerMessage, rules } = options ?? {};
  if (customerName != null && typeof customerName !== 'string') {
    throw new TypeError('Cornerstone.analyze: options.customerName must be a string.');
  }
  if (customerMessage != null && typeof customerMessage !== 'string') {
    throw new TypeError('Cornerstone.analyze: options.customerMessage must be a string.');
  }
  const { analyzeJson } = await loadEngine();
  const pack = await packFrom(rules);
  if (pack?.problem) console.warn(`Cornerstone.analyze: ${pack.problem}`);
  const run = (packText) => JSON.parse(analyzeJson(text, customerName ?? null, customerMessage ?? null, packText));
  try {
    return run(pack?.text ?? null);
  } catch (e) {
    const why = `${e.message ?? e}`;
    if (rules === undefined && pack?.text != null && why.startsWith('rule pack refused: ')) {
      console.warn(`Cornerstone.analyze: Team rules not applied: ${pack.source}, ${why.slice('rule pack refused: '.length)}. The built-in rules are in use.`);
      return run(null);
    }
    throw new Error(`Cornerstone.analyze: ${why}`);
  }
}

// Declarative use: <textarea data-cornerstone data-customer-name="Priya">,
// or data-cornerstone on an editable element or a rich-text editor's
// container; optionally data-customer-name-from="#name-field",
// data-customer-message-from="#ticket-message" (or data-customer-message),
// data-cornerstone-panel="#hints" (CSS selectors; "none" for no panel) and
// data-cornerstone-underlines="off" (or "issues"). Marked elements added
// later, and editors that create their editable element after the page
// has loaded, are attached when they appear.
// A mistake in one element's attributes (an invalid selector) affects that
// element only: it is named in the console (once) and the others are attached.
const reported = new WeakSet();
function attachDeclared() {
  for (const marked of document.querySelectorAll('[data-cornerstone]')) {
    const box = replyBox(marked);
    if (!box || attached.has(box) || declined.has(box) || reported.has(marked)) continue;
    const d = marked.dataset;
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
      if (d.customerNameFrom && !(from instanceof HTMLInputElement)) {
        throw new TypeError(`data-customer-name-from="${d.customerNameFrom}" matches no <input> element`);
      }
      const panel = d.cornerstonePanel === 'none' ? false : find('data-cornerstone-panel', d.cornerstonePanel);
      const underlines = { off: false, issues: 'issues' }[d.cornerstoneUnderlines] ?? true;
      attach(marked, {
        customerName: d.customerName,
        // By selector, so that a field the page renders again is found again.
        customerNameFrom: d.customerNameFrom || undefined,
        customerMessage: d.customerMessage,
        customerMessageFrom: d.customerMessageFrom || undefined,
        panel,
        underlines,
      }).ready.catch(() => {});
    } catch (e) {
      reported.add(marked);
      const which = marked.id ? `#${marked.id}` : marked.getAttribute('name') ? `[name=${marked.getAttribute('name')}]` : `a <${marked.localName} data-cornerstone>`;
      console.error(`Cornerstone: not attached to ${which}: ${e.message ?? e}`);
    }
  }
}

// Marked elements and editable elements that appear later.
let declaring = false;
function watchDeclared() {
  attachDeclared();
  new MutationObserver(() => {
    if (declaring) return;
    declaring = true;
    queueMicrotask(() => {
      declaring = false;
      attachDeclared();
    });
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-cornerstone', 'contenteditable'] });
}

// The iframe mode's message types (`index.html?embed`), for a parent page's
// script: `frameMessages.check` is 'cornerstone:check'. The bundler fills
// them in from the app's own list (crates/protocol), so they cannot drift.
export const frameMessages = Object.freeze(__FRAME_MESSAGES__);

const Cornerstone = Object.freeze({
  attach,
  analyze,
  frameMessages,
  /** The handles of every reply box Cornerstone is attached to. */
  get attached() {
    return [...attached.values()];
  },
});
window.Cornerstone = Cornerstone;
export default Cornerstone;

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchDeclared, { once: true });
else watchDeclared();
