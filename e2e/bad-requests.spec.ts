import http from 'node:http';
import { expect, test } from '@playwright/test';
import { E2E_COORDINATOR, messages, recoveryCodesShown, signUp, uniquePseudonym } from './accounts';
import { actionIds, expectContract, residentKb, serverPid } from './request-contract';

// Every example of issue 14, against the built server: each answers its 4xx in the contract.

const PORT = String(process.env.E2E_PORT ?? 3100);

test('malformed paths: 400, JSON under /api, a localised page elsewhere', async ({ request }) => {
  const api = await request.get('/api/buyer/%E0%A4%A/reputation', { headers: { 'Accept-Language': 'en' } });
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: { code: 'badPath', message: messages.en.Errors.badPath } });
  await expectContract(api, '/api/buyer/x/reputation', 'GET', 'api path');
  for (const path of ['/de/%', '/de/%25', '/de/s/%25']) {
    const page = await request.get(path);
    expect(page.status(), path).toBe(400);
    expect(await page.text()).toContain(messages.de.Errors.badPath);
    await expectContract(page, '/de', 'GET', path);
  }
  const en = await request.get('/en/%');
  expect(await en.text()).toContain(messages.en.Errors.badPath);
});

test('unsupported methods: 405 with Allow and a body; unknown API paths: JSON 404', async ({ request }) => {
  const put = await request.fetch('/api/health', { method: 'PUT' });
  expect(put.status()).toBe(405);
  expect(put.headers().allow).toBe('GET, HEAD, OPTIONS');
  expect((await put.json()).error.code).toBe('methodNotAllowed');
  const odd: [string, string][] = [['TRACE', '/de'], ['TRACE', '/api/health'], ['DELETE', '/de/sign-in'], ['FOO', '/api/health'], ['FOO', '/de']];
  for (const [method, path] of odd) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
    await expectContract(response, path, method, `${method} ${path}`);
  }
  const unknown = await request.get('/api/no/such/route');
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: { code: 'notFound', message: messages.de.Errors.notFound } });
});

test('server actions: foreign or null origin 403, undecodable bodies 400, wrong argument types refused in words', async ({ request, baseURL }) => {
  const ids = await actionIds(request, '/de/sign-in');
  expect(ids).toHaveLength(1);
  const id = ids[0]!;
  const call = (headers: Record<string, string>, data: string, type = 'text/plain;charset=UTF-8') =>
    request.post('/de/sign-in', { headers: { 'Next-Action': id, 'Content-Type': type, ...headers }, data, maxRedirects: 0 });
  for (const origin of ['https://evil.example', 'null']) {
    const response = await call({ Origin: origin }, '["$undefined"]');
    expect(response.status(), origin).toBe(403);
    expect(await response.text()).toContain(messages.de.Errors.crossOrigin);
  }
  const broken = await call({ Origin: baseURL! }, '--x\r\ngarbage', 'multipart/form-data; boundary=x');
  expect(broken.status()).toBe(400);
  expect(await broken.text()).toContain(messages.de.Errors.badForm);
  // signInAction(prevState, form) called with a string and an object instead of its form.
  for (const args of ['["$undefined","not a form"]', '[{}, {"pseudonym": "x"}]', '[]']) {
    const response = await call({ Origin: baseURL!, Accept: 'text/x-component' }, args);
    expect(response.status(), args).toBe(200);
    expect(await response.text(), args).toContain(messages.de.Errors.badForm);
  }
});

test('sign-in without JavaScript works from a browser, with a null Origin refused only off-site', async ({ browser, request }) => {
  // Sign-in hashes a password: slow on a loaded two-core machine.
  test.setTimeout(180_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const t = messages.de.SignIn;
  await page.goto('/de/sign-in');
  await page.getByLabel(t.pseudonym).fill(E2E_COORDINATOR.pseudonym);
  await page.getByLabel(t.password).fill(E2E_COORDINATOR.password);
  await page.getByRole('button', { name: t.submit }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await context.close();
  // The same form post with Origin: null from another site (no Sec-Fetch-Site: same-origin).
  const offSite = await request.post('/de/sign-in', {
    headers: { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' },
    multipart: { pseudonym: E2E_COORDINATOR.pseudonym, password: E2E_COORDINATOR.password },
    maxRedirects: 0,
  });
  expect(offSite.status()).toBe(403);
  await expectContract(offSite, '/de/sign-in', 'POST', 'off-site null origin');
});

test('API bodies: wrong JSON types are a 400 naming the field, not coerced', async ({ page }) => {
  // Sign-up hashes a password: slow on a loaded two-core machine.
  test.setTimeout(180_000);
  await signUp(page, 'en', uniquePseudonym('typesbuyer'));
  await recoveryCodesShown(page, 'en');
  const asBuyer = page.request;
  const headers = { 'Accept-Language': 'en' };
  for (const code of [123456, true, ['123456']]) {
    const response = await asBuyer.post('/api/ratings/verify_code', { data: { code }, headers });
    expect(response.status(), JSON.stringify(code)).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'codeFormat', message: messages.en.Validation.codeFormat, field: 'code' } });
  }
  const codeId = '0b6f4c1e-3c6d-4a53-9a57-5f0a4a3e2f10';
  for (const safe of ['true', 1, [true]]) {
    const response = await asBuyer.post('/api/ratings/submit_rating', { data: { codeId, safe }, headers });
    expect(response.status(), JSON.stringify(safe)).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'chooseAFlag', field: 'safe' });
  }
  const notAnObject = await asBuyer.post('/api/ratings/verify_code', { data: '[7]', headers: { ...headers, 'Content-Type': 'application/json' } });
  expect(notAnObject.status()).toBe(400);
  expect((await notAnObject.json()).error.code).toBe('invalid');
});

test('a 100 MB upload is refused with 413 while the server memory stays flat', async ({ request }) => {
  test.setTimeout(120_000);
  const pid = serverPid(PORT);
  const before = residentKb(pid);
  const big = Buffer.alloc(100 * 1024 * 1024, 0x7b);
  for (const path of ['/api/messages', '/de/sign-in']) {
    const response = await request.post(path, { data: big, headers: { 'Content-Type': 'application/json' } });
    expect(response.status(), path).toBe(413);
    await expectContract(response, path, 'POST', path);
  }
  // The same size streamed without a Content-Length: refused as well, and never buffered.
  const streamed = await new Promise<number>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: PORT, path: '/api/messages', method: 'POST', headers: { 'Content-Type': 'application/json' } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 0x7b);
    let sent = 0;
    const pump = () => {
      while (sent < 100 * 1024 * 1024 && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
  expect(streamed).toBe(411);
  const growthMb = (residentKb(pid) - before) / 1024;
  expect(growthMb, `server grew by ${growthMb.toFixed(1)} MB`).toBeLessThan(40);
});
