import 'server-only';
import { decode } from 'next-auth/jwt';
import { env } from '@/lib/env';
import { secrets } from '@/lib/secrets';
import { resolveSession, type CurrentUser } from './sessions';

/** Secure `__Host-` cookie in production; plain `session` over http in development and local tests. */
export function sessionCookie(): { name: string; secure: boolean } {
  const secure = env().NODE_ENV === 'production' && env().INSECURE_COOKIES !== '1';
  return { name: secure ? '__Host-session' : 'session', secure };
}

const DECODED_MAX = 2000;
/** Cookie value → the session token inside and the cookie's expiry (seconds). Insertion order = age. */
const decoded = new Map<string, { st: string; exp: number }>();

/**
 * The session token inside the encrypted Auth.js cookie. Decrypting costs several WebCrypto calls,
 * so a cookie already decrypted is remembered (bounded, in this process only). What it grants is
 * still checked against the session table on every request, so ending a session works at once.
 */
export async function sessionToken(value: string | undefined): Promise<string | null> {
  if (!value) return null;
  const now = Date.now() / 1000;
  const known = decoded.get(value);
  if (known) return known.exp > now ? known.st : null;
  const token = await decode({ token: value, secret: secrets().authSecret, salt: sessionCookie().name }).catch(() => null);
  if (typeof token?.st !== 'string' || typeof token.exp !== 'number') return null;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { st: token.st, exp: token.exp });
  return token.st;
}

/**
 * The user behind a session cookie's value, checked against the session table. The cookie's own
 * expiry is the session's absolute one; the database decides everything else.
 */
export async function userOfSessionCookie(value: string | undefined): Promise<CurrentUser | null> {
  const token = await sessionToken(value);
  return token ? resolveSession(token) : null;
}

/**
 * One cookie from a Cookie header, read as Next.js's `cookies()` reads it (pairs split at `;` and
 * the spaces after it, a name alone means "true", values URI-decoded and an undecodable one
 * skipped, the last of a repeated name wins). test/unit/session-cookie.test.ts compares the two.
 */
export function cookieFromHeader(header: string | null | undefined, name: string): string | undefined {
  let found: string | undefined;
  // Trimmed of the whitespace HTTP allows around a value, as Headers (and Node's parser) trim it.
  for (const pair of (header ?? '').replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '').split(/; */)) {
    const at = pair.indexOf('=');
    if (at === -1) {
      if (pair === name) found = 'true';
      continue;
    }
    if (pair.slice(0, at) !== name) continue;
    try {
      found = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // skipped, as Next.js skips it
    }
  }
  return found;
}
