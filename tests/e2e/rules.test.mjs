// End-to-end: a team's rule pack, in the app (cornerstone.rules.json beside
// it) and in the embed (attach's `rules` option). A broken pack never breaks
// the tool: the built-in rules keep working and the message says where.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serve, launch, watchedPage, DIST, FIXTURES, ROOT } from './harness.mjs';

let server;
let browser;
const PACK = 'cornerstone.rules.json';
before(async () => {
  server = await serve(DIST, { mounts: { 'fixtures/': FIXTURES } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ACME = await readFile(join(ROOT, 'examples', 'cornerstone.rules.json'), 'utf8');
const DRAFT = 'Hi Priya, unlike Zendo we fixed it, and we value your business. Sorry for any inconvenience.';

async function openWithPack(body) {
  server.overrides[PACK] = body;
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  await page.goto(server.url);
  await page.fill('[data-testid=customer-name]', 'Priya Raman');
  await page.fill('[data-testid=draft]', DRAFT);
  return { context, page, errors };
}
const cues = (page) => page.locator('[data-testid=hint]').evaluateAll((hs) => hs.map((h) => h.dataset.cue));

test('the app applies the team pack found beside it', async () => {
  const { context, page, errors } = await openWithPack(ACME);
  try {
    await page.locator('[data-testid=rules-status]').filter({ hasText: 'Team rules: Acme support' }).waitFor();
    const zendo = page.locator('[data-testid=hint][data-cue=team-avoid]');
    assert.equal(await zendo.locator('[data-testid=hint-text]').textContent(), 'Zendo');
    assert.match(await zendo.textContent(), /Don't name competitors in a reply\./);
    assert.equal(await zendo.locator('[data-testid=apply-suggestion]').textContent(), 'Replace with “other providers”');
    const found = await cues(page);
    assert.ok(found.includes('sign-off-missing'), found.join());
    assert.ok(!found.includes('boilerplate'), 'the pack turns boilerplate off');
    assert.ok(found.includes('apology-hollow'), 'the built-in rules still work');
    assert.deepEqual(await page.locator('[data-testid=highlights] mark[data-cue=team-avoid]').allTextContents(), ['Zendo']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const BROKEN = {
  'bad JSON': ['{\n  "disable": ["boilerplate",]\n}', 'line 2, column 29, at disable: trailing comma'],
  'an unknown field': ['{\n  "disabled": []\n}', 'line 2, column 3, at disabled: unknown field `disabled`'],
  'a wrong type': ['{ "avoid": [{ "phrase": "Zendo", "message": 3 }] }', 'line 1, column 45, at avoid[0].message: invalid type: integer `3`, expected a string'],
  'an unknown cue id': ['{ "disable": ["boilerplat"] }', "line 1, column 15, at disable[0]: unknown cue id 'boilerplat' (did you mean 'boilerplate'?)"],
};

for (const [kind, [body, where]] of Object.entries(BROKEN)) {
  test(`a pack with ${kind} is refused with where and what, and the built-in rules keep working`, async () => {
    const { context, page, errors } = await openWithPack(body);
    try {
      const problem = page.locator('[data-testid=rules-error]');
      await problem.waitFor();
      const text = await problem.textContent();
      assert.ok(text.startsWith(`Team rules not applied: cornerstone.rules.json, ${where}`), text);
      assert.ok(text.endsWith('The built-in rules are in use.'), text);
      assert.equal(await page.locator('[data-testid=rules-status]').count(), 0);
      const found = await cues(page);
      assert.ok(found.includes('boilerplate') && found.includes('apology-hollow'), found.join());
      assert.ok(!found.includes('team-avoid'));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('attach takes a pack as an option; a broken one shows its problem in the panel and the built-in rules keep working', async () => {
  server.overrides[PACK] = null; // no pack beside the embed
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  try {
    await page.goto(`${server.url}fixtures/bare.html`);
    await page.waitForFunction(() => window.Cornerstone);
    await page.evaluate(async (pack) => {
      await window.Cornerstone.attach(document.getElementById('reply'), { customerName: 'Priya Raman', rules: JSON.parse(pack) }).ready;
    }, ACME);
    await page.fill('#reply', DRAFT);
    const embedded = page.locator('cornerstone-panel');
    await embedded.locator('[data-testid=rules-status]').filter({ hasText: 'Team rules: Acme support' }).waitFor();
    assert.equal(await embedded.locator('[data-testid=hint][data-cue=team-avoid] [data-testid=hint-text]').textContent(), 'Zendo');

    await page.evaluate(async () => {
      window.Cornerstone.attached[0].detach();
      await window.Cornerstone.attach(document.getElementById('reply'), { rules: '{ "disable": [42] }' }).ready;
    });
    const problem = await embedded.locator('[data-testid=rules-error]').textContent();
    assert.equal(problem, 'Team rules not applied: options.rules, line 1, column 15, at disable[0]: invalid type: integer `42`, expected a string. The built-in rules are in use.');
    // The built-in rules' hints come with the analysis after the attach,
    // which may follow the problem's message: waited for, not read at once
    // (read at once, it failed once under load in session 45).
    await embedded.locator('[data-testid=hint][data-cue=boilerplate]').first().waitFor();

    // analyze() refuses a broken pack outright, saying where.
    await assert.rejects(page.evaluate(() => window.Cornerstone.analyze('x', { rules: { avoid: 'Zendo' } })),
      /rule pack refused: line \d+, column \d+, at avoid: invalid type: string "Zendo", expected a sequence/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    delete server.overrides[PACK];
  }
});

test('analyze() reads under the same pack as attach: the one beside the embed, unless told otherwise', async () => {
  const context = await browser.newContext();
  const { page, errors } = await watchedPage(context);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const avoided = (report) => report.findings.filter((f) => f.cue === 'team-avoid').map((f) => [f.text, f.start]);
  try {
    server.overrides[PACK] = ACME;
    await page.goto(`${server.url}fixtures/bare.html`);
    await page.waitForFunction(() => window.Cornerstone);
    const beside = await page.evaluate((d) => window.Cornerstone.analyze(d, { customerName: 'Priya Raman' }), DRAFT);
    assert.deepEqual(avoided(beside), [['Zendo', DRAFT.indexOf('Zendo')]]);
    assert.ok(!beside.findings.some((f) => f.cue === 'boilerplate'), 'the pack turns boilerplate off');
    const builtIn = await page.evaluate((d) => window.Cornerstone.analyze(d, { rules: false }), DRAFT);
    assert.deepEqual(avoided(builtIn), []);
    assert.ok(builtIn.findings.some((f) => f.cue === 'boilerplate'));
    assert.deepEqual(warnings, []);

    // A broken pack beside the embed: the built-in rules, and a warning that says where.
    server.overrides[PACK] = '{ "disable": [42] }';
    await page.reload();
    await page.waitForFunction(() => window.Cornerstone);
    const fallback = await page.evaluate((d) => window.Cornerstone.analyze(d), DRAFT);
    assert.ok(fallback.findings.some((f) => f.cue === 'boilerplate'));
    assert.deepEqual(warnings, ['Cornerstone.analyze: Team rules not applied: cornerstone.rules.json, line 1, column 15, at disable[0]: invalid type: integer `42`, expected a string. The built-in rules are in use.']);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    delete server.overrides[PACK];
  }
});

test('the JSON Schema shipped in the build accepts the example pack and refuses the broken ones', async () => {
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default;
  const schema = JSON.parse(await readFile(join(DIST, 'cornerstone.rules.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true }).compile(schema);
  assert.ok(validate(JSON.parse(ACME)), JSON.stringify(validate.errors));
  assert.ok(validate(JSON.parse(await readFile(join(DIST, PACK), 'utf8'))), 'the empty pack the build ships');
  for (const [kind, [body]] of Object.entries(BROKEN)) {
    if (kind === 'bad JSON') continue;
    assert.equal(validate(JSON.parse(body)), false, `the schema refuses a pack with ${kind}`);
  }
  assert.equal(validate({ phrases: { shouting: ['loud'] } }), false, 'only phrase families take phrases');
  assert.equal(validate({ avoid: [{ phrase: 'x' }] }), false, 'an avoid entry needs a message');
});
