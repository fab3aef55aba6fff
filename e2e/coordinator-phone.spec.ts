import { expect, test, type Page } from '@playwright/test';
import { E2E_COORDINATOR, messages, signIn } from './accounts';
import { expectNoHorizontalOverflow } from './people';
import { PHONE, expectAxeClean, expectTapSize, fill } from './phone-checks';

test.use(PHONE);
// Two cores shared by the server, two browsers and other work: these flows take time.
test.describe.configure({ timeout: 120_000 });

// The pilot's figures, then the incident reports' (by severity, by category, look-ups with a warning).
const COLUMNS = ('week,encounters,codeUsage,buyerRatingRate,sellerRatingRate,retention,unsafeFlags,repeatOffenders,signUps,activeSellers,' + 'reports,reportsDangerous,reportsRisky,reportsAnnoying,reportsViolence,reportsSexualAssault,reportsRobbery,reportsPayment,reportsNoShow,reportsBlackmail,reportsBoundary,reportsPolice,reportsOther,lookupWarningShare,repeatReportedIdentifiers').split(',');
const RATE_COLUMNS = [2, 3, 4, 5, 23];

/** Rows of a CSV as a spreadsheet splits them: lines on CRLF, cells on the separator. */
function rows(text: string, separator: string): string[][] {
  return text.trimEnd().split('\r\n').map((line) => line.split(separator));
}

async function signInCoordinator(page: Page, locale: 'de' | 'en') {
  await signIn(page, locale, E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(page).toHaveURL(new RegExp(`/${locale}/coordinator$`));
}

for (const locale of ['de', 'en'] as const) {
  const t = messages[locale].Dashboard;

  test(`${locale}: at 360 px the dashboard opens with this week against the targets; charts wait below`, async ({ page }) => {
    await signInCoordinator(page, locale);
    const main = page.getByRole('main');
    // The first region of the page is the summary, and it is on the first screen.
    const summary = main.getByRole('region').first();
    await expect(summary).toHaveAccessibleName(t.summaryTitle);
    expect((await summary.boundingBox())!.y).toBeLessThan(740);
    const lines = summary.getByRole('listitem');
    await expect(lines).toHaveCount(3);
    const states = Object.values(t.summaryState);
    for (const [i, metric] of (['codeUsage', 'buyerRatingRate', 'retention'] as const).entries()) {
      const line = lines.nth(i);
      await expect(line).toContainText(t.summaryName[metric]);
      // A state in words (never colour alone) with its icon beside it.
      const text = (await line.textContent())!;
      expect(states.some((state) => text.startsWith(`${state}:`)), text).toBe(true);
      await expect(line.locator('svg[aria-hidden="true"]')).toHaveCount(1);
      await expect(line).toContainText(/\d\s?%/);
    }

    // Charts are collapsed; a 44 px summary opens one, by keyboard too.
    const panel = main.getByRole('region', { name: t.metric.repeatOffenders });
    const table = panel.getByRole('table', { name: t.metric.repeatOffenders });
    await expect(table).toBeHidden();
    const toggle = panel.getByText(t.details);
    await expectTapSize(toggle);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(table.getByRole('row')).toHaveCount(13);
    // The demo pilot has fewer than 5 repeat offenders: hidden, and said why, in words.
    await expect(table.getByRole('cell').last()).toHaveText(t.suppressed);
    await expect(panel.getByText(fill(t.suppressedNote, { min: 5 }))).toBeVisible();
    await expect(panel.getByText(fill(t.latestHidden, { min: 5 }))).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(table).toBeHidden();

    await expectNoHorizontalOverflow(page);
    await expectAxeClean(page);
    await page.screenshot({ path: test.info().outputPath(`dashboard-${locale}-360.png`), fullPage: true });
  });

  test(`${locale}: the CSV download opens in columns as ${locale === 'de' ? 'German' : 'English'} Excel would read it`, async ({ page }) => {
    await signInCoordinator(page, locale);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: t.csv }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const german = locale === 'de';
    expect([...bytes.subarray(0, 3)]).toEqual(german ? [0xef, 0xbb, 0xbf] : [...Buffer.from('wee')]);
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    const table = rows(text, german ? ';' : ',');
    expect(table[0]).toEqual(COLUMNS);
    expect(table).toHaveLength(13);
    let rates = 0;
    for (const row of table.slice(1)) {
      expect(row).toHaveLength(COLUMNS.length);
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const [i, cell] of row.entries()) {
        if (i === 0) continue;
        if (RATE_COLUMNS.includes(i)) {
          if (cell === '—') continue;
          expect(cell).toMatch(german ? /^\d,\d{4}$/ : /^\d\.\d{4}$/);
          const value = Number(german ? cell.replace(',', '.') : cell);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          rates++;
        } else if (cell !== '< 5') {
          expect(Number.isInteger(Number(cell)), `${COLUMNS[i]}: ${cell}`).toBe(true);
        }
      }
    }
    // The demo pilot shows some rates; otherwise the decimal mark was never tested.
    expect(rates).toBeGreaterThan(0);
  });
}

test('the CSV dialect follows Accept-Language when no ?locale= is given, and ?locale= wins', async ({ page }) => {
  await signInCoordinator(page, 'en');
  const get = (path: string, language: string) => page.request.get(path, { headers: { 'Accept-Language': language } });
  const german = await get('/api/coordinator/metrics.csv', 'de-DE,de;q=0.9,en;q=0.8');
  expect(german.headers()['content-language']).toBe('de');
  expect([...(await german.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect((await german.text()).split('\r\n')[0]).toContain(';');
  const english = await get('/api/coordinator/metrics.csv', 'en-GB,de;q=0.5');
  expect(english.headers()['content-language']).toBe('en');
  expect((await english.text()).split('\r\n')[0]).toBe(COLUMNS.join(','));
  const chosen = await get('/api/coordinator/metrics.csv?locale=en', 'de-DE');
  expect((await chosen.text()).split('\r\n')[0]).toBe(COLUMNS.join(','));
});
