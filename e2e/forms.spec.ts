import { expect, test } from '@playwright/test';
import { createTranslator } from 'next-intl';
import { messages, PASSWORD } from './accounts';
import { expectNoHorizontalOverflow, newBuyer, newSeller } from './people';
import { withWarningBoard } from './warning-board';

// No form loses what was typed: not on a refusal, not when the session has expired; a second
// same-day rating is refused in words; deleting takes a deliberate second step. At 360 px.

for (const locale of ['de', 'en'] as const) {
  const m = messages[locale];
  const t = createTranslator({ locale, messages: m });

  test(`${locale}: a refused encounter keeps the pseudonym and both choices; a second rating today is refused in words`, async ({ browser }) => {
    test.setTimeout(180_000);
    const seller = await newSeller(browser, locale, true);
    const buyer = await newBuyer(browser, locale);
    const { page } = seller;
    await page.goto(`/${locale}/seller/encounters`);
    const safe = page.getByRole('radiogroup', { name: m.Flags.safe.question });
    const reliable = page.getByRole('radiogroup', { name: m.Flags.reliable.question });
    await page.getByLabel(m.Encounter.buyer).fill('no-such-client-here');
    await safe.getByRole('radio', { name: m.Flags.no }).check();
    await reliable.getByRole('radio', { name: m.Flags.yes }).check();
    await page.getByRole('button', { name: m.Encounter.submit }).click();
    await expect(page.getByText(m.Validation.buyerUnknown)).toBeVisible();
    await expect(page.getByLabel(m.Encounter.buyer)).toHaveValue('no-such-client-here');
    await expect(page.getByLabel(m.Encounter.buyer)).toBeFocused();
    await expect(safe.getByRole('radio', { name: m.Flags.no })).toBeChecked();
    await expect(reliable.getByRole('radio', { name: m.Flags.yes })).toBeChecked();
    await expectNoHorizontalOverflow(page);

    // Corrected, it records the encounter and the rating.
    await page.getByLabel(m.Encounter.buyer).fill(buyer.pseudonym);
    await page.getByRole('button', { name: m.Encounter.submit }).click();
    await expect(page.getByText(m.Encounter.ratedToo)).toBeVisible();
    // A second encounter with the same client today: recorded, and the rating refused in words.
    await page.goto(`/${locale}/seller/encounters?buyer=${buyer.pseudonym}`);
    await safe.getByRole('radio', { name: m.Flags.yes }).check();
    await page.getByRole('button', { name: m.Encounter.submit }).click();
    await expect(page.getByLabel(m.Encounter.codeLabel)).toHaveText(/^\d{6}$/);
    await expect(page.getByText(t('Encounter.ratingRefusedToday', { buyer: buyer.pseudonym }))).toBeVisible();
    await expect(page.getByText(m.Encounter.ratedToo)).toHaveCount(0);
  });

  test(`${locale}: sign-up keeps everything on a refusal, passwords included`, async ({ browser }) => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await page.goto(`/${locale}/sign-up`);
    await page.getByLabel(m.SignUp.pseudonym).fill('keeps-input');
    await page.getByLabel(m.SignUp.password, { exact: true }).fill(PASSWORD);
    await page.getByLabel(m.SignUp.passwordRepeat).fill(`${PASSWORD}x`);
    await page.getByRole('button', { name: m.SignUp.submit }).click();
    await expect(page.getByText(m.Validation.passwordMismatch)).toBeVisible();
    await expect(page.getByLabel(m.SignUp.pseudonym)).toHaveValue('keeps-input');
    await expect(page.getByLabel(m.SignUp.password, { exact: true })).toHaveValue(PASSWORD);
    await expect(page.getByLabel(m.SignUp.passwordRepeat)).toHaveValue(`${PASSWORD}x`);
    await expect(page.getByLabel(m.SignUp.passwordRepeat)).toBeFocused();
  });

  test(`${locale}: a warning survives an expired session, and a text over the limit is refused, never cut`, async ({ browser }) => {
    test.setTimeout(180_000);
    const seller = await newSeller(browser, locale, true);
    const { page } = seller;
    await page.goto(`/${locale}/seller/warnings`);
    const body = page.getByLabel(m.Messages.warningBody, { exact: true });
    const long = 'x'.repeat(2003);
    await body.fill(long);
    await expect(page.getByText(t('Common.tooLong', { over: 3, max: 2000 }))).toBeVisible();
    await page.getByRole('button', { name: m.Messages.post }).click();
    await expect(page.getByText(m.Validation.messageTooLong)).toBeVisible();
    await expect(body).toHaveValue(long);

    // The session ends (as after 30 idle minutes); what she typed comes back after signing in.
    const text = `Drove off without paying (${locale})`;
    await body.fill(text);
    await page.getByRole('radio', { name: t('Messages.days', { count: 30 }) }).check();
    await page.context().clearCookies();
    await page.getByRole('button', { name: m.Messages.post }).click();
    await expect(page.getByText(m.Errors.sessionExpired)).toBeVisible();
    await expect(body).toHaveValue(text);
    await page.getByRole('link', { name: m.Errors.signInAgain }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?next=%2Fseller%2Fwarnings$`));
    await page.getByLabel(m.SignIn.pseudonym).fill(seller.pseudonym);
    await page.getByLabel(m.SignIn.password).fill(PASSWORD);
    await page.getByRole('button', { name: m.SignIn.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/seller/warnings$`));
    await expect(page.getByLabel(m.Messages.warningBody, { exact: true })).toHaveValue(text);
    await expect(page.getByRole('radio', { name: t('Messages.days', { count: 30 }) })).toBeChecked();

    // Posted: the draft is forgotten.
    const mine = page.getByRole('listitem').filter({ hasText: text });
    await withWarningBoard(async () => {
      await page.getByRole('button', { name: m.Messages.post }).click();
      await expect(mine).toBeVisible();
    });
    await page.reload();
    await expect(page.getByLabel(m.Messages.warningBody, { exact: true })).toHaveValue('');

    // Deleting it takes a second, deliberate step with the consequence in words.
    await mine.getByText(m.Messages.delete, { exact: true }).click();
    await expect(mine.getByText(m.Messages.deleteConsequence)).toBeVisible();
    await expect(mine).toBeVisible();
    await mine.getByRole('button', { name: m.Messages.deleteConfirm }).click();
    await expect(page.getByRole('listitem').filter({ hasText: text })).toHaveCount(0);
  });
}
