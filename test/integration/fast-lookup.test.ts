import http from 'node:http';
import { eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { createTranslator } from 'next-intl';
import { encode } from 'next-auth/jwt';
import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import { useDatabase } from '@/db/index';
import { endSession } from '@/db/queries/sessions';
import { DatabaseUnavailableError } from '@/lib/database-faults';
import { secrets } from '@/lib/secrets';
import { buyerCounters, users } from '@/db/schema';
import { withTestDatabase } from '../support/database';
import { databaseToday } from './helpers';
import { warning } from './message-support';
import { makeUser, type TestUser } from './screening-support';

// The lean handler in front of Next.js (lib/http/fast-lookup.ts) against the route handler it
// stands in for: for every kind of request, the same status, body and headers. The route reads its
// cookie through next/headers, here backed by Next.js's own cookie parser over the same header.
let cookieHeader = '';
vi.mock('next/headers', () => ({ cookies: async () => new RequestCookies(new Headers({ cookie: cookieHeader })) }));
vi.mock('next-intl/server', () => ({
  getTranslations: async ({ locale, namespace }: { locale: 'de' | 'en'; namespace: string }) =>
    createTranslator({ locale, messages: locale === 'de' ? de : en, namespace: namespace as 'Errors' }),
}));

const { fastLookup } = await import('@/lib/http/fast-lookup');
const { GET: route } = await import('@/app/api/buyer/[pseudonym]/reputation/route');
const { resolveSession, startSession } = await import('@/lib/auth/sessions');
const { submitReport } = await import('@/lib/reports/submit');
const { flushLookups } = await import('@/lib/reports/lookup-tally');

const testDb = withTestDatabase();
let server: http.Server;
let base = '';
let seller: TestUser, buyer: TestUser, coordinator: TestUser, newSeller: TestUser;
const cookieOf = async (user: TestUser) => {
  const st = await startSession(user.id);
  return { st, cookie: `session=${await encode({ token: { sub: user.id, st }, secret: secrets().authSecret, salt: 'session', maxAge: 3600 })}` };
};

beforeAll(async () => {
  seller = await makeUser('seller', 'fast-seller');
  buyer = await makeUser('buyer', 'fast-buyer');
  const reporter = await makeUser('seller', 'fast-reporter');
  coordinator = await makeUser('coordinator', 'fast-coordinator');
  newSeller = await makeUser('seller', 'fast-new-seller');
  await testDb.current().db.update(users).set({ mustChangePassword: true }).where(eq(users.id, newSeller.id));
  const today = await databaseToday(testDb.current().db);
  const filed = await submitReport(reporter.id, { category: 'robbery', severity: 'risky', occurredOn: today, pseudonym: 'no-account-yet' });
  expect(filed.ok).toBe(true);
  // A rated, reported and warned-about buyer: every part of the look-up's body has something in it.
  await testDb.current().db.insert(buyerCounters).values({ buyerId: buyer.id, ratings: 3, safeYes: 1, safeNo: 2, reliableYes: 2, reliableNo: 1, raters: 2, unsafeRaters: 1, unreliableRaters: 1, lastUnsafeOn: today });
  for (const [severity, description] of [['annoying', 'kept me waiting'], ['dangerous', 'took my phone']] as const) {
    expect((await submitReport(reporter.id, { category: 'other', severity, occurredOn: today, pseudonym: 'Fast-Buyer', description })).ok).toBe(true);
  }
  await warning(reporter.id, 'fast-buyer was rough', 'fast-buyer');
  server = http.createServer((req, res) => {
    if (!fastLookup(req, res)) res.writeHead(599).end('left to Next.js');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await flushLookups();
  server.close();
});

type Answer = { status: number; body: unknown; headers: Headers };

async function both(path: string, headers: Record<string, string>): Promise<{ fast: Answer; next: Answer }> {
  const fastResponse = await fetch(base + path, { headers });
  cookieHeader = headers.cookie ?? '';
  const pseudonym = decodeURIComponent(path.split('/')[3]!);
  const nextResponse = await route(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve({ pseudonym }) });
  const read = async (r: Response) => ({ status: r.status, body: await r.json(), headers: r.headers });
  return { fast: await read(fastResponse), next: await read(nextResponse) };
}

describe('the lean look-up handler answers as the route does', () => {
  it('for sellers, buyers, strangers, ended sessions, unknown, invalid and reported pseudonyms, in both languages', async () => {
    const own = await cookieOf(seller);
    const ended = await cookieOf(seller);
    expect(await endSession(seller.id, (await resolveSession(ended.st))!.sessionId)).toBe(true);
    const asBuyer = (await cookieOf(buyer)).cookie;
    const asCoordinator = (await cookieOf(coordinator)).cookie;
    const withOneTimePassword = (await cookieOf(newSeller)).cookie;
    const cases: [string, Record<string, string>, number][] = [
      ['/api/buyer/fast-buyer/reputation', { cookie: own.cookie }, 200],
      ['/api/buyer/FAST-buyer/reputation?x=1', { cookie: own.cookie, 'accept-language': 'en' }, 200],
      ['/api/buyer/nobody-at-all/reputation', { cookie: own.cookie }, 404],
      ['/api/buyer/no-account-yet/reputation', { cookie: own.cookie }, 200],
      ['/api/buyer/xy/reputation', { cookie: own.cookie, 'accept-language': 'en-GB,en;q=0.8' }, 400],
      ['/api/buyer/fast-buyer/reputation', {}, 401],
      ['/api/buyer/fast-buyer/reputation', { cookie: 'session=not-a-token', 'accept-language': 'en' }, 401],
      ['/api/buyer/fast-buyer/reputation', { cookie: `other=1; ${own.cookie.replace('session=', 'session=x')}` }, 401],
      ['/api/buyer/fast-buyer/reputation', { cookie: asBuyer }, 403],
      ['/api/buyer/fast-buyer/reputation', { cookie: asCoordinator, 'accept-language': 'en' }, 403],
      ['/api/buyer/fast-buyer/reputation', { cookie: withOneTimePassword }, 403],
      ['/api/buyer/xy/reputation', { cookie: asBuyer }, 403],
      ['/api/buyer/fast-buyer/reputation', { cookie: ended.cookie }, 401],
    ];
    for (const [path, headers, status] of cases) {
      const { fast, next } = await both(path, headers);
      expect({ path, status: fast.status, body: fast.body }).toEqual({ path, status, body: next.body });
      expect(next.status).toBe(status);
      for (const name of ['cache-control', 'content-type']) expect(fast.headers.get(name)).toBe(next.headers.get(name));
      expect(fast.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // Not only the same: the rated, reported and warned-about buyer's answer carries all of it.
    const { fast } = await both('/api/buyer/fast-buyer/reputation', { cookie: own.cookie, 'accept-language': 'en' });
    expect(fast.body).toMatchObject({
      found: true,
      verdict: { state: 'warnings', boardWarnings: 1 },
      counts: { ratings: 3, sellers: 2, unsafe: 2, unreliable: 1 },
      reports: [{ severity: expect.any(String) }, { severity: expect.any(String) }],
    });
    expect((fast.body as { reports: { description: string }[] }).reports.map((r) => r.description).sort()).toEqual(['kept me waiting', 'took my phone']);
  });

  it('answers a lost database with 503 and Retry-After, as the route does', async () => {
    const { cookie } = await cookieOf(seller);
    const working = testDb.current();
    const lost = () => {
      throw new DatabaseUnavailableError();
    };
    const gone = new Proxy({}, { get: lost }) as typeof working.db;
    useDatabase({ ...working, db: gone, lookUpDb: gone });
    try {
      const { fast, next } = await both('/api/buyer/fast-buyer/reputation', { cookie, 'accept-language': 'en' });
      expect(fast).toMatchObject({ status: 503, body: next.body });
      expect(next.status).toBe(503);
      expect(fast.headers.get('retry-after')).toBe('5');
    } finally {
      useDatabase(working);
    }
  });

  it('leaves to Next.js what it does not answer exactly as the route would', async () => {
    const { cookie } = await cookieOf(seller);
    const left = async (path: string, init: RequestInit = {}) => (await fetch(base + path, { ...init, headers: { cookie, ...init.headers } })).status;
    expect(await left('/api/buyer/fast-buyer/reputation', { method: 'HEAD' })).toBe(599);
    expect(await left('/api/buyer/fast-buyer/reputation', { method: 'POST', body: '{}' })).toBe(599);
    for (const path of ['/api/buyer/f%C3%BCr/reputation', '/api/buyer/../reputation', '/api/buyer/fast-buyer/reputation/', '/api/buyer//reputation', '/api/buyer/a/b/reputation', '/api/buyer/_x/reputation']) {
      expect({ path, status: await left(path) }).toEqual({ path, status: 599 });
    }
    // What proxy.ts refuses (here a streamed body of unknown length) is refused by Next.js, as before.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/api/buyer/fast-buyer/reputation`, { method: 'GET', headers: { cookie, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(streamed).toBe(599);
  });
});
