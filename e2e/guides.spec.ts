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
  // Plain words first, the maths in an appendix at the end.
  const s = t.scores;
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveText([
    s.plain.lookup.title, s.plain.numbers.title, s.plain.range.title, s.plain.retaliation.title, s.weekly.title, s.appendix.title,
  ]);
  await expect(page.getByRole('article').getByRole('heading', { level: 2 }).first()).toBeInViewport();
  const article = page.getByRole('region', { name: s.appendix.title });
  await expect(article.getByRole('heading', { level: 3 })).toHaveText([s.s.title, s.counts.title, s.trust.title, s.influence.title, s.interval.title]);
  await expect(article).toContainText('S = 0,75. Ein einziges „unsicher“ nach einem „sicher“: S = 0,25.');
  await expect(article).toContainText('ergibt das 25. Perzentil S = 1,00');
  await expect(article).toContainText('S = 1,00 und R = 0,75 ergeben T = 0,75.');
  await expect(article).toContainText('ein Kunde mit T = 0,50 nur 0,13');
  await expect(article).toContainText('(S = —)');
  await expect(article).toContainText('nach einer einzigen „sicher“-Bewertung 0,21–1,00, nach zwanzig 1,00–1,00');
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoHorizontalOverflow(page);
});

test('en: the scores guide in plain words, the maths in an appendix at the end', async ({ page }) => {
  const s = messages.en.Guides.scores;
  await page.goto('/en/guide/scores');
  await expect(page.getByRole('article').getByRole('heading', { level: 2 }).first()).toHaveText(s.plain.lookup.title);
  await expect(page.getByRole('article').getByRole('heading', { level: 2 }).last()).toHaveText(s.appendix.title);
  const appendix = page.getByRole('region', { name: s.appendix.title });
  await expect(appendix).toContainText('S = 1.00 and R = 0.75 give T = 0.75.');
  // The plain part names no formula.
  const plain = await page.getByRole('article').evaluate((el) => {
    const parts: string[] = [];
    for (const section of Array.from(el.querySelectorAll(':scope > section'))) if (section.getAttribute('aria-labelledby') !== 'appendix') parts.push(section.textContent ?? '');
    return parts.join(' ');
  });
  expect(plain).not.toMatch(/T = |S × R|T³|percentile|95 %/);
});

test('en: guides for both roles and the privacy page, with the periods the code uses', async ({ page }) => {
  const t = messages.en.Guides;
  const nav = page.getByRole('navigation', { name: t.nav });
  await page.goto('/en');
  await nav.getByRole('link', { name: t.sellerLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.seller.title })).toBeVisible();
  // The steps, then the quick exit and the support page (other sections of the guide follow the article).
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toHaveCount(Object.keys(t.seller.steps).length + 1);
  await expect(page.getByRole('heading', { level: 2, name: t.exit.title })).toBeVisible();
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
