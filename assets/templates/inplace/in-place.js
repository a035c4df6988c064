// Coaching in the host's own reply box: the page side of an attachment.
//
// - EditableSource / TextareaSource: the reply box, read as the text the
//   engine analyses, with selection by offsets in that text. For an editable
//   element (a rich-text editor) this is the text model, re-read after every
//   change of the element (a MutationObserver, so the editor's own undo and
//   changes from script count too), and the adapter the WebAssembly side
//   uses to select and replace words (`HostEditor` in src/inplace.rs).
// - InPlace: the underlines (underlines.js) and the hint cards (card.js) of
//   one attachment, fed by its analyses (`Attachment.watch`): hovering an
//   underline, moving the caret into one with the arrow keys, or F8 /
//   Shift+F8 (next / previous) opens its card; a phrasing chosen there goes
//   through the same checked path as the panel's "apply".
//
// While a long draft waits for its analysis, underlines wholly before the
// first changed character or after the last one stay (shifted with the
// text), so nothing flickers; the rest come back with the analysis.

import { readText } from './text-model.js';
import { Card } from './card.js';
import { HighlightLayer, MirrorLayer, canHighlight, segmentsOf } from './underlines.js';

/** At most this many underlines are painted (warnings first). */
export const MAX_UNDERLINES = 5000;
/**
 * The User Timing mark left after each repaint of the underlines (only the
 * latest is kept), with `detail.fresh`: whether they are of the analysis of
 * the text now, and `detail.length`: the text's length. For benchmarks.
 */
const PAINTED = 'cornerstone:underlines';
const OPEN_DELAY_MS = 200;
const CLOSE_DELAY_MS = 300;
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

// Shows the words of `range` if they are out of sight.
function reveal(range) {
  const r = range.getBoundingClientRect();
  if (r.top >= 0 && r.bottom <= window.innerHeight) return;
  const node = range.startContainer;
  (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.scrollIntoView({ block: 'nearest' });
}

/** A host's editable element, as the text the engine reads. */
export class EditableSource {
  constructor(root) {
    this.root = root;
    this.kind = 'editable';
    this.model = readText(root);
    this.dirty = false;
    this.listeners = [];
    this.observer = new MutationObserver(() => {
      this.dirty = true;
      for (const f of this.listeners) f();
    });
    this.observer.observe(root, {
      childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'alt'],
    });
    // The agent's own keys and clicks, counted: a selection Cornerstone set
    // is kept only until the agent does something.
    this.acts = 0;
    this.stop = new AbortController();
    const act = () => this.acts++;
    root.addEventListener('keydown', act, { capture: true, signal: this.stop.signal });
    root.addEventListener('pointerdown', act, { capture: true, signal: this.stop.signal });
    // What the WebAssembly side calls (`HostEditor`); it never throws.
    this.adapter = {
      text: () => this.text,
      select: (start, end, expected) => this.guard(() => this.select(start, end, expected)),
      replace: (start, end, text, expected) => this.guard(() => this.replace(start, end, text, expected)),
    };
  }

  guard(f) {
    try {
      return f();
    } catch (e) {
      console.error('Cornerstone:', e);
      return false;
    }
  }

  /** The text model now (read again only after a change). */
  current() {
    if (this.dirty) {
      this.dirty = false;
      this.model = readText(this.root);
    }
    return this.model;
  }

  get text() {
    return this.current().text;
  }

  onChange(f) {
    this.listeners.push(f);
  }

  /** Re-reads the element (after changes the page made from script). */
  refresh() {
    this.dirty = true;
    for (const f of this.listeners) f();
  }

  /** The selection as offsets in the text, if it is in the element. */
  caret() {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0) return null;
    const r = sel.getRangeAt(0);
    const model = this.current();
    const start = model.offsetAt(r.startContainer, r.startOffset);
    if (start < 0) return null;
    const end = r.collapsed ? start : model.offsetAt(r.endContainer, r.endOffset);
    return [start, Math.max(start, end)];
  }

  /** Selects UTF-16 range start..end of the text, if it holds `expected` there. */
  select(start, end, expected) {
    const model = this.current();
    if (expected != null && model.text.slice(start, end) !== expected) return false;
    const range = model.range(start, end);
    if (!range) return false;
    // The focus first: an editor may set its own selection as it gains it.
    const focusing = !this.root.contains(document.activeElement);
    if (focusing) this.root.focus({ preventScroll: true });
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    reveal(range);
    // Some editors put back the selection they knew a moment after they
    // gain the focus (ProseMirror does, after 20 ms): the words are
    // selected again then, unless the agent has acted since.
    if (focusing) {
      const acts = this.acts;
      const text = model.text;
      const want = [range.startContainer, range.startOffset, range.endContainer, range.endOffset];
      setTimeout(() => {
        const now = document.getSelection();
        const r = now.rangeCount ? now.getRangeAt(0) : null;
        const same = r && r.startContainer === want[0] && r.startOffset === want[1] && r.endContainer === want[2] && r.endOffset === want[3];
        if (this.acts === acts && this.text === text && !same && this.root.contains(document.activeElement) && range.startContainer.isConnected) {
          now.removeAllRanges();
          now.addRange(range);
        }
      }, 60);
    }
    return true;
  }

  /**
   * Replaces UTF-16 range start..end with `text` through the editor's own
   * input path: the words are selected and typed over (`insertText`, which
   * fires `beforeinput` and `input` as typing does), so the editor updates
   * its model, its undo history and its change events itself.
   */
  replace(start, end, text, expected) {
    if (!this.select(start, end, expected)) return false;
    const typed = text ? document.execCommand('insertText', false, text) : document.execCommand('delete', false);
    if (typed) return true;
    // No execCommand: offer the edit as a beforeinput event the editor can
    // take; if nobody does, make it in the DOM and say so with `input`.
    const range = document.getSelection().getRangeAt(0);
    const init = { inputType: 'insertReplacementText', data: text, bubbles: true, cancelable: true, composed: true };
    const before = new InputEvent('beforeinput', { ...init, targetRanges: [new StaticRange(range)] });
    if (this.root.dispatchEvent(before)) {
      range.deleteContents();
      if (text) range.insertNode(document.createTextNode(text));
      range.collapse(false);
      this.root.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', data: text, bubbles: true, composed: true }));
    }
    return true;
  }

  destroy() {
    this.observer.disconnect();
    this.stop.abort();
    this.listeners = [];
  }
}

/** A host's textarea. (Its edits go through `dom.rs` on the WebAssembly side.) */
export class TextareaSource {
  constructor(textarea) {
    this.textarea = textarea;
    this.root = textarea;
    this.kind = 'textarea';
  }

  get text() {
    return this.textarea.value;
  }

  current() {
    return this.textarea.value;
  }

  refresh() {}

  caret() {
    return [this.textarea.selectionStart, this.textarea.selectionEnd];
  }

  select(start, end) {
    if (document.activeElement !== this.textarea) this.textarea.focus({ preventScroll: true });
    this.textarea.setSelectionRange(start, end);
    return true;
  }

  destroy() {}
}

// The longest common start and end of two strings (not overlapping).
function commonEnds(a, b) {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < n - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  return [p, q];
}

/**
 * The findings of `analysis` (`{ text, spans }` from `Attachment.watch`)
 * placed on `text`, the reply box's text now: all of them when it is the
 * analysed text; else those before the first change and after the last one
 * (shifted), marked `stale`. `praise`: whether praise is underlined too.
 */
export function itemsFor(analysis, text, { praise = true, max = MAX_UNDERLINES } = {}) {
  if (!analysis) return [];
  const { spans } = analysis;
  const stale = analysis.text !== text;
  const [p, q] = stale ? commonEnds(analysis.text, text) : [0, 0];
  const tail = analysis.text.length - q;
  const delta = text.length - analysis.text.length;
  let out = [];
  for (let k = 0; k + 3 < spans.length; k += 4) {
    const [aStart, aEnd, severity, index] = [spans[k], spans[k + 1], spans[k + 2], spans[k + 3]];
    if (!praise && severity === 2) continue;
    let start = aStart;
    let end = aEnd;
    if (stale) {
      if (aStart >= tail) {
        start += delta;
        end += delta;
      } else if (aEnd > p) {
        continue;
      }
    }
    out.push({ start, end, severity, index, aStart, aEnd, stale });
  }
  if (out.length > max) {
    out = out.sort((a, b) => a.severity - b.severity || a.start - b.start).slice(0, max);
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** The underlines and hint cards of one attachment. */
export class InPlace {
  /**
   * `source`: an EditableSource or TextareaSource; `inner`: the WebAssembly
   * Attachment; `underlines`: true, or 'issues' to leave praise out.
   */
  constructor(source, inner, { underlines = true } = {}) {
    this.source = source;
    this.inner = inner;
    this.praise = underlines !== 'issues';
    this.analysis = null;
    this.items = [];
    this.segments = [];
    this.open = null;
    this.timers = { open: 0, close: 0 };
    this.frame = 0;
    this.textFrame = 0;
    this.pending = false;
    this.painted = null;
    const editable = source.kind === 'editable';
    this.layer = editable ? new HighlightLayer(source.root) : new MirrorLayer(source.textarea);
    this.card = new Card({
      near: source.root,
      onApply: (text) => this.apply(text),
      onClose: (returnFocus) => this.close(returnFocus),
      onStep: (direction) => this.step(direction),
      onPointer: (inside) => (inside ? clearTimeout(this.timers.close) : this.closeSoon()),
    });

    const stop = new AbortController();
    this.stop = stop;
    const on = (target, type, f, options = {}) => target.addEventListener(type, f, { ...options, signal: stop.signal });
    const root = source.root;
    on(root, 'pointermove', (e) => this.pointerMoved(e), { passive: true });
    on(root, 'pointerleave', () => {
      clearTimeout(this.timers.open);
      this.closeSoon();
    });
    on(root, 'keydown', (e) => this.key(e), { capture: true });
    // A tap (no hover on a touch screen) puts the caret in the words: their card.
    on(root, 'pointerup', (e) => {
      if (e.pointerType !== 'mouse') setTimeout(() => this.caretMoved(), 0);
    });
    on(document, 'pointerdown', (e) => {
      if (this.open && !this.card.contains(e.target) && !root.contains(e.target)) this.close(false);
    }, { capture: true });
    on(window, 'scroll', () => this.moved(), { capture: true, passive: true });
    on(window, 'resize', () => this.moved(true), { passive: true });
    if (document.fonts) on(document.fonts, 'loadingdone', () => this.moved(true));
    if (editable) {
      source.onChange(() => this.textChanged());
    } else {
      on(root, 'input', () => this.textChanged());
      on(root, 'scroll', () => {
        this.layer.scroll();
        this.moved();
      }, { passive: true });
      // The page may have moved the textarea, or changed its text from
      // script (no input event): caught up when the agent comes back to it.
      const caughtUp = () => {
        this.layer.layout();
        if (this.painted && this.painted.text !== source.text) this.textChanged();
      };
      on(root, 'focus', caughtUp);
      on(root, 'pointerenter', caughtUp);
      // The textarea's box, or its parent's, resized; or its font, padding,
      // direction or wrapping changed without a resize.
      this.resize = new ResizeObserver(() => this.moved(true));
      this.resize.observe(root);
      if (root.parentElement) this.resize.observe(root.parentElement);
      this.restyle = new MutationObserver(() => this.moved(true));
      this.restyle.observe(root, { attributes: true, attributeFilter: ['style', 'class', 'dir', 'wrap', 'rows', 'cols', 'lang'] });
    }
  }

  /** A new analysis (`Attachment.watch`). */
  analysed(text, spans) {
    this.analysis = { text, spans };
    this.schedule();
  }

  /**
   * The reply changed. Its analysis usually follows within the same task
   * and paints then, once; if it has not come by the next frame (a long
   * draft waits for a pause in typing), the underlines that still fit are
   * painted on the new text before that frame, so none is drawn on words
   * that moved.
   */
  textChanged() {
    if (this.textFrame) return;
    this.textFrame = requestAnimationFrame(() => {
      this.textFrame = 0;
      this.paint();
    });
  }

  /** Paints once the current task's changes are all in (a microtask). */
  schedule() {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.paint();
    });
  }

  // What the layers and cards measure the text with.
  get model() {
    return this.source.current();
  }

  paint() {
    if (!this.layer) return;
    const text = this.source.text;
    const analysis = this.analysis;
    // The same text and analysis as last time: nothing to do, unless an
    // editor re-rendered its nodes (then the source is read afresh).
    const model = this.model;
    if (this.painted && this.painted.model === model && this.painted.analysis === analysis) return;
    this.items = itemsFor(analysis, text, { praise: this.praise });
    this.segments = segmentsOf(this.items);
    this.layer.paint(model, this.segments);
    const textChanged = this.painted && this.painted.text !== text;
    this.painted = { model, analysis, text };
    performance.clearMarks(PAINTED);
    performance.mark(PAINTED, { detail: { fresh: analysis?.text === text, length: text.length } });
    if (this.open) {
      const same = !textChanged && this.items.find((i) => i.start === this.open.item.start && i.end === this.open.item.end && i.severity === this.open.item.severity);
      if (same) {
        this.open.item = same;
        this.layer.setActive(model, same);
      } else {
        this.close(false);
      }
    }
  }

  /** Positions moved: measure again, keep an open card by its words. */
  moved(relayout = false) {
    if (!this.layer) return;
    if (relayout && this.layer.layout) this.layer.layout();
    this.layer.invalidate();
    if (this.open) {
      const anchor = this.anchorOf(this.open.item);
      if (anchor) this.card.place(anchor);
      else this.close(false);
    }
  }

  anchorOf(item) {
    const rects = this.layer.rangeRects(this.model, item.start, item.end);
    return rects.find((r) => r.bottom > 0 && r.top < window.innerHeight) ?? null;
  }

  pointerMoved(e) {
    this.pointer = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.hover();
    });
  }

  hover() {
    const hit = this.layer?.hitTest(this.pointer.x, this.pointer.y);
    clearTimeout(this.timers.open);
    if (!hit) {
      this.closeSoon();
      return;
    }
    clearTimeout(this.timers.close);
    const { item } = hit.segment;
    if (this.open?.item === item) return;
    // A card the keyboard opened stays until the keyboard closes it.
    if (this.open?.how === 'focus' && this.card.focused) return;
    this.timers.open = setTimeout(() => this.show(item, { how: 'hover', anchor: hit.rect }), OPEN_DELAY_MS);
  }

  // Closes a card the pointer opened, once the pointer has left it and its words.
  closeSoon() {
    clearTimeout(this.timers.close);
    if (!this.open || this.open.how !== 'hover' || this.card.focused) return;
    this.timers.close = setTimeout(() => {
      if (this.open && !this.card.focused) this.close(false);
    }, CLOSE_DELAY_MS);
  }

  key(e) {
    if (e.key === 'F8' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      this.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      e.stopPropagation();
      this.close(false);
    } else if (NAVIGATION_KEYS.has(e.key)) {
      // Once the caret has moved: its card, if it landed in an underline.
      setTimeout(() => this.caretMoved(), 0);
    }
  }

  // After the arrow keys (and Home, End...): the card of the underline
  // the caret landed in, shown without taking the focus; moving out of it
  // closes that card (not one the pointer or F8 opened).
  caretMoved() {
    if (!this.layer || (this.open && this.open.how !== 'caret')) return;
    const caret = this.source.caret();
    const at = caret && caret[0] === caret[1] ? caret[0] : -1;
    const segment = this.segments.find((s) => s.start <= at && at < s.end);
    if (segment) {
      if (this.open?.item !== segment.item) this.show(segment.item, { how: 'caret' });
    } else {
      this.close(false);
    }
  }

  /** Opens the card of the next (1) or previous (-1) underline, with the focus in it. */
  step(direction) {
    const items = this.items;
    if (items.length === 0) return;
    let item;
    const caret = this.source.caret();
    if (this.open) {
      const from = this.open.item.start;
      item = direction > 0 ? items.find((i) => i.start > from) : items.findLast((i) => i.start < from);
    } else if (caret) {
      item = items.find((i) => i.start <= caret[0] && caret[1] <= i.end && caret[1] > i.start);
      item ??= direction > 0 ? items.find((i) => i.start >= caret[1]) : items.findLast((i) => i.end <= caret[0]);
    }
    item ??= direction > 0 ? items[0] : items[items.length - 1];
    // The most severe finding on those words is the one underlined.
    item = this.segments.find((s) => s.start >= item.start && s.start < item.end)?.item ?? item;
    this.source.select(item.start, item.end, null);
    this.show(item, { how: 'focus', focus: true });
  }

  show(item, { how, anchor = null, focus = false }) {
    clearTimeout(this.timers.open);
    clearTimeout(this.timers.close);
    const json = this.inner.findingJson(item.index, item.aStart, item.aEnd);
    const where = anchor ?? this.anchorOf(item);
    if (!json || !where) return;
    const { finding, cornerstoneTitle } = JSON.parse(json);
    this.card.show({ ...finding, cornerstoneTitle }, where, { focus, pending: item.stale });
    this.open = { item, how };
    this.layer.setActive(this.model, item);
  }

  /** Closes the card; `returnFocus`: the reply box gets the focus back, its words selected. */
  close(returnFocus) {
    clearTimeout(this.timers.close);
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.card.hide();
    this.layer?.setActive(this.model, null);
    if (returnFocus) this.source.select(open.item.start, open.item.end, null);
  }

  apply(text) {
    const open = this.open;
    if (!open || open.item.stale) return;
    this.close(false);
    this.inner.apply(open.item.aStart, open.item.aEnd, text);
  }

  destroy() {
    this.stop.abort();
    this.resize?.disconnect();
    this.restyle?.disconnect();
    clearTimeout(this.timers.open);
    clearTimeout(this.timers.close);
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.textFrame);
    this.close(false);
    this.layer.destroy();
    this.layer = null;
  }
}

export { canHighlight };
