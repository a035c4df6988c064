// Cornerstone's service worker: serves exactly this build's files from one
// versioned cache, so the app works with the network gone. A new build has
// a new version; installing it drops the older caches of this deployment,
// so old and new files never mix. Written by the post-build step (crates/bundle).
const VERSION = '__VERSION__';
// Cache names carry the deployment's scope: two deployments on one origin
// (/tools/cornerstone/ and /staging/cornerstone/) never touch, nor serve
// from, each other's caches.
const PREFIX = `cornerstone:${new URL(self.registration.scope).pathname}:`;
const CACHE = `${PREFIX}${VERSION}`;
// Caches named before names carried the scope (one build each).
const UNSCOPED = /^cornerstone-[0-9a-f]{16}$/;
// A rule pack that has not arrived within this time comes from the cache
// (the page gives up after 5 s, so this must be shorter).
const RULES_TIMEOUT_MS = 3000;
const FILES = __FILES__;
// Files named by their content can come from the HTTP cache (the page has
// just loaded them); the others are fetched anew so that none is stale.
// (Trunk writes its hashes without leading zeros: 15 digits at times.)
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;
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
      .then((keys) =>
        Promise.all(
          keys.filter((k) => (k.startsWith(PREFIX) && k !== CACHE) || UNSCOPED.test(k)).map((k) => caches.delete(k)),
        ),
      )
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
  // Only this deployment's own cache: without `cacheName`, `caches.match`
  // searches every cache on the origin, another deployment's build included.
  // (`caches.open` is avoided: it would bring back a cache a newer build
  // has just deleted.)
  event.respondWith(
    caches.match(request, { ignoreSearch: true, cacheName: CACHE }).then((hit) => hit || fetch(request)),
  );
});

// The rule pack: the server's answer when there is one (kept for offline
// use), the kept copy when offline or when the server has not answered in
// full within RULES_TIMEOUT_MS, and none once the server says so.
async function rulesFirstFromNetwork(request) {
  const slow = new AbortController();
  const timer = setTimeout(() => slow.abort(), RULES_TIMEOUT_MS);
  try {
    const response = await fetch(request, { signal: slow.signal });
    // Kept only while this build's cache exists (not after a newer build).
    const cache = (await caches.has(CACHE)) ? await caches.open(CACHE) : null;
    if (response.ok) await cache?.put(request, response.clone());
    else if (response.status === 404) await cache?.delete(request);
    return response;
  } catch (offlineOrSlow) {
    if (slow.signal.aborted) {
      console.warn(`Cornerstone: the rule pack did not arrive within ${RULES_TIMEOUT_MS / 1000} s; using the kept copy.`);
    }
    return (await caches.match(request, { cacheName: CACHE })) || Response.error();
  } finally {
    clearTimeout(timer);
  }
}
