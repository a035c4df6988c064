// The text of an editable element as the agent sees it, and the way back
// from offsets in that text to DOM positions.
//
// Rich-text editors keep a reply as paragraphs, line breaks, lists and
// inline formatting; the engine reads plain text. `readText(root)` walks the
// element once and returns a TextModel: its text, with paragraphs, list
// items and other blocks on lines of their own, each <br> a line break,
// collapsible white space collapsed as the browser shows it, no-break spaces
// as spaces and hidden elements left out; and the pieces that tie each run
// of that text to the DOM it came from.
//
// Offsets count UTF-16 code units on both sides, as JavaScript strings and
// DOM ranges do, so a run copied from a text node maps back one to one:
// emoji, combining marks and right-to-left text need no conversion here (the
// engine's byte spans become UTF-16 in exactly one place, the report), and
// a word split over several elements by inline formatting maps to one range
// across them.

/** A run copied from a text node, one to one. */
const EXACT = 0;
/** One space standing for a run of collapsed white space in a text node. */
const SPACE = 1;
/** A line break with no character in the DOM: a block boundary or a <br>. */
const BREAK = 2;
/** An element's replacement text (an image's alt text), covering the element. */
const ATOM = 3;

// Elements whose content is not part of the reply as written.
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'input', 'select', 'option',
  'button', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'svg', 'math', 'head']);

// How a text node's white space is shown (CSS `white-space-collapse`).
const COLLAPSE = 0;
const PRESERVE = 1;
const PRESERVE_BREAKS = 2;

// What the current line holds: nothing yet, an empty line that shows (a
// blank line made by a <br>), or text.
const EMPTY = 0;
const OCCUPIED = 1;
const CONTENT = 2;

const WHITE = /[ \t\n\r\f]+/g;
const NBSP = /\u00a0/g;

function whiteSpaceOf(style) {
  const collapse = style.whiteSpaceCollapse || style.whiteSpace;
  if (collapse === 'collapse' || collapse === 'normal' || collapse === 'nowrap') return COLLAPSE;
  if (collapse === 'preserve-breaks' || collapse === 'pre-line') return PRESERVE_BREAKS;
  return PRESERVE;
}

// Outer display types that put an element on lines of its own.
function isBlock(display) {
  return !display.startsWith('inline') && display !== 'contents' && !display.startsWith('ruby');
}

/** One run of the text and where it came from. */
class Piece {
  constructor(start, text, kind, node, from, to, after) {
    this.start = start;
    this.len = text.length;
    this.kind = kind;
    // EXACT and SPACE: the text node and the offsets [from, to) in it.
    // BREAK: the element at whose boundary the line breaks (`after`: its
    // end, else its start). ATOM: the element.
    this.node = node;
    this.from = from;
    this.to = to;
    this.after = after;
  }
}

/** Collects the text and its pieces during the walk. */
class Builder {
  constructor() {
    this.parts = [];
    this.pieces = [];
    this.length = 0;
    this.line = EMPTY;
    // A block boundary was passed: the next text starts a new line.
    this.wantBreak = false;
    this.breakAt = null;
    this.breakAfter = false;
    // <br> elements not yet turned into line breaks: the last one of a
    // block ends no line (a trailing <br> only gives an empty block height).
    this.brs = [];
    // A collapsible space waiting to see whether text follows on its line.
    this.space = null;
  }

  push(text, kind, node, from, to, after = false) {
    this.pieces.push(new Piece(this.length, text, kind, node, from, to, after));
    this.parts.push(text);
    this.length += text.length;
  }

  // Turns the pending line breaks into text, before more text comes.
  realize() {
    if (this.wantBreak && this.line !== EMPTY) {
      this.push('\n', BREAK, this.breakAt, 0, 0, this.breakAfter);
      this.line = EMPTY;
    }
    this.wantBreak = false;
    for (const br of this.brs) {
      this.push('\n', BREAK, br, 0, 0, false);
      this.line = EMPTY;
    }
    this.brs.length = 0;
  }

  content(text, kind, node, from, to) {
    this.realize();
    if (this.space) {
      const { node: n, from: a, to: b } = this.space;
      this.space = null;
      this.push(' ', SPACE, n, a, b);
    }
    this.push(text, kind, node, from, to);
    this.line = CONTENT;
  }

  collapsibleSpace(node, from, to) {
    const atLineStart = this.line !== CONTENT || this.wantBreak || this.brs.length > 0;
    if (!atLineStart && !this.space) this.space = { node, from, to };
  }

  lineBreak(br) {
    this.space = null;
    this.brs.push(br);
  }

  boundary(el, after) {
    this.space = null;
    if (this.brs.length) {
      this.brs.pop();
      this.realize();
      if (this.line === EMPTY) this.line = OCCUPIED;
    }
    this.wantBreak = true;
    this.breakAt = el;
    this.breakAfter = after;
  }

  text(node, mode) {
    const data = node.data;
    if (!data) return;
    if (mode === PRESERVE) {
      this.content(data.replace(NBSP, ' '), EXACT, node, 0, data.length);
      if (data.endsWith('\n')) this.line = EMPTY;
      return;
    }
    let last = 0;
    WHITE.lastIndex = 0;
    for (let m = WHITE.exec(data); m; m = WHITE.exec(data)) {
      if (m.index > last) this.content(data.slice(last, m.index).replace(NBSP, ' '), EXACT, node, last, m.index);
      const end = m.index + m[0].length;
      if (mode === PRESERVE_BREAKS && m[0].includes('\n')) {
        // Forced line breaks stay; the spaces around them go.
        for (let k = m.index; k < end; k++) {
          if (data[k] !== '\n') continue;
          this.space = null;
          this.content('\n', EXACT, node, k, k + 1);
          this.line = EMPTY;
        }
      } else {
        this.collapsibleSpace(node, m.index, end);
      }
      last = end;
    }
    if (last < data.length) this.content(data.slice(last).replace(NBSP, ' '), EXACT, node, last, data.length);
  }
}

/**
 * Reads `root` (an editable element) as the agent sees it. Never throws for
 * any content; an element it cannot read is left out.
 */
export function readText(root) {
  const b = new Builder();
  let mode = whiteSpaceOf(getComputedStyle(root));
  // Elements entered and not yet left, with the white-space mode outside them.
  const open = [];
  let node = root.firstChild;
  while (node) {
    let entered = false;
    if (node.nodeType === Node.TEXT_NODE) {
      b.text(node, mode);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const name = node.localName;
      if (name === 'br') {
        b.lineBreak(node);
      } else if (!SKIP.has(name)) {
        const style = getComputedStyle(node);
        const display = style.display;
        if (display !== 'none') {
          if (name === 'img') {
            const alt = node.getAttribute('alt');
            if (alt) b.content(alt.replace(NBSP, ' '), ATOM, node, 0, 0);
          } else {
            const block = isBlock(display);
            if (block) b.boundary(node, false);
            if (node.firstChild) {
              open.push({ el: node, block, mode });
              mode = whiteSpaceOf(style);
              node = node.firstChild;
              entered = true;
            } else if (block) {
              b.boundary(node, true);
            }
          }
        }
      }
    }
    if (entered) continue;
    // On to the next node, leaving the elements that end here.
    while (node && !node.nextSibling) {
      const left = open.pop();
      node = null;
      if (left) {
        if (left.block) b.boundary(left.el, true);
        mode = left.mode;
        node = left.el;
      }
    }
    node = node?.nextSibling ?? null;
  }
  return new TextModel(root, b.parts.join(''), b.pieces);
}

/** The text of an editable element and its way back to the DOM. */
export class TextModel {
  constructor(root, text, pieces) {
    this.root = root;
    this.text = text;
    this.pieces = pieces;
    this.byNode = null;
  }

  // The last piece starting at or before `offset` (0 if none).
  pieceAt(offset) {
    const ps = this.pieces;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The DOM range of UTF-16 range `start..end` of the text, tight around
   * the words: it starts in the first piece with text in the range and ends
   * in the last one, never on a line break the DOM has no character for.
   * Null for an empty or out-of-bounds range.
   */
  range(start, end) {
    const ps = this.pieces;
    if (!(start >= 0 && start < end && end <= this.text.length) || ps.length === 0) return null;
    let i = this.pieceAt(start);
    while (i < ps.length && (ps[i].kind === BREAK || ps[i].start + ps[i].len <= start)) i++;
    let j = this.pieceAt(end - 1);
    while (j >= 0 && (ps[j].kind === BREAK || ps[j].start >= end)) j--;
    if (i >= ps.length || j < 0 || i > j) return null;
    const range = document.createRange();
    const a = ps[i];
    if (a.kind === ATOM) range.setStartBefore(a.node);
    else if (a.kind === SPACE) range.setStart(a.node, start > a.start ? a.to : a.from);
    else range.setStart(a.node, a.from + Math.max(0, start - a.start));
    const z = ps[j];
    if (z.kind === ATOM) range.setEndAfter(z.node);
    else if (z.kind === SPACE) range.setEnd(z.node, z.to);
    else range.setEnd(z.node, z.from + Math.min(z.len, end - z.start));
    return range.collapsed ? null : range;
  }

  /**
   * The offset in the text of DOM position (`node`, `offset`): where a caret
   * there sits in the text. -1 when the position is outside the root.
   */
  offsetAt(node, offset) {
    if (!node || !this.root.contains(node)) return -1;
    const ps = this.pieces;
    if (ps.length === 0) return 0;
    if (node.nodeType === Node.TEXT_NODE) {
      this.byNode ??= this.indexNodes();
      const first = this.byNode.get(node);
      if (first !== undefined) {
        for (let k = first; k < ps.length && ps[k].node === node; k++) {
          const p = ps[k];
          if (offset < p.from) return p.start;
          if (offset <= p.to) return p.kind === EXACT ? p.start + (offset - p.from) : (offset > p.from ? p.start + p.len : p.start);
        }
      }
    }
    // Elsewhere (between elements, in text left out): the first piece at or
    // after the position, in document order; a position right at a line
    // break between blocks is at the start of the next line.
    const probe = document.createRange();
    const compare = (p) => {
      if (p.kind === EXACT || p.kind === SPACE) probe.setStart(p.node, p.from);
      else if (p.kind === BREAK && p.after) probe.setStartAfter(p.node);
      else probe.setStartBefore(p.node);
      probe.collapse(true);
      return probe.comparePoint(node, offset);
    };
    let lo = 0;
    let hi = ps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(ps[mid]) <= 0) hi = mid;
      else lo = mid + 1;
    }
    while (lo < ps.length && ps[lo].kind === BREAK && compare(ps[lo]) === 0) lo++;
    return lo < ps.length ? ps[lo].start : this.text.length;
  }

  indexNodes() {
    const map = new Map();
    this.pieces.forEach((p, k) => {
      if ((p.kind === EXACT || p.kind === SPACE) && !map.has(p.node)) map.set(p.node, k);
    });
    return map;
  }
}
