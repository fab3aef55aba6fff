import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_COORDINATOR, PASSWORD, messages, recoveryCodesShown, signIn, uniquePseudonym } from './accounts';
import { expectNoHorizontalOverflow, newBuyer, newSeller } from './people';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const today = () => new Date().toISOString().slice(0, 10);

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: a buyer must tick the consent box at sign-up (360 px); only the day is kept`, async ({ browser }) => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`/${locale}/sign-up`);
    const consent = page.getByRole('checkbox', { name: t.SignUp.consent });
    await expect(consent).not.toBeChecked();
    await expect(page.getByText(t.SignUp.consentPurpose)).toBeVisible();
    await page.getByLabel(t.SignUp.pseudonym).fill(uniquePseudonym('consent'));
    await page.getByLabel(t.SignUp.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(t.SignUp.passwordRepeat).fill(PASSWORD);
    await page.getByRole('button', { name: t.SignUp.submit }).click();
    await expect(consent).toHaveAccessibleDescription(new RegExp(t.Validation.consentRequired.slice(0, 30)));
    await expect(page.getByRole('heading', { name: t.RecoveryCodes.title })).toHaveCount(0);
    await expectNoHorizontalOverflow(page);

    // Sellers are members: no consent box for them.
    await page.getByRole('radio', { name: t.SignUp.role.seller }).check();
    await expect(page.getByRole('checkbox', { name: t.SignUp.consent })).toHaveCount(0);
    await page.getByRole('radio', { name: t.SignUp.role.buyer }).check();

    await page.getByRole('checkbox', { name: t.SignUp.consent }).check();
    await page.getByLabel(t.SignUp.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(t.SignUp.passwordRepeat).fill(PASSWORD);
    await page.getByRole('button', { name: t.SignUp.submit }).click();
    await recoveryCodesShown(page, locale);

    // The account page offers the download; the file says consent was given today, nothing more.
    await page.goto(`/${locale}/account`);
    await expect(page.getByText(t.Account.consentWithdraw)).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: t.Account.dataDownload }).click()]);
    const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(data.account.role).toBe('buyer');
    expect(data.account.consent).toEqual({ given: today(), basis: 'GDPR Art. 9(2)(a)', withdraw: 'delete the account' });
    expect(JSON.stringify(data)).not.toMatch(/\$argon2/);
    await expectNoHorizontalOverflow(page);
    await page.context().close();
  });
}

test('the export API: session only, no-store, an attachment', async ({ browser, request }) => {
  expect((await request.get('/api/account/export')).status()).toBe(401);
  const { page, pseudonym } = await newBuyer(browser, 'en');
  const response = await page.request.get('/api/account/export');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
  expect((await response.json()).account.pseudonym).toBe(pseudonym);
});

test('a buyer contests a flag; a coordinator reviews it without the rater and removes it; the changelog says so', async ({ browser }) => {
  test.setTimeout(120_000);
  const t = messages.en;
  const seller = await newSeller(browser, 'en');
  const buyer = await newBuyer(browser, 'en', true);
  const flagged = await seller.page.request.post('/api/codes/generate', { data: { buyer: buyer.pseudonym, safe: false, reliable: true } });
  expect(flagged.status()).toBe(201);

  // The buyer's page: the contest form, a reason and a short note.
  await buyer.page.goto('/en/buyer');
  await expect(buyer.page.getByRole('heading', { name: t.Contest.title })).toBeVisible();
  await buyer.page.getByRole('radio', { name: t.Contest.reasons.never_met }).check();
  await buyer.page.getByLabel(t.Contest.note).fill('I was not in town');
  await buyer.page.getByRole('button', { name: t.Contest.submit }).click();
  // The page is re-rendered at once: the form gives way to the open review (no second one).
  await expect(buyer.page.getByRole('status').filter({ hasText: t.Contest.open })).toBeVisible();
  await expect(buyer.page.getByRole('button', { name: t.Contest.submit })).toHaveCount(0);
  await expectNoHorizontalOverflow(buyer.page);

  // The coordinator's queue, reached from the start page.
  const coordinator = await (await browser.newContext(PHONE)).newPage();
  await signIn(coordinator, 'en', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(coordinator).toHaveURL(/\/en\/coordinator$/);
  await coordinator.getByRole('link', { name: t.Dashboard.reviewsLink }).click();
  await expect(coordinator.getByRole('heading', { level: 1, name: t.Reviews.title })).toBeVisible();
  const item = coordinator.getByRole('article').filter({ hasText: buyer.pseudonym });
  await expect(item).toBeVisible();
  await expect(item.getByText('I was not in town')).toBeVisible();
  await expect(item.getByText(/^Unsafe, on /)).toBeVisible();
  await expect(item).not.toContainText(seller.pseudonym);
  await expectNoHorizontalOverflow(coordinator);

  // Removal takes two deliberate steps.
  await item.getByText(t.Reviews.remove).click();
  await item.getByRole('button', { name: t.Reviews.removeConfirm }).click();
  await expect(item.getByText(t.Reviews.noFlags)).toBeVisible();
  await expect(item.getByText(/unsafe: 0 \(from 0 sellers\)/)).toBeVisible();
  await item.getByRole('button', { name: t.Reviews.close }).click();
  await expect(item.getByText(/^Closed on /)).toBeVisible();

  // The public changelog: a date and what happened, no names.
  await coordinator.goto('/en/privacy');
  const changelog = coordinator.getByRole('region', { name: t.PrivacyRights.changelogTitle }).or(coordinator.locator('section', { has: coordinator.getByRole('heading', { name: t.PrivacyRights.changelogTitle }) }));
  await expect(changelog.getByText(/a flag was removed after a review\.$/).first()).toBeVisible();
  await expect(changelog).not.toContainText(buyer.pseudonym);
});
