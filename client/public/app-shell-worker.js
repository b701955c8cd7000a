// @ts-check
/**
 * The app shell for a reload while offline: the page, its scripts and styles, fetched from
 * the network when it answers (and kept), from what was kept when it does not. The API and
 * the sync socket are never cached: the documents themselves are kept by the page
 * (IndexedDB, client/collab/offline-copy.ts), per account. Plain JavaScript, served at the
 * site's root so that it controls every page of it.
 */
const SHELL = 'accord-shell-v1'

self.addEventListener('install', (event) => {
  const worker = /** @type {any} */ (self)
  worker.skipWaiting()
  // The page and the scripts and styles it names: the page that registered the worker loaded
  // them before the worker controlled it, so they are fetched here once.
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL)
      const page = await fetch('/')
      const html = await page.clone().text()
      await cache.put('/', page)
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
      await cache.addAll(assets)
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(/** @type {any} */ (self).clients.claim())
})

self.addEventListener('fetch', (/** @type {any} */ event) => {
  const request = /** @type {Request} */ (event.request)
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync')) return
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone()
          void caches.open(SHELL).then((cache) => cache.put(request, copy))
        }
        return response
      })
      .catch(async () => {
        const kept =
          (await caches.match(request)) ?? (request.mode === 'navigate' ? await caches.match('/') : undefined)
        return kept ?? Response.error()
      }),
  )
})
