import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_COORDINATOR, signIn } from './accounts';
import { lookUp, newBuyer, newSeller } from './people';

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, where).toEqual([]);
}

for (const locale of ['de', 'en'] as const) {
  test(`${locale}: public pages have no serious accessibility violations`, async ({ page }) => {
    for (const path of ['', '/sign-in', '/sign-up', '/forgot-password', '/no-such-page']) {
      await page.goto(`/${locale}${path}`);
      await expectNoSeriousViolations(page, `${locale}${path}`);
    }
  });

  test(`${locale}: seller, buyer and coordinator pages have no serious accessibility violations`, async ({ browser, page }) => {
    test.setTimeout(90_000);
    const seller = await newSeller(browser, locale);
    for (const path of ['/seller', '/seller/encounters', '/seller/messages', '/seller/warnings', '/account', `/s/${seller.pseudonym}`]) {
      await seller.page.goto(`/${locale}${path}`);
      await expectNoSeriousViolations(seller.page, `${locale}${path}`);
    }
    const buyer = await newBuyer(browser, locale);
    // A look-up result on screen, too.
    await lookUp(seller.page, locale, buyer.pseudonym);
    await expect(seller.page.getByRole('region').first()).toBeVisible();
    await expectNoSeriousViolations(seller.page, `${locale}/seller with a result`);
    for (const path of ['/buyer', '/r/123456', '/seller']) {
      await buyer.page.goto(`/${locale}${path}`);
      await expectNoSeriousViolations(buyer.page, `${locale}${path} as buyer`);
    }
    await signIn(page, locale, E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
    for (const path of ['/coordinator', '/coordinator/invites', '/coordinator/feedback']) {
      await page.goto(`/${locale}${path}`);
      await expectNoSeriousViolations(page, `${locale}${path}`);
    }
  });
}

test('the accessibility check itself finds a serious violation when there is one', async ({ page }) => {
  await page.setContent('<html lang="en"><body><main><img src="data:,"><button></button></main></body></html>');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
});
