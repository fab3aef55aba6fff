import { expect, type Page } from '@playwright/test';
import de from '../messages/de.json' with { type: 'json' };
import en from '../messages/en.json' with { type: 'json' };
import { rememberSecret } from './secrets-log';

export const messages = { de, en } as const;
export type Locale = keyof typeof messages;

export const E2E_COORDINATOR = { pseudonym: 'e2e-coordinator', password: 'coordinator e2e passphrase' };
export const PASSWORD = 'a long enough passphrase';

export function uniquePseudonym(prefix: string): string {
  const pseudonym = `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  rememberSecret('pseudonym', pseudonym); // global-teardown.ts checks the server log for it
  return pseudonym;
}

export async function signUp(page: Page, locale: Locale, pseudonym: string, options: { invite?: string } = {}) {
  const t = messages[locale].SignUp;
  await page.goto(options.invite ? `/${locale}/sign-up?invite=${options.invite}` : `/${locale}/sign-up`);
  if (options.invite) await expect(page.getByLabel(t.invite)).toHaveValue(options.invite);
  await page.getByLabel(t.pseudonym).fill(pseudonym);
  await page.getByLabel(t.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(t.passwordRepeat).fill(PASSWORD);
  // A buyer's explicit consent (GDPR Art. 9(2)(a)): never ticked in advance.
  if (!options.invite) {
    const consent = page.getByRole('checkbox', { name: t.consent });
    await expect(consent).not.toBeChecked();
    await consent.check();
  }
  await page.getByRole('button', { name: t.submit }).click();
}

export async function recoveryCodesShown(page: Page, locale: Locale): Promise<string[]> {
  const list = page.getByRole('list', { name: messages[locale].RecoveryCodes.listLabel });
  await expect(list.getByRole('listitem')).toHaveCount(8);
  return list.getByRole('listitem').allTextContents();
}

export async function signIn(page: Page, locale: Locale, pseudonym: string, password = PASSWORD) {
  const t = messages[locale].SignIn;
  await page.goto(`/${locale}/sign-in`);
  await page.getByLabel(t.pseudonym).fill(pseudonym);
  await page.getByLabel(t.password).fill(password);
  await page.getByRole('button', { name: t.submit }).click();
}

export async function signOut(page: Page, locale: Locale) {
  const t = messages[locale].Common;
  await page.getByRole('navigation', { name: t.mainNav }).getByRole('button', { name: t.signOut }).click();
  await expect(page.getByRole('navigation', { name: t.mainNav }).getByRole('link', { name: t.signIn })).toBeVisible();
}

/** Signs the coordinator in on this page and issues a seller invite; returns the invite code. */
export async function issueInvite(page: Page): Promise<string> {
  const t = messages.en.Invites;
  await signIn(page, 'en', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(page).toHaveURL(/\/en\/coordinator$/);
  await page.getByRole('navigation', { name: messages.en.CoordinatorNav.label }).getByRole('link', { name: messages.en.CoordinatorNav.invites }).click();
  await expect(page).toHaveURL(/\/en\/coordinator\/invites$/);
  await page.getByRole('button', { name: t.create }).click();
  const status = page.getByRole('main').getByRole('status');
  await expect(status).toContainText(t.link);
  const link = (await status.locator('code').nth(1).textContent())!;
  expect(link).toMatch(/\/en\/sign-up\?invite=[a-z0-9-]{24}$/);
  return new URL(link).searchParams.get('invite')!;
}
