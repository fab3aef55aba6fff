import { expect, test } from '@playwright/test';
import { E2E_COORDINATOR, messages, recoveryCodesShown, signIn, signOut, signUp, uniquePseudonym, type Locale } from './accounts';

const welcome = (locale: Locale, pseudonym: string) => messages[locale].RoleHome.welcome.replace('{pseudonym}', pseudonym);

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: a buyer signs up, sees recovery codes once, signs out and in again`, async ({ page }) => {
    const pseudonym = uniquePseudonym('buyer');
    await signUp(page, locale, pseudonym);
    await expect(page.getByRole('heading', { name: t.RecoveryCodes.title })).toBeVisible();
    const codes = await recoveryCodesShown(page, locale);
    expect(new Set(codes).size).toBe(8);
    await page.getByRole('link', { name: t.SignUp.continue }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/buyer$`));
    await expect(page.getByRole('heading', { level: 1, name: welcome(locale, pseudonym) })).toBeVisible();

    await signOut(page, locale);
    await page.goto(`/${locale}/buyer`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in\\?next=%2Fbuyer$`));

    await page.getByLabel(t.SignIn.pseudonym).fill(pseudonym.toUpperCase());
    await page.getByLabel(t.SignIn.password).fill('a wrong passphrase here');
    await page.getByRole('button', { name: t.SignIn.submit }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(t.Validation.credentialsInvalid);

    await page.getByLabel(t.SignIn.password).fill('a long enough passphrase');
    await page.getByRole('button', { name: t.SignIn.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/buyer$`));
    await expect(page.getByRole('heading', { level: 1, name: welcome(locale, pseudonym) })).toBeVisible();
  });

  test(`${locale}: seller sign-up without an invite is refused`, async ({ page }) => {
    await page.goto(`/${locale}/sign-up`);
    await page.getByRole('radio', { name: t.SignUp.role.seller }).check();
    await page.getByLabel(t.SignUp.pseudonym).fill(uniquePseudonym('seller'));
    await page.getByLabel(t.SignUp.password, { exact: true }).fill('a long enough passphrase');
    await page.getByLabel(t.SignUp.passwordRepeat).fill('a long enough passphrase');
    await page.getByRole('button', { name: t.SignUp.submit }).click();
    await expect(page.getByLabel(t.SignUp.invite)).toHaveAccessibleDescription(new RegExp(t.Validation.inviteRequired));
    await expect(page.getByRole('heading', { name: t.RecoveryCodes.title })).toHaveCount(0);
  });

  test(`${locale}: weak passwords and bad pseudonyms get clear errors`, async ({ page }) => {
    await page.goto(`/${locale}/sign-up`);
    await page.getByLabel(t.SignUp.pseudonym).fill('a b');
    await page.getByLabel(t.SignUp.password, { exact: true }).fill('password1234');
    await page.getByLabel(t.SignUp.passwordRepeat).fill('password1234');
    await page.getByRole('button', { name: t.SignUp.submit }).click();
    await expect(page.getByLabel(t.SignUp.pseudonym)).toHaveAccessibleDescription(new RegExp(t.Validation.pseudonymCharacters.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(page.getByLabel(t.SignUp.password, { exact: true })).toHaveAccessibleDescription(new RegExp(t.Validation.passwordCommon));
  });
}

test('a coordinator issues an invite and a seller signs up with it; a buyer cannot open seller pages', async ({ page, browser }) => {
  const t = messages.en;
  await signIn(page, 'en', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(page).toHaveURL(/\/en\/coordinator$/);
  await page.getByRole('navigation', { name: messages.en.CoordinatorNav.label }).getByRole('link', { name: messages.en.CoordinatorNav.invites }).click();
  await expect(page).toHaveURL(/\/en\/coordinator\/invites$/);
  await page.getByRole('button', { name: t.Invites.create }).click();
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toContainText(t.Invites.link);
  const link = (await status.locator('code').nth(1).textContent())!;
  expect(link).toMatch(/\/en\/sign-up\?invite=[a-z0-9-]{24}$/);
  await expect(page.getByRole('list', { name: t.Invites.listLabel })).toContainText(t.Invites.status.open);

  const sellerPage = await (await browser.newContext()).newPage();
  const seller = uniquePseudonym('seller');
  await signUp(sellerPage, 'en', seller, { invite: new URL(link).searchParams.get('invite')! });
  await recoveryCodesShown(sellerPage, 'en');
  await sellerPage.getByRole('link', { name: t.SignUp.continue }).click();
  await expect(sellerPage).toHaveURL(/\/en\/seller$/);

  await page.reload();
  // The week of use only (its Monday), never the day the account was made.
  await expect(page.getByRole('list', { name: t.Invites.listLabel })).toContainText('used in the week of');

  const buyerPage = await (await browser.newContext()).newPage();
  await signUp(buyerPage, 'de', uniquePseudonym('buyer'));
  await recoveryCodesShown(buyerPage, 'de');
  const response = await buyerPage.goto('/de/seller');
  expect(response?.status()).toBe(403);
  await expect(buyerPage.getByRole('heading', { level: 1, name: messages.de.Forbidden.title })).toBeVisible();
  expect((await buyerPage.goto('/de/coordinator'))?.status()).toBe(403);
});

test('the session list shows every signed-in browser and ends one', async ({ page, browser }) => {
  const t = messages.en.Account;
  const pseudonym = uniquePseudonym('multi');
  await signUp(page, 'en', pseudonym);
  await recoveryCodesShown(page, 'en');

  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'en', pseudonym);
  await expect(other).toHaveURL(/\/en\/buyer$/);

  await page.goto('/en/account');
  const sessions = page.getByRole('list', { name: t.sessionsTitle });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').filter({ hasText: t.thisSession })).toHaveCount(1);
  const others = sessions.getByRole('listitem').filter({ hasNotText: t.thisSession });
  // Ending a session takes a second step that says what happens.
  await others.getByText(t.endSession, { exact: true }).click();
  await expect(others.getByText(t.endSessionConsequence)).toBeVisible();
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await others.getByRole('button', { name: t.endSessionConfirm }).click();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);

  await other.reload();
  await expect(other).toHaveURL(/\/en\/sign-in\?next=%2Fbuyer$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
});

test('a recovery code resets a forgotten password, once', async ({ page }) => {
  const t = messages.de.Recover;
  const pseudonym = uniquePseudonym('forgot');
  await signUp(page, 'de', pseudonym);
  const [code] = await recoveryCodesShown(page, 'de');
  await signOut(page, 'de');

  for (const expected of ['done', 'fail'] as const) {
    await page.goto('/de/forgot-password');
    await page.getByLabel(t.pseudonym).fill(pseudonym);
    await page.getByLabel(t.code).fill(code!);
    await page.getByLabel(t.password, { exact: true }).fill('another long passphrase');
    await page.getByLabel(t.passwordRepeat).fill('another long passphrase');
    await page.getByRole('button', { name: t.submit }).click();
    if (expected === 'done') await expect(page.getByRole('main').getByRole('status')).toHaveText(t.done);
    else await expect(page.getByRole('main').getByRole('alert')).toHaveText(messages.de.Validation.recoveryInvalid);
  }
  await signIn(page, 'de', pseudonym, 'another long passphrase');
  await expect(page).toHaveURL(/\/de\/buyer$/);
});
