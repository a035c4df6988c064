// End-to-end: an agent using the release build in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openApp, ROOT } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const SHOTS = join(ROOT, 'docs', 'screenshots');

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
  await mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// The story helpers.
const typeDraft = (page, text) => page.fill('[data-testid=draft]', text);
const setName = (page, name) => page.fill('[data-testid=customer-name]', name);
const highlightedTexts = (page) => page.locator('[data-testid=highlights] mark').allTextContents();
const highlightedCues = (page) => page.locator('[data-testid=highlights] mark').evaluateAll((ms) => ms.map((m) => m.dataset.cue));
const hintCues = (page) => page.locator('[data-testid=hint]').evaluateAll((hs) => hs.map((h) => h.dataset.cue));
const hint = (page, cue) => page.locator(`[data-testid=hint][data-cue=${cue}]`).first();
const selectedText = (page) => page.$eval('[data-testid=draft]', (t) => t.value.slice(t.selectionStart, t.selectionEnd));
const draftValue = (page) => page.$eval('[data-testid=draft]', (t) => t.value);

test('typing a draft highlights the words and lists the hints per cornerstone', async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await setName(page, 'Priya Raman');
  await page.click('[data-testid=draft]');
  await page.keyboard.type('Hi Pryia, we apologize for any inconvenience. As I already explained, no.');
  assert.deepEqual(await highlightedTexts(page), ['Pryia', 'apologize for any inconvenience', 'As I already explained']);
  assert.deepEqual(await highlightedCues(page), ['name-misspelled', 'apology-hollow', 'sarcasm']);
  const cues = await hintCues(page);
  for (const cue of ['name-misspelled', 'apology-hollow', 'sarcasm']) assert.ok(cues.includes(cue), `hint ${cue} in ${cues}`);
  assert.equal(await page.textContent('[data-testid=summary]'), '3 things to fix before sending');
  assert.equal(await page.getAttribute('[data-testid=cornerstone-respect]', 'data-status'), 'needs-work');
  const respectHints = await page.locator('[data-testid=cornerstone-respect] [data-testid=hint]').evaluateAll((hs) => hs.map((h) => h.dataset.cue));
  assert.deepEqual(respectHints.slice(0, 3), ['name-misspelled', 'apology-hollow', 'sarcasm'], 'warnings first, in text order');
  assert.deepEqual(errors, []);
  await context.close();
});

test('highlights match the span text and the layout of the draft, also after emoji, CJK and RTL', async () => {
  const { context, page } = await openApp(browser, server.url);
  const text = '😀👍🏽 王伟 שלום Sorry, but that\'s policy.\nAs I already explained!!';
  await typeDraft(page, text);
  assert.deepEqual(await highlightedTexts(page), ['Sorry, but', 'that\'s policy', 'As I already explained', '!!']);
  // The layer repeats the draft exactly (plus a zero-width space that keeps
  // a trailing empty line), with the same metrics.
  const layer = await page.$eval('[data-testid=highlights]', (d) => d.textContent);
  assert.equal(layer, `${text}\u200b`);
  const metrics = await page.evaluate(() => {
    const pick = (el) => { const s = getComputedStyle(el); return [s.fontFamily, s.fontSize, s.lineHeight, s.paddingLeft, s.paddingTop, s.borderLeftWidth, s.whiteSpace, s.overflowWrap, s.width]; };
    return [pick(document.querySelector('[data-testid=draft]')), pick(document.querySelector('[data-testid=highlights]'))];
  });
  assert.deepEqual(metrics[0], metrics[1]);
  await context.close();
});

test('clicking a hint selects its words in the draft', async () => {
  const { context, page } = await openApp(browser, server.url);
  await typeDraft(page, '👋 Thanks! As I already explained, the refund is on its way.');
  await hint(page, 'sarcasm').locator('[data-testid=hint-select]').click();
  assert.equal(await selectedText(page), 'As I already explained');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'draft');
  await context.close();
});

test('a hint far from the part of a long draft in view scrolls the draft to its words', async () => {
  // The usability review: the words were selected out of sight.
  const { context, page } = await openApp(browser, server.url);
  const filler = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}: the settings page lists every device linked to your profile.`).join('\n');
  await typeDraft(page, `Hi Priya,\n\nSorry for any inconvenience.\n\n${filler}\n\nYour refund is guaranteed.\n\nSam`);
  await hint(page, 'over-promise').waitFor();
  const view = () => page.$eval('[data-testid=draft]', (t) => ({ top: t.scrollTop, max: t.scrollHeight - t.clientHeight }));
  await page.$eval('[data-testid=draft]', (t) => { t.scrollTop = 0; });
  await hint(page, 'over-promise').locator('[data-testid=hint-select]').click();
  assert.equal(await selectedText(page), 'guaranteed');
  const bottom = await view();
  assert.ok(bottom.max > 200 && bottom.top > bottom.max - 150, `scrolled down to the words: ${JSON.stringify(bottom)}`);
  // The highlights follow the textarea's scroll.
  await page.waitForFunction(() => document.querySelector('[data-testid=highlights]').scrollTop === document.querySelector('[data-testid=draft]').scrollTop);
  await hint(page, 'apology-hollow').locator('[data-testid=hint-select]').click();
  assert.equal(await selectedText(page), 'Sorry for any inconvenience');
  assert.ok((await view()).top < 60, 'scrolled back up to the words');
  await context.close();
});

test('Clear starts the next reply: draft, name and message go, and Undo brings all three back', async () => {
  // The usability review: the last customer's name greeted the next one,
  // and the message could not be brought back.
  const { context, page } = await openApp(browser, server.url);
  const fields = () => page.evaluate(() => [
    document.querySelector('[data-testid=draft]').value,
    document.querySelector('[data-testid=customer-name]').value,
    document.querySelector('[data-testid=customer-message]').value,
  ]);
  await setName(page, 'Priya Raman');
  await page.click('[data-testid=message-field] summary');
  await page.fill('[data-testid=customer-message]', 'Where is my order 4471?');
  await typeDraft(page, 'Hi Priya, it ships today.');
  await page.click('[data-testid=clear]');
  assert.deepEqual(await fields(), ['', '', '']);
  assert.match(await page.textContent('[data-testid=toolbar-status]'), /Cleared the draft, the customer's name and their message/);
  await page.click('[data-testid=undo-replace]');
  assert.deepEqual(await fields(), ['Hi Priya, it ships today.', 'Priya Raman', 'Where is my order 4471?']);
  assert.equal(await page.locator('[data-testid=undo-replace]').count(), 0);
  // Once the agent types the next reply, the offer goes: Undo would lose it.
  await page.click('[data-testid=clear]');
  await typeDraft(page, 'Hi Tom, thanks for waiting.');
  assert.equal(await page.locator('[data-testid=undo-replace]').count(), 0);
  // The example replaces what the agent entered, and offers it back.
  await typeDraft(page, '');
  await setName(page, 'Tom Baker');
  await page.click('[data-testid=try-example]');
  assert.equal(await page.inputValue('[data-testid=customer-name]'), 'Priya Raman');
  await page.click('[data-testid=undo-replace]');
  assert.deepEqual(await fields(), ['', 'Tom Baker', '']);
  await context.close();
});

test('the customer\'s highlighted words stay under their text after a paste scrolls the message', async () => {
  // The usability review: every mark two lines low after a paste.
  const { context, page } = await openApp(browser, server.url);
  await page.click('[data-testid=message-field] summary');
  const message = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} of my story about the broken router.`).join('\n')
    + '\nMy ticket is RT-88213-X. When will the engineer come? I am so frustrated.';
  await page.click('[data-testid=customer-message]');
  await page.keyboard.insertText(message);
  await typeDraft(page, 'Hi Sam, could you send me your ticket number?');
  await page.locator('[data-testid=message-highlights] mark').first().waitFor();
  const scrolls = await page.evaluate(() => [document.querySelector('[data-testid=customer-message]').scrollTop, document.querySelector('[data-testid=message-highlights]').scrollTop]);
  assert.ok(scrolls[0] > 0, 'the message is scrolled');
  assert.equal(scrolls[1], scrolls[0]);
  await context.close();
});

test('hints beyond the first three of a kind are counted, and "Show" lists them', async () => {
  // The usability review: "and 2 more like this" could not be opened.
  const { context, page } = await openApp(browser, server.url);
  await setName(page, 'Priya Raman');
  await typeDraft(page, 'Hi Priya, we will call soon. We will email soon. We will fix it soon. We will refund it soon. We will ship it soon.');
  const section = page.locator('[data-testid=cornerstone-dependable]');
  const vague = section.locator('[data-testid=hint][data-cue=vague-commitment]');
  await section.locator('[data-testid=more-hints]').waitFor();
  assert.equal(await vague.count(), 3);
  assert.equal(await section.locator('[data-testid=more-hints]').textContent(), 'and 2 more like this Show 2');
  await section.locator('[data-testid=show-more-hints]').click();
  assert.equal(await vague.count(), 5);
  assert.equal(await section.locator('[data-testid=more-hints]').count(), 0);
  await context.close();
});

test('on a phone the summary stays beside the draft, with a link down to the coaching', async () => {
  // The usability review: at 390 px the coaching began below the screen.
  const { context, page } = await openApp(browser, server.url, { viewport: { width: 390, height: 844 } });
  await setName(page, 'Priya Raman');
  await typeDraft(page, 'Hi Priya, sorry for any inconvenience. We will call you soon.');
  const compact = page.locator('[data-testid=compact-summary]');
  await compact.waitFor();
  assert.match(await compact.textContent(), /^1 thing to fix before sending See the coaching$/);
  const box = await compact.boundingBox();
  assert.ok(box && box.y + box.height <= 844, `in view: ${JSON.stringify(box)}`);
  await context.close();
  const wide = await openApp(browser, server.url);
  await typeDraft(wide.page, 'Hi Priya, sorry for any inconvenience.');
  await wide.page.locator('[data-testid=hint]').first().waitFor();
  assert.equal(await wide.page.locator('[data-testid=compact-summary]').isVisible(), false, 'beside the panel it is not repeated');
  await wide.context.close();
});

test('applying a better phrasing replaces just those words, and Ctrl+Z undoes it', async () => {
  const { context, page } = await openApp(browser, server.url);
  await setName(page, 'Priya Raman');
  await typeDraft(page, 'Hi Pryia, your parcel ships today.');
  await hint(page, 'name-misspelled').locator('[data-testid=apply-suggestion]').click();
  assert.equal(await draftValue(page), 'Hi Priya, your parcel ships today.');
  assert.ok((await hintCues(page)).includes('name-used'));
  await page.focus('[data-testid=draft]');
  await page.keyboard.press('Control+z');
  assert.equal(await draftValue(page), 'Hi Pryia, your parcel ships today.');
  assert.ok((await hintCues(page)).includes('name-misspelled'));
  await context.close();
});

test('copy puts the reply on the clipboard', async () => {
  const { context, page } = await openApp(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await typeDraft(page, 'Hi Sam, thanks for waiting! 😀');
  await page.click('[data-testid=copy]');
  await page.waitForFunction(() => document.querySelector('[data-testid=toolbar-status]').textContent.includes('Copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'Hi Sam, thanks for waiting! 😀');
  await context.close();
});

test('a reload keeps the draft and name in session storage only; clearing removes them', async () => {
  const { context, page } = await openApp(browser, server.url);
  await setName(page, 'Zoë');
  await typeDraft(page, 'Hi Zoe, your refund is on its way.');
  await page.reload();
  await page.waitForSelector('[data-testid=draft]');
  assert.equal(await draftValue(page), 'Hi Zoe, your refund is on its way.');
  assert.equal(await page.inputValue('[data-testid=customer-name]'), 'Zoë');
  assert.deepEqual(await highlightedTexts(page), ['Zoe']);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
  await page.click('[data-testid=clear]');
  assert.equal(await draftValue(page), '');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('cornerstone.draft')), null);
  await page.focus('[data-testid=draft]');
  await page.keyboard.press('Control+z');
  assert.equal(await draftValue(page), 'Hi Zoe, your refund is on its way.', 'clearing can be undone');
  await context.close();
});

test('an empty draft explains itself and offers an example', async () => {
  const { context, page } = await openApp(browser, server.url);
  assert.match(await page.textContent('[data-testid=empty-state]'), /Paste or type/);
  await page.click('[data-testid=try-example]');
  assert.match(await draftValue(page), /^Hi Pryia,/);
  assert.equal(await page.inputValue('[data-testid=customer-name]'), 'Priya Raman');
  assert.ok((await hintCues(page)).length >= 5);
  await page.click('[data-testid=about] summary');
  assert.match(await page.textContent('[data-testid=about]'), /Proactive, not reactive/);
  await context.close();
});

test('no request leaves the page\'s own origin', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=draft]');
  await page.click('[data-testid=try-example]');
  await typeDraft(page, 'Hi Priya, here is https://example.com/x and <img src="https://evil.example/p.png">');
  await page.waitForTimeout(300);
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.ok(requests.length >= 3, `${requests.length} requests`);
  await context.close();
});

test('script and markup in the draft and name are shown as text, never run', async () => {
  const { context, page } = await openApp(browser, server.url);
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Sorry, but <b>no</b>';
  await setName(page, '<svg onload="window.__pwned=3">');
  await typeDraft(page, payload);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('main img, main script, main svg, main b').count(), 0);
  assert.equal(await page.$eval('[data-testid=highlights]', (d) => d.textContent), `${payload}\u200b`);
  assert.ok((await page.textContent('[data-testid=cornerstone-respect]')).includes('Sorry, but'));
  await context.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no accessibility violations (${colorScheme})`, async () => {
    const { context, page } = await openApp(browser, server.url, { colorScheme });
    await page.click('[data-testid=try-example]');
    await page.click('[data-testid=about] summary');
    await page.screenshot({ path: join(SHOTS, `app-${colorScheme}.png`), fullPage: true });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    assert.deepEqual(summary, []);
    await context.close();
  });
}

test('works at 360 px wide with no horizontal scrolling', async () => {
  const { context, page } = await openApp(browser, server.url, { viewport: { width: 360, height: 740 } });
  await page.click('[data-testid=try-example]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
  const box = await page.locator('[data-testid=draft]').boundingBox();
  assert.ok(box.width >= 280 && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
  await page.screenshot({ path: join(SHOTS, 'app-360.png'), fullPage: true });
  await context.close();
});

test('keyboard alone reaches the name, the draft, the hints and their suggestions', async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.click('[data-testid=try-example]');
  await page.focus('[data-testid=customer-name]');
  const seen = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.dataset.testid));
  }
  assert.deepEqual(seen.slice(0, 3), ['draft', 'copy', 'clear']);
  assert.ok(seen.includes('hint-select'), seen.join(','));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await context.close();
});

test('the panel announces the summary politely, after typing pauses', async () => {
  const { context, page } = await openApp(browser, server.url);
  assert.equal(await page.getAttribute('[data-testid=announcer]', 'aria-live'), 'polite');
  await page.click('[data-testid=draft]');
  await page.keyboard.type('As I already explained, no', { delay: 20 });
  assert.notEqual(await page.textContent('[data-testid=announcer]'), '1 thing to fix before sending', 'not on every keystroke');
  await page.waitForFunction(() => document.querySelector('[data-testid=announcer]').textContent === '1 thing to fix before sending', null, { timeout: 3000 });
  await context.close();
});

test('works when served from a sub-path, as on an intranet', async () => {
  const sub = await serve(undefined, { prefix: '/tools/cornerstone/' });
  try {
    const { context, page, errors } = await openApp(browser, sub.url);
    await typeDraft(page, 'Sorry, but no.');
    assert.deepEqual(await highlightedTexts(page), ['Sorry, but']);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await sub.close();
  }
});
