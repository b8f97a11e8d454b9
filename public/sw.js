// Shelf's service worker. Its one job: the quick log page (/admin/log) opens without a
// connection, so an entry can be typed and queued offline (the queue itself lives in the page,
// in IndexedDB). Hand-written rather than generated: it caches one page and its static files.
//
// - /admin/log (navigations): network first, so a connected owner always gets the live page (or
//   the login redirect); the last good copy is kept and served when the network fails or stalls.
// - /_next/static/*: cache first (file names carry a content hash, so a cached copy never goes stale).
// - the manifest and icons: network first, cached for offline starts.
// - logging out (POST /admin/logout): the cached quick log page goes (it lists private titles);
//   the static files stay. The queue of unsent entries is the page's (IndexedDB) and stays too.
// Everything else, including every write and the live-update stream, goes straight to the network.

const SHELL_CACHE = 'shelf-shell-v1';
const START_PAGE = '/admin/log';
const NETWORK_TIMEOUT_MS = 5000;
// Next's pages vary on router headers that a plain navigation never sends; compare by URL alone.
const MATCH = { ignoreVary: true };

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('shelf-') && name !== SHELL_CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

const LOGOUT = '/admin/logout';

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && url.pathname === LOGOUT) {
    // The request itself goes out as the browser sends it (so the browser sees the server's
    // Clear-Site-Data); nothing is served from the cache meanwhile.
    event.waitUntil(forgetPrivatePages());
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate' && url.pathname === START_PAGE) event.respondWith(startPage(request));
  else if (url.pathname.startsWith('/_next/static/')) event.respondWith(cacheFirst(request));
  else if (url.pathname === '/manifest.webmanifest' || url.pathname.startsWith('/icons/')) event.respondWith(networkFirst(request));
});

/** A logged-in page as the server rendered it: not a redirect to the login, not an error. */
const isGoodPage = (response) =>
  response.ok && response.type === 'basic' && !response.redirected && (response.headers.get('content-type') || '').includes('text/html');

/** Caches the quick log page and every static file its HTML names (the page may not be controlled yet when they load). */
async function precacheShell() {
  try {
    const cache = await caches.open(SHELL_CACHE);
    const response = await fetch(START_PAGE, { credentials: 'same-origin', cache: 'no-store' });
    if (!isGoodPage(response)) return;
    await cachePage(cache, response);
    await Promise.all(['/manifest.webmanifest', '/icons/icon-192.png'].map((url) => cache.add(url).catch(() => undefined)));
  } catch {
    // Offline or logged out at install: the next visit to the page fills the cache.
  }
}

async function cachePage(cache, response) {
  const html = await response.clone().text();
  await cache.put(START_PAGE, response);
  const assets = new Set(Array.from(html.matchAll(/\/_next\/static\/[^"'\s)\\<>]+/g), (match) => match[0]));
  const missing = [];
  for (const asset of assets) if (!(await cache.match(asset, MATCH))) missing.push(asset);
  await Promise.all(missing.map((asset) => cache.add(asset).catch(() => undefined)));
  // Files of older builds go: the cache holds what the current page needs (and what pages load
  // after this, cached as they are fetched), not every build ever deployed.
  for (const request of await cache.keys()) {
    const { pathname, search } = new URL(request.url);
    if (pathname.startsWith('/_next/static/') && !assets.has(pathname + search)) await cache.delete(request);
  }
}

/** Removes the cached quick log page (it lists private titles); the static files it needs stay. */
async function forgetPrivatePages() {
  const cache = await caches.open(SHELL_CACHE);
  await cache.delete(START_PAGE, MATCH);
}

async function startPage(request) {
  const cache = await caches.open(SHELL_CACHE);
  const network = fetch(request).then(async (response) => {
    if (isGoodPage(response)) await cachePage(cache, response.clone());
    return response;
  });
  network.catch(() => undefined); // when the timeout wins, a later failure is expected, not an error
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    // A stalled connection (a train's wifi) falls back to the copy after a few seconds.
    const response = await Promise.race([network, timeout.then(() => cache.match(START_PAGE, MATCH))]);
    if (response) return response;
    return await network;
  } catch {
    const cached = await cache.match(START_PAGE, MATCH);
    if (cached) return cached;
    return new Response('<!doctype html><title>Offline</title><p>You are offline, and Shelf has not been opened here online yet. Connect once, then it works offline.</p>', {
      status: 503,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request, MATCH);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(request, MATCH);
    if (cached) return cached;
    throw err;
  }
}
