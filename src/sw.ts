/// <reference lib="webworker" />
/**
 * The service worker that lets a classroom use the app offline (school wifi drops,
 * a projector laptop with no network). On install it caches every file the build wrote
 * (listed in precache.json: the page, its code, the WASM binaries, the trained weights,
 * the samples); afterwards it answers from the cache first and refreshes nothing until
 * a new build is deployed (a new precache.json gives a new cache).
 */
const sw = globalThis as unknown as ServiceWorkerGlobalScope;

const MANIFEST = 'precache.json';

interface Precache {
  readonly version: string;
  readonly files: readonly string[];
}

async function manifest(): Promise<Precache> {
  const res = await fetch(MANIFEST, { cache: 'no-store' });
  return (await res.json()) as Precache;
}

sw.addEventListener('install', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const { version, files } = await manifest();
      const cache = await caches.open(`resnet-explainer-${version}`);
      await cache.addAll(['./', ...files]);
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const { version } = await manifest().catch(() => ({ version: '' }));
      if (version) {
        for (const key of await caches.keys()) if (key !== `resnet-explainer-${version}`) await caches.delete(key);
      }
      await sw.clients.claim();
    })(),
  );
});

sw.addEventListener('fetch', (event: FetchEvent) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.endsWith(MANIFEST)) return;
  event.respondWith(
    (async () => {
      // the page itself is cached under "./", whatever its query string
      const key = req.mode === 'navigate' ? new Request(new URL('./', sw.registration.scope)) : req;
      const hit = await caches.match(key, { ignoreSearch: req.mode === 'navigate', ignoreVary: true });
      if (hit) return hit;
      return fetch(req);
    })(),
  );
});
