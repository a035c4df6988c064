// End-to-end: coaching inside the host's own reply box, in real Chromium
// with real editors from npm: Quill (the rich-text example page and a
// fixture), TipTap (ProseMirror), a bare contenteditable and a textarea.
// Underlines in place (their words, their position on screen, their
// colour), hint cards (hover, keyboard, apply through the editor, its own
// undo, its change events), detach without a trace, the text model, a
// strict CSP and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, ROOT, STRICT_CSP } from './harness.mjs';
import { editorMounts, QUILL_DIST } from './editors.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let server;
let browser;
let decoder;
before(async () => {
  server = await serve(DIST, { mounts: await editorMounts() });
  browser = await launch();
  decoder = await (await browser.newContext()).newPage();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The reply boxes under test: how to open one, where to type, and how the
// editor itself reports its text and its change events.
const KINDS = {
  bare: {
    page: 'fixtures/editable.html',
    box: '#editor',
    editorText: () => document.getElementById('editor').innerText.replace(/\n$/, ''),
    changes: () => window.inputs,
  },
  textarea: {
    page: 'fixtures/editable.html',
    box: '#reply',
    editorText: () => document.getElementById('reply').value,
    changes: () => window.inputs,
  },
  quill: {
    page: 'fixtures/quill.html',
    box: '#editor .ql-editor',
    editorText: () => window.quill.getText().replace(/\n$/, ''),
    changes: () => window.changes.filter((source) => source === 'user').length,
  },
  tiptap: {
    page: 'fixtures/tiptap.html',
    box: '#editor .ProseMirror',
    editorText: () => window.editor.getText({ blockSeparator: '\n' }),
    changes: () => window.updates.length,
  },
};

/** Opens the fixture of `kind` and attaches Cornerstone to its reply box. */
async function open(kind, options = {}) {
  const k = KINDS[kind];
  const context = await browser.newContext({ viewport: { width: 900, height: 720 } });
  const { page, errors } = await watchedPage(context);
  await page.goto(`${server.url}${k.page}`);
  await page.waitForFunction((box) => window.Cornerstone && document.querySelector(box), k.box);
  await page.evaluate(({ box, options }) => {
    window.inputs = 0;
    document.querySelector(box).addEventListener('input', () => window.inputs++);
    const name = document.getElementById('name');
    return window.Cornerstone.attach(document.querySelector(box), { customerNameFrom: name, panel: document.getElementById('hints'), ...options }).ready;
  }, { box: k.box, options });
  return { context, page, errors, k };
}

/** Types as the agent does: real key presses, Enter for a new line. */
async function type(page, box, lines) {
  await page.click(box);
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

/** Waits until `check()` resolves truthy (or 3 s pass). */
async function until(check) {
  for (const stop = Date.now() + 3000; Date.now() < stop; await new Promise((r) => setTimeout(r, 20))) {
    if (await check()) return;
  }
}

const handleText = (page) => page.evaluate(() => window.Cornerstone.attached[0].text);

// The highlights hold static ranges, which a keystroke can leave pointing
// past the end of a text node until Cornerstone repaints them before the
// next frame (the browser paints none of them in between): the helpers below
// read them after a frame, and a wait treats a stale one as "not yet".

/** The painted underlines in text order: severity, words and box. */
function underlines(page) {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    const box = (b) => ({ left: b.left, top: b.top, right: b.right, bottom: b.bottom });
    for (const severity of ['warning', 'tip', 'praise']) {
      for (const r of CSS.highlights.get(`cornerstone-${severity}`) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ severity, text: range.toString(), rects: [...range.getClientRects()].map(box) });
      }
    }
    for (const host of document.querySelectorAll('cornerstone-underlines')) {
      for (const span of host.shadowRoot.querySelectorAll('.u')) {
        const severity = ['warning', 'tip', 'praise'].find((s) => span.classList.contains(`sev-${s}`));
        out.push({ severity, text: span.textContent, rects: [...span.getClientRects()].map(box) });
      }
    }
    return out.sort((a, b) => a.rects[0].top - b.rects[0].top || a.rects[0].left - b.rects[0].left);
  });
}
const words = async (page) => (await underlines(page)).map((u) => [u.severity, u.text]);

/** Waits until the underlined words are `expected` ([severity, words] pairs). */
async function waitForUnderlines(page, expected) {
  try {
    await page.waitForFunction((want) => {
      const got = [];
      for (const severity of ['warning', 'tip', 'praise']) {
        for (const r of CSS.highlights.get(`cornerstone-${severity}`) ?? []) {
          const range = document.createRange();
          try {
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
          } catch {
            return false;
          }
          got.push(`${severity}:${range.toString()}`);
        }
      }
      for (const host of document.querySelectorAll('cornerstone-underlines')) {
        for (const span of host.shadowRoot.querySelectorAll('.u')) got.push(`${span.className.match(/sev-(\w+)/)[1]}:${span.textContent}`);
      }
      return got.sort().join('|') === want.map(([s, w]) => `${s}:${w}`).sort().join('|');
    }, expected, { timeout: 3000 });
  } catch {
    assert.deepEqual(await words(page), expected);
  }
}

/**
 * Selects `word` (its first occurrence) in the reply box, found without
 * Cornerstone: in a textarea by its value, in an editable element by the
 * text of its text nodes in document order. Returns nothing; the browser
 * paints the selection in the fixtures' test colour, rgb(0, 255, 0).
 */
function selectIndependently(page, box, word) {
  return page.evaluate(({ box, word }) => {
    const el = document.querySelector(box);
    el.focus();
    if (el instanceof HTMLTextAreaElement) {
      const at = el.value.indexOf(word);
      el.setSelectionRange(at, at + word.length);
      return;
    }
    const nodes = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let all = '';
    while (walker.nextNode()) {
      nodes.push([walker.currentNode, all.length]);
      all += walker.currentNode.data;
    }
    const at = all.indexOf(word);
    const find = (offset, end) => {
      for (let i = nodes.length - 1; i >= 0; i--) {
        const [node, start] = nodes[i];
        if (end ? start < offset : start <= offset) return [node, offset - start];
      }
      return null;
    };
    const range = document.createRange();
    range.setStart(...find(at, false));
    range.setEnd(...find(at + word.length, true));
    const sel = document.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, { box, word });
}

/** Where the screenshot of `clip` has pixels within `tolerance` of `rgb`: count and bounding box (page coordinates). */
async function colourIn(page, clip, rgb, tolerance) {
  const png = await page.screenshot({ clip });
  const found = await decoder.evaluate(async ({ b64, rgb, tolerance }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, img.width, img.height);
    let count = 0;
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const i = (y * img.width + x) * 4;
        if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) <= tolerance) {
          count++;
          left = Math.min(left, x);
          top = Math.min(top, y);
          right = Math.max(right, x + 1);
          bottom = Math.max(bottom, y + 1);
        }
      }
    }
    return { count, left, top, right, bottom };
  }, { b64: png.toString('base64'), rgb, tolerance });
  return { ...found, left: found.left + clip.x, top: found.top + clip.y, right: found.right + clip.x, bottom: found.bottom + clip.y };
}

const WARNING_RED = [217, 48, 37];
const DRAFT = ['😀 שלום Hi Pryia, we apologize for any inconvenience.', 'As I already explained, it ships today. It will arrive soon.'];
const DRAFT_UNDERLINES = [
  ['warning', 'Pryia'],
  ['warning', 'apologize for any inconvenience'],
  ['warning', 'As I already explained'],
  ['tip', 'soon'],
];

for (const kind of Object.keys(KINDS)) {
  test(`${kind}: underlines sit under exactly the flagged words, by severity, where the browser draws those words`, async () => {
    const { context, page, errors, k } = await open(kind);
    await type(page, k.box, DRAFT);
    await waitForUnderlines(page, DRAFT_UNDERLINES);
    assert.equal(await handleText(page), DRAFT.join('\n'), 'the text Cornerstone reads is the text the agent sees');
    assert.equal(await page.evaluate(k.editorText), DRAFT.join('\n'));

    // Formatting that splits a word over elements (rich text only) keeps
    // the underline on the whole word.
    if (kind !== 'textarea') {
      await selectIndependently(page, k.box, 'Pr');
      await page.waitForTimeout(50);
      await page.keyboard.press('Control+b');
      assert.match(await page.$eval(k.box, (e) => e.innerHTML), /<(strong|b)>Pr<\/(strong|b)>yia/);
      await waitForUnderlines(page, DRAFT_UNDERLINES);
    }

    // Each warning's underline box is where the browser paints the
    // selection of those words, found without Cornerstone.
    const box = await page.locator(k.box).boundingBox();
    const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) };
    for (const u of (await underlines(page)).filter((w) => w.severity === 'warning')) {
      await selectIndependently(page, k.box, u.text);
      const painted = await colourIn(page, clip, [0, 255, 0], 30);
      assert.ok(painted.count > 0, `the selection of "${u.text}" is painted`);
      const left = Math.min(...u.rects.map((r) => r.left));
      const right = Math.max(...u.rects.map((r) => r.right));
      assert.ok(Math.abs(left - painted.left) <= 2 && Math.abs(right - painted.right) <= 2,
        `"${u.text}": underline ${left}..${right}, words painted at ${painted.left}..${painted.right}`);
      for (const r of u.rects) {
        const middle = (r.top + r.bottom) / 2;
        assert.ok(middle > painted.top && middle < painted.bottom, `"${u.text}" is on the painted line (${middle} in ${painted.top}..${painted.bottom})`);
      }
    }

    // And the underline is drawn in the warning colour below the words,
    // not below the words next to them.
    await page.evaluate(() => document.getSelection().removeAllRanges());
    await page.locator(k.box).blur();
    const [pryia] = (await underlines(page)).filter((u) => u.text === 'Pryia');
    const r = pryia.rects[0];
    const band = (x0, x1) => ({ x: Math.floor(x0), y: Math.floor(r.bottom) - 3, width: Math.ceil(x1 - x0), height: 9 });
    assert.ok((await colourIn(page, band(r.left, r.right), WARNING_RED, 90)).count > 10, 'a red line under "Pryia"');
    assert.equal((await colourIn(page, band(r.left - 24, r.left - 2), WARNING_RED, 90)).count, 0, 'none under "Hi"');

    // A keystroke before the flagged words moves them within their text
    // node: one frame later every underline is on the same words again
    // (none left pointing at old offsets).
    const flagged = (await underlines(page)).map((u) => `${u.severity}:${u.text}`).sort();
    await page.locator(k.box).focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type(' ');
    assert.deepEqual((await underlines(page)).map((u) => `${u.severity}:${u.text}`).sort(), flagged);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const kind of Object.keys(KINDS)) {
  test(`${kind}: a hint card on hover shows the hint, its cornerstone and phrasings; one replaces exactly those words through the editor, whose own undo takes it back`, async () => {
    const { context, page, errors, k } = await open(kind);
    await type(page, k.box, ['Hi Pryia, thanks for waiting.', 'As I already explained, it ships today.']);
    await waitForUnderlines(page, [['warning', 'Pryia'], ['praise', 'thanks'], ['warning', 'As I already explained']]);
    // The agent pauses (Quill groups edits made within a second into one undo step).
    if (kind === 'quill') await page.evaluate(() => window.quill.history.cutoff());
    const before = await page.evaluate(k.editorText);
    const changes = await page.evaluate(k.changes);

    const [pryia] = (await underlines(page)).filter((u) => u.text === 'Pryia');
    const r = pryia.rects[0];
    await page.mouse.move((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    const card = page.locator('cornerstone-card [data-testid=card]');
    await card.waitFor();
    assert.equal(await card.getAttribute('role'), 'dialog');
    assert.equal(await card.getAttribute('data-cue'), 'name-misspelled');
    assert.equal(await card.locator('h2').textContent(), 'Fix: Name misspelled');
    assert.equal(await card.locator('[data-testid=card-cornerstone]').textContent(), 'Respect, courtesy, kindness and empathy');
    assert.equal(await card.locator('[data-testid=card-words]').textContent(), 'Pryia');
    assert.equal(await card.locator('[data-testid=card-message]').textContent(), "This looks like a misspelling of the customer's name, Priya.");
    assert.deepEqual(await card.locator('[data-testid=card-suggestion]').allTextContents(), ['Replace with Priya']);
    // The card sits just below the words.
    const cardBox = await card.boundingBox();
    assert.ok(cardBox.y >= r.bottom && cardBox.y <= r.bottom + 12, `card at ${cardBox.y}, words end at ${r.bottom}`);

    await card.locator('[data-testid=card-suggestion]').click();
    if (kind === 'quill') await page.evaluate(() => window.quill.history.cutoff());
    const applied = 'Hi Priya, thanks for waiting.\nAs I already explained, it ships today.';
    assert.equal(await page.evaluate(k.editorText), applied, 'exactly those words replaced, in the editor itself');
    assert.ok((await page.evaluate(k.changes)) > changes, 'the editor reported the change as its own');
    assert.equal(await page.locator('cornerstone-card').count(), 0, 'the card closed');
    await waitForUnderlines(page, [['praise', 'Priya'], ['praise', 'thanks'], ['warning', 'As I already explained']]);
    assert.equal(await handleText(page), applied);

    // Typing on: the caret is right after the new words.
    await page.keyboard.type(' R.');
    const typed = 'Hi Priya R., thanks for waiting.\nAs I already explained, it ships today.';
    assert.equal(await page.evaluate(k.editorText), typed);
    assert.equal(await handleText(page), typed);
    // The editor's own undo: the typing (in as many steps as the editor
    // makes of it), then the replacement, in one step.
    for (let i = 0; i < 4 && (await page.evaluate(k.editorText)) !== applied; i++) await page.keyboard.press('Control+z');
    assert.equal(await page.evaluate(k.editorText), applied);
    await page.keyboard.press('Control+z');
    assert.equal(await page.evaluate(k.editorText), before, 'Ctrl+Z in the editor undoes the replacement');
    await waitForUnderlines(page, [['warning', 'Pryia'], ['praise', 'thanks'], ['warning', 'As I already explained']]);
    assert.equal(await handleText(page), before);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const kind of ['tiptap', 'textarea']) {
  test(`${kind}: the keyboard alone: F8 steps through the underlines, the card takes the focus, Tab stays in it, Escape gives it back`, async () => {
    const { context, page, errors, k } = await open(kind);
    await type(page, k.box, ['Hi Pryia, we apologize for any inconvenience.', 'As I already explained, it ships soon.']);
    await waitForUnderlines(page, [['warning', 'Pryia'], ['warning', 'apologize for any inconvenience'], ['warning', 'As I already explained'], ['tip', 'soon']]);
    // The caret at the start of the reply (put there by the editor), then
    // F8: the first underline.
    const caretToStart = () => page.evaluate((box) => {
      const el = document.querySelector(box);
      if (el instanceof HTMLTextAreaElement) el.setSelectionRange(0, 0);
      else window.editor.commands.focus('start');
      // TipTap focuses in the next frame.
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }, k.box);
    // Keys at a human pace (an editor's focus handling may take a few
    // milliseconds, as ProseMirror's does).
    const press = async (key) => {
      await page.keyboard.press(key);
      await page.waitForTimeout(40);
    };
    await caretToStart();
    await press('F8');
    const card = page.locator('cornerstone-card [data-testid=card]');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-cue'), 'name-misspelled');
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return inner ? `${host.localName} ${inner.dataset.testid}` : host?.localName;
    });
    assert.equal(await focused(), 'cornerstone-card card-suggestion', 'the focus is on the first phrasing');
    const selected = () => page.evaluate((box) => {
      const el = document.querySelector(box);
      return el instanceof HTMLTextAreaElement ? el.value.slice(el.selectionStart, el.selectionEnd) : document.getSelection().toString();
    }, k.box);
    assert.equal(await selected(), 'Pryia', 'the words are selected in the reply');
    // Tab and Shift+Tab stay in the card.
    await press('Tab');
    assert.equal(await focused(), 'cornerstone-card card-close');
    await press('Tab');
    assert.equal(await focused(), 'cornerstone-card card-suggestion');
    // F8 from the card: the next underline; Shift+F8: back.
    await press('F8');
    await page.waitForFunction(() => document.querySelector('cornerstone-card')?.shadowRoot.querySelector('[data-testid=card]')?.dataset.cue === 'apology-hollow');
    assert.equal(await selected(), 'apologize for any inconvenience');
    await press('F8');
    await press('F8');
    await page.waitForFunction(() => document.querySelector('cornerstone-card')?.shadowRoot.querySelector('[data-testid=card]')?.dataset.cue === 'vague-commitment');
    await press('Shift+F8');
    await page.waitForFunction(() => document.querySelector('cornerstone-card')?.shadowRoot.querySelector('[data-testid=card]')?.dataset.cue === 'sarcasm');
    // Escape: the card closes, the focus is back in the reply with the words selected.
    await press('Escape');
    assert.equal(await page.locator('cornerstone-card').count(), 0);
    assert.equal(await page.evaluate((box) => document.querySelector(box).contains(document.activeElement), k.box), true);
    // (An editor may first put back the selection it knew, as ProseMirror
    // does 20 ms after it gains the focus: the words end up selected.)
    await until(async () => (await selected()) === 'As I already explained');
    assert.equal(await selected(), 'As I already explained');
    // Enter on a phrasing applies it.
    await press('F8');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-cue'), 'sarcasm');
    await press('Enter');
    assert.equal(await page.evaluate(k.editorText), 'Hi Pryia, we apologize for any inconvenience.\nTo recap, it ships soon.');
    // The caret moved into an underlined word with the arrow keys: its card
    // shows, without taking the focus; moving on closes it.
    await caretToStart();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-cue'), 'name-misspelled');
    assert.equal(await page.evaluate((box) => document.querySelector(box).contains(document.activeElement), k.box), true, 'the focus stays in the reply');
    await page.keyboard.press('End');
    await page.waitForFunction(() => !document.querySelector('cornerstone-card'));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const kind of Object.keys(KINDS)) {
  test(`${kind}: detach removes every trace: the editor's HTML is byte-identical, the page's own highlights and stylesheets stay`, async () => {
    const { context, page, errors, k } = await open(kind);
    await type(page, k.box, ['Hi Pryia, as I already explained, it ships soon.']);
    await waitForUnderlines(page, [['warning', 'Pryia'], ['warning', 'as I already explained'], ['tip', 'soon']]);
    // The page's own highlight and constructed stylesheet, made after attach.
    await page.evaluate((box) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector(box));
      window.hostHighlight = new Highlight(range);
      CSS.highlights.set('host-search', window.hostHighlight);
      window.hostSheet = new CSSStyleSheet();
      window.hostSheet.replaceSync('::highlight(host-search) { background-color: yellow; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, window.hostSheet];
    }, k.box);
    // A card is open when the page detaches.
    const [pryia] = (await underlines(page)).filter((u) => u.text === 'Pryia');
    await page.mouse.move((pryia.rects[0].left + pryia.rects[0].right) / 2, pryia.rects[0].top + 4);
    await page.locator('cornerstone-card [data-testid=card]').waitFor();
    const html = await page.evaluate((box) => ({ box: document.querySelector(box).outerHTML, value: document.querySelector(box).value }), k.box);
    const computed = await page.evaluate((box) => getComputedStyle(document.querySelector(box)).cssText, k.box);

    await page.evaluate(() => window.Cornerstone.attached[0].detach());
    const after = await page.evaluate((box) => ({ box: document.querySelector(box).outerHTML, value: document.querySelector(box).value }), k.box);
    assert.deepEqual(after, html, "the reply box's HTML and value are exactly as they were");
    assert.equal(await page.evaluate((box) => getComputedStyle(document.querySelector(box)).cssText, k.box), computed);
    const traces = await page.evaluate(() => ({
      highlights: [...CSS.highlights.keys()],
      host: CSS.highlights.get('host-search') === window.hostHighlight && window.hostHighlight.size,
      sheets: document.adoptedStyleSheets.length,
      hostSheet: document.adoptedStyleSheets.at(-1) === window.hostSheet,
      elements: document.querySelectorAll('cornerstone-card, cornerstone-underlines, cornerstone-panel').length,
      attached: window.Cornerstone.attached.length,
    }));
    assert.deepEqual(traces, { highlights: ['host-search'], host: 1, sheets: 1, hostSheet: true, elements: 0, attached: 0 });
    // Typing goes on, uncoached.
    await page.click(k.box);
    await page.keyboard.type(' More.');
    await page.waitForTimeout(100);
    assert.deepEqual(await underlines(page), []);
    assert.equal(await page.locator('cornerstone-card').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the text model reads paragraphs, breaks, lists, white space and formatting as the agent sees them, and maps every span back exactly', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/editable.html`);
  const module = (await readdir(DIST)).find((f) => /^inplace-text-model-[0-9a-f]{16}\.js$/.test(f));
  const cases = [
    ['<p>Hi Priya,</p><p>Thanks</p>', 'Hi Priya,\nThanks'],
    ['<p>a</p><p><br></p><p>b</p>', 'a\n\nb'],
    ['<p>a<br class="ProseMirror-trailingBreak"></p><p>b</p>', 'a\nb'],
    ['<p>a<br>b</p>', 'a\nb'],
    ['<p>a<br><br></p><p>b</p>', 'a\n\nb'],
    ['<p><br></p><p>Hi</p>', '\nHi'],
    ['<ul><li>one</li><li>two<ul><li>three</li></ul></li></ul><p>after</p>', 'one\ntwo\nthree\nafter'],
    ['<ol><li data-list="bullet"><span class="ql-ui" contenteditable="false"></span>one</li><li data-list="ordered"><span class="ql-ui" contenteditable="false"></span>two</li></ol>', 'one\ntwo'],
    ['<div>  Hi\n   <b>Priya</b> ,  there </div>', 'Hi Priya , there'],
    ['Hi<div>there</div><div><br></div><div>again</div>', 'Hi\nthere\n\nagain'],
    ['<p>Hi&nbsp;&nbsp;Priya</p>', 'Hi  Priya'],
    ['<p>Hi <b>Pr</b>y<i>ia</i>!</p>', 'Hi Pryia!'],
    ['<p>Hidden<span style="display:none">secret</span> <script>x</script>shown</p>', 'Hidden shown'],
    ['<p>😀 Zoe\u0308 👍🏽 ok</p><p dir="rtl">שלום Priya, مرحبا</p>', '😀 Zoe\u0308 👍🏽 ok\nשלום Priya, مرحبا'],
    ['<p>see <img alt="😀"> here</p>', 'see 😀 here'],
    ['<pre>a  b\nc</pre><p>d</p>', 'a  b\nc\nd'],
    ['<table><tr><td>a</td><td>b</td></tr></table>', 'a\nb'],
  ];
  const results = await page.evaluate(async ({ url, cases }) => {
    const { readText } = await import(url);
    const el = document.getElementById('editor');
    const norm = (s) => s.replace(/\u00a0/g, ' ').replace(/[ \t\n\r\f]+/g, ' ');
    // The text of a range that shows: hidden elements and scripts are in
    // the DOM range but not in what the agent sees.
    const shown = (r) => {
      let out = '';
      const walker = document.createTreeWalker(r.commonAncestorContainer.nodeType === 3 ? r.commonAncestorContainer.parentNode : r.commonAncestorContainer, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const t = walker.currentNode;
        if (!r.intersectsNode(t) || t.parentElement.closest('script, [style*="none"]')) continue;
        const from = t === r.startContainer ? r.startOffset : 0;
        const to = t === r.endContainer ? r.endOffset : t.data.length;
        out += t.data.slice(from, to);
      }
      return out;
    };
    return cases.map(([html, expected]) => {
      el.innerHTML = html;
      const m = readText(el);
      const problems = [];
      const n = m.text.length;
      for (let s = 0; s < n; s++) {
        for (let e = s + 1; e <= n; e++) {
          const slice = m.text.slice(s, e);
          if (slice.includes('\n') || html.includes('<img')) continue;
          const r = m.range(s, e);
          if (!r) problems.push(`no range for ${s}..${e} "${slice}"`);
          else if (norm(shown(r)) !== norm(slice)) problems.push(`${s}..${e}: "${shown(r)}" for "${slice}"`);
        }
        // The caret at each offset maps back to it (not inside an image).
        if (m.text[s] !== '\n' && !html.includes('<img')) {
          const r = m.range(s, s + 1);
          if (r && m.offsetAt(r.startContainer, r.startOffset) !== s) problems.push(`offsetAt(${s}) = ${m.offsetAt(r.startContainer, r.startOffset)}`);
        }
      }
      return { html, text: m.text, expected, problems: problems.slice(0, 5) };
    });
  }, { url: `${server.url}${module}`, cases });
  for (const { html, text, expected, problems } of results) {
    assert.equal(text, expected, html);
    assert.deepEqual(problems, [], html);
  }
  // A word split by formatting is one range across the elements; an
  // image's alt text is the image.
  const split = await page.evaluate(async (url) => {
    const { readText } = await import(url);
    const el = document.getElementById('editor');
    el.innerHTML = '<p>Hi <b>Pr</b>y<i>ia</i>!</p><p>see <img alt="😀"> here</p>';
    const m = readText(el);
    const r = m.range(3, 8);
    const img = m.range(14, 16);
    return {
      start: [r.startContainer.parentNode.localName, r.startOffset],
      end: [r.endContainer.parentNode.localName, r.endOffset],
      img: [img.startContainer.localName, img.startOffset, img.endOffset],
      outside: m.offsetAt(document.body, 0),
      between: m.offsetAt(el, 1),
    };
  }, `${server.url}${module}`);
  assert.deepEqual(split, { start: ['b', 0], end: ['i', 2], img: ['p', 1, 2], outside: -1, between: 10 });
  await context.close();
});

test('the rich-text example page under the strict CSP: underlines and a card with no violation, and the screenshot for the README', async () => {
  const csp = await serve(DIST, { headers: { 'content-security-policy': STRICT_CSP } });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const { page, errors } = await watchedPage(context);
    await page.goto(`${csp.url}examples/helpdesk.html`);
    await page.waitForFunction(() => window.Cornerstone?.attached[0]?.report);
    await type(page, '.ql-editor', [
      'Hi Pryia,',
      '',
      'Thanks for your patience. We apologize for any inconvenience: your refund of $64.90 was issued today and will post soon.',
      'As I already explained, it shows on your statement by Friday.',
    ]);
    await waitForUnderlines(page, [
      ['warning', 'Pryia'],
      ['praise', 'Thanks'],
      ['warning', 'apologize for any inconvenience'],
      ['tip', 'soon'],
      ['warning', 'As I already explained'],
      ['praise', 'by Friday'],
    ]);
    const [sarcasm] = (await underlines(page)).filter((u) => u.text === 'As I already explained');
    await page.mouse.move(sarcasm.rects[0].left + 40, sarcasm.rects[0].top + 6);
    await page.locator('cornerstone-card [data-testid=card]').waitFor();
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'helpdesk-richtext.png') });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.equal(await page.locator('script:not([src])').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await csp.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no accessibility violation with a hint card open (${colorScheme})`, async () => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`${server.url}examples/helpdesk.html`);
    await page.waitForFunction(() => window.Cornerstone?.attached[0]?.report);
    await type(page, '.ql-editor', ['Hi Pryia, as I already explained, it ships soon.']);
    await waitForUnderlines(page, [['warning', 'Pryia'], ['warning', 'as I already explained'], ['tip', 'soon']]);
    await page.keyboard.press('F8');
    await page.locator('cornerstone-card [data-testid=card]').waitFor();
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(summary, []);
    // The card was checked, not skipped.
    assert.ok(result.passes.some((p) => p.nodes.some((n) => JSON.stringify(n.target).includes('cornerstone-card'))), 'axe looked into the card');
    await context.close();
  });
}

test('options: underlines off, or issues only; the declarative attribute on an editor created later and on a contenteditable element', async () => {
  const { context, page, k } = await open('bare', { underlines: false });
  await type(page, k.box, ['Hi Pryia, thanks so much, it ships soon.']);
  await page.locator('#hints cornerstone-panel [data-testid=summary]').filter({ hasText: '1 thing to fix before sending' }).waitFor();
  assert.deepEqual(await underlines(page), []);
  assert.equal(await page.evaluate(() => [...CSS.highlights.keys()].length), 0);
  await page.evaluate(() => window.Cornerstone.attached[0].detach());
  await page.evaluate(() => window.Cornerstone.attach(document.getElementById('editor'), { customerName: 'Priya Raman', panel: false, underlines: 'issues' }).ready);
  await waitForUnderlines(page, [['warning', 'Pryia'], ['tip', 'soon']]);
  assert.equal(await page.locator('cornerstone-panel').count(), 0, 'panel: false shows no panel');
  await page.evaluate(() => window.Cornerstone.attached[0].detach());
  await page.evaluate(() => window.Cornerstone.attach(document.getElementById('editor'), { customerName: 'Priya Raman', panel: false }).ready);
  await waitForUnderlines(page, [['warning', 'Pryia'], ['praise', 'thanks so much'], ['tip', 'soon']]);
  await assert.rejects(page.evaluate(() => window.Cornerstone.attach(document.body, { underlines: 'yes' })), /options.underlines must be true, false or 'issues'/);
  await context.close();

  // A container marked data-cornerstone whose editor is made after the
  // module has run: attached when the editable element appears.
  const declared = await browser.newContext();
  const p = await declared.newPage();
  await p.goto(`${server.url}fixtures/quill.html`);
  await p.waitForFunction(() => window.editorReady && window.Cornerstone);
  await p.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'later';
    div.dataset.cornerstone = '';
    div.dataset.customerName = 'Priya Raman';
    div.dataset.cornerstonePanel = 'none';
    document.body.append(div);
    setTimeout(() => { window.later = new window.Quill('#later'); }, 50);
  });
  await p.waitForFunction(() => window.Cornerstone.attached.length === 1);
  assert.equal(await p.evaluate(() => window.Cornerstone.attached[0].target === window.later.root), true);
  await p.click('#later .ql-editor');
  await p.keyboard.type('Hi Pryia.');
  await waitForUnderlines(p, [['warning', 'Pryia']]);
  // A marked contenteditable element itself, added later.
  await p.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'plain';
    div.contentEditable = 'true';
    div.dataset.cornerstone = '';
    div.dataset.customerName = 'Priya Raman';
    div.dataset.cornerstoneUnderlines = 'issues';
    div.textContent = 'Thanks so much, Pryia.';
    document.body.append(div);
  });
  await p.waitForFunction(() => window.Cornerstone.attached.length === 2 && window.Cornerstone.attached[1].report);
  assert.equal(await p.evaluate(() => window.Cornerstone.attached[1].target.id), 'plain');
  await waitForUnderlines(p, [['warning', 'Pryia'], ['warning', 'Pryia']]);
  assert.equal(await p.locator('#plain + cornerstone-panel').count(), 1, 'the panel right after it');
  await declared.close();
});

test('the textarea layer follows the textarea: scrolling, resizing, a new font and wrapping', async () => {
  const { context, page, errors, k } = await open('textarea');
  const filler = 'The parcel left the depot this morning and the courier has it now. ';
  await page.click(k.box);
  // Markup in the reply is copied as text, never as HTML.
  await page.keyboard.insertText(`${filler.repeat(6)}Hi Pryia, as I already explained, it ships today. <img src=x onerror="window.__pwned=1">`);
  await waitForUnderlines(page, [['warning', 'Pryia'], ['warning', 'as I already explained']]);
  assert.equal(await page.evaluate(() => document.querySelector('cornerstone-underlines').shadowRoot.querySelectorAll('img').length), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const agrees = async (what) => {
    await page.$eval(k.box, (t) => { t.scrollTop = t.scrollHeight; });
    await selectIndependently(page, k.box, 'as I already explained');
    const box = await page.locator(k.box).boundingBox();
    const painted = await colourIn(page, { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.ceil(box.height) }, [0, 255, 0], 30);
    const [u] = (await underlines(page)).filter((w) => w.text === 'as I already explained');
    const visible = u.rects.filter((r) => r.bottom > box.y && r.top < box.y + box.height);
    assert.ok(painted.count > 0 && visible.length > 0, `${what}: the words are in view`);
    const left = Math.min(...visible.map((r) => r.left));
    const right = Math.max(...visible.map((r) => r.right));
    const middle = (visible[0].top + visible[0].bottom) / 2;
    assert.ok(Math.abs(left - painted.left) <= 2 && Math.abs(right - painted.right) <= 2 && middle > painted.top && middle < painted.bottom,
      `${what}: underline ${left}..${right} at ${middle}, words painted at ${painted.left}..${painted.right}, ${painted.top}..${painted.bottom}`);
  };
  await agrees('scrolled to the end');
  assert.ok(await page.$eval(k.box, (t) => t.scrollTop) > 0, 'the textarea scrolls');
  await page.$eval(k.box, (t) => { t.style.width = '380px'; t.style.height = '260px'; });
  await agrees('resized, so the lines wrap elsewhere');
  await page.$eval(k.box, (t) => { t.style.font = '20px/1.7 "DejaVu Serif", serif'; t.style.padding = '14px 20px'; });
  await agrees('in another font and padding');
  await page.$eval(k.box, (t) => { t.setAttribute('dir', 'rtl'); });
  await agrees('right to left');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the vendored Quill of the example page is the npm package, but for its source-map comments', async () => {
  const strip = (s) => s.replace(/\/\/# sourceMappingURL=\S+|\/\*# sourceMappingURL=\S+ ?\*\//g, '');
  for (const file of ['quill.js', 'quill.snow.css']) {
    const vendored = await readFile(join(ROOT, 'examples', 'vendor', 'quill', file), 'utf8');
    const npm = await readFile(join(QUILL_DIST, file), 'utf8');
    assert.equal(strip(vendored), strip(npm), file);
  }
});
