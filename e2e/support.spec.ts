import { expect, test, type Page } from '@playwright/test';
import { E2E_COORDINATOR, messages, signIn, type Locale } from './accounts';
import { expectNoHorizontalOverflow, newBuyer, newSeller } from './people';
import { expectAxeClean, PHONE } from './phone-checks';

// One worker, in this order: the editor's test changes the English text everyone else reads.
test.describe.configure({ mode: 'default' });

/** The support page with the shipped German or English text: emergency numbers as phone links. */
async function expectSupportPage(page: Page, locale: Locale) {
  const t = messages[locale];
  await expect(page.getByRole('heading', { level: 1, name: t.Support.title })).toBeVisible();
  const main = page.getByRole('main');
  for (const number of ['110', '112', '116 016']) await expect(main.getByRole('link', { name: number, exact: true })).toHaveAttribute('href', `tel:${number.replace(' ', '')}`);
  await expect(page.getByRole('button', { name: t.Support.print })).toBeVisible();
}

test('the support page opens signed out, linked from the header and the footer (360 px)', async ({ browser }) => {
  const anonymous = await (await browser.newContext(PHONE)).newPage();
  await anonymous.goto('/de');
  await anonymous.getByRole('navigation', { name: messages.de.Common.mainNav }).getByRole('link', { name: messages.de.Common.support }).click();
  await expect(anonymous).toHaveURL(/\/de\/support$/);
  await expectSupportPage(anonymous, 'de');
  await expect(anonymous.getByRole('main')).toContainText('Rechtsberatung');
  await expect(anonymous.getByRole('main')).toContainText(messages.de.Support.template);
  await expectNoHorizontalOverflow(anonymous);
  await expectAxeClean(anonymous);
  await anonymous.goto('/en');
  await anonymous.getByRole('navigation', { name: messages.en.Guides.nav }).getByRole('link', { name: messages.en.Guides.supportLink }).click();
  await expectSupportPage(anonymous, 'en');
});

// One test per role: signing up a seller and a buyer and signing in a coordinator in one test
// overran the test timeout on a loaded CI machine.
test('a signed-in seller opens the support page', async ({ browser }) => {
  const seller = await newSeller(browser, 'de', true);
  await seller.page.goto('/de/support');
  await expectSupportPage(seller.page, 'de');
});

test('a signed-in buyer opens the support page', async ({ browser }) => {
  const buyer = await newBuyer(browser, 'en', true);
  await buyer.page.goto('/en/support');
  await expectSupportPage(buyer.page, 'en');
});

test('a signed-in coordinator opens the support page', async ({ browser }) => {
  const coordinator = await (await browser.newContext(PHONE)).newPage();
  await signIn(coordinator, 'de', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(coordinator).toHaveURL(/\/de\/coordinator$/);
  await coordinator.goto('/de/support');
  await expectSupportPage(coordinator, 'de');
});

test('printed, the support page is one A6 card without header, navigation or footer', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  for (const locale of ['de', 'en'] as const) {
    await page.goto(`/${locale}/support`);
    await expectSupportPage(page, locale);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header').first()).toBeHidden();
    await expect(page.locator('footer')).toBeHidden();
    await expect(page.getByRole('button', { name: messages[locale].Support.print })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: messages[locale].Support.title })).toBeVisible();
    // Back to no emulation: a PDF of emulated screen media would ignore the print styles.
    await page.emulateMedia({ media: null });
    // Chromium's own print to PDF, at the page's @page size: one page, A6 (105 × 148 mm ≈ 298 × 420 pt).
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g), locale).toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box, locale).not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(298);
    expect(Math.round(Number(box![2]))).toBe(420);
  }
});

test('a coordinator edits the English text with a preview, unsafe Markdown stays text, and resets to the template', async ({ browser }) => {
  const t = messages.en.SupportEdit;
  const page = await (await browser.newContext(PHONE)).newPage();
  await signIn(page, 'en', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(page).toHaveURL(/\/en\/coordinator$/);
  await page.getByRole('navigation', { name: messages.en.CoordinatorNav.label }).getByRole('link', { name: messages.en.CoordinatorNav.support }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  const english = page.getByRole('region', { name: t.language.en });
  const area = english.getByLabel(t.text);
  await expect(area).toHaveValue(/legal adviser/);
  const text = '# Our help line\n- **Ring** [the office](tel:+4930123)\n- <script>window.pwned=1</script> [bad](javascript:alert%281%29)';
  await area.fill(text);
  const preview = english.getByRole('region', { name: t.preview });
  await expect(preview.getByRole('heading', { name: 'Our help line' })).toBeVisible();
  await expect(preview.getByRole('link', { name: 'the office' })).toHaveAttribute('href', 'tel:+4930123');
  await expect(preview).toContainText('<script>window.pwned=1</script> bad');
  await english.getByRole('button', { name: t.save }).click();
  await expect(english.getByRole('status')).toHaveText(t.saved);

  // A text too long is refused in words and kept.
  await area.fill('x'.repeat(5001));
  await english.getByRole('button', { name: t.save }).click();
  await expect(english.getByText(messages.en.Validation.supportTooLong)).toBeVisible();
  await expect(area).toHaveValue('x'.repeat(5001));

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/en/support');
  await expect(visitor.getByRole('heading', { level: 2, name: 'Our help line' })).toBeVisible();
  await expect(visitor.getByRole('main')).toContainText('<script>window.pwned=1</script> bad');
  expect(await visitor.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await expect(visitor.getByRole('main').getByRole('link', { name: 'bad' })).toHaveCount(0);

  // Reset: two deliberate steps, then the template is back.
  await page.reload();
  await english.getByText(t.reset, { exact: true }).click();
  await expect(english.getByText(t.resetConsequence)).toBeVisible();
  await english.getByRole('button', { name: t.resetConfirm }).click();
  await expect(english.getByText(t.resetDone)).toBeVisible();
  await expect(english.getByLabel(t.text)).toHaveValue(/legal adviser/);
  await visitor.reload();
  await expectSupportPage(visitor, 'en');
  await expect(visitor.getByRole('main')).toContainText(messages.en.Support.template);
});

test('the editor is for coordinators only', async ({ browser }) => {
  const seller = await newSeller(browser, 'en', true);
  const response = await seller.page.goto('/en/coordinator/support');
  expect(response?.status()).toBe(403);
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto('/en/coordinator/support');
  await expect(anonymous).toHaveURL(/\/en\/sign-in\?next=/);
});
