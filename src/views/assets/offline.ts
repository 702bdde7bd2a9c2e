import { type Asset, js } from './asset'

/** Where a device keeps today's cards and the review page's assets; bump to drop an old cache. */
export const offlineCache = 'dockdeck-review-v1'

/**
 * The service worker, served at `/sw.js` so its scope (`/`) covers `/review`. On install it keeps
 * the offline review page and its assets; every online `/review` visit refreshes today's cards
 * (`/api/v1/review/today`). A `/review` navigation that fails (no connection) gets the offline
 * page, which reviews those cards with JavaScript and keeps the answers in IndexedDB.
 */
const serviceWorker = `
const CACHE = '${offlineCache}'
const SHELL = ['/review/offline', '/api/v1/review/today']
// The offline page names its versioned scripts and styles: keep those too.
const keepShell = async () => {
  const cache = await caches.open(CACHE)
  await cache.addAll(SHELL)
  const page = await (await cache.match('/review/offline')).text()
  await cache.addAll([...page.matchAll(/(?:href|src)="(\\/assets\\/[^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&')))
}
self.addEventListener('install', (event) => event.waitUntil(keepShell().then(() => self.skipWaiting())))
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))
self.addEventListener('message', (event) => {
  if (event.data === 'refresh-today')
    event.waitUntil(keepShell().catch(() => {}))
})
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== location.origin) return
  if (event.request.mode === 'navigate' && url.pathname.startsWith('/review')) {
    event.respondWith(fetch(event.request).catch(() => caches.match('/review/offline')))
  } else if (url.pathname.startsWith('/assets/') || url.pathname === '/review/offline') {
    event.respondWith(
      fetch(event.request)
        .then((res) => {
          if (res.ok) caches.open(CACHE).then((cache) => cache.put(event.request, res.clone()))
          return res
        })
        .catch(() => caches.match(event.request, { ignoreSearch: false })),
    )
  }
})
`

/**
 * The offline review: today's cards from the cache, shown one at a time (prompt, reveal, grade).
 * Each answer goes to an IndexedDB outbox with its Idempotency-Key and the time it was made, and
 * the outbox is sent oldest first whenever the device is online: 201 and 409 (answered later
 * elsewhere, kept in the history) both mean delivered; anything else stays for the next try.
 */
const offlineReview = `
const open = () => new Promise((resolve, reject) => {
  const req = indexedDB.open('dockdeck', 1)
  req.onupgradeneeded = () => req.result.createObjectStore('outbox', { keyPath: 'key' })
  req.onsuccess = () => resolve(req.result)
  req.onerror = () => reject(req.error)
})
const tx = async (mode, run) => {
  const db = await open()
  return new Promise((resolve, reject) => {
    const t = db.transaction('outbox', mode)
    const result = run(t.objectStore('outbox'))
    t.oncomplete = () => resolve(result.result)
    t.onerror = () => reject(t.error)
  })
}
const status = document.getElementById('offline-status')
const say = (text) => { if (status) status.textContent = text }
let sending = false
async function send() {
  if (sending || !navigator.onLine) return
  sending = true
  try {
    const waiting = (await tx('readonly', (s) => s.getAll())).sort((a, b) => a.answeredAt.localeCompare(b.answeredAt))
    for (const answer of waiting) {
      const res = await fetch('/api/v1/reviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': answer.key },
        body: JSON.stringify({ cardId: answer.cardId, rating: answer.rating, answeredAt: answer.answeredAt }),
      })
      if (res.status === 201 || res.status === 409 || res.status === 400 || res.status === 404)
        await tx('readwrite', (s) => s.delete(answer.key))
      else break
    }
    const left = await tx('readonly', (s) => s.count())
    say(left ? left + ' answers waiting to be sent' : 'All answers sent')
  } catch {
    say('Offline: answers are kept on this device')
  } finally {
    sending = false
  }
}
addEventListener('online', send)
setInterval(send, 5000)
const root = document.getElementById('offline-review')
if (root) {
  const data = await (await caches.match('/api/v1/review/today'))?.json().catch(() => null)
  const answered = new Set((await tx('readonly', (s) => s.getAll())).map((a) => a.cardId))
  const cards = (data?.cards ?? []).filter((c) => !answered.has(c.id))
  const prompt = root.querySelector('.offline-prompt')
  const answer = root.querySelector('.offline-answer')
  const reveal = root.querySelector('.offline-reveal')
  const grades = root.querySelector('.offline-grades')
  let i = 0
  const show = () => {
    const card = cards[i]
    answer.hidden = true
    grades.hidden = true
    if (!card) {
      prompt.textContent = cards.length ? 'Done: every card kept for today is answered.' : 'No cards kept for offline review.'
      reveal.hidden = true
      return
    }
    root.dataset.card = card.id
    prompt.innerHTML = card.promptHtml
    answer.innerHTML = card.answerHtml
    reveal.hidden = false
  }
  reveal.addEventListener('click', () => {
    answer.hidden = false
    grades.hidden = false
    reveal.hidden = true
  })
  grades.addEventListener('click', async (event) => {
    const rating = event.target.closest('button')?.value
    const card = cards[i]
    if (!rating || !card) return
    await tx('readwrite', (s) => s.put({ key: crypto.randomUUID(), cardId: card.id, rating, answeredAt: new Date().toISOString() }))
    i++
    show()
    send()
  })
  show()
}
send()
`

/** Registers the service worker and refreshes today's cards while the review page is online. */
export const registerWorker = `
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.ready).then((reg) => reg.active?.postMessage('refresh-today')).catch(() => {})
}
`

export const offlineAssets: Record<string, Asset> = {
  'offline-review.js': js(offlineReview),
}

export const serviceWorkerScript = serviceWorker
