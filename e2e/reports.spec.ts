import { expect, test } from '@playwright/test';
import { E2E_COORDINATOR, messages, signIn } from './accounts';
import { checkIdentifier, expectNoHorizontalOverflow, lookUp, newBuyer, newSeller } from './people';
import { PHONE } from './phone-checks';
import { rememberSecret } from './secrets-log';

// Incident reports at 360 px: a seller reports with every kind of identifier, another finds the
// report by each of them (typed differently), marks it "seems wrong", and a coordinator reviews it.

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const letters = (n: number) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPRSTUVWXYZ'[Math.floor(Math.random() * 23)]).join('');

test('de: a report with each identifier kind; another seller finds it by each; a coordinator reviews and removes it', async ({ browser }) => {
  test.setTimeout(240_000);
  const de = messages.de;
  const en = messages.en;
  const region = `Region ${letters(4)}`;
  const phone = `0151 ${digits(8)}`;
  const plate = `M-${letters(2)} ${digits(3)}`;
  const handle = `@Kunde_${digits(6)}`;
  const description = `Hat nicht bezahlt ${digits(6)}`;
  for (const secret of [phone, plate, handle]) rememberSecret('code', secret); // the server log must not hold them

  // The coordinator adds a region (at 360 px).
  const coordinator = await (await browser.newContext(PHONE)).newPage();
  await signIn(coordinator, 'en', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(coordinator).toHaveURL(/\/en\/coordinator$/);
  await coordinator.goto('/en/coordinator/regions');
  await coordinator.getByLabel(en.Regions.name).fill(region);
  await coordinator.getByRole('button', { name: en.Regions.add }).click();
  await expect(coordinator.getByRole('listitem').filter({ hasText: region })).toBeVisible();
  await expectNoHorizontalOverflow(coordinator);
  // The dashboard counts reports and look-ups, suppressed below 5 like every figure.
  await coordinator.goto('/en/coordinator');
  const metrics = coordinator.getByRole('region', { name: en.ReportMetrics.title });
  await expect(metrics).toBeVisible();
  await metrics.getByText(en.ReportMetrics.details, { exact: true }).click();
  await expect(metrics.getByRole('table', { name: en.ReportMetrics.bySeverity })).toBeVisible();
  await expectNoHorizontalOverflow(coordinator);

  const anna = await newSeller(browser, 'de', true);
  const bea = await newSeller(browser, 'de', true);
  const buyer = await newBuyer(browser, 'de');

  // Anna reports: dangerous violence, in the region, with a pseudonym, a phone number, a plate and a handle.
  await anna.page.goto('/de/seller');
  await anna.page.getByRole('navigation', { name: de.SellerNav.label }).getByRole('link', { name: de.SellerNav.reports }).click();
  await expect(anna.page.getByRole('heading', { level: 1, name: de.Reports.title })).toBeVisible();
  await anna.page.getByRole('link', { name: de.Reports.newLink }).click();
  await expect(anna.page.getByRole('heading', { level: 1, name: de.Reports.newTitle })).toBeVisible();
  await anna.page.getByLabel(de.Reports.categoryLabel).selectOption({ label: de.Reports.category.violence });
  // A wrong phone number: refused in words, nothing else lost.
  await anna.page.getByLabel(de.Reports.kind.phone, { exact: true }).fill('12');
  await anna.page.getByRole('radio', { name: new RegExp(`^${de.Reports.severity.dangerous}`) }).check();
  await anna.page.getByLabel(de.Reports.region, { exact: true }).selectOption({ label: region });
  await anna.page.getByLabel(de.Reports.kind.pseudonym, { exact: true }).fill(buyer.pseudonym);
  await anna.page.getByLabel(de.Reports.kind.plate, { exact: true }).fill(plate);
  await anna.page.getByLabel(de.Reports.platform).selectOption({ label: de.Reports.platforms.instagram });
  await anna.page.getByLabel(de.Reports.kind.handle, { exact: true }).fill(handle);
  await anna.page.getByLabel(de.Reports.description).fill(description);
  await expectNoHorizontalOverflow(anna.page);
  await anna.page.getByRole('button', { name: de.Reports.submit }).click();
  await expect(anna.page.getByText(de.Validation.identifierPhone)).toBeVisible();
  await expect(anna.page.getByLabel(de.Reports.kind.plate, { exact: true })).toHaveValue(plate);
  await expect(anna.page.getByRole('radio', { name: new RegExp(`^${de.Reports.severity.dangerous}`) })).toBeChecked();
  await anna.page.getByLabel(de.Reports.kind.phone, { exact: true }).fill(phone);
  await anna.page.getByRole('button', { name: de.Reports.submit }).click();
  await expect(anna.page.getByRole('status').filter({ hasText: de.Reports.sent })).toBeVisible();
  const code = (await anna.page.getByTestId('withdrawal-code').textContent())!;
  expect(code).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);

  // Bea finds it by the phone number (typed internationally), the plate (no dash), the handle (no @).
  const e164 = `+49151${phone.slice(5)}`;
  const byPhone = await checkIdentifier(bea.page, 'de', 'phone', `+49 (0)151 ${phone.slice(5)}`);
  await expect(byPhone).toContainText(e164);
  await expect(byPhone).toContainText(de.Reports.category.violence);
  await expect(byPhone).toContainText(region);
  await expect(byPhone).toContainText(description);
  await expect(byPhone).not.toContainText(anna.pseudonym);
  await expectNoHorizontalOverflow(bea.page);
  const byPlate = await checkIdentifier(bea.page, 'de', 'plate', plate.replace('-', '').toLowerCase());
  await expect(byPlate).toContainText(description);
  const byHandle = await checkIdentifier(bea.page, 'de', 'handle', handle.slice(1).toUpperCase(), de.Reports.platforms.instagram);
  await expect(byHandle).toContainText(description);
  const elsewhere = await checkIdentifier(bea.page, 'de', 'handle', handle.slice(1), de.Reports.platforms.telegram);
  await expect(elsewhere).toContainText(de.Reports.noMatches.split('{value}')[0]!);

  // …and by the pseudonym: the verdict says warnings, with the report below it.
  await lookUp(bea.page, 'de', buyer.pseudonym);
  const verdict = bea.page.getByRole('status').filter({ hasText: de.Lookup.verdict.warnings.title });
  await expect(verdict).toHaveAttribute('data-verdict', 'warnings');
  await expect(verdict).toContainText('1 Vorfallmeldung');
  await expect(bea.page.getByRole('region', { name: de.Reports.matchesLabel })).toContainText(description);

  // Bea marks it "seems wrong" on the reports page.
  await bea.page.goto('/de/seller/reports');
  const item = bea.page.getByRole('list', { name: de.Reports.title }).getByRole('listitem').filter({ hasText: description }).first();
  await expect(item).toContainText(e164);
  await expect(item).not.toContainText(anna.pseudonym);
  // The form is on the report's own page (the board stays light), which shows the report again.
  await item.getByRole('link', { name: de.Reports.markOpen }).click();
  await expect(bea.page.getByRole('heading', { level: 1 })).toHaveText(de.Reports.markTitle);
  await expect(bea.page.getByRole('main')).toContainText(description);
  await expect(bea.page.getByRole('main')).toContainText(e164);
  await bea.page.getByRole('radio', { name: de.Reports.markReasons.wrong_person }).check();
  await bea.page.getByRole('button', { name: de.Reports.markSubmit }).click();
  await expect(bea.page.getByRole('main').getByRole('status')).toHaveText(de.Reports.marked);
  await expectNoHorizontalOverflow(bea.page);
  await bea.page.getByRole('link', { name: de.Reports.backToReports }).click();
  await expect(bea.page).toHaveURL(/\/de\/seller\/reports$/);
  // The board comes a page at a time: a page past the end says so and leads back; nonsense is page 1.
  await bea.page.goto('/de/seller/reports?page=99');
  await expect(bea.page.getByText(de.Reports.noneOnPage)).toBeVisible();
  await bea.page.getByRole('link', { name: de.Reports.firstPage }).click();
  await expect(bea.page.getByRole('list', { name: de.Reports.title })).toContainText(description);
  await bea.page.goto('/de/seller/reports?page=..%2F1');
  await expect(bea.page.getByRole('list', { name: de.Reports.title })).toContainText(description);

  // The coordinator's review: the report and the mark, neither seller; hide, then remove in two steps.
  await coordinator.goto('/en/coordinator/reviews');
  const review = coordinator.getByRole('article').filter({ hasText: description });
  await expect(review).toContainText(en.Reports.markReasons.wrong_person);
  await expect(review).not.toContainText(anna.pseudonym);
  await expect(review).not.toContainText(bea.pseudonym);
  await expectNoHorizontalOverflow(coordinator);
  await review.getByRole('button', { name: en.ReportReviews.hide }).click();
  await expect(review).toHaveAttribute('data-report-state', 'hidden');
  const hidden = await checkIdentifier(bea.page, 'de', 'plate', plate);
  await expect(hidden).toContainText(de.Reports.noMatches.split('{value}')[0]!);
  await review.getByText(en.ReportReviews.remove, { exact: true }).click();
  await review.getByRole('button', { name: en.ReportReviews.removeConfirm }).click();
  await expect(coordinator.getByRole('article').filter({ hasText: description })).toHaveCount(0);

  // A wrong withdrawal code is refused in words; Anna's own code still deletes what is left of the removed report.
  await anna.page.goto('/de/seller/reports');
  await anna.page.getByLabel(de.Reports.withdrawCode).fill('aaaa-bbbb-cccc-dddd');
  await anna.page.getByRole('button', { name: de.Reports.withdrawSubmit }).click();
  await expect(anna.page.getByText(de.Validation.withdrawalCode)).toBeVisible();
  await anna.page.getByLabel(de.Reports.withdrawCode).fill(code);
  await anna.page.getByRole('button', { name: de.Reports.withdrawSubmit }).click();
  await expect(anna.page.getByRole('status').filter({ hasText: de.Reports.withdrawn })).toBeVisible();
});

test('en: the reporter withdraws her report with its code; then no look-up finds it', async ({ browser }) => {
  test.setTimeout(180_000);
  const en = messages.en;
  const seller = await newSeller(browser, 'en', true);
  const plate = `B ${letters(2)} ${digits(2)}E`;
  rememberSecret('code', plate);
  await seller.page.goto('/en/seller/reports/new');
  await seller.page.getByLabel(en.Reports.categoryLabel).selectOption({ label: en.Reports.category.payment });
  await seller.page.getByRole('radio', { name: new RegExp(`^${en.Reports.severity.annoying}`) }).check();
  await seller.page.getByLabel(en.Reports.kind.plate, { exact: true }).fill(plate);
  await seller.page.getByRole('button', { name: en.Reports.submit }).click();
  const code = (await seller.page.getByTestId('withdrawal-code').textContent())!;
  const found = await checkIdentifier(seller.page, 'en', 'plate', plate.replace(/ /g, '-'));
  await expect(found).toContainText(en.Reports.category.payment);
  await expect(found).toContainText(en.Reports.severity.annoying);

  await seller.page.goto('/en/seller/reports');
  const item = seller.page.getByRole('list', { name: en.Reports.title }).getByRole('listitem').filter({ hasText: plate.replace(/ /g, '') }).first();
  const reportPage = (await item.getByRole('link', { name: en.Reports.markOpen }).getAttribute('href'))!;
  expect(reportPage).toMatch(/^\/en\/seller\/reports\/[0-9a-f-]{36}$/);
  await seller.page.getByLabel(en.Reports.withdrawCode).fill(code.toUpperCase());
  await seller.page.getByRole('button', { name: en.Reports.withdrawSubmit }).click();
  await expect(seller.page.getByRole('status').filter({ hasText: en.Reports.withdrawn })).toBeVisible();
  const gone = await checkIdentifier(seller.page, 'en', 'plate', plate);
  await expect(gone).toContainText(en.Reports.noMatches.split('{value}')[0]!);
  await expectNoHorizontalOverflow(seller.page);
  // Its own page is gone too, as is any page for what is not a report.
  for (const path of [reportPage, '/en/seller/reports/not-a-report', '/en/seller/reports/00000000-0000-4000-8000-000000000000']) {
    expect((await seller.page.goto(path))?.status(), path).toBe(404);
  }
});

test('buyers and coordinators get no report pages or look-up API', async ({ browser }) => {
  const buyer = await newBuyer(browser, 'en');
  expect((await buyer.page.goto('/en/seller/reports'))?.status()).toBe(403);
  expect((await buyer.page.goto('/en/seller/reports/new'))?.status()).toBe(403);
  expect((await buyer.page.goto('/en/seller/reports/00000000-0000-4000-8000-000000000000'))?.status()).toBe(403);
  const api = await buyer.page.request.post('/api/reports/lookup', { data: { kind: 'phone', value: '0151 23456789' } });
  expect(api.status()).toBe(403);
});
