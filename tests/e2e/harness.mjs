// Shared by the e2e tests and the UI benchmark: a static server for the
// release build on 127.0.0.1 and headless Chromium from Debian.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

export const FIXTURES = join(ROOT, 'tests', 'e2e', 'fixtures');

/**
 * Serves `dir` over HTTP on 127.0.0.1 with an ephemeral port, under `prefix`.
 * `headers` go on every response; `overrides` maps a path under the prefix
 * to a body (or `null` for a 404, or a function `(req, res)` that answers,
 * slowly or never), and can be changed while serving;
 * `mounts` maps a path prefix to another folder (test fixtures).
 */
export async function serve(dir = DIST, { headers = {}, prefix = '/', overrides = {}, mounts = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requests.push(full);
      if (!full.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
      const rel = full.slice(prefix.length);
      if (Object.hasOwn(overrides, rel)) {
        const body = overrides[rel];
        if (body === null) { res.writeHead(404, headers).end('not found'); return; }
        if (typeof body === 'function') { body(req, res); return; }
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', ...headers });
        res.end(body);
        return;
      }
      let root = dir;
      let path = `/${rel}`;
      for (const [mount, folder] of Object.entries(mounts)) {
        if (rel.startsWith(mount)) { root = folder; path = `/${rel.slice(mount.length)}`; }
      }
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return {
    url,
    origin: new URL(url).origin,
    overrides,
    requests,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

/** Headless Chromium with the flags this machine needs (see DEVELOPERS.md). */
export function launch() {
  return chromium.launch(CHROMIUM);
}

/** A browser with a real profile in a fresh folder (not incognito), as installing needs. */
export function launchWithProfile(userDataDir) {
  return chromium.launchPersistentContext(userDataDir, CHROMIUM);
}

/** The strict policy of issue #4, as a header. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** A page that records console errors, uncaught errors and CSP violations. */
/**
 * Has every page of `context` note, from before its scripts run, when the
 * draft box enters it (`draftAt`), when it first paints text (`paintedAt`:
 * the page shows none before the app mounts, so it is the app's paint),
 * when the engine is handed over (`readyAt`: the panel's
 * data-engine="ready") and its long tasks (`longTasks`, [start, duration]),
 * all on the page's clock; read them with `loadTimes`.
 */
export async function watchLoad(context) {
  await context.addInitScript(() => {
    const load = (window.__load = { longTasks: [] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') load.paintedAt = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) load.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    const watch = new MutationObserver(() => {
      if (load.draftAt === undefined && document.querySelector('[data-testid=draft]')) load.draftAt = performance.now();
      if (document.querySelector('[data-engine=ready]')) {
        load.readyAt = performance.now();
        watch.disconnect();
      }
    });
    watch.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-engine'] });
  });
}

/** What `watchLoad` noted in `page`, once the page has painted and its engine is here. */
export async function loadTimes(page) {
  await page.waitForFunction(() => window.__load?.paintedAt !== undefined && window.__load?.readyAt !== undefined);
  return page.evaluate(() => window.__load);
}

export async function watchedPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, errors };
}

/** Opens the app and waits until it is interactive. */
export async function openApp(browser, url, { colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('[data-testid=draft]');
  return { context, page, errors };
}
