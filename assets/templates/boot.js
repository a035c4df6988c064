// Starts Cornerstone. An external module rather than an inline script, so
// that the app runs under a strict Content-Security-Policy. The post-build
// step (crates/bundle) fills in the file names of this build.
import init, { start_app } from './__GLUE__';

const here = import.meta.url;

// A team's rule pack beside the app, when there is one. A missing file, or
// a server answering with its HTML fallback page, means no pack.
const rules = fetch(new URL('cornerstone.rules.json', here), { cache: 'no-cache' })
  .then((r) => (r.ok && !/html/i.test(r.headers.get('content-type') || '') ? r.text() : null))
  .catch(() => null);

await init({ module_or_path: new URL('__WASM__', here) });
start_app(await rules);

// Offline after the first visit: the service worker caches this build.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(new URL('sw.js', here)).catch((e) => {
    console.warn('Cornerstone works online only: the service worker could not be registered.', e);
  });
}
