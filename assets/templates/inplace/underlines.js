// The underlines in the host's own reply box, by severity, without a change
// to the host editor's DOM or model.
//
// - HighlightLayer: an editable element (a rich-text editor). Each
//   underlined run is a StaticRange in one of Cornerstone's named
//   highlights (CSS Custom Highlight API), styled by `highlights.css`,
//   adopted into the document while anything is attached. The editor's
//   nodes are never touched; static ranges cost the editor nothing as it
//   edits, and are painted afresh after every change.
// - MirrorLayer: a textarea, whose text has no DOM ranges. A transparent
//   copy of its text, in its font, padding, wrapping and scroll position,
//   sits over it inside <cornerstone-underlines> (a shadow root placed right
//   after the textarea) and draws only the underlines.
//
// Both paint "segments": pieces of the text that one finding underlines
// (where findings overlap, the most severe wins), and answer which segment
// is under a point, for the hint cards.

const CSS_HIGHLIGHTS = '__CSS:highlights.css__';
const CSS_MIRROR = '__CSS:mirror.css__';

export const SEVERITIES = ['warning', 'tip', 'praise'];
const ACTIVE = 'cornerstone-active';
// How far below a line of text its underline may be pointed at, in pixels.
const UNDERLINE_REACH = 5;

function sheet(css) {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

// The named highlights and their stylesheet, shared by every attached
// editable element and removed when the last one is detached.
let shared = null;

function acquireHighlights() {
  if (!shared) {
    const highlights = {};
    for (const severity of SEVERITIES) {
      const h = new Highlight();
      // Screen readers in Chromium announce grammar-error highlights.
      if ('type' in h) h.type = severity === 'praise' ? 'highlight' : 'grammar-error';
      highlights[severity] = h;
      CSS.highlights.set(`cornerstone-${severity}`, h);
    }
    const active = new Highlight();
    active.priority = 1;
    CSS.highlights.set(ACTIVE, active);
    const css = sheet(CSS_HIGHLIGHTS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, css];
    shared = { highlights, active, css, users: 0 };
  }
  shared.users += 1;
  return shared;
}

function releaseHighlights() {
  if (!shared || --shared.users > 0) return;
  for (const severity of SEVERITIES) {
    if (CSS.highlights.get(`cornerstone-${severity}`) === shared.highlights[severity]) {
      CSS.highlights.delete(`cornerstone-${severity}`);
    }
  }
  if (CSS.highlights.get(ACTIVE) === shared.active) CSS.highlights.delete(ACTIVE);
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== shared.css);
  shared = null;
}

/** Whether this browser can underline inside an editable element. */
export const canHighlight = () => typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;

function inside(rects, x, y) {
  for (const r of rects) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + UNDERLINE_REACH) return r;
  }
  return null;
}

// The DOM position of the caret that a click at viewport point (x, y) would
// place, if the browser can tell.
function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const p = document.caretPositionFromPoint(x, y);
    return p?.offsetNode ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (document.caretRangeFromPoint) {
    const r = document.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

function staticRange(range) {
  return new StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
}

function liveRange(r) {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** Underlines in an editable element, through the CSS Custom Highlight API. */
export class HighlightLayer {
  constructor(root) {
    this.root = root;
    this.shared = acquireHighlights();
    this.segments = [];
    this.model = null;
    // The painted ranges by severity, nodes and offsets.
    this.painted = new Map();
    // (Weak: nodes the editor drops are not kept alive.)
    this.ids = new WeakMap();
    this.nextId = 1;
    this.rects = null;
    this.active = null;
  }

  /**
   * Underlines `segments` (offsets in `model.text`), replacing the last
   * ones. A range that is exactly as before (same severity, same nodes and
   * offsets: every underline but those near an edit) stays in its
   * highlight, so the browser repaints only what changed.
   */
  paint(model, segments) {
    this.model = model;
    const { highlights } = this.shared;
    const before = this.painted;
    const now = new Map();
    this.segments = [];
    for (const s of segments) {
      const range = model.range(s.start, s.end);
      if (!range) continue;
      const key = `${s.severity} ${this.id(range.startContainer)} ${range.startOffset} ${this.id(range.endContainer)} ${range.endOffset}`;
      let kept = before.get(key);
      if (kept) {
        before.delete(key);
      } else {
        kept = { severity: s.severity, range: staticRange(range) };
        highlights[s.severity].add(kept.range);
      }
      now.set(key, kept);
      s.range = kept.range;
      this.segments.push(s);
    }
    for (const { severity, range } of before.values()) highlights[severity].delete(range);
    this.painted = now;
    this.rects = null;
  }

  // A number for each node, to compare ranges by.
  id(node) {
    let n = this.ids.get(node);
    if (n === undefined) {
      n = this.nextId++;
      this.ids.set(node, n);
    }
    return n;
  }

  clear() {
    const { highlights } = this.shared;
    for (const { severity, range } of this.painted.values()) highlights[severity].delete(range);
    this.painted = new Map();
    this.segments = [];
    this.rects = null;
  }

  /** Positions moved (scrolling, resizing): measure again when asked. */
  invalidate() {
    this.rects = null;
  }

  rectsOf(segment) {
    try {
      return [...liveRange(segment.range).getClientRects()];
    } catch {
      return [];
    }
  }

  /**
   * The segment under viewport point (x, y) and the rectangle hit, if any:
   * the caret position there says which segments could be (at most two),
   * their rectangles say whether the point is on the words.
   */
  hitTest(x, y) {
    // Just below a line, on its underline, the caret may already be on the next line.
    return this.hitNear(x, y, y) ?? this.hitNear(x, y, y - UNDERLINE_REACH - 1);
  }

  hitNear(x, y, probeY) {
    const at = caretAt(x, probeY);
    const model = this.model;
    if (at && model) {
      const offset = model.offsetAt(at.node, at.offset);
      if (offset < 0) return null;
      let lo = 0;
      let hi = this.segments.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.segments[mid].end < offset) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.segments.length && this.segments[i].start <= offset; i++) {
        const rect = inside(this.rectsOf(this.segments[i]), x, y);
        if (rect) return { segment: this.segments[i], rect };
      }
      return null;
    }
    this.rects ??= this.segments.map((s) => this.rectsOf(s));
    for (let i = 0; i < this.segments.length; i++) {
      const rect = inside(this.rects[i], x, y);
      if (rect) return { segment: this.segments[i], rect };
    }
    return null;
  }

  /** The rectangles of UTF-16 range start..end of `model.text`. */
  rangeRects(model, start, end) {
    const range = model.range(start, end);
    return range ? [...range.getClientRects()] : [];
  }

  /** Marks the words of an open card (or none). */
  setActive(model, item) {
    if (this.active) this.shared.active.delete(this.active);
    this.active = null;
    const range = item && model.range(item.start, item.end);
    if (range) {
      this.active = staticRange(range);
      this.shared.active.add(this.active);
    }
  }

  destroy() {
    this.clear();
    if (this.active) this.shared.active.delete(this.active);
    this.active = null;
    releaseHighlights();
  }
}

// The textarea's computed styles that decide where its text goes.
const COPIED = ['direction', 'unicode-bidi', 'writing-mode', 'font-family', 'font-size', 'font-style', 'font-variant',
  'font-weight', 'font-stretch', 'font-kerning', 'font-feature-settings', 'font-variation-settings',
  'font-optical-sizing', 'font-size-adjust', 'letter-spacing', 'word-spacing', 'line-height', 'text-align',
  'text-indent', 'text-transform', 'text-rendering', 'tab-size', 'white-space', 'word-break', 'overflow-wrap',
  'hyphens', 'line-break', 'padding-top', 'padding-bottom', 'border-top-width', 'border-right-width',
  'border-bottom-width', 'border-left-width'];

let mirrorSheet = null;

/** Underlines over a textarea: a transparent copy of its text drawn on top. */
export class MirrorLayer {
  constructor(textarea) {
    this.textarea = textarea;
    this.host = document.createElement('cornerstone-underlines');
    const root = this.host.attachShadow({ mode: 'open' });
    mirrorSheet ??= sheet(CSS_MIRROR);
    root.adoptedStyleSheets = [mirrorSheet];
    this.box = document.createElement('div');
    this.box.className = 'mirror';
    this.box.setAttribute('aria-hidden', 'true');
    this.box.dataset.testid = 'underlines';
    root.append(this.box);
    // Right after the textarea (after the panel, when that is there): any
    // place in the same box would do, as the layer measures where it is.
    const next = textarea.nextElementSibling;
    (next?.localName === 'cornerstone-panel' ? next : textarea).after(this.host);
    this.segments = [];
    this.rects = null;
    this.signature = '';
  }

  /**
   * Copies the textarea's font, box and scroll position. Cheap when nothing
   * changed: the styles are written only when they differ.
   */
  layout() {
    const ta = this.textarea;
    const box = this.box;
    const t = ta.getBoundingClientRect();
    if (!ta.isConnected || (t.width === 0 && t.height === 0)) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const cs = getComputedStyle(ta);
    const values = COPIED.map((p) => cs.getPropertyValue(p));
    // Scroll bars take room from the text; the copy has none, so it gets
    // that room as padding instead (on the left in right-to-left boxes).
    const px = (p) => parseFloat(cs.getPropertyValue(p)) || 0;
    const barX = Math.max(0, ta.offsetWidth - ta.clientWidth - px('border-left-width') - px('border-right-width'));
    const barY = Math.max(0, ta.offsetHeight - ta.clientHeight - px('border-top-width') - px('border-bottom-width'));
    const rtl = cs.direction === 'rtl';
    const padLeft = px('padding-left') + (rtl ? barX : 0);
    const padRight = px('padding-right') + (rtl ? 0 : barX);
    const h = this.host.getBoundingClientRect();
    const geometry = [t.left - h.left, t.top - h.top, ta.offsetWidth, ta.offsetHeight, padLeft, padRight, barY];
    const signature = values.join('|') + geometry.join('|');
    if (signature !== this.signature) {
      this.signature = signature;
      COPIED.forEach((p, i) => box.style.setProperty(p, values[i]));
      box.style.setProperty('padding-left', `${padLeft}px`);
      box.style.setProperty('padding-right', `${padRight}px`);
      box.style.setProperty('padding-bottom', `${px('padding-bottom') + barY}px`);
      box.style.setProperty('left', `${geometry[0]}px`);
      box.style.setProperty('top', `${geometry[1]}px`);
      box.style.setProperty('width', `${geometry[2]}px`);
      box.style.setProperty('height', `${geometry[3]}px`);
      this.rects = null;
    }
    this.scroll();
  }

  scroll() {
    if (this.box.scrollTop !== this.textarea.scrollTop || this.box.scrollLeft !== this.textarea.scrollLeft) {
      this.box.scrollTop = this.textarea.scrollTop;
      this.box.scrollLeft = this.textarea.scrollLeft;
      this.rects = null;
    }
  }

  /** Writes `text` with `segments` underlined, replacing the last ones. */
  paint(text, segments) {
    const parts = [];
    let at = 0;
    for (const s of segments) {
      if (s.start > at) parts.push(text.slice(at, s.start));
      const span = document.createElement('span');
      span.className = `u sev-${s.severity}`;
      span.textContent = text.slice(s.start, s.end);
      s.span = span;
      parts.push(span);
      at = s.end;
    }
    // A zero-width space keeps a trailing empty line as tall as the textarea's.
    parts.push(`${text.slice(at)}\u200b`);
    this.box.replaceChildren(...parts);
    this.segments = segments;
    this.rects = null;
    this.layout();
  }

  clear() {
    this.paint(this.textarea.value, []);
  }

  invalidate() {
    this.rects = null;
  }

  visibleRects(span) {
    const view = this.box.getBoundingClientRect();
    return [...span.getClientRects()].filter((r) => r.bottom > view.top && r.top < view.bottom && r.right > view.left && r.left < view.right);
  }

  rectsOf(segment) {
    return segment.span ? this.visibleRects(segment.span) : [];
  }

  hitTest(x, y) {
    this.rects ??= this.segments.map((s) => this.rectsOf(s));
    for (let i = 0; i < this.segments.length; i++) {
      const rect = inside(this.rects[i], x, y);
      if (rect) return { segment: this.segments[i], rect };
    }
    return null;
  }

  rangeRects(_text, start, end) {
    const rects = [];
    for (const s of this.segments) {
      if (s.end > start && s.start < end) rects.push(...this.rectsOf(s));
    }
    return rects;
  }

  setActive(_text, item) {
    for (const s of this.segments) s.span?.classList.toggle('active', !!item && s.item === item);
  }

  destroy() {
    this.host.remove();
    this.segments = [];
  }
}

/**
 * Splits findings (`{ start, end, severity (0 warning, 1 tip, 2 praise),
 * ... }`, offsets in the text) into the segments to underline: at every
 * start and end, the most severe finding covering the piece wins (the
 * earliest on a tie). Each segment keeps its finding as `item`.
 */
export function segmentsOf(items) {
  const cuts = [...new Set(items.flatMap((f) => [f.start, f.end]))].sort((a, b) => a - b);
  const byStart = [...items].sort((a, b) => a.start - b.start || a.severity - b.severity);
  const active = [];
  const out = [];
  let next = 0;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    while (next < byStart.length && byStart[next].start <= a) active.push(byStart[next++]);
    let best = null;
    for (let i = active.length - 1; i >= 0; i--) {
      const f = active[i];
      if (f.end <= a) {
        active.splice(i, 1);
        continue;
      }
      if (!best || f.severity < best.severity || (f.severity === best.severity && f.start < best.start)) best = f;
    }
    if (!best) continue;
    const last = out[out.length - 1];
    if (last && last.item === best && last.end === a) last.end = b;
    else out.push({ start: a, end: b, severity: SEVERITIES[best.severity], item: best });
  }
  return out;
}
