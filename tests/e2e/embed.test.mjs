// End-to-end: Cornerstone embedded in a team's own pages: attach/detach on
// the example intranet ticket page, Cornerstone.analyze, the declarative
// attribute, and the iframe mode with allowed and refused origins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, FIXTURES, ROOT } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve(DIST, { mounts: { 'fixtures/': FIXTURES } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const panel = (page, within = 'cornerstone-panel') => page.locator(within).first();
const panelCues = (page, within) => panel(page, within).locator('[data-testid=hint]').evaluateAll((hs) => hs.map((h) => h.dataset.cue));
const panelSummary = (page, within) => panel(page, within).locator('[data-testid=summary]');

/** Computed styles of some elements, by selector, for before/after comparisons. */
const styles = (page, selectors, props) => page.evaluate(([sels, ps]) => Object.fromEntries(sels.map((s) => {
  const el = document.querySelector(s);
  const cs = getComputedStyle(el);
  return [s, Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]))];
})), [selectors, props]);
const HOST_ELEMENTS = ['body', 'h1', 'h2', 'p', 'button', 'textarea', '.sidebar', 'label'];
const PROPS = ['font-family', 'font-size', 'color', 'background-color', 'text-transform', 'padding-top', 'margin-top', 'border-top-width', 'line-height', 'display'];

/** The panel's own look, inside its shadow root. */
const panelStyles = (page) => page.evaluate((ps) => {
  const root = document.querySelector('cornerstone-panel').shadowRoot;
  const pick = (sel) => {
    const cs = getComputedStyle(root.querySelector(sel));
    return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
  };
  return { summary: pick('[data-testid=summary]'), title: pick('h2'), hint: pick('.hint-main'), section: pick('.panel') };
}, PROPS);

const ticket = () => `${server.url}examples/intranet.html`;
const ready = (page) => page.waitForFunction(() => window.Cornerstone?.attached[0]?.report);

test('on the intranet ticket page the panel coaches the reply box live and follows the customer-name field', async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(ticket());
  await ready(page);
  // The panel sits in the sidebar, in a shadow root.
  assert.equal(await page.evaluate(() => document.querySelector('#coach > cornerstone-panel')?.shadowRoot?.mode), 'open');
  await page.click('#reply');
  await page.keyboard.type('Hi Priya, as I already explained, your refund was re-queued. It will post by Friday.');
  await panelSummary(page).filter({ hasText: '1 thing to fix before sending' }).waitFor();
  assert.deepEqual((await panelCues(page)).slice(0, 3), ['sarcasm', 'repeat-contact-unacknowledged', 'name-used']);
  // The reply is read against the customer's message on the ticket
  // (customerMessageFrom: '#customer-message', a paragraph).
  assert.equal(await panel(page).locator('[data-testid=relation]').textContent(), "Doesn't acknowledge they have been in touch before");
  await panel(page).locator('[data-testid=hint][data-cue=repeat-contact-unacknowledged] [data-testid=hint-select]').click();
  assert.equal(await page.evaluate(() => window.getSelection().toString()), 'second time I');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'embed-intranet.png') });

  // The name field is followed as the agent edits it.
  await page.fill('#customer-name', 'Sam Lee');
  await panelSummary(page).filter({ hasText: '2 things to fix before sending' }).waitFor();
  assert.ok((await panelCues(page)).includes('name-mismatch'));

  // A hint selects its words in the host's textarea.
  await panel(page).locator('[data-testid=hint][data-cue=sarcasm] [data-testid=hint-select]').click();
  assert.equal(await page.$eval('#reply', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'as I already explained');
  // The handle's report is the CLI's JSON shape.
  const report = await page.evaluate(() => window.Cornerstone.attached[0].report);
  assert.deepEqual(report.findings.map((f) => f.cue).slice(0, 2), ['name-mismatch', 'sarcasm']);
  assert.equal(report.findings[1].text, 'as I already explained');
  assert.deepEqual(errors, []);
  await context.close();
});

test('applying a suggestion in the panel edits the host textarea so that Ctrl+Z undoes it', async () => {
  const context = await browser.newContext();
  const { page } = await watchedPage(context);
  await page.goto(ticket());
  await ready(page);
  await page.click('#reply');
  await page.keyboard.type('Hi Pryia, your refund posts on Friday.');
  const apply = panel(page).locator('[data-testid=hint][data-cue=name-misspelled] [data-testid=apply-suggestion]');
  await apply.waitFor();
  const before = await page.inputValue('#reply');
  await apply.click();
  assert.equal(await page.inputValue('#reply'), 'Hi Priya, your refund posts on Friday.');
  await page.focus('#reply');
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#reply'), before);
  await context.close();
});

test('the host page styles do not reach the panel, the panel styles do not reach the page, and detach leaves the page as it was', async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);

  // The page as its authors wrote it, with Cornerstone never loaded.
  const blocked = await context.newPage();
  await blocked.route('**/cornerstone-embed.js', (r) => r.abort());
  await blocked.goto(ticket());
  const pristine = await styles(blocked, HOST_ELEMENTS, PROPS);
  const markup = await blocked.evaluate(() => document.body.innerHTML);
  await blocked.close();

  // The same panel on a page with no styles of its own.
  await page.goto(`${server.url}fixtures/bare.html`);
  await page.evaluate(() => window.Cornerstone.attach(document.getElementById('reply')).ready);
  await page.fill('#reply', 'Hi Priya, your refund posts by Friday.');
  await panelSummary(page).filter({ hasText: 'Ready to send' }).waitFor();
  const plain = await panelStyles(page);

  await page.goto(ticket());
  await ready(page);
  await page.fill('#reply', 'Hi Priya, your refund posts by Friday.');
  await panelSummary(page).filter({ hasText: 'Ready to send' }).waitFor();
  assert.deepEqual(await styles(page, HOST_ELEMENTS, PROPS), pristine, 'the panel changes no style of the host page');
  assert.deepEqual(await panelStyles(page), plain, 'the host page changes no style of the panel');
  assert.notEqual(plain.title['font-family'], 'Georgia, serif');
  assert.equal(plain.title['text-transform'], 'none');

  // Detach: the toggle of the example page calls handle.detach().
  await page.uncheck('#coach-toggle');
  assert.equal(await page.locator('cornerstone-panel').count(), 0);
  assert.equal(await page.evaluate(() => document.body.innerHTML), markup, 'the markup is exactly the original');
  assert.deepEqual(await styles(page, HOST_ELEMENTS, PROPS), pristine);
  assert.deepEqual(await page.evaluate(() => window.Cornerstone.attached.length), 0);
  // The textarea is the host's again: typing changes nothing else.
  await page.fill('#reply', 'Still typing, uncoached.');
  assert.equal(await page.locator('cornerstone-panel').count(), 0);
  // And it attaches again.
  await page.check('#coach-toggle');
  await ready(page);
  await panelSummary(page).filter({ hasText: 'Ready to send' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Cornerstone.analyze resolves to the same JSON as cornerstone check --format json', async () => {
  const draft = 'Hi Pryia, we apologize for any inconvenience 😀. As I already explained, it is YOUR fault!!';
  const cli = spawnSync('cargo', ['run', '--quiet', '-p', 'cornerstone-cli', '--', 'check', '--format', 'json', '--customer-name', 'Priya Raman'],
    { cwd: ROOT, input: draft, encoding: 'utf8' });
  assert.equal(cli.status, 1, cli.stderr);
  const expected = JSON.parse(cli.stdout);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/bare.html`);
  await page.waitForFunction(() => window.Cornerstone);
  const got = await page.evaluate((d) => window.Cornerstone.analyze(d, { customerName: 'Priya Raman' }), draft);
  assert.deepEqual(got, expected);
  assert.deepEqual(got.findings.map((f) => f.text).slice(0, 2), ['Pryia', 'apologize for any inconvenience']);

  // With the customer's message: the same JSON as --customer-message.
  const message = 'Hi, my order #A-55321 is late 😀 and I am worried. When will it arrive?\nThanks,\nPriya';
  const file = join(mkdtempSync(join(tmpdir(), 'cornerstone-e2e-')), 'message.txt');
  writeFileSync(file, message);
  const reply = 'Hello, could you send us your order number?';
  const withMessage = spawnSync('cargo', ['run', '--quiet', '-p', 'cornerstone-cli', '--', 'check', '--format', 'json', '--customer-message', file],
    { cwd: ROOT, input: reply, encoding: 'utf8' });
  assert.equal(withMessage.status, 1, withMessage.stderr);
  const fromMessage = await page.evaluate(([r, m]) => window.Cornerstone.analyze(r, { customerMessage: m }), [reply, message]);
  assert.deepEqual(fromMessage, JSON.parse(withMessage.stdout));
  assert.deepEqual(fromMessage.customer_name, { name: 'Priya', source: 'message' });
  const again = fromMessage.findings.find((f) => f.cue === 'details-asked-again');
  assert.deepEqual([again.text, again.context.text, again.context.start_utf16, again.context.in], ['could you send us your order number', 'A-55321', 14, 'message']);

  // Bad input gets a clear message.
  await assert.rejects(page.evaluate(() => window.Cornerstone.analyze('hi', { customerMessage: 7 })), /customerMessage must be a string/);
  await assert.rejects(page.evaluate(() => window.Cornerstone.attach(document.getElementById('reply'), { customerMessageFrom: '#nope' })), /matches no element/);
  await assert.rejects(page.evaluate(() => window.Cornerstone.analyze(42)), /the text must be a string/);
  await assert.rejects(page.evaluate(() => window.Cornerstone.analyze('Hi Priya', { customerName: 42 })), /Cornerstone.analyze: options.customerName must be a string/);
  await assert.rejects(page.evaluate(() => window.Cornerstone.analyze('Hi Priya', { customerName: {} })), /options.customerName must be a string/);
  await assert.rejects(page.evaluate(() => window.Cornerstone.attach(document.body)), /must be a <textarea>, an editable element \(contenteditable\) or an element containing one/);
  await context.close();
});

test('textareas marked data-cornerstone are coached as soon as the module is imported, and follow fields the page sets or renders again', async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(`${server.url}fixtures/declarative.html`);
  await page.waitForFunction(() => window.Cornerstone?.attached.length === 3 && window.Cornerstone.attached.every((h) => h.report));
  // #a: the name from data-customer-name; the panel right after the textarea.
  assert.equal(await page.evaluate(() => document.getElementById('a').nextElementSibling.localName), 'cornerstone-panel');
  assert.deepEqual(await page.evaluate(() => window.Cornerstone.attached[0].report.findings.map((f) => [f.cue, f.text])).then((f) => f[0]), ['name-misspelled', 'Pryia']);
  // #b: the name followed from its field; the panel in the element named.
  await page.fill('#b', 'Hi Priya, done.');
  await panelSummary(page, '#hints-b cornerstone-panel').filter({ hasText: '1 thing to fix before sending' }).waitFor();
  assert.ok((await panelCues(page, '#hints-b cornerstone-panel')).includes('name-mismatch'));
  await page.fill('#name-b', 'Priya');
  await panelSummary(page, '#hints-b cornerstone-panel').filter({ hasText: 'Ready to send' }).waitFor();
  // #d: read against the message typed in #msg-d, followed live.
  await page.fill('#msg-d', "Where is my order #A-55321? I'm so annoyed.");
  await page.fill('#d', 'Hi, could you send your order number?');
  const relation = panel(page, '#hints-d cornerstone-panel').locator('[data-testid=relation]');
  await relation.filter({ hasText: 'asks again for the order number' }).waitFor();
  assert.equal(await relation.textContent(), "Answers their question; doesn't acknowledge their frustration; asks again for the order number");
  // The customer's words are selected in their message field.
  await panel(page, '#hints-d cornerstone-panel').locator('[data-testid=hint][data-cue=details-asked-again] [data-testid=hint-context-select]').click();
  assert.equal(await page.$eval('#msg-d', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'A-55321');
  // The page's own script sets the name field (no input event): read again
  // as soon as the agent is back in the reply box.
  await page.evaluate(() => { document.getElementById('name-b').value = 'Sam Lee'; });
  await page.focus('#b');
  await panelSummary(page, '#hints-b cornerstone-panel').filter({ hasText: '1 thing to fix before sending' }).waitFor();
  assert.ok((await panelCues(page, '#hints-b cornerstone-panel')).includes('name-mismatch'));
  // The page renders the next ticket's message as a new element under the
  // same selector: it is followed, and a hint selects the words there.
  await page.evaluate(() => {
    const next = document.createElement('textarea');
    next.id = 'msg-d';
    next.value = 'My order number is B-20417 and it still has not shipped.';
    document.getElementById('msg-d').replaceWith(next);
  });
  const asked = panel(page, '#hints-d cornerstone-panel').locator('[data-testid=hint][data-cue=details-asked-again]');
  await asked.filter({ hasText: 'B-20417' }).waitFor();
  await asked.locator('[data-testid=hint-context-select]').click();
  assert.equal(await page.$eval('#msg-d', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'B-20417');
  // #c is not marked: left alone.
  assert.equal(await page.evaluate(() => document.getElementById('c').nextElementSibling?.localName ?? null), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the iframe mode answers its allowed parent and ignores every other origin', async () => {
  const allowedHost = await serve(FIXTURES);
  const otherHost = await serve(FIXTURES);
  const context = await browser.newContext();
  try {
    // An allowed parent: ready, then a report for each check, and hint
    // clicks come back as select/replace requests.
    const page = await context.newPage();
    await page.goto(`${allowedHost.url}parent.html?app=${encodeURIComponent(server.url)}&allow=${encodeURIComponent(allowedHost.origin)}`);
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:ready'));
    await page.fill('#reply', 'Hi Pryia, as I already explained, it is fixed.');
    await page.evaluate(() => window.check('first'));
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:report' && m.id === 'first'));
    const report = await page.evaluate(() => window.received.find((m) => m.id === 'first').report);
    assert.deepEqual(report.findings.filter((f) => f.severity === 'warning').map((f) => f.text), ['Pryia', 'as I already explained']);
    const frame = page.frameLocator('iframe');
    assert.equal(await frame.locator('[data-testid=summary]').textContent(), '2 things to fix before sending');
    await frame.locator('[data-testid=hint][data-cue=name-misspelled] [data-testid=apply-suggestion]').click();
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:replace'));
    const { requestId, ...replace } = await page.evaluate(() => window.received.find((m) => m.type === 'cornerstone:replace'));
    assert.equal(typeof requestId, 'number');
    assert.deepEqual(replace, { type: 'cornerstone:replace', start: 3, end: 8, expected: 'Pryia', text: 'Priya' });
    assert.equal(await page.inputValue('#reply'), 'Hi Priya, as I already explained, it is fixed.');

    // With the customer's message: the report relates the reply to it, and
    // a hint about the message asks the parent to select there.
    await page.fill('#message', 'When will it be fixed? And why did it break?');
    await page.evaluate(() => window.check('with-message'));
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:report' && m.id === 'with-message'));
    const related = await page.evaluate(() => window.received.find((m) => m.id === 'with-message').report);
    assert.deepEqual([related.relation.questions, related.relation.answered], [2, 1]);
    await frame.locator('[data-testid=relation]').filter({ hasText: 'Answers 1 of 2 questions' }).waitFor();
    await frame.locator('[data-testid=hint][data-cue=question-unanswered] [data-testid=hint-select]').click();
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:select' && m.field === 'message'));
    const { requestId: selectId, ...select } = await page.evaluate(() => window.received.find((m) => m.field === 'message'));
    assert.equal(typeof selectId, 'number');
    assert.deepEqual(select, { type: 'cornerstone:select', field: 'message', start: 23, end: 44, expected: 'And why did it break?' });
    assert.equal(await page.$eval('#message', (t) => t.value.slice(t.selectionStart, t.selectionEnd)), 'And why did it break?');

    // One check, one report: a name that differs only in white space, and
    // a check of what was just checked, each answered once. (A check sent
    // after them is answered after every report they caused.)
    await page.evaluate(() => { window.check('spaced', 'Priya Raman '); window.check('again', 'Priya Raman '); window.check('last'); });
    await page.waitForFunction(() => window.received.some((m) => m.type === 'cornerstone:report' && m.id === 'last'));
    const answered = await page.evaluate(() => window.received.filter((m) => m.type === 'cornerstone:report').map((m) => m.id).filter((id) => ['spaced', 'again', 'last'].includes(id)));
    assert.deepEqual(answered, ['spaced', 'again', 'last']);

    // A page on an origin the frame was not told about gets nothing.
    const intruder = await context.newPage();
    const warnings = [];
    intruder.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await intruder.goto(`${otherHost.url}parent.html?app=${encodeURIComponent(server.url)}&allow=${encodeURIComponent(allowedHost.origin)}`);
    await intruder.frameLocator('iframe').locator('[data-testid=empty-state]').waitFor();
    await intruder.fill('#reply', 'Hi Pryia, as I already explained, it is fixed.');
    await intruder.evaluate(() => window.check('sneaky'));
    await intruder.waitForTimeout(500);
    assert.deepEqual(await intruder.evaluate(() => window.received), []);
    assert.equal(await intruder.frameLocator('iframe').locator('[data-testid=empty-state]').count(), 1, 'the text was not analysed');
    assert.ok(warnings.some((w) => w.includes(`ignored a message from ${otherHost.origin}`)), warnings.join('\n'));
  } finally {
    await context.close();
    await allowedHost.close();
    await otherHost.close();
  }
});

test('if the WebAssembly cannot load, attach says so in the panel and ready rejects', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/*_bg.wasm', (r) => r.abort());
  await page.goto(`${server.url}fixtures/bare.html`);
  await page.waitForFunction(() => window.Cornerstone);
  const outcome = await page.evaluate(() => window.Cornerstone.attach(document.getElementById('reply')).ready.then(() => 'ready', (e) => `rejected: ${e.message}`));
  assert.match(outcome, /^rejected: /);
  assert.match(await page.locator('cornerstone-panel div').textContent(), /^Tone coaching is unavailable: Cornerstone could not load \(/);
  await context.close();
});
