import { expect, test, type Page } from '@playwright/test';
import { E2E_COORDINATOR, messages, PASSWORD, signIn } from './accounts';
import { newSeller } from './people';

// A phone's first Intl.NumberFormat (or DateTimeFormat) costs 90–176 ms on Chromium's 4x slowed
// CPU: it loads the locale's number data. A client component that formats a number while React
// hydrates (an ICU message with `#`, useFormatter) puts that inside one long task, which is
// blocking time on the phone (issue 21). Labels a form shows at load therefore use `{count}`
// (a plain String()) or come from the server; formatting after she acts costs nothing at load.
// This watches every Intl constructor in the page and fails on a formatter created while loading.

const WATCH = `(() => {
  const created = (window.__intlCreated = []);
  for (const name of ['NumberFormat', 'DateTimeFormat', 'RelativeTimeFormat', 'ListFormat']) {
    const Original = Intl[name];
    const Watched = function (...args) {
      created.push(name + ' ' + JSON.stringify(args));
      return new Original(...args);
    };
    Watched.prototype = Original.prototype;
    Watched.supportedLocalesOf = Original.supportedLocalesOf;
    Intl[name] = Watched;
  }
})();`;

async function formattersAtLoad(page: Page, path: string): Promise<string[]> {
  await page.goto(path, { waitUntil: 'networkidle' });
  expect(new URL(page.url()).pathname, 'the page itself, not a redirect').toBe(path);
  // After 'networkidle' every script has loaded and run, hydration included.
  await expect(page.locator('main')).toBeVisible();
  return page.evaluate(() => (window as unknown as { __intlCreated: string[] }).__intlCreated);
}

test('no page with a form creates a number or date formatter while it loads', async ({ browser }) => {
  test.setTimeout(180_000);
  const t = messages.de.SafetyPins;
  const { page } = await newSeller(browser, 'de');
  await page.addInitScript(WATCH);
  // The check-in form (durations in hours) shows once her PINs are set.
  await page.goto('/de/seller/safety/pins');
  await page.getByLabel(t.pin, { exact: true }).fill('2468');
  await page.getByLabel(t.pinConfirm, { exact: true }).fill('2468');
  await page.getByLabel(t.duress, { exact: true }).fill('1357');
  await page.getByLabel(t.duressConfirm, { exact: true }).fill('1357');
  await page.getByLabel(t.password).fill(PASSWORD);
  await page.getByRole('button', { name: t.save }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(t.saved);

  const sellerPages = [
    '/de/seller',
    '/de/seller/encounters',
    '/de/seller/messages',
    '/de/seller/warnings',
    '/de/seller/reports',
    '/de/seller/safety',
    '/de/seller/safety/panic',
    '/de/account',
    '/de/votes',
  ];
  for (const path of sellerPages) expect(await formattersAtLoad(page, path), path).toEqual([]);
  // The durations are labelled by the server, with German decimals; then the open check-in's "extend" form.
  const safety = messages.de.Safety;
  await formattersAtLoad(page, '/de/seller/safety');
  await page.getByLabel(safety.duration).selectOption({ label: '1,5 Stunden' });
  await page.getByRole('button', { name: safety.start }).click();
  await expect(page.getByRole('main').getByRole('status').first()).toContainText(/(89|90) Minuten/);
  expect(await formattersAtLoad(page, '/de/seller/safety')).toEqual([]);
  await expect(page.getByRole('radio', { name: '2 Stunden' })).toHaveCount(1);

  const coordinator = await (await browser.newContext()).newPage();
  await coordinator.addInitScript(WATCH);
  await signIn(coordinator, 'de', E2E_COORDINATOR.pseudonym, E2E_COORDINATOR.password);
  await expect(coordinator).toHaveURL(/\/de\/coordinator$/);
  for (const path of ['/de/coordinator/invites', '/de/coordinator/regions', '/de/coordinator/finances']) {
    expect(await formattersAtLoad(coordinator, path), path).toEqual([]);
  }
});

test('the watch sees a formatter a page creates', async ({ page }) => {
  // The check above is only worth something if the watch works: a page that formats a number is seen.
  await page.addInitScript(WATCH);
  await page.goto('/de');
  const seen = await page.evaluate(() => {
    new Intl.NumberFormat('de').format(1000);
    return (window as unknown as { __intlCreated: string[] }).__intlCreated;
  });
  expect(seen).toEqual(['NumberFormat ["de"]']);
});
