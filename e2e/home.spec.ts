import { expect, test } from '@playwright/test';
import de from '../messages/de.json' with { type: 'json' };
import en from '../messages/en.json' with { type: 'json' };

test('the home page is German by default', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/de$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1, name: de.Home.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: de.Home.isNotTitle })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: de.Home.signIn })).toBeVisible();
  await expect(main.getByRole('link', { name: de.Home.signUp })).toBeVisible();
});

test('the home page is English under /en', async ({ page }) => {
  await page.goto('/en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: en.Home.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: en.Home.isNotTitle })).toBeVisible();
});

test('the language switch keeps the page', async ({ page }) => {
  await page.goto('/de/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: de.SignIn.title })).toBeVisible();
  await page.getByRole('navigation', { name: de.Common.mainNav }).getByRole('link', { name: de.Common.switchTo }).click();
  await expect(page).toHaveURL(/\/en\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: en.SignIn.title })).toBeVisible();
});

test('an unknown address shows a localised not-found page', async ({ page }) => {
  for (const [locale, messages] of [['de', de], ['en', en]] as const) {
    const response = await page.goto(`/${locale}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: messages.NotFound.title })).toBeVisible();
  }
});
