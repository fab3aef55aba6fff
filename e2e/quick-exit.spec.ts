import { expect, test, type Page } from '@playwright/test';
import { messages, type Locale } from './accounts';
import { newBuyer, newSeller } from './people';
import { expectTapSize, PHONE } from './phone-checks';

const NEUTRAL = { de: '/rezept.html', en: '/recipe.html' } as const;

/** The neutral page, with nothing of the service in its address, title or text. */
async function expectNeutral(page: Page, locale: Locale) {
  await expect(page).toHaveURL(new RegExp(`${NEUTRAL[locale].replace('.', '\\.')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'de' ? 'Apfelkuchen vom Blech' : 'Sheet-pan apple cake');
  const t = messages[locale].Common;
  const text = `${await page.title()} ${await page.locator('body').innerText()}`;
  for (const word of [t.appName, t.quickExit, t.signOut, 'Kooperative', 'Cooperative', 'screening']) expect(text.toLowerCase()).not.toContain(word.toLowerCase());
}

test('de, 360 px: the quick-exit button replaces the page and its history entry; going back bounces to the neutral page', async ({ browser }) => {
  const t = messages.de;
  const { page } = await newSeller(browser, 'de', true);
  await page.goto('/de/seller');
  // Something typed is kept as the tab's draft (KeptForm) …
  await page.getByLabel(t.Lookup.pseudonym).fill('typed-before-exit');
  await expect.poll(() => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('draft:')).length)).toBeGreaterThan(0);
  // … and a second app page in this tab's history.
  await page.getByRole('navigation', { name: t.SellerNav.label }).getByRole('link', { name: t.SellerNav.encounters, exact: true }).click();
  await expect(page).toHaveURL(/\/de\/seller\/encounters$/);
  const historyBefore = await page.evaluate(() => history.length);

  const exit = page.getByRole('link', { name: t.Common.quickExit });
  await expect(exit).toBeVisible();
  await expectTapSize(exit);
  // Words and an icon, not colour alone.
  await expect(exit).toHaveText(new RegExp(t.Common.quickExit));
  await exit.tap();
  await expectNeutral(page, 'de');
  // Replaced, not pushed: the history did not grow, and the drafts are gone.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('draft:')))).toEqual([]);

  // Back: the look-up page this tab showed before is not shown again: it is replaced at once.
  await page.evaluate(() => history.back());
  await expectNeutral(page, 'de');
  await expect(page.getByLabel(t.Lookup.pseudonym)).toHaveCount(0);

  // Opening the app on purpose (the address bar) works again.
  await page.goto('/de/seller');
  await expect(page.getByLabel(t.Lookup.pseudonym)).toBeVisible();
});

test('en, 360 px: Esc three times leaves at once, signed out too; twice or slowly does not', async ({ browser }) => {
  const t = messages.en;
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.goto('/en/guide/seller');
  await page.goto('/en/support');
  await expect(page.getByRole('heading', { level: 1, name: t.Support.title })).toBeVisible();

  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1_600);
  await page.keyboard.press('Escape');
  // Three presses, but not within 1.5 s: still here.
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/\/en\/support$/);

  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await expectNeutral(page, 'en');
  await page.evaluate(() => history.back());
  await expectNeutral(page, 'en');
  await expect(page.getByRole('heading', { name: t.Guides.seller.title })).toHaveCount(0);
});

test('without JavaScript the quick exit is a plain link to the neutral page', async ({ browser }) => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/de');
  const exit = page.getByRole('link', { name: messages.de.Common.quickExit });
  await expect(exit).toHaveAttribute('href', NEUTRAL.de);
  await exit.click();
  await expectNeutral(page, 'de');
  await context.close();
});

test('the button is on every role\'s pages, in both languages', async ({ browser }) => {
  const buyer = await newBuyer(browser, 'en', true);
  await buyer.page.goto('/en/buyer');
  await expect(buyer.page.getByRole('link', { name: messages.en.Common.quickExit })).toBeVisible();
  await buyer.page.goto('/de/account');
  await expect(buyer.page.getByRole('link', { name: messages.de.Common.quickExit })).toHaveAttribute('href', NEUTRAL.de);
});

test('the script sits in the head: it runs before anything of the page is parsed or painted', async ({ request }) => {
  for (const path of ['/de', '/en/support']) {
    const html = await (await request.get(path)).text();
    const script = html.indexOf("K='quick-exit'");
    expect(script, path).toBeGreaterThan(html.indexOf('<head>'));
    expect(script, path).toBeLessThan(html.indexOf('</head>'));
  }
});
