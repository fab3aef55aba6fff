import { expect, test, type Page } from '@playwright/test';
import { messages, type Locale } from './accounts';
import { expectNoHorizontalOverflow, newSeller } from './people';
import { withWarningBoard } from './warning-board';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A date as each locale writes it: dd.mm.yyyy in German, "Dec 2, 2026" in English. */
const DATE = { de: String.raw`\d{2}\.\d{2}\.\d{4}`, en: String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4}` } as const;
/** The template with each {placeholder} as a date. */
const withDates = (locale: Locale, template: string) => new RegExp(escape(template).replace(/\\\{\w+\\\}/g, DATE[locale]));

function parseGerman(d: string): number {
  const [day, month, year] = d.split('.').map(Number);
  return Date.UTC(year!, month! - 1, day!);
}

async function expectNoIsoDate(page: Page) {
  await expect(page.getByRole('main')).not.toContainText(/\d{4}-\d{2}-\d{2}/);
}

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale];

  test(`${locale}: at 360 px the navigation marks the current page, and dates are in the locale's one format`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { page } = await newSeller(browser, locale, true);
    const tools = page.getByRole('navigation', { name: t.SellerNav.label });
    const link = (name: string) => tools.getByRole('link', { name, exact: true });

    await page.goto(`/${locale}/seller/encounters`);
    await expect(link(t.SellerNav.encounters)).toHaveAttribute('aria-current', 'page');
    await expect(link(t.SellerNav.lookup)).not.toHaveAttribute('aria-current');
    await expect(tools.locator('[aria-current="page"]')).toHaveCount(1);
    // Moving by the navigation itself (no full reload) moves the mark too.
    await link(t.SellerNav.messages).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/seller/messages$`));
    await expect(link(t.SellerNav.messages)).toHaveAttribute('aria-current', 'page');
    await expect(link(t.SellerNav.encounters)).not.toHaveAttribute('aria-current');
    // The header's and the footer's navigations mark theirs as well.
    await page.getByRole('navigation', { name: t.Common.mainNav }).getByRole('link', { name: /\(/ }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/account$`));
    await expect(page.getByRole('navigation', { name: t.Common.mainNav }).locator('[aria-current="page"]')).toHaveAttribute('href', `/${locale}/account`);
    await page.getByRole('navigation', { name: t.Guides.nav }).getByRole('link', { name: t.Guides.privacyLink }).click();
    await expect(page.getByRole('navigation', { name: t.Guides.nav }).getByRole('link', { name: t.Guides.privacyLink })).toHaveAttribute('aria-current', 'page');
    await expect(tools.locator('[aria-current]')).toHaveCount(0);

    // An encounter on record: its dates in the history, created and valid until 30 days later.
    await page.goto(`/${locale}/seller/encounters`);
    await page.getByLabel(t.Encounter.unbound).check();
    await page.getByRole('button', { name: t.Encounter.submit }).click();
    await expect(page.getByRole('heading', { name: t.Encounter.codeTitle })).toBeVisible();
    await page.reload();
    const entry = page.getByRole('list', { name: t.Encounter.historyTitle }).getByRole('listitem').first();
    await expect(entry).toContainText(withDates(locale, t.Encounter.created));
    await expect(entry).toContainText(withDates(locale, t.Encounter.expiresShort));
    if (locale === 'de') {
      const [created, expires] = (await entry.textContent())!.match(new RegExp(DATE.de, 'g'))!;
      expect((parseGerman(expires!) - parseGerman(created!)) / 86_400_000).toBe(30);
    }
    await expectNoIsoDate(page);
    await expectNoHorizontalOverflow(page);
  });

  test(`${locale}: at 360 px a new warning shows as a badge in words until the seller opens the board; its dates are worded`, async ({ browser }) => {
    test.setTimeout(180_000);
    const ann = await newSeller(browser, locale, true);
    const bea = await newSeller(browser, locale, true);
    const annTools = ann.page.getByRole('navigation', { name: t.SellerNav.label });
    const badged = new RegExp(`^${escape(t.SellerNav.warnings)}\\s*${escape(t.SellerNav.newWarnings).replace('\\{count\\}', '[1-9]\\d*')}$`);
    const warningsLink = annTools.getByRole('link', { name: new RegExp(`^${escape(t.SellerNav.warnings)}`) });

    // No other test's warning may land between her opening the board and the cleared badge.
    const warning = `Badge check (${locale}) ${Date.now()}`;
    await withWarningBoard(async () => {
      // Whatever was on the board before counts as seen once she has opened it.
      await ann.page.goto(`/${locale}/seller/warnings`);
      await ann.page.goto(`/${locale}/seller`);
      await expect(warningsLink).toHaveAccessibleName(t.SellerNav.warnings);

      await bea.page.goto(`/${locale}/seller/warnings`);
      await bea.page.getByLabel(t.Messages.warningBody, { exact: true }).fill(warning);
      await bea.page.getByRole('button', { name: t.Messages.post }).click();
      await expect(bea.page.getByRole('main').getByRole('status')).toHaveText(t.Messages.sent);
      // Her own warning is not news to her.
      await bea.page.goto(`/${locale}/seller`);
      await expect(bea.page.getByRole('navigation', { name: t.SellerNav.label }).getByRole('link', { name: new RegExp(`^${escape(t.SellerNav.warnings)}`) })).toHaveAccessibleName(t.SellerNav.warnings);
      // A direct message too, for the dates on the messages page.
      await bea.page.goto(`/${locale}/seller/messages`);
      await bea.page.getByLabel(t.Messages.to).fill(ann.pseudonym);
      await bea.page.getByLabel(t.Messages.body, { exact: true }).fill('Dates check');
      await bea.page.getByRole('button', { name: t.Messages.send }).click();
      await expect(bea.page.getByRole('main').getByRole('status')).toHaveText(t.Messages.sent);

      await ann.page.goto(`/${locale}/seller`);
      await expect(warningsLink).toHaveAccessibleName(badged);
      await expect(warningsLink.getByText(new RegExp(`^${escape(t.SellerNav.newWarnings).replace('\\{count\\}', '[1-9]\\d*')}$`))).toBeVisible();
      await expectNoHorizontalOverflow(ann.page);

      await warningsLink.click();
      await expect(ann.page).toHaveURL(new RegExp(`/${locale}/seller/warnings$`));
      await expect(warningsLink).toHaveAttribute('aria-current', 'page');
      await expect(warningsLink).toHaveAccessibleName(t.SellerNav.warnings);
      const item = ann.page.getByRole('list', { name: t.Messages.boardTitle }).getByRole('listitem').filter({ hasText: warning });
      await expect(item).toContainText(withDates(locale, t.Messages.expiresOn));
      await expect(item).toContainText(new RegExp(`${escape(fill(t.Messages.from, { pseudonym: bea.pseudonym }))} · ${DATE[locale]} · `));
      await expectNoIsoDate(ann.page);

      // Cleared for good: after moving on within the app, and after a fresh load.
      await annTools.getByRole('link', { name: t.SellerNav.lookup, exact: true }).click();
      await expect(ann.page).toHaveURL(new RegExp(`/${locale}/seller$`));
      await expect(warningsLink).toHaveAccessibleName(t.SellerNav.warnings);
      await ann.page.reload();
      await expect(warningsLink).toHaveAccessibleName(t.SellerNav.warnings);
    });

    // The conversation shows its dates the same way.
    await ann.page.goto(`/${locale}/seller/messages/${bea.pseudonym}`);
    const received = ann.page.getByRole('listitem').filter({ hasText: 'Dates check' });
    await expect(received).toContainText(withDates(locale, t.Messages.expiresOn));
    await expect(received).toContainText(new RegExp(` · ${DATE[locale]} · `));
    await expectNoIsoDate(ann.page);
  });
}
