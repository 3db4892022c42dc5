/*
 * The respondent page's service worker (scope /q/, registered by
 * web/features/respondent/lib/offline-worker.ts). Plain JS, not built: its URL must not change.
 * The interviewer app has its own Workbox worker (scope /interview); they never share a cache.
 *
 * - The page (/q/<token>) and the questionnaire (/api/v1/q/<token>): network first, the last
 *   good copy when there is no signal, so a reload offline shows the survey again. The page's
 *   request goes out as a navigation preload, in parallel with the worker's start.
 * - /assets/*: hashed, immutable, cache first.
 * - Everything else, and every non-GET (the submission itself), goes to the network untouched:
 *   the page keeps retrying submissions itself and says so.
 */
const CACHE = "cw-respondent-v1";
const NETWORK_WAIT_MS = 8000;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith("cw-respondent-") && key !== CACHE) await caches.delete(key);
      // The page's request starts while this worker is still waking up, not after (issue 18:
      // a repeat visit on a slow phone spent its first hundreds of ms starting the worker).
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data && data.type === "keep" && Array.isArray(data.urls)) event.waitUntil(keep(data.urls));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname.startsWith("/q/")) {
    event.respondWith(networkFirst(request, url.pathname, event.preloadResponse));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(request, url.pathname));
  } else if (/^\/api\/v1\/q\/[^/]+$/.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  }
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  await Promise.all(
    urls.map(async (path) => {
      if (typeof path !== "string" || !path.startsWith("/")) return;
      if (path.startsWith("/assets/") && (await cache.match(path))) return;
      try {
        const response = await fetch(path, { credentials: "same-origin" });
        if (response.ok) await cache.put(path, response);
      } catch {
        // Offline already: keep what we have.
      }
    }),
  );
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

/** `preload`: the navigation preload's answer (undefined when there is none), else a fetch now. */
async function networkFirst(request, key, preload) {
  const fromNetwork = Promise.resolve(preload).then((preloaded) => preloaded ?? fetch(request));
  // Offline it fails before the cache lookup below is done; handled below, not "unhandled".
  fromNetwork.catch(() => {});
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  try {
    const network = fromNetwork.then(async (response) => {
      // A closed or unknown poster (410/404) is news the page must show: pass it on, keep no copy.
      if (response.ok) await cache.put(key, response.clone());
      else if (response.status === 404 || response.status === 410) await cache.delete(key);
      return response;
    });
    if (!cached) return await network;
    // A signal that only trickles: after a while, the copy we have beats a spinner.
    return await Promise.race([network, new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_WAIT_MS))]);
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
}
