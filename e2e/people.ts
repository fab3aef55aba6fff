import { expect, type Browser, type Page } from '@playwright/test';
import { E2E_COORDINATOR, messages, recoveryCodesShown, signIn, signUp, uniquePseudonym, type Locale } from './accounts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/**
 * No sideways scrolling at phone width. Polled, because after a viewport change the layout settles asynchronously
 * (the dashboard's charts resize on a ResizeObserver callback and a React render); an overflow that stays still fails.
 */
export async function expectNoHorizontalOverflow(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))
    .toBeLessThanOrEqual(0);
}

/** A new seller, invited through the coordinator's page, signed in in a browser of her own. */
export async function newSeller(browser: Browser, locale: Locale, mobile = false): Promise<{ page: Page; pseudonym: string }> {
  const t = messages[locale];
  const coordinator = await (await browser.newContext()).newPage();
  await signIn(coordinator, locale, E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(coordinator).toHaveURL(new RegExp(`/${locale}/coordinator$`));
  await coordinator.goto(`/${locale}/coordinator/invites`);
  await coordinator.getByRole('button', { name: t.Invites.create }).click();
  const invite = (await coordinator.getByRole('main').getByRole('status').locator('code').first().textContent())!;
  expect(invite).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){4}$/);
  await coordinator.context().close();

  const page = await (await browser.newContext(mobile ? PHONE : {})).newPage();
  const pseudonym = uniquePseudonym('seller');
  await signUp(page, locale, pseudonym, { invite });
  await recoveryCodesShown(page, locale);
  return { page, pseudonym };
}

/** A new buyer signed in in a browser of their own (optionally phone-sized). */
export async function newBuyer(browser: Browser, locale: Locale, mobile = false): Promise<{ page: Page; pseudonym: string }> {
  const context = await browser.newContext(mobile ? PHONE : {});
  const page = await context.newPage();
  const pseudonym = uniquePseudonym('buyer');
  await signUp(page, locale, pseudonym);
  await recoveryCodesShown(page, locale);
  return { page, pseudonym };
}

export async function lookUp(page: Page, locale: Locale, buyer: string) {
  const t = messages[locale].Lookup;
  await page.goto(`/${locale}/seller`);
  await page.getByLabel(t.pseudonym).fill(buyer);
  await page.getByRole('button', { name: t.submit }).click();
}

/** The look-up by a phone number, plate or handle on the seller's start page; returns its answer. */
export async function checkIdentifier(page: Page, locale: Locale, kind: 'phone' | 'plate' | 'handle', value: string, platform?: string) {
  const t = messages[locale].Reports;
  await page.goto(`/${locale}/seller`);
  const form = page.getByRole('region', { name: t.lookupTitle });
  await form.getByRole('radio', { name: t.kind[kind], exact: true }).check();
  await form.getByLabel(t.lookupValue).fill(value);
  if (platform) await form.getByLabel(t.platform).selectOption({ label: platform });
  await form.getByRole('button', { name: t.lookupSubmit }).click();
  return form.getByRole('status');
}
