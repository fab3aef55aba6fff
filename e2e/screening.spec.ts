import { expect, test } from '@playwright/test';
import { messages, PASSWORD } from './accounts';
import { rememberSecret } from './secrets-log';
import { expectNoHorizontalOverflow, lookUp, newBuyer, newSeller } from './people';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: look-up → encounter → redemption → ratings, live for the next seller`, async ({ browser }, testInfo) => {
    test.setTimeout(180_000);
    const anna = await newSeller(browser, locale);
    const bea = await newSeller(browser, locale, true);
    const buyer = await newBuyer(browser, locale, true);

    // The buyer's own score before anything happens: none yet, and why, with nothing pending shown.
    await buyer.page.goto(`/${locale}/buyer`);
    const ownScore = buyer.page.getByRole('region', { name: t.OwnScore.title });
    await expect(ownScore).toContainText(t.OwnScore.none);
    const before = await ownScore.textContent();

    // 1. Anna looks up the new buyer.
    await lookUp(anna.page, locale, buyer.pseudonym);
    await expect(anna.page.getByRole('heading', { name: fill(t.Lookup.resultTitle, { pseudonym: buyer.pseudonym }) })).toBeVisible();
    await expect(anna.page.getByRole('status').filter({ hasText: t.Lookup.verdict.new.title })).toContainText(t.Lookup.verdict.new.body);

    // 2. She records the encounter, bound to that buyer, and flags them unsafe but reliable.
    await anna.page.getByRole('link', { name: fill(t.Lookup.recordFor, { pseudonym: buyer.pseudonym }) }).click();
    await expect(anna.page.getByLabel(t.Encounter.buyer)).toHaveValue(buyer.pseudonym);
    await anna.page.getByRole('radiogroup', { name: t.Flags.safe.question }).getByRole('radio', { name: t.Flags.no }).check();
    await anna.page.getByRole('radiogroup', { name: t.Flags.reliable.question }).getByRole('radio', { name: t.Flags.yes }).check();
    await anna.page.getByRole('button', { name: t.Encounter.submit }).click();
    const code = (await anna.page.getByLabel(t.Encounter.codeLabel).textContent())!;
    expect(code).toMatch(/^\d{6}$/);
    rememberSecret('code', code);
    await expect(anna.page.getByText(fill(t.Encounter.boundTo, { buyer: buyer.pseudonym }))).toBeVisible();
    await expect(anna.page.getByText(t.Encounter.ratedToo)).toBeVisible();
    const link = (await anna.page.getByRole('main').getByRole('status').locator('code').textContent())!;
    expect(link).toMatch(new RegExp(`/${locale}/r/${code}$`));

    // 3. The buyer follows the link signed out, signs in, comes back, redeems and rates.
    const { page } = buyer;
    await page.context().clearCookies();
    await page.goto(new URL(link).pathname);
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?next=%2Fr%2F${code}$`));
    await page.getByLabel(t.SignIn.pseudonym).fill(buyer.pseudonym);
    await page.getByLabel(t.SignIn.password).fill(PASSWORD);
    await page.getByRole('button', { name: t.SignIn.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/r/${code}$`));
    await expect(page.getByLabel(t.Redeem.code)).toHaveValue(code);
    await page.getByRole('button', { name: t.Redeem.submit }).click();
    await expect(page.getByText(fill(t.Redeem.done, { seller: anna.pseudonym }))).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: testInfo.outputPath('redeemed-360px.png'), fullPage: true });
    await page.getByRole('radiogroup', { name: t.Flags.safe.question }).getByRole('radio', { name: t.Flags.yes }).check();
    await page.getByRole('button', { name: t.Flags.submit }).click();
    await expect(page.getByText(t.Flags.thanks)).toBeVisible();

    // 4. Bea's look-up shows Anna's flag at once.
    await lookUp(bea.page, locale, buyer.pseudonym);
    await expect(bea.page.getByText(fill(t.Lookup.unsafeCount, { count: 1, of: 1, sellers: 1, allSellers: 1 }))).toBeVisible();
    await expect(bea.page.getByText(fill(t.Lookup.unreliableCount, { count: 0, of: 1, sellers: 0, allSellers: 1 }))).toBeVisible();
    await expectNoHorizontalOverflow(bea.page);
    await bea.page.screenshot({ path: testInfo.outputPath('lookup-360px.png'), fullPage: true });

    // 5. The same code fails a second time, with the one answer for every invalid code.
    await page.goto(`/${locale}/buyer`);
    await page.getByLabel(t.Redeem.code).fill(code);
    await page.getByRole('button', { name: t.Redeem.submit }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(t.Validation.invalidCode);

    // 6. The buyer's own score has not moved: one rating never shows (three from three raters, weekly).
    await expect(page.getByRole('region', { name: t.OwnScore.title })).toHaveText(before!);

    // Anna's history shows the encounter redeemed and rated.
    await anna.page.goto(`/${locale}/seller/encounters`);
    const history = anna.page.getByRole('list', { name: t.Encounter.historyTitle });
    await expect(history.getByRole('listitem').first()).toContainText(t.Encounter.status.redeemed);
    await expect(history.getByRole('listitem').first()).toContainText(t.Encounter.rated);
  });
}

test('buyers cannot open seller tools, sellers cannot redeem', async ({ browser }) => {
  const buyer = await newBuyer(browser, 'en');
  expect((await buyer.page.goto('/en/seller/encounters'))?.status()).toBe(403);
  const seller = await newSeller(browser, 'en');
  expect((await seller.page.goto('/en/r/123456'))?.status()).toBe(403);
});
