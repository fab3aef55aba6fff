import { expect, test } from '@playwright/test';

const PAGES = ['/de', '/en', '/de/sign-in', '/en/sign-up', '/de/forgot-password', '/de/guide/scores', '/en/guide/seller', '/de/guide/buyer', '/en/privacy'];

test('no page requests anything from another host', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).host;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(requested.length).toBeGreaterThan(PAGES.length);
  const foreign = requested.filter((url) => !url.startsWith('data:') && new URL(url).host !== own);
  expect(foreign).toEqual([]);
});

for (const path of PAGES) {
  test(`${path} fits a 360 px wide phone without horizontal scrolling`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('360px.png'), fullPage: true });
  });
}

test('health reports the database and pages carry the security headers', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

  const page = await request.get('/de');
  const headers = page.headers();
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toMatch(/https?:\/\//);
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['permissions-policy']).toContain('geolocation=(self)'); // the panic page's opt-in position, our own pages only
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['permissions-policy']).toContain('microphone=()');
});
