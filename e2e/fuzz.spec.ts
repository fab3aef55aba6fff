import { test } from '@playwright/test';
import fc from 'fast-check';
import { actionIds, expectContract } from './request-contract';

// Property-based fuzzing of the built server (issue 14): random paths, methods, headers and
// bodies, and server-action-like posts built from the real action ids of the sign-in page.
// Whatever arrives, the answer keeps the contract in ./request-contract.ts. fast-check shrinks
// a failure to its smallest request and prints the seed to replay it.

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

const segment = fc.oneof(
  fc.constantFrom('api', 'de', 'en', 'buyer', 'seller', 'codes', 'generate', 'history', 'ratings', 'submit', 'submit_rating', 'verify_code'),
  fc.constantFrom('messages', 'health', 'profile', 'reputation', 'sign-in', 's', 'r', 'guide', 'favicon.ico', 'metrics.csv', '_next', 'x.js'),
  fc.constantFrom('%', '%2', '%E0%A4%A', '%25', '%2525', '%00', '%C0%AF', '%FF', '%2F', '..%2F', '%0A', 'Kiki_77', ''),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const path = fc
  .tuple(fc.constantFrom('/api/', '/de/', '/en/', '/'), fc.array(segment, { maxLength: 4 }), fc.constantFrom('', '?x=1', '?next=%', '?a=%E0'))
  .map(([start, rest, query]) => `${start}${rest.join('/')}${query}`.replace(/\/+/g, '/'));

const method = fc.constantFrom('GET', 'GET', 'POST', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO');

const headers = fc.record(
  {
    'Accept-Language': fc.constantFrom('de', 'en', 'en-GB,en;q=0.9', 'xx', '*', ''),
    'Content-Type': fc.constantFrom('application/json', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/x-www-form-urlencoded', 'text/x-component', '*/*'),
    Origin: fc.constantFrom('null', 'https://evil.example', 'http://127.0.0.1:3100', 'not a url', ''),
    'Sec-Fetch-Site': fc.constantFrom('same-origin', 'cross-site', 'none'),
    'Next-Action': fc.oneof(fc.constantFrom('', 'x', '7f'.padEnd(42, '0')), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 40, maxLength: 42 })),
    'Next-Router-State-Tree': fc.constantFrom('%5B%22%22%5D', 'garbage', '[]'),
    Cookie: fc.constantFrom('authjs.session-token=garbage', 'a=%', 'NEXT_LOCALE=xx'),
    Range: fc.constantFrom('bytes=0-10', 'bytes=x'),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('["$K1"]', '["$@0"]', '{"$ACTION_ID_x":""}', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n', '--x\r\ngarbage'),
);

test('random requests: no 5xx, JSON errors under /api, security headers on HTML', async ({ request, baseURL }) => {
  test.setTimeout(RUNS * 1_500 + 60_000);
  await fc.assert(
    fc.asyncProperty(path, method, headers, body, async (p, m, h, b) => {
      const url = new URL(p, baseURL);
      const label = `${m} ${p} ${JSON.stringify(h)} ${JSON.stringify(b)?.slice(0, 80)}`;
      const response = await request.fetch(url.href, { method: m, headers: h, data: b, maxRedirects: 0, failOnStatusCode: false });
      await expectContract(response, url.pathname, m, label);
    }),
    { numRuns: RUNS },
  );
});

test('server-action posts with real action ids: foreign origins, wrong arguments, broken bodies', async ({ request, baseURL }) => {
  test.setTimeout(RUNS * 1_500 + 60_000);
  const ids = await actionIds(request, '/de/sign-in');
  test.expect(ids.length).toBeGreaterThan(0);
  const args = fc.oneof(
    fc.json({ maxDepth: 3 }).map((j) => `[${j}]`),
    fc.constantFrom('["$undefined","x"]', '[1,2,3]', '[null,{"a":1}]', '["$K1"]', '["$Q1"]', '["$@1"]', '[', ''),
  );
  const post = fc.record({
    id: fc.constantFrom(...ids),
    page: fc.constantFrom('/de/sign-in', '/en/sign-in', '/de/sign-up', '/de', '/api/health'),
    origin: fc.constantFrom(undefined, 'null', 'https://evil.example', new URL(baseURL!).origin),
    type: fc.constantFrom('text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'application/json'),
    args,
  });
  await fc.assert(
    fc.asyncProperty(post, async ({ id, page, origin, type, args: data }) => {
      const headers: Record<string, string> = { 'Next-Action': id, 'Content-Type': type, Accept: 'text/x-component', ...(origin ? { Origin: origin } : {}) };
      const response = await request.post(page, { headers, data, maxRedirects: 0, failOnStatusCode: false });
      await expectContract(response, page, 'POST', `${page} ${JSON.stringify(headers)} ${data}`);
    }),
    { numRuns: RUNS },
  );
});
