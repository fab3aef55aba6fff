import { expect, test } from '@playwright/test';
import { E2E_COORDINATOR, messages, signIn } from './accounts';
import { expectNoHorizontalOverflow, newBuyer, newSeller } from './people';

// Sign-ups and the coordinator's charts: slow on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale].Dashboard;

  test(`${locale}: the coordinator sees every metric as a chart and a table, and no pseudonym`, async ({ page, browser }, testInfo) => {
    // Some activity first, so the dashboard is not empty underneath its suppression.
    const seller = await newSeller(browser, locale);
    const buyer = await newBuyer(browser, locale);

    await signIn(page, locale, E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
    await expect(page).toHaveURL(new RegExp(`/${locale}/coordinator$`));
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
    for (const key of Object.keys(t.metric) as (keyof typeof t.metric)[]) {
      const panel = page.getByRole('region', { name: t.metric[key] });
      // Collapsed until asked for (the phone layout); open, the chart and its table.
      await expect(panel.getByRole('table', { name: t.metric[key] })).toBeHidden();
      await panel.getByText(t.details).click();
      await expect(panel.getByRole('table', { name: t.metric[key] }).getByRole('row')).toHaveCount(13);
      // A metric hidden in every week has no chart, and says why.
      await expect(panel.locator('svg[data-chart="metric"]').or(panel.getByText(t.allHidden.replace('{min}', '5')))).toBeVisible();
    }
    await expect(page.getByText(t.antiMetrics)).toBeVisible();
    // The demo pilot's figures: counts where five or more people are behind them, "< 5" where not.
    const encounters = page.getByRole('table', { name: t.metric.encounters }).getByRole('cell');
    await expect(encounters).toHaveCount(12);
    const values = await encounters.allTextContents();
    expect(values.filter((v) => /^\d+$/.test(v)).length).toBeGreaterThan(5);
    expect(values.every((v) => /^\d+$/.test(v) || v === t.suppressed)).toBe(true);
    const usage = await page.getByRole('table', { name: t.metric.codeUsage }).getByRole('cell').allTextContents();
    expect(usage.some((v) => /^\d+([.,]\d)?\s?%$/.test(v))).toBe(true);
    await expect(page.getByRole('table', { name: t.metric.repeatOffenders }).getByRole('cell').last()).toHaveText(t.suppressed);

    const text = (await page.locator('body').textContent())!;
    for (const pseudonym of [seller.pseudonym, buyer.pseudonym, 'demo-anna', 'demo-kunde']) expect(text).not.toContain(pseudonym);
    await page.screenshot({ path: testInfo.outputPath('dashboard.png') });
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalOverflow(page);

    const csv = await page.request.get('/api/coordinator/metrics.csv?locale=en');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('week,encounters,codeUsage,buyerRatingRate,sellerRatingRate,retention,unsafeFlags,repeatOffenders,signUps,activeSellers,reports,reportsDangerous,reportsRisky,reportsAnnoying,reportsViolence,reportsSexualAssault,reportsRobbery,reportsPayment,reportsNoShow,reportsBlackmail,reportsBoundary,reportsPolice,reportsOther,lookupWarningShare,repeatReportedIdentifiers');
    expect(lines).toHaveLength(13);
  });
}

test('sellers and buyers get 403 on the dashboard and its export', async ({ browser }) => {
  const seller = await newSeller(browser, 'en');
  expect((await seller.page.goto('/en/coordinator'))?.status()).toBe(403);
  expect((await seller.page.request.get('/api/coordinator/metrics.csv')).status()).toBe(403);
  const buyer = await newBuyer(browser, 'de');
  expect((await buyer.page.goto('/de/coordinator'))?.status()).toBe(403);
  expect((await buyer.page.goto('/de/coordinator/invites'))?.status()).toBe(403);
});

test('a seller gives weekly feedback once; it reaches the coordinator only with the next daily batch, never with her name', async ({ page, browser }) => {
  const t = messages.en;
  const seller = await newSeller(browser, 'en');
  await seller.page.goto('/en/seller');
  const form = seller.page.getByRole('region', { name: t.Feedback.title });
  await form.getByRole('button', { name: t.Feedback.submit }).click();
  await expect(form.getByText(t.Validation.satisfactionRequired)).toBeVisible();
  await form.getByRole('radio', { name: t.Feedback.scale['4'] }).check();
  await form.getByRole('radio', { name: t.Feedback.yes }).check();
  const note = `The look-up warned me twice (${Date.now()})`;
  await form.getByLabel(t.Feedback.note).fill(note);
  await form.getByRole('button', { name: t.Feedback.submit }).click();
  await expect(seller.page.getByText(t.Feedback.thanks)).toBeVisible();
  await seller.page.reload();
  await expect(seller.page.getByRole('region', { name: t.Feedback.title })).toHaveCount(0);

  await signIn(page, 'en', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await page.getByRole('navigation', { name: t.CoordinatorNav.label }).getByRole('link', { name: t.CoordinatorNav.feedback }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.FeedbackReport.title })).toBeVisible();
  // Feedback is queued and written in the next day's shuffled batch (so that row order and
  // transaction ids do not link it to her): today the coordinator sees neither note nor name.
  // test/integration/unlinkable.test.ts and feedback.test.ts cover the batch and the report.
  const body = (await page.locator('body').textContent())!;
  expect(body).not.toContain(note);
  expect(body).not.toContain(seller.pseudonym);
});
