// The service worker: the app shell for offline use, and Web Push.
// It caches ONLY build assets (/_next/static/, content-hashed), the icons and the offline page:
// never a page's HTML, never an /api answer, nothing that belongs to a person.
const CACHE = 'shell-v1';
const SHELL = ['/offline.html', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png'];
const MAX_ASSETS = 300;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

function isShellAsset(url) {
  return url.origin === self.location.origin && (url.pathname.startsWith('/_next/static/') || SHELL.includes(url.pathname));
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    await cache.put(request, response.clone());
    const keys = await cache.keys();
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await cache.delete(old);
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (isShellAsset(url)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === 'navigate') {
    // Pages always from the network; offline, the neutral offline page (never a stored copy).
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
  }
  // Everything else (API, images of pages, actions) is left to the browser, uncached.
});

// A push says only that something happened ({"t": kind, padded}); the notification shows no
// kind, name or text on the lock screen, in both languages.
self.addEventListener('push', (event) => {
  let kind = '';
  try {
    kind = event.data ? String(event.data.json().t || '') : '';
  } catch {
    kind = '';
  }
  const urgent = kind === 'alarm' || kind === 'checkin_overdue';
  event.waitUntil(
    self.registration.showNotification('Öffne die App · Open the app', {
      tag: 'coop',
      renotify: true,
      requireInteraction: urgent,
      icon: '/icon-192.png',
      data: { url: '/notifications' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL('/notifications', self.location.origin).href;
  event.waitUntil(
    // Focus a window already on the notifications page; never navigate another one (it may be
    // showing the quick exit's neutral page on purpose).
    self.clients.matchAll({ type: 'window' }).then((windows) => {
      const open = windows.find((w) => /^\/(de|en)\/notifications\/?$/.test(new URL(w.url).pathname));
      return open ? open.focus() : self.clients.openWindow(target);
    }),
  );
});
