import { expect, test } from '@playwright/test';
import { messages } from './accounts';
import { expectNoHorizontalOverflow } from './people';

test('de: the scores guide shows examples computed by the scoring code', async ({ page }) => {
  const t = messages.de.Guides;
  await page.goto('/de');
  await page.getByRole('navigation', { name: t.nav }).getByRole('link', { name: t.scoresLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.scores.title })).toBeVisible();
  // Values the SPEC's closed form gives by hand: f(1, 4) = 0.75, f(1, 2) = 0.25, f(1, 5) = 1;
  // T = 1 × 0.75; a T = 0.5 buyer weighs 0.5³ = 0.125; one safe rating: [0.21, 1.00].
  const article = page.getByRole('article');
  await expect(article).toContainText('S = 0,75. Ein einziges „unsicher“ nach einem „sicher“: S = 0,25.');
  await expect(article).toContainText('ergibt das 25. Perzentil S = 1,00');
  await expect(article).toContainText('S = 1,00 und R = 0,75 ergeben T = 0,75.');
  await expect(article).toContainText('ein Kunde mit T = 0,50 nur 0,13');
  await expect(article).toContainText('(S = —)');
  await expect(article).toContainText('nach einer einzigen „sicher“-Bewertung 0,21–1,00, nach zwanzig 1,00–1,00');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
});

test('en: guides for both roles and the privacy page, with the periods the code uses', async ({ page }) => {
  const t = messages.en.Guides;
  const nav = page.getByRole('navigation', { name: t.nav });
  await page.goto('/en');
  await nav.getByRole('link', { name: t.sellerLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.seller.title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(Object.keys(t.seller.steps).length);
  await nav.getByRole('link', { name: t.buyerLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.buyer.title })).toBeVisible();
  await nav.getByRole('link', { name: t.privacyLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.privacy.title })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText('8 recovery codes');
  await expect(main).toContainText('after 12 hours, or 30 minutes without use');
  await expect(main).toContainText('valid 30 days');
  await expect(main).toContainText('after 1 / 7 / 30 days');
  await expect(main).toContainText('valid 14 days');
  await expect(main).toContainText('deleted after 90 days');
  await expect(main).toContainText('fewer than 5 people');
});
