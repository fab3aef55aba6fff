import fc from 'fast-check';
import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies';
import { describe, expect, it } from 'vitest';
import { cookieFromHeader } from '@/lib/auth/session-cookie';

// The lean look-up handler reads the session cookie from the raw header; Next.js's cookies() reads
// it with this parser. They must agree on every header, or one path would see another user.
describe('cookieFromHeader reads a Cookie header as Next.js does', () => {
  const next = (header: string, name: string) => new RequestCookies(new Headers({ cookie: header })).get(name)?.value;

  it('on chosen headers: repeats, spaces, encodings, flags, near-miss names', () => {
    const headers = [
      'session=abc',
      'a=1; session=abc; b=2',
      'session=first; session=second',
      'session=%41%42; x=%',
      'session=%E0%A4%A',
      'xsession=abc;session =x; session',
      ' session=abc',
      'session=a=b=c;;;session2=d',
      '',
    ];
    for (const header of headers) expect({ header, value: cookieFromHeader(header, 'session') }).toEqual({ header, value: next(header, 'session') });
  });

  it('on generated headers', () => {
    const part = fc.oneof(fc.constantFrom('session', 'Session', 'session ', ' session', '\tsession', 'x', '', '='), fc.string({ maxLength: 6 }));
    const pair = fc.tuple(part, fc.constantFrom('=', ''), fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('%', '%41', 'abc.def', '%zz')));
    const header = fc.array(fc.tuple(pair, fc.constantFrom('; ', ';', ';  ')), { maxLength: 6 }).map((pairs) => pairs.map(([[k, eq, v], sep]) => `${k}${eq}${v}${sep}`).join(''));
    fc.assert(
      fc.property(header, (h) => {
        // Headers cannot hold control characters other than tab, nor line breaks.
        fc.pre(!/[\0-\x08\x0a-\x1f\x7f]/.test(h));
        expect(cookieFromHeader(h, 'session')).toBe(next(h, 'session'));
      }),
      { numRuns: 2000 },
    );
  });
});
