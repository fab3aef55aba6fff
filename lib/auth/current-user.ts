import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { secrets } from '@/lib/secrets';
import { sessionCookie } from './auth';
import { resolveSession, type CurrentUser } from './sessions';

export type { CurrentUser } from './sessions';

const DECODED_MAX = 2000;
/** Cookie value → the session token inside and the cookie's expiry (seconds). Insertion order = age. */
const decoded = new Map<string, { st: string; exp: number }>();

/**
 * The session token inside the encrypted Auth.js cookie. Decrypting costs several WebCrypto calls,
 * so a cookie already decrypted is remembered (bounded, in this process only). What it grants is
 * still checked against the session table on every request, so ending a session works at once.
 */
async function sessionToken(value: string, name: string): Promise<string | null> {
  const now = Date.now() / 1000;
  const known = decoded.get(value);
  if (known) return known.exp > now ? known.st : null;
  const token = await decode({ token: value, secret: secrets().authSecret, salt: name }).catch(() => null);
  if (typeof token?.st !== 'string' || typeof token.exp !== 'number') return null;
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(value, { st: token.st, exp: token.exp });
  return token.st;
}

/**
 * The signed-in user of this request, checked against the session table; once per request.
 * Reads the Auth.js cookie itself instead of calling auth(), which would also re-encrypt and
 * re-issue the cookie on every request (over half of a look-up's CPU time; README, Performance). The
 * cookie's own expiry is the session's absolute one; the database decides everything else.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const { name } = sessionCookie();
  const value = (await cookies()).get(name)?.value;
  if (!value) return null;
  const token = await sessionToken(value, name);
  return token ? resolveSession(token) : null;
});
