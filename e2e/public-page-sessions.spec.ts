import { expect, test } from '@playwright/test';
import { messages, signIn } from './accounts';
import { expectNoHorizontalOverflow, newBuyer, newSeller } from './people';
import { PHONE, expectAxeClean, expectTapSize, fill } from './phone-checks';

// Two cores shared by the server, two browsers and other work: these flows take time.
test.describe.configure({ timeout: 120_000 });

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: the seller's start page links her public page; the button copies its address where sharing is missing`, async ({ browser, baseURL }) => {
    const { page, pseudonym } = await newSeller(browser, locale, true);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    // A browser without the Web Share API (as desktop Linux Chromium, made certain here).
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    await page.goto(`/${locale}/seller`);
    const section = page.getByRole('region', { name: t.PublicLink.title });
    const url = `${baseURL}/${locale}/s/${pseudonym}`;
    await expect(section.locator('code')).toHaveText(url);
    const button = section.getByRole('button', { name: t.PublicLink.copy });
    await expectTapSize(button);
    await button.click();
    await expect(section.getByRole('status')).toHaveText(t.PublicLink.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page, '[aria-labelledby="public-page"]');

    await section.getByRole('link', { name: t.PublicLink.open }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1, name: fill(t.PublicProfile.title, { pseudonym }) })).toBeVisible();
  });

  test(`${locale}: where the phone can share, the button opens the share sheet with the public page`, async ({ browser, baseURL }) => {
    const { page, pseudonym } = await newSeller(browser, locale, true);
    // Stands in for the phone's share sheet: records what it was given.
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          (window as unknown as { shared: ShareData[] }).shared = [...((window as unknown as { shared?: ShareData[] }).shared ?? []), data];
        },
      });
    });
    await page.goto(`/${locale}/seller`);
    const section = page.getByRole('region', { name: t.PublicLink.title });
    await section.getByRole('button', { name: t.PublicLink.share }).click();
    await expect(section.getByRole('status')).toHaveText(t.PublicLink.shared);
    const shared = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
    expect(shared).toEqual([{ title: fill(t.PublicProfile.title, { pseudonym }), url: `${baseURL}/${locale}/s/${pseudonym}` }]);
  });

  test(`${locale}: sessions are named by their sign-in date, this device is marked`, async ({ browser }) => {
    const { page, pseudonym } = await newBuyer(browser, locale, true);
    const other = await (await browser.newContext(PHONE)).newPage();
    await signIn(other, locale, pseudonym);
    await expect(other).toHaveURL(new RegExp(`/${locale}/buyer$`));

    await page.goto(`/${locale}/account`);
    const list = page.getByRole('list', { name: t.Account.sessionsTitle });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    // Both signed in today: numbered within the day, so that they can be told apart.
    const signedIn = t.Account.sessionSignedIn.split('{created}')[0]!;
    const nth = t.Account.sessionSignedIn.match(/other \{(.*)\}\}$/)![1]!;
    for (const n of [1, 2]) {
      await expect(list.getByRole('listitem').filter({ hasText: nth.replace('#', String(n)) })).toHaveCount(1);
    }
    await expect(list.getByRole('listitem').filter({ hasText: signedIn })).toHaveCount(2);
    const here = list.getByRole('listitem').filter({ hasText: t.Account.thisSession });
    await expect(here).toHaveCount(1);
    await expect(here.locator('summary')).toHaveAttribute('aria-label', new RegExp(`${t.Account.thisSession}$`));
    await expect(list.getByRole('listitem').first()).toContainText(t.Account.sessionLastUsed.split('{used}')[0]!.trim());
    for (const summary of await list.getByText(t.Account.endSession, { exact: true }).all()) await expectTapSize(summary);
    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page, '[aria-labelledby="sessions"]');
  });
}

test('the app icons are our own files: an SVG and PNGs, linked from every page', async ({ page, request }) => {
  await page.goto('/de');
  const links = page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"]');
  const found = await links.evaluateAll((nodes) => nodes.map((n) => ({ rel: n.getAttribute('rel'), href: (n as HTMLLinkElement).href, type: n.getAttribute('type'), sizes: n.getAttribute('sizes') })));
  const origin = new URL(page.url()).origin;
  expect(found.map((l) => [l.rel, l.type])).toEqual(
    expect.arrayContaining([['icon', 'image/svg+xml'], ['icon', 'image/png'], ['apple-touch-icon', 'image/png']]),
  );
  expect(found.find((l) => l.rel === 'apple-touch-icon')?.sizes).toBe('180x180');
  for (const link of found) {
    expect(new URL(link.href).origin).toBe(origin);
    const response = await request.get(link.href);
    expect(response.status(), link.href).toBe(200);
    expect(response.headers()['content-type']).toBe(link.type);
    expect((await response.body()).length).toBeGreaterThan(100);
  }
});
