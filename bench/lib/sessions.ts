import { inArray } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { getDb } from '@/db/index';
import { users } from '@/db/schema';
import { startSession } from '@/lib/auth/sessions';
import { SESSION_ABSOLUTE_MS } from '@/db/queries/sessions';

/** The cookie name over plain http (INSECURE_COOKIES=1): Auth.js also uses it as the JWT salt. */
const COOKIE = 'session';

/**
 * Real sessions for benchmark accounts, as signing in would create them: a session row and the
 * encrypted Auth.js cookie carrying its token. Skips the password check (argon2 is deliberately
 * slow, and sign-in is not what is measured).
 */
export async function sessionCookies(pseudonyms: string[], authSecret: string): Promise<Map<string, string>> {
  const rows = await getDb().select({ id: users.id, key: users.pseudonymKey }).from(users).where(inArray(users.pseudonymKey, pseudonyms));
  if (rows.length !== pseudonyms.length) throw new Error(`Only ${rows.length} of ${pseudonyms.length} benchmark accounts exist: run npm run bench:data first.`);
  const cookies = new Map<string, string>();
  for (const { id, key } of rows) {
    const st = await startSession(id);
    const jwt = await encode({ token: { sub: id, st }, secret: authSecret, salt: COOKIE, maxAge: SESSION_ABSOLUTE_MS / 1000 });
    cookies.set(key, `${COOKIE}=${jwt}`);
  }
  return cookies;
}
