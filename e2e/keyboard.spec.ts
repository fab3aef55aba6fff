import { expect, test, type Page } from '@playwright/test';
import { messages, PASSWORD } from './accounts';
import { newBuyer, newSeller } from './people';

/** Tabs until the element with this accessible name has focus, and checks the focus is visible. */
async function tabTo(page: Page, name: string | RegExp) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      const style = getComputedStyle(el);
      return { name: (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), outline: style.outlineStyle, width: style.outlineWidth };
    });
    if (focused && (typeof name === 'string' ? focused.name === name : name.test(focused.name))) {
      expect(focused.outline, `visible focus on ${focused.name}`).not.toBe('none');
      expect(focused.width).not.toBe('0px');
      return;
    }
  }
  throw new Error(`never reached ${name} with Tab`);
}

test('de: sign-in, look-up and recording an encounter work with the keyboard alone', async ({ browser }) => {
  const t = messages.de;
  const seller = await newSeller(browser, 'de');
  const buyer = await newBuyer(browser, 'de');
  const page = seller.page;
  await page.context().clearCookies();

  await page.goto('/de/sign-in');
  await tabTo(page, t.SignIn.pseudonym);
  await page.keyboard.type(seller.pseudonym);
  await tabTo(page, t.SignIn.password);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/de\/seller$/);

  await tabTo(page, t.Lookup.pseudonym);
  await page.keyboard.type(buyer.pseudonym);
  await page.keyboard.press('Enter');
  await expect(page.getByText(t.Lookup.verdict.new.body)).toBeVisible();
  await tabTo(page, t.Lookup.recordFor.replace('{pseudonym}', buyer.pseudonym));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/de\/seller\/encounters\?buyer=/);
  await tabTo(page, t.Encounter.submit);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(t.Encounter.codeLabel)).toHaveText(/^\d{6}$/);
});
