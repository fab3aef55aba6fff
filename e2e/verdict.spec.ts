import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createTranslator } from 'next-intl';
import { messages } from './accounts';
import { expectNoHorizontalOverflow, lookUp, newBuyer, newSeller } from './people';

// Each verdict state of the look-up, at 360 px in both locales: the answer first, in words, with a
// symbol beside the colour. SCREENSHOTS=docs/screenshots also writes the README's pictures.

const today = () => new Date().toISOString().slice(0, 10);

/** The seller records an encounter with the buyer and rates at once, through the API her session may use. */
async function rate(page: Page, buyer: string, safe: boolean | null, reliable: boolean | null) {
  const response = await page.request.post('/api/codes/generate', { data: { buyer, safe, reliable } });
  expect(response.status()).toBe(201);
  expect((await response.json()).rated).toBe(true);
}

for (const locale of ['de', 'en'] as const) {
  const t = createTranslator({ locale, messages: messages[locale], namespace: 'Lookup' });

  test(`${locale}: the look-up answers first: new, no warnings, caution, warnings`, async ({ browser }, testInfo) => {
    // Three sellers and four buyers signed up through the pages: slow on a loaded two-core machine.
    test.setTimeout(300_000);
    const anna = await newSeller(browser, locale, true);
    const bea = await newSeller(browser, locale);
    const cleo = await newSeller(browser, locale);
    const buyers = await Promise.all([newBuyer(browser, locale), newBuyer(browser, locale), newBuyer(browser, locale), newBuyer(browser, locale)]);
    const [fresh, clear, caution, flagged] = buyers.map((b) => b.pseudonym) as [string, string, string, string];
    await rate(bea.page, clear, true, true);
    await rate(cleo.page, clear, true, null);
    await rate(bea.page, caution, true, false);
    await rate(bea.page, flagged, true, true);
    await rate(cleo.page, flagged, false, true);

    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(today()));
    const cases = [
      { buyer: fresh, state: 'new', title: t('verdict.new.title'), line: t('verdict.new.body') },
      { buyer: clear, state: 'clear', title: t('verdict.clear.title'), line: t('verdict.clear.body', { ratings: 2, sellers: 2 }) },
      { buyer: caution, state: 'caution', title: t('verdict.caution.title'), line: t('verdict.caution.body', { unreliableSellers: 1, sellers: 1 }) },
      { buyer: flagged, state: 'warnings', title: t('verdict.warnings.title'), line: t('verdict.warnings.flags', { unsafeSellers: 1, sellers: 2, date }) },
    ] as const;
    for (const c of cases) {
      await lookUp(anna.page, locale, c.buyer);
      const verdict = anna.page.getByRole('status').filter({ hasText: c.title });
      await expect(verdict).toBeVisible();
      await expect(verdict).toHaveAttribute('data-verdict', c.state);
      await expect(verdict).toContainText(c.line);
      // The verdict comes before the figures, and the influence sits behind "how this is computed".
      const card = anna.page.getByRole('region', { name: t('resultTitle', { pseudonym: c.buyer }) });
      const order = await card.evaluate((el, title) => {
        const text = el.textContent ?? '';
        return { verdict: text.indexOf(title), figures: text.indexOf(el.querySelector('dl')?.textContent ?? '\u0000') };
      }, c.title);
      if (c.state !== 'new') expect(order.verdict).toBeLessThan(order.figures);
      if (c.state !== 'new') await expect(card.getByText(t('howTitle'))).toBeVisible();
      await expectNoHorizontalOverflow(anna.page);
      const shot = `lookup-${c.state}-${locale}.png`;
      await anna.page.screenshot({ path: testInfo.outputPath(shot), fullPage: true });
      if (process.env.SCREENSHOTS) {
        fs.mkdirSync(process.env.SCREENSHOTS, { recursive: true });
        await card.screenshot({ path: path.join(process.env.SCREENSHOTS, shot) });
      }
    }
  });
}
