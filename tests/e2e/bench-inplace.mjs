// Benchmark (not a test): keystroke to underlines painted, in the host's own
// editor: TipTap (ProseMirror) and Quill, from npm, with the standard texts
// of ../shared/bench as the draft, and a textarea for comparison. Each
// keystroke is a real key press (Chromium's input path, then the editor's
// own handling, the text model, the analysis, the panel and the repaint).
// Run: (cd tests/e2e && npm run bench:inplace) after `./scripts/build.sh`.
//
// Measured from the keydown event's timestamp (when the browser took the
// key) to the User Timing mark the embed leaves once it has repainted the
// underlines of the new text's analysis. NO_PANEL=1: without the panel.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, DIST, ROOT } from './harness.mjs';
import { editorMounts } from './editors.mjs';

const BENCH = join(ROOT, '..', 'shared', 'bench');
const KEYSTROKES = 60;
const WARMUP = 5;

const server = await serve(DIST, { mounts: await editorMounts() });
const browser = await launch();
const rows = [];
try {
  for (const kind of ['tiptap', 'quill', 'textarea']) {
    for (const name of ['reply150', 'doc1000', 'doc10000']) {
      const text = (await readFile(join(BENCH, `${name}.txt`), 'utf8')).trimEnd();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}fixtures/${kind === 'textarea' ? 'editable' : kind}.html`);
      await page.waitForFunction(() => window.Cornerstone && (window.editorReady || document.getElementById('reply')));
      // The draft, put in by the editor itself, the caret at its end.
      await page.evaluate(async ({ kind, text, panel }) => {
        const paragraphs = text.split('\n');
        const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        let box;
        if (kind === 'tiptap') {
          window.editor.commands.setContent(paragraphs.map((p) => (p ? `<p>${esc(p)}</p>` : '<p></p>')).join(''));
          box = window.editor.view.dom;
        } else if (kind === 'quill') {
          window.quill.setText(text);
          box = window.quill.root;
        } else {
          box = document.getElementById('reply');
          box.value = text;
        }
        await window.Cornerstone.attach(box, { customerName: 'James', panel: panel && document.getElementById('hints') }).ready;
        box.focus();
        if (kind === 'tiptap') window.editor.commands.focus('end');
        else if (kind === 'quill') window.quill.setSelection(window.quill.getLength() - 1, 0);
        else box.setSelectionRange(box.value.length, box.value.length);
      }, { kind, text, panel: !process.env.NO_PANEL });
      await page.waitForFunction(() => performance.getEntriesByName('cornerstone:underlines').some((m) => m.detail.fresh));
      await page.waitForTimeout(500);
      await page.evaluate(() => {
        window.times = [];
        let pending = null;
        addEventListener('keydown', (e) => {
          pending = { t0: e.timeStamp, want: window.Cornerstone.attached[0].text.length + 1 };
        }, true);
        new PerformanceObserver((list) => {
          for (const m of list.getEntries()) {
            if (pending && m.detail.fresh && m.detail.length >= pending.want) {
              const { t0 } = pending;
              pending = null;
              window.times.push(m.startTime - t0);
            }
          }
        }).observe({ type: 'mark' });
      });
      for (let i = 0; i < KEYSTROKES + WARMUP; i++) {
        const before = await page.evaluate(() => window.times.length);
        await page.keyboard.press(i % 5 === 4 ? 'Space' : 'KeyX');
        await page.waitForFunction((n) => window.times.length > n, before, { timeout: 10000 });
        await page.waitForTimeout(30);
      }
      const times = await page.evaluate(() => window.times);
      const words = text.split(/\s+/).filter(Boolean).length;
      rows.push(`| ${kind === 'textarea' ? 'textarea' : kind === 'tiptap' ? 'TipTap (ProseMirror)' : 'Quill'} | ${words} | ${fmt(times.slice(WARMUP))} |`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`| reply box | words | keystroke to underlines painted, median / p95 of ${KEYSTROKES} |`);
console.log('|---|---:|---|');
for (const row of rows) console.log(row);

function fmt(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  const p95 = s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)];
  return `${median.toFixed(1)} ms / ${p95.toFixed(1)} ms`;
}
