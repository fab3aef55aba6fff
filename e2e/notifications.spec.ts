import { expect, test, type Page } from '@playwright/test';
import { messages, signIn, signOut } from './accounts';
import { expectNoHorizontalOverflow, newSeller } from './people';
import { expectAxeClean, expectTapSize } from './phone-checks';
import { withWarningBoard } from './warning-board';

// Other tests post warnings too, and every seller is told of each: counts are matched as patterns,
// and "nothing new" is checked while no other test posts (withWarningBoard).
const SUMMARY = {
  de: { none: 'Nichts Neues.', some: /^\d+ neue Mitteilung(en)?\.$/ },
  en: { none: 'Nothing new.', some: /^\d+ new notifications?\.$/ },
};

async function postWarning(page: Page, locale: 'de' | 'en', body: string) {
  const t = messages[locale];
  await page.goto(`/${locale}/seller/warnings`);
  await page.getByLabel(t.Messages.warningBody, { exact: true }).fill(body);
  await page.getByRole('button', { name: t.Messages.post }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(t.Messages.sent);
}

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];
  const header = (page: Page) => page.getByRole('navigation', { name: t.Common.mainNav });

  test(`${locale}, 360 px: a new warning shows as a badge and in the centre; marking seen clears it`, async ({ browser }) => {
    test.setTimeout(180_000);
    const b = await newSeller(browser, locale, true);
    const a = await newSeller(browser, locale);
    const navLink = (page: Page) => header(page).getByRole('link', { name: t.Notifications.nav, exact: true });
    const badge = header(b.page).getByRole('link', { name: new RegExp(`^${t.Notifications.nav} ${t.Notifications.navUnseen.replace('{count}', '\\d+')}$`) });
    const markSeen = b.page.getByRole('button', { name: t.Notifications.markAllSeen });
    const list = b.page.getByRole('list', { name: t.Notifications.listLabel });

    await withWarningBoard(async () => {
      // Whatever other tests' warnings brought her so far, seen first.
      await b.page.goto(`/${locale}/notifications`);
      await expect(b.page.getByRole('heading', { level: 1, name: t.Notifications.title })).toBeVisible();
      if (await markSeen.isVisible()) await markSeen.click();
      await expect(b.page.getByText(SUMMARY[locale].none)).toBeVisible();
      await expect(navLink(b.page)).toBeVisible();

      const body = `Notification test (${locale})`;
      await postWarning(a.page, locale, body);

      await b.page.goto(`/${locale}/seller`);
      await expect(badge).toBeVisible();
      await expectTapSize(badge);
      await badge.click();
      await expect(b.page).toHaveURL(new RegExp(`/${locale}/notifications$`));
      await expect(b.page.getByText(SUMMARY[locale].some)).toBeVisible();
      const warning = list.getByRole('listitem').filter({ hasText: t.Notifications.kind.warning }).first();
      await expect(warning).toContainText(t.Notifications.new);
      // Words only: no pseudonym, no text of the warning.
      await expect(list).not.toContainText(a.pseudonym);
      await expect(list).not.toContainText(body);
      await expectNoHorizontalOverflow(b.page);
      await expectAxeClean(b.page);

      await expectTapSize(markSeen);
      await markSeen.click();
      await expect(b.page.getByText(SUMMARY[locale].none)).toBeVisible();
      await expect(list.getByText(t.Notifications.new, { exact: true })).toHaveCount(0);
      await expect(navLink(b.page)).toBeVisible();
    });
    // The push section says where this browser stands (headless Chromium: push available, off).
    await expect(b.page.getByRole('heading', { name: t.Notifications.pushTitle })).toBeVisible();
    await expect(b.page.getByRole('status').filter({ hasText: t.Notifications.pushIsOff })).toBeVisible();
    await expect(b.page.getByRole('button', { name: t.Notifications.pushTurnOn })).toBeVisible();

    await list.getByRole('link', { name: t.Notifications.kind.warning }).first().click();
    await expect(b.page).toHaveURL(new RegExp(`/${locale}/seller/warnings$`));
  });
}

test("360 px: the service worker caches only the app shell, never a signed-in person's page or an API answer", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, pseudonym } = await newSeller(browser, 'en', true);
  await page.goto('/en/notifications');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // Controlled from the next load on: visit personal pages and the API through the worker.
  for (const path of ['/en/seller', '/en/notifications', '/en/seller/messages', '/en/account', '/en/seller/warnings']) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
  }
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const api = await page.evaluate(() => fetch('/api/messages').then((r) => r.status));
  expect(api).toBe(200);

  const cached = await page.evaluate(async () => {
    const out: { url: string; type: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get('content-type') ?? '';
        out.push({ url: new URL(request.url).pathname, type, body: type.startsWith('image/') ? '' : ((await response?.text()) ?? '') });
      }
    }
    return out;
  });
  const urls = cached.map((c) => c.url);
  // The shell is there: the offline page, the icons and the build's scripts.
  expect(urls).toContain('/offline.html');
  expect(urls).toContain('/icon-192.png');
  expect(urls.some((u) => u.startsWith('/_next/static/'))).toBe(true);
  for (const entry of cached) {
    expect(entry.url.startsWith('/_next/static/') || ['/offline.html', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png'].includes(entry.url), entry.url).toBe(true);
    expect(entry.url.startsWith('/api'), entry.url).toBe(false);
    if (entry.type.includes('text/html')) expect(entry.url).toBe('/offline.html');
    expect(entry.body.includes(pseudonym), entry.url).toBe(false);
  }

  // Offline, a page is the neutral offline page (no stored copy of hers).
  await page.context().setOffline(true);
  await page.goto('/en/account').catch(() => undefined);
  await expect(page.getByRole('heading', { name: 'No connection' })).toBeVisible();
  await expect(page.getByText(pseudonym)).toHaveCount(0);
  await page.context().setOffline(false);
});

test('the app installs: manifest, icons, worker script, and a CSP that allows our own worker only', async ({ request }) => {
  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; display: string; start_url: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(body.name).toBe(messages.de.Common.appName);
  expect(body.display).toBe('standalone');
  expect(body.start_url).toBe('/');
  expect(body.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of body.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  const sw = await request.get('/sw.js');
  expect(sw.status()).toBe(200);
  expect(sw.headers()['content-type']).toContain('javascript');
  const page = await request.get('/en');
  const csp = page.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("manifest-src 'self'");
  const html = await page.text();
  expect(html).toContain('rel="manifest" href="/manifest.webmanifest"');
  expect(html).toMatch(/name="(apple-)?mobile-web-app-capable" content="yes"/);
});

test('the push subscription API: any signed-in role, strict body, same origin; signing out on the device drops its subscription only', async ({ browser }) => {
  test.setTimeout(180_000);
  const { page, pseudonym } = await newSeller(browser, 'en', true);
  const api = page.request;
  // maxRetries: a keep-alive connection the server closed while she was signing in again is retried.
  const keys = { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) };
  const phone = { endpoint: 'https://push.example/phone-of-e2e', expirationTime: null, keys };
  const laptop = { endpoint: 'https://push.example/laptop-of-e2e', expirationTime: null, keys };
  const status = async (endpoint: string, request = api) =>
    (await (await request.post('/api/push/subscription', { maxRetries: 2, data: { action: 'status', endpoint } })).json()) as { subscribed: boolean };

  // A second browser of hers subscribes the "laptop".
  const laptopContext = await browser.newContext();
  const laptopPage = await laptopContext.newPage();
  await signIn(laptopPage, 'en', pseudonym);
  await expect(laptopPage).toHaveURL(/\/en\/seller$/);
  expect((await laptopPage.request.post('/api/push/subscription', { maxRetries: 2, data: { action: 'subscribe', subscription: laptop } })).status()).toBe(201);

  const created = await api.post('/api/push/subscription', { maxRetries: 2, data: { action: 'subscribe', subscription: phone } });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({ subscribed: true });
  expect(await status(phone.endpoint)).toEqual({ subscribed: true });
  expect(await status(laptop.endpoint)).toEqual({ subscribed: true });

  const extra = await api.post('/api/push/subscription', { maxRetries: 2, data: { action: 'subscribe', subscription: { ...phone, userId: 'someone' } } });
  expect(extra.status()).toBe(400);
  const notUrl = await api.post('/api/push/subscription', { maxRetries: 2, data: { action: 'status', endpoint: 'javascript:alert(1)' } });
  expect(notUrl.status()).toBe(400);
  const crossOrigin = await api.post('/api/push/subscription', { maxRetries: 2, data: { action: 'status', endpoint: phone.endpoint }, headers: { Origin: 'https://evil.example' } });
  expect(crossOrigin.status()).toBe(403);
  const signedOut = await (await browser.newContext()).request.post(`${new URL(page.url()).origin}/api/push/subscription`, {
    data: { action: 'status', endpoint: phone.endpoint },
  });
  expect(signedOut.status()).toBe(401);

  // Signing out on the phone drops the phone's subscription, not the laptop's.
  await signOut(page, 'en');
  await signIn(page, 'en', pseudonym);
  await expect(page).toHaveURL(/\/en\/seller$/);
  expect(await status(phone.endpoint)).toEqual({ subscribed: false });
  expect(await status(laptop.endpoint, laptopPage.request)).toEqual({ subscribed: true });
  // Turning it off by hand works too.
  const off = await laptopPage.request.post('/api/push/subscription', { maxRetries: 2, data: { action: 'unsubscribe', endpoint: laptop.endpoint } });
  expect(await off.json()).toEqual({ subscribed: false });
  expect(await status(laptop.endpoint, laptopPage.request)).toEqual({ subscribed: false });
  await laptopContext.close();
});
