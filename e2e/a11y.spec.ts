import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_COORDINATOR, signIn } from './accounts';
import { lookUp, newBuyer, newSeller } from './people';

/** Every request any page of this browser makes; at the end, none may go to another host. */
function watchRequests(page: Page): string[] {
  const seen: string[] = [];
  page.context().on('request', (r) => seen.push(r.url()));
  return seen;
}

function foreign(urls: string[], baseURL: string): string[] {
  const own = new URL(baseURL).host;
  return urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).host !== own);
}

/** Also at phone width: no sideways scrolling, and a screenshot to look at. */
async function expectNoSeriousViolations(page: Page, where: string) {
  const width = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} at 360 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath(`${where.replace(/[^a-z0-9]+/gi, '_')}-360px.png`), fullPage: true });
  if (width) await page.setViewportSize(width);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(serious, where).toEqual([]);
}

for (const locale of ['de', 'en'] as const) {
  test(`${locale}: public pages have no serious accessibility violations`, async ({ page }) => {
    for (const path of ['', '/sign-in', '/sign-up', '/forgot-password', '/no-such-page', '/guide/scores', '/guide/seller', '/guide/buyer', '/privacy']) {
      await page.goto(`/${locale}${path}`);
      await expectNoSeriousViolations(page, `${locale}${path}`);
    }
  });

  test(`${locale}: seller, buyer and coordinator pages have no serious accessibility violations, and request nothing elsewhere`, async ({ browser, page, baseURL }) => {
    test.setTimeout(90_000);
    const seller = await newSeller(browser, locale);
    const sellerRequests = watchRequests(seller.page);
    for (const path of ['/seller', '/seller/encounters', '/seller/messages', '/seller/warnings', '/account', `/s/${seller.pseudonym}`]) {
      await seller.page.goto(`/${locale}${path}`);
      await expectNoSeriousViolations(seller.page, `${locale}${path}`);
    }
    const buyer = await newBuyer(browser, locale);
    const buyerRequests = watchRequests(buyer.page);
    const coordinatorRequests = watchRequests(page);
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
    const all = [...sellerRequests, ...buyerRequests, ...coordinatorRequests];
    expect(all.length).toBeGreaterThan(20);
    expect(foreign(all, baseURL!)).toEqual([]);
  });
}

test('the accessibility check itself finds a serious violation when there is one', async ({ page }) => {
  await page.setContent('<html lang="en"><body><main><img src="data:,"><button></button></main></body></html>');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
});
