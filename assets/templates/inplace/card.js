// The hint card: what a finding is about (its hint, its cornerstone, the
// words) and its better phrasings, next to the underlined words.
//
// A non-modal dialog in the top layer (a manual popover), in the shadow
// root of <cornerstone-card>, which exists only while the card is open.
// Every string is set as text, never as HTML. Keyboard: Tab and Shift+Tab
// stay within the card, F8 and Shift+F8 step to the next or previous
// underline, Escape closes it and gives the focus back to the reply.

const CSS_CARD = '__CSS:card.css__';
const SEVERITY = {
  warning: { icon: '⚠', label: 'Fix' },
  tip: { icon: '✎', label: 'Tip' },
  praise: { icon: '✓', label: 'Good' },
};
// Room kept between the card and the words, and the edges of the window.
const GAP = 6;
const MARGIN = 8;

let cardSheet = null;

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

export class Card {
  /**
   * `near`: the reply box (the card joins its <dialog>, if it sits in one,
   * so that a modal dialog does not make it inert). Callbacks:
   * `onApply(text)`, `onClose(returnFocus)`, `onStep(direction)`,
   * `onPointer(inside)`.
   */
  constructor({ near, onApply, onClose, onStep, onPointer }) {
    this.near = near;
    this.callbacks = { onApply, onClose, onStep, onPointer };
    this.host = null;
    this.card = null;
    this.finding = null;
  }

  get open() {
    return this.host !== null;
  }

  /** Whether the focus is in the card. */
  get focused() {
    return this.open && this.host.shadowRoot.activeElement !== null;
  }

  contains(node) {
    return this.open && (node === this.host || this.host.contains(node));
  }

  /**
   * Shows `finding` (from `findingJson`) next to `anchor` (a DOMRect of the
   * words). `focus`: move the focus into the card (keyboard use);
   * `pending`: the text changed since the analysis, so the phrasings wait.
   */
  show(finding, anchor, { focus = false, pending = false } = {}) {
    this.hide();
    this.finding = finding;
    const severity = SEVERITY[finding.severity] ?? SEVERITY.tip;
    const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close', title: 'Close (Esc)', 'data-testid': 'card-close', text: '×' });
    close.addEventListener('click', () => this.callbacks.onClose(this.focused));
    const title = el('h2', { id: 'card-title' }, el('span', { class: 'sr-only', text: `${severity.label}: ` }), finding.label);
    const body = [
      el('div', { class: 'head' }, el('span', { class: 'icon', 'aria-hidden': 'true', text: severity.icon }), title, close),
      el('p', { class: 'cornerstone', 'data-testid': 'card-cornerstone', text: finding.cornerstoneTitle }),
      el('p', { class: 'words' }, el('q', { 'data-testid': 'card-words', text: finding.text })),
      el('p', { class: 'message', id: 'card-message', 'data-testid': 'card-message', text: finding.message }),
    ];
    if (finding.suggestions.length && pending) {
      body.push(el('p', { class: 'pending', text: 'Checking the latest text…' }));
    } else if (finding.suggestions.length) {
      const group = el('div', { class: 'suggestions', role: 'group', 'aria-label': 'Better phrasings' });
      for (const text of finding.suggestions) {
        const b = text
          ? el('button', { class: 'suggestion', type: 'button', 'data-testid': 'card-suggestion' },
            el('span', { class: 'sr-only', text: 'Replace with ' }), text)
          : el('button', { class: 'suggestion', type: 'button', 'data-testid': 'card-suggestion', text: 'Remove these words' });
        b.addEventListener('click', () => this.callbacks.onApply(text));
        group.append(b);
      }
      body.push(group);
    }
    body.push(el('p', { class: 'keys', 'aria-hidden': 'true', text: 'F8 next · Shift+F8 previous · Esc close' }));
    this.card = el('div', {
      class: `card sev-${finding.severity}`,
      role: 'dialog',
      'aria-labelledby': 'card-title',
      'aria-describedby': 'card-message',
      'data-testid': 'card',
      'data-cue': finding.cue,
    }, ...body);

    this.host = document.createElement('cornerstone-card');
    const root = this.host.attachShadow({ mode: 'open' });
    if (!cardSheet) {
      cardSheet = new CSSStyleSheet();
      cardSheet.replaceSync(CSS_CARD);
    }
    root.adoptedStyleSheets = [cardSheet];
    root.append(this.card);
    root.addEventListener('keydown', (e) => this.key(e));
    // Opened by the pointer, a click keeps the focus (and the selection)
    // in the reply box.
    this.card.addEventListener('mousedown', (e) => {
      if (!this.focused) e.preventDefault();
    });
    this.host.addEventListener('pointerenter', () => this.callbacks.onPointer(true));
    this.host.addEventListener('pointerleave', () => this.callbacks.onPointer(false));
    const parent = this.near.closest('dialog[open]') ?? document.body;
    this.host.popover = 'manual';
    parent.append(this.host);
    try {
      this.host.showPopover();
    } catch {
      // Without the popover API the card is a fixed box over the page.
    }
    this.place(anchor);
    if (focus) (this.card.querySelector('.suggestion') ?? close).focus();
  }

  /** Moves the card next to `anchor`: below the words, or above if there is no room. */
  place(anchor) {
    if (!this.card || !anchor) return;
    const card = this.card;
    const w = card.offsetWidth;
    const h = card.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let top = anchor.bottom + GAP;
    if (top + h > vh - MARGIN && anchor.top - GAP - h >= MARGIN) top = anchor.top - GAP - h;
    const left = Math.max(MARGIN, Math.min(anchor.left, vw - w - MARGIN));
    card.style.setProperty('left', `${Math.round(left)}px`);
    card.style.setProperty('top', `${Math.round(Math.max(MARGIN, top))}px`);
  }

  key(e) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.callbacks.onClose(true);
    } else if (e.key === 'F8') {
      e.preventDefault();
      e.stopPropagation();
      this.callbacks.onStep(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Tab') {
      // The focus stays in the card until it is closed.
      const stops = [...this.card.querySelectorAll('button')];
      const at = stops.indexOf(this.host.shadowRoot.activeElement);
      e.preventDefault();
      const next = (at + (e.shiftKey ? -1 : 1) + stops.length) % stops.length;
      stops[next]?.focus();
    }
  }

  hide() {
    if (!this.host) return;
    const host = this.host;
    this.host = null;
    this.card = null;
    this.finding = null;
    try {
      host.hidePopover();
    } catch {
      // Not shown as a popover.
    }
    host.remove();
  }
}
