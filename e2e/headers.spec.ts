import { expect, test } from '@playwright/test';

// Scripts run only with the page's own nonce; no cookie marks a visitor's device or language.

function scriptSrc(csp: string | undefined): string {
  return (csp ?? '').split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
}

test('pages: a fresh script nonce per response, never unsafe-inline, and the page still runs', async ({ page, request }) => {
  const first = await request.get('/de');
  const second = await request.get('/de');
  const [a, b] = [scriptSrc(first.headers()['content-security-policy']), scriptSrc(second.headers()['content-security-policy'])];
  for (const policy of [a, b]) {
    expect(policy).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  }
  expect(a).not.toBe(b);

  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(m.text())) violations.push(m.text());
  });
  const response = await page.goto('/en/sign-in');
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc(response!.headers()['content-security-policy']))![1]!;
  // Every script element Next.js wrote carries that nonce.
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  // Hydrated: the form keeps its input on a refusal, which needs the page's JavaScript.
  await page.getByRole('textbox').first().fill('someone');
  await page.getByRole('button').filter({ hasText: /sign in/i }).last().click();
  await expect(page.getByRole('main').getByRole('alert')).not.toBeEmpty();
  await expect(page.getByRole('textbox').first()).toHaveValue('someone');
  expect(violations).toEqual([]);
});

test('API answers and refusals allow no inline script at all', async ({ request }) => {
  for (const path of ['/api/health', '/api/nothing-here', '/de/%']) {
    const policy = scriptSrc((await request.get(path)).headers()['content-security-policy']);
    expect(policy, path).toBe("script-src 'self'");
  }
});

test('no cookie for a visitor: not for the language, not for anything', async ({ request }) => {
  for (const path of ['/', '/de', '/en', '/en/guide/scores', '/de/sign-in']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()['set-cookie'], path).toBeUndefined();
  }
});
