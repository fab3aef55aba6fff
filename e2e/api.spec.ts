import { expect, test, type APIResponse } from '@playwright/test';
import { issueInvite, messages, recoveryCodesShown, signUp, uniquePseudonym } from './accounts';
import { rememberSecret } from './secrets-log';

// The REST API (docs/api.md) against the built app. Accounts are made through the UI (the API
// has no sign-up); everything after that goes through the API only, with the session cookie
// of each browser context.

const DE = { 'Accept-Language': 'de' };
const EN = { 'Accept-Language': 'en' };

async function errorOf(response: APIResponse): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return body.error;
}

test('signed out: seller and buyer routes answer 401, the public profile does not need a session', async ({ request }) => {
  for (const path of ['/api/codes/history', '/api/buyer/someone/reputation']) {
    const response = await request.get(path, { headers: DE });
    expect(response.status()).toBe(401);
    expect(await errorOf(response)).toEqual({ code: 'signInRequired', message: messages.de.Errors.signInRequired });
  }
  for (const path of ['/api/codes/generate', '/api/ratings/submit', '/api/ratings/verify_code', '/api/ratings/submit_rating']) {
    const response = await request.post(path, { data: {}, headers: EN });
    expect(response.status()).toBe(401);
    expect(await errorOf(response)).toEqual({ code: 'signInRequired', message: messages.en.Errors.signInRequired });
  }

  const unknown = await request.get(`/api/seller/${uniquePseudonym('nobody')}/profile`);
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['access-control-allow-origin']).toBe('*');
  expect((await errorOf(unknown)).code).toBe('notFound');

  const preflight = await request.fetch('/api/seller/anyone/profile', {
    method: 'OPTIONS',
    headers: { Origin: 'https://a-seller.example', 'Access-Control-Request-Method': 'GET' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');
  expect(preflight.headers()['access-control-allow-methods']).toBe('GET');

  // No other route is CORS-readable.
  const health = await request.get('/api/health');
  expect(health.headers()['access-control-allow-origin']).toBeUndefined();
});

test('a seller and a buyer go through an encounter with the API only', async ({ page, browser, request }) => {
  // Accounts, through the UI: a buyer (this page) and a seller invited by the coordinator.
  const buyer = uniquePseudonym('apibuyer');
  await signUp(page, 'en', buyer);
  await recoveryCodesShown(page, 'en');

  const coordinatorContext = await browser.newContext();
  const invite = await issueInvite(await coordinatorContext.newPage());
  await coordinatorContext.close();

  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  const seller = uniquePseudonym('apiseller');
  await signUp(sellerPage, 'en', seller, { invite });
  await recoveryCodesShown(sellerPage, 'en');

  const asBuyer = page.request;
  const asSeller = sellerPage.request;

  await test.step('wrong role: 403', async () => {
    const lookup = await asBuyer.get(`/api/buyer/${buyer}/reputation`, { headers: EN });
    expect(lookup.status()).toBe(403);
    expect(await errorOf(lookup)).toEqual({ code: 'forbidden', message: messages.en.Errors.forbidden });
    expect((await asBuyer.get('/api/codes/history')).status()).toBe(403);
    expect((await asBuyer.post('/api/codes/generate', { data: { buyer } })).status()).toBe(403);
    expect((await asBuyer.post('/api/ratings/submit', { data: {} })).status()).toBe(403);
    const redeem = await asSeller.post('/api/ratings/verify_code', { data: { code: '123456' } });
    expect(redeem.status()).toBe(403);
    expect((await errorOf(redeem)).code).toBe('forbidden');
    expect((await asSeller.post('/api/ratings/submit_rating', { data: {} })).status()).toBe(403);
  });

  await test.step('look-up of a new buyer: found, no ratings', async () => {
    const response = await asSeller.get(`/api/buyer/${buyer.toUpperCase()}/reputation`);
    expect(response.status()).toBe(200);
    expect(response.headers()['access-control-allow-origin']).toBeUndefined();
    const body = await response.json();
    expect(body).toMatchObject({ found: true, pseudonym: buyer, sampleSize: 0, influence: 0 });
    expect(body.counts).toEqual({
      ratings: 0,
      sellers: 0,
      safetyRatings: 0,
      unsafe: 0,
      unsafeSellers: 0,
      reliabilityRatings: 0,
      unreliable: 0,
      unreliableSellers: 0,
    });
  });

  await test.step('look-ups: unknown pseudonym 404, invalid pseudonym 400', async () => {
    const unknown = await asSeller.get(`/api/buyer/${uniquePseudonym('ghost')}/reputation`, { headers: DE });
    expect(unknown.status()).toBe(404);
    expect(await errorOf(unknown)).toEqual({ code: 'notFound', message: messages.de.Errors.notFound });
    const notABuyer = await asSeller.get(`/api/buyer/${seller}/reputation`);
    expect(notABuyer.status()).toBe(404);
    const invalid = await asSeller.get('/api/buyer/a%20b/reputation', { headers: EN });
    expect(invalid.status()).toBe(400);
    expect(await errorOf(invalid)).toEqual({ code: 'pseudonymCharacters', message: messages.en.Validation.pseudonymCharacters });
  });

  let codeId = '';
  let code = '';
  await test.step('a bound code with a rating: 201, and the look-up shows the new counts at once', async () => {
    const response = await asSeller.post('/api/codes/generate', { data: { buyer, safe: false, reliable: true }, headers: DE });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body.code).toMatch(/^\d{6}$/);
    rememberSecret('code', body.code);
    expect(body.codeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.rated).toBe(true);
    expect(body.redeemPath).toBe(`/de/r/${body.code}`);
    ({ codeId, code } = body);

    const english = await asSeller.post('/api/codes/generate', { data: { unbound: true }, headers: EN });
    expect(english.status()).toBe(201);
    const unbound = await english.json();
    expect(unbound.rated).toBe(false);
    expect(unbound.redeemPath).toBe(`/en/r/${unbound.code}`);

    const reputation = await (await asSeller.get(`/api/buyer/${buyer}/reputation`)).json();
    expect(reputation.sampleSize).toBe(1);
    expect(reputation.counts).toMatchObject({ ratings: 1, sellers: 1, safetyRatings: 1, unsafe: 1, unsafeSellers: 1, reliabilityRatings: 1, unreliable: 0 });
    expect(reputation.safety).toBe(0);
    expect(typeof reputation.confidence).toBe('string');
  });

  await test.step('generate: field errors are 400', async () => {
    const unknownBuyer = await asSeller.post('/api/codes/generate', { data: { buyer: uniquePseudonym('ghost') }, headers: EN });
    expect(unknownBuyer.status()).toBe(400);
    expect(await errorOf(unknownBuyer)).toEqual({ code: 'buyerUnknown', message: messages.en.Validation.buyerUnknown });
    const noBuyer = await asSeller.post('/api/codes/generate', { data: {} });
    expect(noBuyer.status()).toBe(400);
    expect((await errorOf(noBuyer)).code).toBe('buyerRequired');
    const unboundRated = await asSeller.post('/api/codes/generate', { data: { unbound: true, safe: true } });
    expect(unboundRated.status()).toBe(400);
    expect((await errorOf(unboundRated)).code).toBe('rateUnboundLater');
    // A wrong type is a 400 naming what is wrong, never coerced.
    const wrongTypes = await asSeller.post('/api/codes/generate', { data: { buyer: 42, unbound: 'no' } });
    expect(wrongTypes.status()).toBe(400);
    expect((await errorOf(wrongTypes)).code).toBe('pseudonymLength');
    const notAnObject = await asSeller.post('/api/codes/generate', { data: [buyer] });
    expect(notAnObject.status()).toBe(400);
    expect((await errorOf(notAnObject)).code).toBe('invalid');
  });

  await test.step('the seller rates: already rated 409, one per buyer per day 409, unknown encounter 404', async () => {
    const again = await asSeller.post('/api/ratings/submit', { data: { codeId, safe: true, reliable: true } });
    expect(again.status()).toBe(409);
    expect((await errorOf(again)).code).toBe('alreadyRated');

    const second = await (await asSeller.post('/api/codes/generate', { data: { buyer } })).json();
    expect(second.rated).toBe(false);
    const sameDay = await asSeller.post('/api/ratings/submit', { data: { codeId: second.codeId, safe: true, reliable: null } });
    expect(sameDay.status()).toBe(409);
    expect((await errorOf(sameDay)).code).toBe('onePerDay');

    const noFlag = await asSeller.post('/api/ratings/submit', { data: { codeId: second.codeId, safe: null, reliable: null } });
    expect(noFlag.status()).toBe(400);
    expect((await errorOf(noFlag)).code).toBe('chooseAFlag');
    const missing = await asSeller.post('/api/ratings/submit', { data: { codeId: crypto.randomUUID(), safe: true } });
    expect(missing.status()).toBe(404);
    expect((await errorOf(missing)).code).toBe('encounterNotFound');
    const wrongType = await asSeller.post('/api/ratings/submit', { data: { codeId: 7, safe: true } });
    expect(wrongType.status()).toBe(400);
    expect((await errorOf(wrongType)).code).toBe('invalid');
  });

  await test.step('the buyer redeems the code once; again is 400 invalidCode, in either language', async () => {
    const redeemed = await asBuyer.post('/api/ratings/verify_code', { data: { code } });
    expect(redeemed.status()).toBe(200);
    expect(await redeemed.json()).toEqual({ codeId, seller });

    const again = await asBuyer.post('/api/ratings/verify_code', { data: { code }, headers: DE });
    expect(again.status()).toBe(400);
    expect(await errorOf(again)).toEqual({ code: 'invalidCode', message: messages.de.Validation.invalidCode });
    const english = await asBuyer.post('/api/ratings/verify_code', { data: { code }, headers: { 'Accept-Language': 'en-GB,en;q=0.8' } });
    expect(english.status()).toBe(400);
    expect(await errorOf(english)).toEqual({ code: 'invalidCode', message: messages.en.Validation.invalidCode });

    const format = await asBuyer.post('/api/ratings/verify_code', { data: { code: '12ab' }, headers: EN });
    expect(format.status()).toBe(400);
    expect(await errorOf(format)).toEqual({ code: 'codeFormat', message: messages.en.Validation.codeFormat });
    const wrongType = await asBuyer.post('/api/ratings/verify_code', { data: { code: 123456 } });
    expect(wrongType.status()).toBe(400);
    expect((await errorOf(wrongType)).code).toBe('codeFormat');
  });

  await test.step('the buyer rates the seller once: 201, then 409', async () => {
    const rated = await asBuyer.post('/api/ratings/submit_rating', { data: { codeId, safe: true, reliable: true } });
    expect(rated.status()).toBe(201);
    expect(await rated.json()).toEqual({ ok: true });
    const again = await asBuyer.post('/api/ratings/submit_rating', { data: { codeId, safe: true, reliable: true }, headers: EN });
    expect(again.status()).toBe(409);
    expect(await errorOf(again)).toEqual({ code: 'alreadyRated', message: messages.en.Validation.alreadyRated });
    const missing = await asBuyer.post('/api/ratings/submit_rating', { data: { codeId: crypto.randomUUID(), safe: true } });
    expect(missing.status()).toBe(404);
    expect((await errorOf(missing)).code).toBe('encounterNotFound');
  });

  await test.step('cross-origin POSTs are 403, malformed JSON is 400', async () => {
    const evil = { Origin: 'https://evil.example', ...EN };
    const generate = await asSeller.post('/api/codes/generate', { data: { buyer }, headers: evil });
    expect(generate.status()).toBe(403);
    expect(await errorOf(generate)).toEqual({ code: 'crossOrigin', message: messages.en.Errors.crossOrigin });
    const redeem = await asBuyer.post('/api/ratings/verify_code', { data: { code }, headers: evil });
    expect(redeem.status()).toBe(403);
    expect((await errorOf(redeem)).code).toBe('crossOrigin');
    const crossSite = await asSeller.post('/api/ratings/submit', { data: { codeId, safe: true }, headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(crossSite.status()).toBe(403);

    // A Buffer, sent as is (Playwright would JSON-encode a string body).
    const malformed = await asSeller.post('/api/codes/generate', { data: Buffer.from('{"buyer": '), headers: { 'Content-Type': 'application/json', ...EN } });
    expect(malformed.status()).toBe(400);
    expect(await errorOf(malformed)).toEqual({ code: 'badJson', message: messages.en.Errors.badJson });
    const empty = await asBuyer.post('/api/ratings/submit_rating', { headers: { 'Content-Type': 'application/json' } });
    expect(empty.status()).toBe(400);
    expect((await errorOf(empty)).code).toBe('badJson');
    const aString = await asBuyer.post('/api/ratings/submit_rating', { data: '"a JSON string"', headers: { 'Content-Type': 'application/json' } });
    expect(aString.status()).toBe(400);
    expect((await errorOf(aString)).code).toBe('invalid');
  });

  await test.step('history lists the encounter as redeemed and rated', async () => {
    const response = await asSeller.get('/api/codes/history');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
    const { encounters } = await response.json();
    expect(encounters).toHaveLength(3);
    const encounter = encounters.find((e: { id: string }) => e.id === codeId);
    expect(encounter).toMatchObject({ status: 'redeemed', buyer, bound: true, rated: true, canRate: false, code: null });
    expect(encounter.redeemedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const live = encounters.filter((e: { status: string }) => e.status === 'live');
    expect(live).toHaveLength(2);
    for (const e of live) {
      expect(e.code).toMatch(/^\d{6}$/);
      rememberSecret('code', e.code);
    }
  });

  await test.step('the public profile of the seller: 200, CORS-readable, signed out too', async () => {
    const response = await request.get(`/api/seller/${seller}/profile`, { headers: { Origin: 'https://a-seller.example' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    const profile = await response.json();
    expect(profile.pseudonym).toBe(seller);
    expect(profile.memberSince).toMatch(/^\d{4}-\d{2}$/);
    expect(profile).toHaveProperty('score');
    expect(profile).toHaveProperty('snapshotOn');

    const ofABuyer = await asSeller.get(`/api/seller/${buyer}/profile`, { headers: EN });
    expect(ofABuyer.status()).toBe(404);
    expect(ofABuyer.headers()['access-control-allow-origin']).toBe('*');
    expect(await errorOf(ofABuyer)).toEqual({ code: 'notFound', message: messages.en.Errors.notFound });
  });

  await test.step('five failed redemptions in an hour: the next attempt is 429', async () => {
    // Two failures so far (the used code, twice); format errors and refused requests do not count.
    for (let failure = 3; failure <= 5; failure++) {
      const response = await asBuyer.post('/api/ratings/verify_code', { data: { code } });
      expect(response.status()).toBe(400);
      expect((await errorOf(response)).code).toBe('invalidCode');
    }
    const limited = await asBuyer.post('/api/ratings/verify_code', { data: { code }, headers: EN });
    expect(limited.status()).toBe(429);
    expect(await errorOf(limited)).toEqual({ code: 'buyerLimit', message: messages.en.Validation.buyerLimit });
  });

  await sellerContext.close();
});
