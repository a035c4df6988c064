// Cornerstone's service worker: serves exactly this build's files from one
// versioned cache, so the app works with the network gone. A new build has
// a new version; installing it drops every older Cornerstone cache, so old
// and new files never mix. Written by the post-build step (crates/bundle).
const VERSION = '__VERSION__';
const CACHE = `cornerstone-${VERSION}`;
const FILES = __FILES__;
// Files named by their content can come from the HTTP cache (the page has
// just loaded them); the others are fetched anew so that none is stale.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
// Dropped in after the build by the team, so fetched fresh when online.
const RULES = 'cornerstone.rules.json';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: HASHED.test(f) ? 'default' : 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cornerstone-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === new URL(RULES, self.registration.scope).pathname) {
    event.respondWith(rulesFirstFromNetwork(request));
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
  );
});

// The rule pack: the server's answer when there is one (kept for offline
// use), the kept copy when offline, and none once the server says so.
async function rulesFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status === 404) await cache.delete(request);
    return response;
  } catch (offline) {
    return (await cache.match(request)) || Response.error();
  }
}
